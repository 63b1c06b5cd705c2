// Imports one dataset file wherever the store keeps its dataset events: into the DuckDB store itself, or — for an
// external backend such as a ClickHouse cluster — parsed by the same pipeline into a staging DuckDB store and copied.
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { openStore } from '../store/duckdb-store.js';
import { REPORTED_REJECTS } from '../store/dataset-import.js';
import type { Store } from '../store/store.js';
import type { DatasetFormat } from './dataset-layout.js';
import { hashFile } from './file-hash.js';
import { filterKey, importFile, type FileReport, type ImportOptions } from './import-file.js';

/**
 * `importFile` for any dataset backend. With an external one the file is parsed and its rows rejected exactly as
 * `importFile` does (it runs, unfiltered, on a throwaway store), and the backend applies the filter and the
 * duplicates rule (ids it already holds); the same content under the same filter is not read twice.
 */
export async function importDatasetFile(store: Store, format: DatasetFormat, file: string, options: ImportOptions = {}): Promise<FileReport> {
  const sink = store.datasets.imports;
  if (!sink) return importFile(store, format, file, options);
  try {
    statSync(file);
  } catch {
    throw new UserError(format.module, 'no such file', { file });
  }
  const hash = await hashFile(file);
  const key = filterKey(options);
  if (!options.force) {
    const prev = await sink.previous(format.origin, hash, key);
    if (prev) {
      const { rejects, ...counts } = prev;
      const listed = rejects.slice(0, REPORTED_REJECTS);
      return { file, hash, skipped: true, ...counts, rejects: listed.map((r) => `${file}:${r.line ?? '?'}: ${r.reason}`), moreRejects: rejects.length - listed.length };
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'faultline-stage-'));
  const staged = await openStore(join(dir, 'stage.duckdb'));
  try {
    const progress = options.onProgress;
    const r = await importFile(staged, format, file, { force: true, onProgress: progress && ((f) => progress(f / 2)) });
    const filter = { countries: options.countries, from: options.from, to: options.to };
    const counts = await sink.write(
      staged,
      { origin: format.origin, file, hash, filterKey: key, filter, variant: r.variant, lines: r.lines, joinedLines: r.joinedLines, rows: r.rows, duplicates: r.duplicates, malformed: r.malformed },
      progress && ((f) => progress(0.5 + f / 2)),
    );
    return { ...r, skipped: false, ...counts };
  } finally {
    staged.close();
    await rm(dir, { recursive: true, force: true });
  }
}
