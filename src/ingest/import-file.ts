// The shared import pipeline: hash, detect the layout, frame every physical line, then let the store read and map the records.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { importDataset, previousImport, type DatasetSource, type ImportCounts } from '../store/dataset-import.js';
import type { Store } from '../store/store.js';
import type { DatasetFormat, DatasetLayout } from './dataset-layout.js';
import { hashFile } from './file-hash.js';
import { headOf } from './read-head.js';
import { frameRecords, type FrameLimits, type FrameReject, type FrameSummary } from './record-frames.js';
import { DEFAULT_ZIP_LIMITS, openZipMember, type ZipLimits } from './zip-member.js';

export { DATASET_CONFIDENCE, IMPORT_MEMORY_LIMIT } from '../store/dataset-import.js';

/** Which events to keep, and whether to import a file again that was imported before under the same filter. */
export interface ImportOptions {
  /** ISO3 codes: keep events with an actor from, or an action located in, one of them. */
  readonly countries?: readonly string[];
  /** First day kept, YYYY-MM-DD. */
  readonly from?: string;
  /** Last day kept, YYYY-MM-DD. */
  readonly to?: string;
  /** Read the file even if a file with the same content was imported under the same filter (duplicates are still skipped). */
  readonly force?: boolean;
  /** Called while the store reads the file, with the fraction done. */
  readonly onProgress?: (fraction: number) => void;
  /** Bounds on one record (defaults: 1 MiB, 200 lines). */
  readonly limits?: Partial<FrameLimits>;
  /** How far a .zip member may expand (defaults: 16 GiB, 200×). */
  readonly zip?: Partial<ZipLimits>;
  /** Where the framed copy of a file is written while it imports (default: the system's temporary directory). */
  readonly workDir?: string;
}

/** What happened to one file; `rows` = `imported` + `duplicates` + `malformed` + `filtered`; `lines` = `rows` + `joinedLines`. */
export interface FileReport extends Omit<ImportCounts, 'rejects'> {
  readonly file: string;
  readonly hash: string;
  /** True when the same content had been imported under the same filter: the file was not read again and the counts are those of that import. */
  readonly skipped: boolean;
  /** `file:line: reason`, one per malformed row, in line order (the first 1,000; all are in `import_rejects`). */
  readonly rejects: readonly string[];
  /** Malformed rows beyond those listed in `rejects`. */
  readonly moreRejects: number;
}

/** The filter as a canonical string: part of what makes two imports of the same content the same. */
export function filterKey(o: ImportOptions): string {
  return JSON.stringify({ countries: [...(o.countries ?? [])].sort(), from: o.from ?? null, to: o.to ?? null });
}

/** Checks the filter values before they are written into SQL. */
function validateOptions(o: ImportOptions): void {
  for (const c of o.countries ?? []) {
    if (!/^[A-Z][A-Z0-9]{2,}$/.test(c)) throw new UserError('ingest', `"${c}" is not an ISO3 country code such as AZE`, { field: '--countries' });
  }
  for (const [field, v] of [['--from', o.from], ['--to', o.to]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UserError('ingest', `"${v}" is not a day written YYYY-MM-DD`, { field });
  }
}

const READ_CHUNK = 4 << 20;

function framing(format: DatasetFormat, layout: DatasetLayout, o: ImportOptions) {
  return {
    delim: layout.dialect.delim,
    quote: layout.dialect.quote,
    headerLines: layout.dialect.headerLines,
    labels: layout.columns.map((c) => c.label),
    limits: { ...format.limits, ...o.limits },
  };
}

/** Frames `input` into a copy holding each accepted record with its physical line first, and the refused lines as NDJSON. */
async function frameToCopy(input: AsyncIterable<Buffer>, format: DatasetFormat, layout: DatasetLayout, dir: string, o: ImportOptions): Promise<DatasetSource> {
  const path = join(dir, 'records.csv');
  const rejectsPath = join(dir, 'rejects.ndjson');
  const out = openSync(path, 'w');
  const rej = openSync(rejectsPath, 'w');
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) writeSync(rej, pending.join(''));
    pending = [];
  };
  let frame: FrameSummary;
  try {
    frame = await frameRecords(input, {
      ...framing(format, layout, o),
      sink: (chunk) => {
        writeSync(out, chunk);
      },
      onReject: (r: FrameReject) => {
        pending.push(`${JSON.stringify(r)}\n`);
        if (pending.length >= 1000) flush();
      },
    });
    flush();
  } finally {
    closeSync(out);
    closeSync(rej);
  }
  return { path, framed: true, rejectsPath: frame.rejected > 0 ? rejectsPath : null, frame };
}

function toReport(file: string, hash: string, skipped: boolean, c: ImportCounts): FileReport {
  return {
    ...c,
    file,
    hash,
    skipped,
    rejects: c.rejects.map((r) => `${file}:${r.line ?? '?'}: ${r.reason}`),
    moreRejects: Math.max(0, c.malformed - c.rejects.length),
  };
}

/**
 * Imports one dataset file (plain or a .zip holding one file) into `events` in one transaction. Every physical
 * line is accounted for: imported, a duplicate (its dataset id repeats within the file or is already stored),
 * filtered out, or malformed and reported by its line. Importing the same content under the same filter again
 * reads nothing and changes nothing.
 */
export async function importFile(store: Store, format: DatasetFormat, file: string, options: ImportOptions = {}): Promise<FileReport> {
  validateOptions(options);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    throw new UserError(format.module, 'no such file', { file });
  }
  if (isDirectory) throw new UserError(format.module, 'is a directory; give the dataset files inside it', { file });
  const filter = filterKey(options);
  const dir = mkdtempSync(join(options.workDir ?? tmpdir(), 'faultline-import-'));
  try {
    let hash: string;
    let layout: DatasetLayout;
    let source: DatasetSource;
    if (file.toLowerCase().endsWith('.zip')) {
      hash = await hashFile(file);
      const prev = options.force ? null : await previousImport(store, format.origin, hash, filter);
      if (prev) return toReport(file, hash, true, prev);
      const member = await openZipMember(file, format.module, { ...DEFAULT_ZIP_LIMITS, ...options.zip });
      try {
        layout = format.detect(await headOf(await member.open()), file);
        source = await frameToCopy(await member.open(), format, layout, dir, options);
      } finally {
        member.close();
      }
    } else {
      layout = format.detect(await headOf(createReadStream(file, { highWaterMark: 1 << 20 })), file);
      // One pass hashes the file and checks whether a CSV reader may read it as it is.
      const sha = createHash('sha256');
      const scan = await frameRecords(createReadStream(file, { highWaterMark: READ_CHUNK }), { ...framing(format, layout, options), hash: sha });
      hash = sha.digest('hex');
      const prev = options.force ? null : await previousImport(store, format.origin, hash, filter);
      if (prev) return toReport(file, hash, true, prev);
      source = scan.plain
        ? { path: file, framed: false, rejectsPath: null, frame: scan }
        : await frameToCopy(createReadStream(file, { highWaterMark: READ_CHUNK }), format, layout, dir, options);
    }
    const counts = await importDataset(store, {
      origin: format.origin, file, hash, filter, layout, source,
      countries: options.countries, from: options.from, to: options.to, onProgress: options.onProgress,
    });
    return toReport(file, hash, false, counts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
