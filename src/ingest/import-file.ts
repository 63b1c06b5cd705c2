// The shared import pipeline: DuckDB reads a dataset file, bad rows are reported by line, good rows become events.
import { statSync } from 'node:fs';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import type { CsvLayout, DatasetFormat, DatasetLayout, EventColumn } from './dataset-layout.js';
import { hashFile } from './file-hash.js';
import { sqlName, sqlString } from './lookup-table.js';
import { lineNumbersOf } from './record-lines.js';
import { extractSingleMember } from './zip-member.js';

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
  /** Called while DuckDB reads the file, with the fraction done. */
  readonly onProgress?: (fraction: number) => void;
}

/** What happened to one file; `rows` = `imported` + `duplicates` + `malformed` + `filtered`. */
export interface FileReport {
  readonly file: string;
  readonly variant: string;
  readonly hash: string;
  /** True when the same content had been imported under the same filter: the file was not read again and the counts are those of that import. */
  readonly skipped: boolean;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly malformed: number;
  readonly filtered: number;
  /** `file:line: reason`, one per malformed row, in line order. */
  readonly rejects: readonly string[];
}

/** Confidence given to events from bulk-coded datasets (machine-coded, unreviewed). */
export const DATASET_CONFIDENCE = 0.5;

/** DuckDB's memory limit while importing, so that a file of any size imports within about a gigabyte. */
export const IMPORT_MEMORY_LIMIT = '512MB';

const STAGE = 'import_stage';
const MAPPED = 'import_mapped';
const SKIP = 'import_skip';
const REJECT_ERRORS = 'import_reject_errors';
const REJECT_SCANS = 'import_reject_scans';

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

