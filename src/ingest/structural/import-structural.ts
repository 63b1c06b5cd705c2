// Imports one structural file (UNGA, SIPRI, UCDP or a data/structural table) in one transaction, accounting for every physical line.
import { statSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import {
  appendToStage, createLookup, deleteOrigin, mapStage, priorStructuralImport, recordStructuralImport, stageFile, stagedValues, withImportMemory,
  writeSupplierTotals, type ReaderError,
} from '../../store/structural-import.js';
import { hashFile } from '../file-hash.js';
import { headerCells, headerLineOf, type FileFormat } from './format.js';
import { headLines, linesOfRecords, scanLines } from './lines.js';
import { lookupsFor } from './lookups.js';
import { SIPRI_WORLD_COVERAGE } from './sipri.js';

/**
 * What became of one file. Every physical line is counted once:
 * `lines = preamble + blank + imported + duplicates + malformed + joined + unaccounted`, and `unaccounted` is 0.
 */
export interface StructuralReport {
  readonly file: string;
  readonly kind: FileFormat['kind'];
  readonly title: string;
  readonly hash: string;
  /** The same content had been imported before: nothing was read and the counts are those of that import. */
  readonly skipped: boolean;
  readonly lines: number;
  /** Preamble and header lines. */
  readonly preamble: number;
  readonly blank: number;
  readonly imported: number;
  /** Rows whose key (state-year, roll call and state, deal, conflict-year …) repeats within the file or is already stored. */
  readonly duplicates: number;
  readonly malformed: number;
  /** Lines that continue a record broken by a line break (SIPRI comments), joined to the line before. */
  readonly joined: number;
  readonly unaccounted: number;
  /** `file:line: reason`, one per malformed record, in line order. */
  readonly rejects: readonly string[];
  /** Codebook gaps and other things kept but worth knowing. */
  readonly warnings: readonly string[];
}

export interface StructuralImportOptions {
  /** Read the file even if the same content was imported before (duplicates are still skipped). */
  readonly force?: boolean;
  /** Origin written on the rows (default: the dataset's name). */
  readonly origin?: string;
  /** Replace the rows of this origin instead of keeping them (built-in tables: a new release of a table replaces the old). */
  readonly replaceOrigin?: boolean;
}

interface Reject {
  readonly line: number | null;
  readonly reason: string;
}

/** One line per rejected line: DuckDB logs one error per bad cell and one per missing column. */
function describeErrors(errors: readonly ReaderError[], expected: number): string {
  const reasons: string[] = [];
  const counts = errors.filter((e) => e.type === 'MISSING COLUMNS' || e.type === 'TOO MANY COLUMNS');
  if (counts.length > 0) {
    const found = counts.map((e) => Number(/Found: (\d+)/.exec(e.message)?.[1] ?? NaN)).filter(Number.isFinite);
    const n = counts[0].type === 'MISSING COLUMNS' ? Math.min(...found) : Math.max(...found);
    reasons.push(`${Number.isFinite(n) ? n : '?'} columns, expected ${expected}`);
  }
  for (const e of errors) {
    if (e.type === 'MISSING COLUMNS' || e.type === 'TOO MANY COLUMNS') continue;
    const field = e.column ? `${e.column}: ` : '';
    if (e.type === 'CAST') {
      const m = /Could not convert string "(.*)" to '(.+)'\s*$/m.exec(e.message.split('\n')[0]);
      const type = m ? (m[2].startsWith('ENUM') ? `one of ${m[2].slice(5, -1)}` : `a valid ${m[2].toLowerCase()}`) : '';
      reasons.push(m ? `${field}"${m[1]}" is not ${type}` : `${field}${e.message.split('\n')[0]}`);
    } else if (e.type === 'INVALID ENCODING') {
      reasons.push(`${field}invalid UTF-8`);
    } else {
      reasons.push(`${field}${e.message.split('\n')[0]}`);
    }
  }
  return [...new Set(reasons)].join('; ');
}

const leadingBreaks = (s: string): number => /^(?:\r?\n)*/.exec(s)![0].split('\n').length - 1;

/** Groups reader errors by record, with the physical line each starts on. */
function errorsByLine(errors: readonly ReaderError[], lineAt: ReadonlyMap<number, number>): Map<number, ReaderError[]> {
  const out = new Map<number, ReaderError[]>();
  for (const e of errors) {
    // DuckDB's line numbers drift near blank lines; its byte positions (1-based) do not.
    const line = lineAt.get(e.position - 1)! + leadingBreaks(e.csvLine);
    out.set(line, [...(out.get(line) ?? []), e]);
  }
  return out;
}

/** Checks the header (and preamble) before anything is read; returns the header's line and the first lines. */
async function checkHeader(format: FileFormat, file: string): Promise<{ headerLine: number; head: string[] }> {
  const head = await headLines(file, 64, format.csv.encoding);
  const headerLine = headerLineOf(format, head);
  const problem = format.checkPreamble?.(head);
  if (problem) throw new UserError(format.module, problem, { file, line: 1 });
  // DuckDB's `skip` reads quotes, so a quote in a skipped line would swallow the lines after it.
  const quoted = format.csv.quote ? head.slice(0, headerLine - 1).findIndex((l) => l.includes(format.csv.quote)) : -1;
  if (quoted >= 0) throw new UserError(format.module, `a line before the header holds a ${format.csv.quote} character, which would hide the lines after it from the reader`, { file, line: quoted + 1 });
  const line = head[headerLine - 1];
  if (line === undefined) throw new UserError(format.module, `no header line: expected that of the ${format.title} file`, { file, line: headerLine });
  const cells = headerCells(line, format);
  const k = format.header.findIndex((h, i) => cells[i] !== h);
  if (k >= 0 || cells.length !== format.header.length) {
    const at = k >= 0 ? `column ${k + 1} is "${cells[k] ?? ''}", expected "${format.header[k]}"` : `${cells.length} columns, expected ${format.header.length}`;
    throw new UserError(format.module, `not the header of the ${format.title} file: ${at}`, { file, line: headerLine });
  }
  return { headerLine, head };
}

/**
 * Imports `file` as `format` in one transaction: DuckDB reads it with explicit types; rejected lines are reported
 * by line and kept in `structural_rejects`; records split by a line break are joined where the format allows it;
 * repeated keys are duplicates. Importing the same content again reads nothing and changes nothing.
 */
export async function importStructuralFile(store: Store, format: FileFormat, file: string, o: StructuralImportOptions = {}): Promise<StructuralReport> {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new UserError(format.module, 'no such file', { file });
  }
  const { headerLine, head } = await checkHeader(format, file);
  const hash = await hashFile(file);
  const base = { file, kind: format.kind, title: format.title, hash };
  if (!o.force) {
    const prev = await priorStructuralImport(store, format.kind, hash);
    if (prev) {
      return {
        ...base, skipped: true, lines: prev.lines, preamble: prev.preamble, blank: prev.blank, imported: prev.imported, duplicates: prev.duplicates,
        malformed: prev.malformed, joined: prev.joined, unaccounted: 0, warnings: prev.warnings,
        rejects: prev.rejects.map((r) => `${file}:${r.line ?? '?'}: ${r.reason}`),
      };
    }
  }
  const origin = o.origin ?? format.dataset;
  const tmp = mkdtempSync(join(tmpdir(), 'faultline-structural-'));
  try {
    return await withImportMemory(store, () =>
      store.transaction(async (tx) => {
        const { errors } = await stageFile(tx, file, format.csv, headerLine);
        const scan = await scanLines(file, { skip: headerLine, encoding: format.csv.encoding, offsets: errors.map((e) => e.position - 1) });
        const byLine = errorsByLine(errors, scan.lineAt);
        const rejects: Reject[] = [];
        const warnings: string[] = [];
        let joined = 0;
        const readerLines = new Set(byLine.keys());
        const pending = new Map(byLine);

        if (format.joinBrokenLines) {
          const repaired = joinRuns(byLine, format);
          if (repaired.length > 0) {
            const path = join(tmp, 'joined.csv');
            writeFileSync(path, repaired.map((r) => r.text).join('\n') + '\n');
            const extra = await appendToStage(tx, path, { ...format.csv, encoding: 'utf-8' }, repaired.map((r) => r.lines[0]));
            // An error in the joined file is one of its records: find which by its byte position.
            const starts: number[] = [];
            let at = 0;
            for (const r of repaired) {
              starts.push(at);
              at += Buffer.byteLength(r.text) + 1;
            }
            for (const r of repaired) {
              for (const l of r.lines) pending.delete(l);
              joined += r.lines.length - 1;
              warnings.push(`lines ${r.lines[0]}–${r.lines.at(-1)}: one record broken by a line break in a comment; read as one`);
            }
            const bad = new Map<number, ReaderError[]>();
            for (const e of extra) {
              const k = starts.findLastIndex((s) => s <= e.position - 1);
              bad.set(k, [...(bad.get(k) ?? []), e]);
            }
            for (const [k, es] of bad) rejects.push({ line: repaired[k].lines[0], reason: describeErrors(es, format.csv.columns.length) });
          }
        }
        for (const [line, es] of pending) rejects.push({ line, reason: describeErrors(es, format.csv.columns.length) });

        const { lookups, warnings: gaps } = lookupsFor(format.kind, await stagedValues(tx, format.kind));
        warnings.push(...gaps);
        for (const l of lookups) await createLookup(tx, l.table, l.columns, l.rows);
        if (o.replaceOrigin) await deleteOrigin(tx, format.kind, origin);
        const mapped = await mapStage(tx, format.kind, origin);
        const ordinals = mapped.refused.flatMap((r) => (r.line === null && r.ordinal !== null ? [r.ordinal] : []));
        const lineOf = await linesOfRecords(file, ordinals, headerLine, readerLines);
        for (const r of mapped.refused) rejects.push({ line: r.line ?? (r.ordinal === null ? null : (lineOf.get(r.ordinal) ?? null)), reason: r.reason });
        rejects.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));

        if (format.kind === 'sipri-arms') {
          if (SIPRI_WORLD_COVERAGE.test(head[0] ?? '')) await writeSupplierTotals(tx, origin);
          else warnings.push("the export does not cover all suppliers and recipients (line 1), so suppliers' world totals were not updated");
        }

        const malformed = rejects.length;
        const counted = headerLine + scan.blank + mapped.imported + mapped.duplicates + malformed + joined;
        const unaccounted = scan.lines - counted;
        if (unaccounted !== 0) warnings.push(`${unaccounted} line(s) not accounted for: please report this file`);
        const record = {
          dataset: format.kind, file, hash, lines: scan.lines, preamble: headerLine, blank: scan.blank, imported: mapped.imported,
          duplicates: mapped.duplicates, malformed, joined, warnings,
        };
        await recordStructuralImport(tx, record, rejects);
        return { ...base, ...record, skipped: false, unaccounted, rejects: rejects.map((r) => `${file}:${r.line ?? '?'}: ${r.reason}`), warnings };
      }),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Runs of consecutive rejected lines whose cells add up to a whole record once each line break is taken as part
 * of the last cell of the line before (the SIPRI comment column): the joined text of each, with its lines.
 */
function joinRuns(byLine: ReadonlyMap<number, readonly ReaderError[]>, format: FileFormat): { lines: number[]; text: string }[] {
  const expected = format.csv.columns.length;
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  const text = (l: number) => byLine.get(l)![0].csvLine.replace(/^(?:\r?\n)+/, '').replace(/\r$/, '');
  const cells = (l: number) => text(l).split(format.csv.delim).length;
  const out: { lines: number[]; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let n = cells(lines[i]);
    if (n >= expected) continue;
    const run = [lines[i]];
    let j = i + 1;
    while (n < expected && j < lines.length && lines[j] === run.at(-1)! + 1) {
      n += cells(lines[j]) - 1;
      run.push(lines[j++]);
    }
    if (n !== expected || run.length < 2) continue;
    // The break sits inside a cell: join with a space, as the comment reads.
    out.push({ lines: run, text: run.map(text).reduce((acc, t) => acc + (t.startsWith(format.csv.delim) ? '' : ' ') + t) });
    i = j - 1;
  }
  return out;
}