function readCsvSql(path: string, csv: CsvLayout): string {
  const columns = `{${csv.columns.map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`).join(', ')}}`;
  const options = [
    `columns = ${columns}`,
    `delim = ${sqlString(csv.delim)}`,
    `quote = ${sqlString(csv.quote)}`,
    `escape = ${sqlString(csv.quote)}`,
    `header = false`,
    `skip = ${csv.skip}`,
    `nullstr = [${csv.nullstr.map(sqlString).join(', ')}]`,
    ...(csv.dateformat ? [`dateformat = ${sqlString(csv.dateformat)}`] : []),
    `auto_detect = false`,
    `strict_mode = true`,
    `null_padding = false`,
    `store_rejects = true`,
    `rejects_table = ${sqlString(REJECT_ERRORS)}`,
    `rejects_scan = ${sqlString(REJECT_SCANS)}`,
  ];
  return `read_csv(${sqlString(path)}, ${options.join(', ')})`;
}

/** One line per rejected line: DuckDB logs one error per bad cell (and one per missing column). */
function describeCsvErrors(errors: ReadonlyArray<{ type: string; column: string | null; message: string }>, expected: number): string {
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
      const m = /Could not convert string "(.*)" to '(\w+)'/.exec(e.message);
      reasons.push(m ? `${field}"${m[1]}" is not a valid ${m[2].toLowerCase()}` : `${field}${e.message}`);
    } else if (e.type === 'INVALID ENCODING') {
      reasons.push(`${field}invalid UTF-8`);
    } else {
      reasons.push(`${field}${e.message.split('\n')[0]}`);
    }
  }
  return [...new Set(reasons)].join('; ');
}

async function scalar(tx: Store, sql: string, params?: readonly (string | number)[]): Promise<number> {
  const rows = await tx.all<Record<string, unknown>>(sql, params);
  return Number(Object.values(rows[0] ?? { n: 0 })[0] ?? 0);
}

/** Polls DuckDB's progress for the running statement while `work` runs. */
async function withProgress<T>(store: Store, onProgress: ((f: number) => void) | undefined, work: () => Promise<T>): Promise<T> {
  if (!onProgress) return work();
  // DuckDB tracks progress only with its progress bar on; it must not print it itself.
  await store.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  const timer = setInterval(() => {
    const p = store.connection.progress;
    if (p.percentage >= 0) onProgress(Math.min(1, p.percentage / 100));
  }, 200);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    onProgress(1);
  }
}

const EVENT_COLUMNS: readonly EventColumn[] = [
  'date_start', 'date_end', 'precision', 'cameo', 'quad', 'goldstein', 'plover',
  'source_countries', 'target_countries', 'source_code', 'target_code', 'source_country', 'target_country',
  'location', 'location_country', 'summary', 'extra',
];

/**
 * Imports one dataset file (plain or a .zip holding one file) into `events` in one transaction. Malformed rows
 * are reported with their line and skipped; rows whose dataset id is already stored (or repeats within the
 * file) are counted as duplicates; the rest that pass the filter are inserted. Importing the same content
 * under the same filter again reads nothing and changes nothing.
 */
export async function importFile(store: Store, format: DatasetFormat, file: string, options: ImportOptions = {}): Promise<FileReport> {
  validateOptions(options);
  try {
    statSync(file);
  } catch {
    throw new UserError(format.module, 'no such file', { file });
  }
  const hash = await hashFile(file);
  const filter = filterKey(options);
  if (!options.force) {
    const [prev] = await store.all<Record<string, string>>(
      `SELECT variant, rows, imported, duplicates, malformed, filtered FROM imports
       WHERE origin = $1 AND hash = $2 AND filter = $3 ORDER BY imported_at DESC LIMIT 1`,
      [format.origin, hash, filter],
    );
    if (prev) {
      const rejects = await store.all<{ line: number | null; reason: string }>(
        'SELECT DISTINCT line, reason FROM import_rejects WHERE origin = $1 AND hash = $2 ORDER BY line', [format.origin, hash]);
      return {
        file, variant: prev.variant, hash, skipped: true, rows: Number(prev.rows), imported: Number(prev.imported),
        duplicates: Number(prev.duplicates), malformed: Number(prev.malformed), filtered: Number(prev.filtered),
        rejects: rejects.map((r) => `${file}:${r.line ?? '?'}: ${r.reason}`),
      };
    }
  }

  const zipped = file.toLowerCase().endsWith('.zip') ? await extractSingleMember(file, format.module) : null;
  const path = zipped?.path ?? file;
  // DuckDB's default limit is most of the machine's memory; a lower one makes the staged file spill to disk instead.
  const [{ limit }] = await store.all<{ limit: string }>(`SELECT current_setting('memory_limit') AS limit`);
  await store.run(`SET memory_limit = ${sqlString(IMPORT_MEMORY_LIMIT)}`);
  try {
    const layout = await format.detect(path, file, store);
    return await store.transaction((tx) => importLayout(tx, format, layout, { file, path, hash, filter }, options));
  } finally {
    await store.run(`SET memory_limit = ${sqlString(limit)}`).catch(() => undefined);
    zipped?.dispose();
    await store.run(`DROP VIEW IF EXISTS ${MAPPED}`).catch(() => undefined);
    for (const t of [STAGE, SKIP]) await store.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
  }
}

interface Target {
  readonly file: string;
  readonly path: string;
  readonly hash: string;
  readonly filter: string;
}

async function importLayout(tx: Store, format: DatasetFormat, layout: DatasetLayout, t: Target, o: ImportOptions): Promise<FileReport> {
  const origin = format.origin;
  for (const table of [REJECT_ERRORS, REJECT_SCANS]) await tx.run(`DROP TABLE IF EXISTS ${table}`);
  // Staging keeps every column: DuckDB 1.5 fails on projected reads when rows are rejected.
  await withProgress(tx, o.onProgress, () => tx.run(`CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM ${readCsvSql(t.path, layout.csv)}`));
  await layout.prepare(tx);

  // Lines DuckDB's reader refused: wrong column counts, bad casts, invalid UTF-8.
  const errors = await tx.all<{ line: string; type: string; column: string | null; message: string }>(
    `SELECT line::VARCHAR AS line, error_type AS type, column_name AS column, error_message AS message
     FROM ${REJECT_ERRORS} ORDER BY line, column_idx`,
  );
  const byLine = new Map<number, typeof errors>();
  for (const e of errors) byLine.set(Number(e.line), [...(byLine.get(Number(e.line)) ?? []), e]);
  const rejects: Array<{ line: number | null; reason: string }> = [...byLine].map(([line, es]) => ({
    line,
    reason: describeCsvErrors(es, layout.csv.columns.length),
  }));

  // Rows the mapping refuses; their line numbers are recovered from their order among the accepted rows
  // (rowids of a temporary table start at a large offset, hence the subtraction).
  const reject = layout.checks.length
    ? `CASE ${layout.checks.map((c) => `WHEN ${c.when} THEN ${c.reason}`).join(' ')} END`
    : 'NULL::VARCHAR';
  await tx.run(
    `CREATE OR REPLACE TEMP VIEW ${MAPPED} AS
     SELECT s.rowid - (SELECT min(rowid) FROM ${STAGE}) + 1 AS ord, ${reject} AS reject, (${layout.id})::VARCHAR AS origin_row,
       ${EVENT_COLUMNS.map((c) => `${layout.columns[c]} AS ${c}`).join(',\n       ')}
     FROM ${STAGE} s ${layout.joins}`,
  );
  const refused = await tx.all<{ ord: string; reason: string }>(`SELECT ord::VARCHAR AS ord, reject AS reason FROM ${MAPPED} WHERE reject IS NOT NULL ORDER BY ord`);
  if (refused.length > 0) {
    const lines = await lineNumbersOf(t.path, refused.map((r) => Number(r.ord)), layout.csv.skip, new Set(byLine.keys()));
    for (const r of refused) rejects.push({ line: lines.get(Number(r.ord)) ?? null, reason: r.reason });
  }
  rejects.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));

  // Duplicates: later repeats of an id within the file, and ids already stored (from earlier files or runs).
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${SKIP} AS
     SELECT ord FROM (
       SELECT ord, origin_row, row_number() OVER (PARTITION BY origin_row ORDER BY ord) AS k FROM ${MAPPED} WHERE reject IS NULL
     ) WHERE k > 1 OR origin_row IN (SELECT origin_row FROM events WHERE origin = ${sqlString(origin)})`,
  );
  const staged = await scalar(tx, `SELECT count(*) FROM ${STAGE}`);
  const duplicates = await scalar(tx, `SELECT count(*) FROM ${SKIP}`);

  const keep: string[] = [];
  if (o.countries?.length) {
    const list = `[${o.countries.map(sqlString).join(', ')}]::VARCHAR[]`;
    keep.push(`(list_has_any(source_countries, ${list}) OR list_has_any(target_countries, ${list}) OR list_contains(${list}, location_country))`);
  }
  if (o.from) keep.push(`date_end >= DATE ${sqlString(o.from)}`);
  if (o.to) keep.push(`date_start <= DATE ${sqlString(o.to)}`);
  const imported = await scalar(
    tx,
    `INSERT INTO events
     SELECT ${sqlString(origin)} || ':' || origin_row, ${sqlString(origin)}, origin_row, date_start, date_end, precision,
       cameo, quad, goldstein, plover, []::VARCHAR[], []::VARCHAR[], []::VARCHAR[], source_countries, target_countries,
       source_code, target_code, source_country, target_country, location, location_country, summary, []::VARCHAR[],
       ${DATASET_CONFIDENCE}, false, false, extra, 'reported', 'accepted'
     FROM ${MAPPED}
     WHERE reject IS NULL AND ord NOT IN (SELECT ord FROM ${SKIP}) ${keep.map((k) => `AND ${k}`).join(' ')}`,
  );
  const malformed = rejects.length;
  const rows = staged + byLine.size;
  const filtered = staged - refused.length - duplicates - imported;

  await tx.run('DELETE FROM import_rejects WHERE origin = $1 AND hash = $2', [origin, t.hash]);
  if (rejects.length > 0) {
    await tx.run(
      `INSERT INTO import_rejects SELECT $1, $2, $3, r.line, r.reason
       FROM (SELECT unnest(from_json($4::JSON, '[{"line": "BIGINT", "reason": "VARCHAR"}]')) AS r)`,
      [origin, t.file, t.hash, JSON.stringify(rejects)],
    );
  }
  await tx.run('INSERT INTO imports VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10)', [
    origin, t.file, t.hash, layout.variant, t.filter, rows, imported, duplicates, malformed, filtered,
  ]);
  return {
    file: t.file, variant: layout.variant, hash: t.hash, skipped: false, rows, imported, duplicates, malformed, filtered,
    rejects: rejects.map((r) => `${t.file}:${r.line ?? '?'}: ${r.reason}`),
  };
}

/** The staged column `name` of row `s`, quoted. */
export const col = (name: string): string => `s.${sqlName(name)}`;
