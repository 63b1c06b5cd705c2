// The DuckDB side of a dataset import: read the framed records, map them to events, log every reject, in one transaction.
import type { DatasetLayout } from '../ingest/dataset-layout.js';
import type { FrameSummary } from '../ingest/record-frames.js';
import { DATASET_SQL, EVENT_COLUMNS, clip, createLookup, sqlName, sqlString } from './dataset-layouts/index.js';
import type { Store } from './store.js';

/** Confidence given to events from bulk-coded datasets (machine-coded, unreviewed). */
export const DATASET_CONFIDENCE = 0.5;

/** DuckDB's memory limit while importing, so that a file of any size imports within about a gigabyte. */
export const IMPORT_MEMORY_LIMIT = '512MB';

/** Rejects returned with a report (all of them are logged in `import_rejects`). */
export const REPORTED_REJECTS = 1000;

/** What a CSV reader is given: the dataset file itself, or the framed copy whose first column is each record's physical line. */
export interface DatasetSource {
  readonly path: string;
  readonly framed: boolean;
  /** Newline-delimited JSON of the lines refused while framing (`{line, reason, excerpt}`), or null when there were none. */
  readonly rejectsPath: string | null;
  readonly frame: FrameSummary;
}

/** One file to import: where it comes from, how it is laid out, and which events to keep. */
export interface DatasetImport {
  readonly origin: string;
  /** The file as the user named it, for messages and the import log. */
  readonly file: string;
  readonly hash: string;
  /** The filter as a canonical string: part of what makes two imports of the same content the same. */
  readonly filter: string;
  readonly layout: DatasetLayout;
  readonly source: DatasetSource;
  readonly countries?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly onProgress?: (fraction: number) => void;
}

/** What happened to a file's lines; `rows` = `imported` + `duplicates` + `malformed` + `filtered`, and `lines` = `rows` + `joinedLines`. */
export interface ImportCounts {
  readonly variant: string;
  /** Physical lines after the header. */
  readonly lines: number;
  /** Lines that continue a quoted record spanning several lines. */
  readonly joinedLines: number;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly malformed: number;
  readonly filtered: number;
  /** `line: reason` of the first REPORTED_REJECTS malformed rows, in line order. */
  readonly rejects: ReadonlyArray<{ readonly line: number | null; readonly reason: string }>;
}

const STAGE = 'import_stage';
const MAPPED = 'import_mapped';
const SKIP = 'import_skip';
const READER = 'import_reader_rejects';
const REFUSED = 'import_refused';
const REJECTED = 'import_rejected';
const REJECT_ERRORS = 'import_reject_errors';
const REJECT_SCANS = 'import_reject_scans';

async function scalar(tx: Store, sql: string, params?: readonly (string | number)[]): Promise<number> {
  const rows = await tx.all<Record<string, unknown>>(sql, params);
  return Number(Object.values(rows[0] ?? { n: 0 })[0] ?? 0);
}

/** The last import of the same content under the same filter, if any, with its counts. */
export async function previousImport(store: Store, origin: string, hash: string, filter: string): Promise<ImportCounts | null> {
  const [prev] = await store.all<Record<string, string | null>>(
    `SELECT variant, rows, imported, duplicates, malformed, filtered, lines, joined_lines FROM imports
     WHERE origin = $1 AND hash = $2 AND filter = $3 ORDER BY imported_at DESC LIMIT 1`,
    [origin, hash, filter],
  );
  if (!prev) return null;
  const rejects = await store.all<{ line: string | null; reason: string }>(
    `SELECT DISTINCT line::VARCHAR AS line, reason FROM import_rejects WHERE origin = $1 AND hash = $2 ORDER BY line::BIGINT LIMIT ${REPORTED_REJECTS}`,
    [origin, hash],
  );
  const n = (v: string | null) => Number(v ?? 0);
  return {
    variant: String(prev.variant),
    rows: n(prev.rows),
    lines: prev.lines === null ? n(prev.rows) : n(prev.lines),
    joinedLines: n(prev.joined_lines),
    imported: n(prev.imported),
    duplicates: n(prev.duplicates),
    malformed: n(prev.malformed),
    filtered: n(prev.filtered),
    rejects: rejects.map((r) => ({ line: r.line === null ? null : Number(r.line), reason: r.reason })),
  };
}

/** Polls DuckDB's progress for the running statement while `work` runs. */
async function withProgress<T>(store: Store, onProgress: ((f: number) => void) | undefined, work: () => Promise<T>): Promise<T> {
  if (!onProgress) return work();
  // DuckDB tracks progress only with its progress bar on; it must not print it itself.
  await store.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  const timer = setInterval(() => {
    const p = { percentage: store.progress() };
    if (p.percentage >= 0) onProgress(Math.min(1, p.percentage / 100));
  }, 200);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    onProgress(1);
  }
}

function readCsvSql(job: DatasetImport): string {
  const { layout, source } = job;
  const d = layout.dialect;
  // Every value is read as text: conversion happens in the mapping, where a bad value rejects only its row.
  const columns = [...(source.framed ? [['__line', 'BIGINT']] : []), ...layout.columns.map((c) => [c.name, 'VARCHAR'])];
  const options = [
    `columns = {${columns.map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`).join(', ')}}`,
    `delim = ${sqlString(d.delim)}`,
    `quote = ${sqlString(d.quote)}`,
    `escape = ${sqlString(d.quote)}`,
    `header = false`,
    `skip = ${source.framed ? 0 : d.headerLines}`,
    `nullstr = [${d.nullstr.map(sqlString).join(', ')}]`,
    `auto_detect = false`,
    `strict_mode = true`,
    `null_padding = false`,
    `max_line_size = ${4 << 20}`,
    `store_rejects = true`,
    `rejects_table = ${sqlString(REJECT_ERRORS)}`,
    `rejects_scan = ${sqlString(REJECT_SCANS)}`,
  ];
  return `read_csv(${sqlString(source.path)}, ${options.join(', ')})`;
}

/** The typed value of a staged text column `r.<name>`. */
function typed(c: DatasetLayout['columns'][number]): string {
  const raw = `r.${sqlName(c.name)}`;
  if (c.type === 'VARCHAR') return raw;
  if (c.type === 'DATE') return `try_strptime(${raw}, ${sqlString(c.format ?? '%Y-%m-%d')})::DATE`;
  return `TRY_CAST(${raw} AS ${c.type})`;
}

/**
 * Imports one framed dataset file into `events` in one transaction and logs its rejects in `import_rejects`.
 * Every record is counted once: refused by the reader (wrong column count), refused by the mapping (bad value,
 * unknown code), a duplicate of an id in the file or the store, filtered out, or imported. Throws if the counts
 * do not add up to the records framed, so that nothing is ever lost silently.
 */
export async function importDataset(store: Store, job: DatasetImport): Promise<ImportCounts> {
  const [{ limit }] = await store.all<{ limit: string }>(`SELECT current_setting('memory_limit') AS limit`);
  // DuckDB's default limit is most of the machine's memory; a lower one makes the staged file spill to disk instead.
  await store.run(`SET memory_limit = ${sqlString(IMPORT_MEMORY_LIMIT)}`);
  const mapping = DATASET_SQL[job.layout.dataset](job.layout);
  try {
    return await store.transaction((tx) => importRows(tx, job, mapping));
  } finally {
    await store.run(`SET memory_limit = ${sqlString(limit)}`).catch(() => undefined);
    for (const t of [STAGE, MAPPED, SKIP, READER, REFUSED, REJECTED, ...mapping.lookups.map((l) => l.table)]) {
      await store.run(`DROP TABLE IF EXISTS ${sqlName(t)}`).catch(() => undefined);
    }
  }
}

async function importRows(tx: Store, job: DatasetImport, mapping: ReturnType<(typeof DATASET_SQL)['gdelt']>): Promise<ImportCounts> {
  const { layout, source } = job;
  const header = layout.dialect.headerLines;
  const expected = layout.columns.length;
  for (const table of [REJECT_ERRORS, REJECT_SCANS]) await tx.run(`DROP TABLE IF EXISTS ${table}`);
  await withProgress(tx, job.onProgress, () => tx.run(`CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM ${readCsvSql(job)}`));

  // Records the reader refused (the framing leaves only wrong column counts); in a framed copy the line is the first field.
  const readerLine = source.framed ? `TRY_CAST(regexp_extract(csv_line, '^[\\r\\n]*([0-9]+)', 1) AS BIGINT)` : 'line';
  const readerText = source.framed ? `regexp_replace(csv_line, '^[\\r\\n]*[0-9]+' || ${sqlString(layout.dialect.delim)}, '')` : `ltrim(csv_line, chr(10) || chr(13))`;
  const offset = source.framed ? 1 : 0;
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${READER} AS
     SELECT line, CASE
         WHEN bool_or(error_type = 'MISSING COLUMNS') THEN (min(found) - ${offset})::VARCHAR || ' columns, expected ${expected}'
         WHEN bool_or(error_type = 'TOO MANY COLUMNS') THEN (max(found) - ${offset})::VARCHAR || ' columns, expected ${expected}'
         ELSE string_agg(DISTINCT coalesce(column_name || ': ', '') || split_part(error_message, chr(10), 1), '; ')
       END AS reason, left(first(text), 200) AS excerpt
     FROM (SELECT ${readerLine} AS line, error_type, column_name, error_message, ${readerText} AS text,
             TRY_CAST(regexp_extract(error_message, 'Found: ([0-9]+)', 1) AS INTEGER) AS found
           FROM ${REJECT_ERRORS})
     GROUP BY line`,
  );
  for (const lookup of mapping.lookups) await createLookup(tx, lookup);

  const casts = layout.columns.filter((c) => c.type !== 'VARCHAR');
  const castReject = casts.length
    ? `CASE ${casts.map((c) => `WHEN r.${sqlName(c.name)} IS NOT NULL AND ${typed(c)} IS NULL THEN ${sqlString(`${c.label}: "`)} || ${clip(`r.${sqlName(c.name)}`)} || '" is not a valid ${c.type === 'DATE' ? 'date' : c.type.toLowerCase()}'`).join(' ')} END`
    : 'NULL::VARCHAR';
  const checks = mapping.checks.length ? `CASE ${mapping.checks.map((c) => `WHEN ${c.when} THEN ${c.reason}`).join(' ')} END` : 'NULL::VARCHAR';
  // Rowids of a temporary table start at a large offset, hence the subtraction.
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${MAPPED} AS
     SELECT s.__ord AS ord, s.__line AS line, coalesce(s.__cast, ${checks}) AS reject, (${mapping.id})::VARCHAR AS origin_row,
       ${EVENT_COLUMNS.map((c) => `${mapping.columns[c]} AS ${c}`).join(',\n       ')}
     FROM (
       SELECT r.rowid - (SELECT min(rowid) FROM ${STAGE}) + 1 AS __ord, ${source.framed ? 'r.__line' : 'NULL::BIGINT'} AS __line,
         ${layout.columns.map((c) => `${typed(c)} AS ${sqlName(c.name)}`).join(', ')}, ${castReject} AS __cast
       FROM ${STAGE} r
     ) s ${mapping.joins}`,
  );

  // Without a framed copy, a refused row's line is its ordinal plus the header and the reader's rejects before it.
  const excerpt = `left(concat_ws(${sqlString(layout.dialect.delim)}, ${layout.columns.map((c) => `coalesce(r.${sqlName(c.name)}, '')`).join(', ')}), 200)`;
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${REFUSED} AS
     SELECT coalesce(m.line, ${header} + m.ord + coalesce(a.j, 0)) AS line, m.reject AS reason, ${excerpt} AS excerpt
     FROM ${MAPPED} m
     ASOF LEFT JOIN (
       SELECT adj, max(j) AS j FROM (
         SELECT line - ${header} - row_number() OVER (ORDER BY line) AS adj, row_number() OVER (ORDER BY line) AS j FROM ${READER}
       ) GROUP BY adj
     ) a ON m.ord > a.adj
     JOIN ${STAGE} r ON r.rowid = m.ord + (SELECT min(rowid) FROM ${STAGE}) - 1
     WHERE m.reject IS NOT NULL`,
  );
  const framing = source.rejectsPath
    ? `SELECT line, reason, excerpt FROM read_json(${sqlString(source.rejectsPath)}, format = 'newline_delimited',
         columns = {'line': 'BIGINT', 'reason': 'VARCHAR', 'excerpt': 'VARCHAR'}) UNION ALL `
    : '';
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${REJECTED} AS
     ${framing}SELECT line, reason, excerpt FROM ${READER} UNION ALL SELECT line, reason, excerpt FROM ${REFUSED}`,
  );

  // Duplicates: later repeats of an id within the file, and ids already stored (from earlier files or runs).
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${SKIP} AS
     SELECT ord FROM (
       SELECT ord, origin_row, row_number() OVER (PARTITION BY origin_row ORDER BY ord) AS k FROM ${MAPPED} WHERE reject IS NULL
     ) WHERE k > 1 OR origin_row IN (SELECT origin_row FROM events WHERE origin = ${sqlString(job.origin)})`,
  );
  const staged = await scalar(tx, `SELECT count(*) FROM ${STAGE}`);
  const readerRejects = await scalar(tx, `SELECT count(*) FROM ${READER}`);
  const refused = await scalar(tx, `SELECT count(*) FROM ${REFUSED}`);
  const duplicates = await scalar(tx, `SELECT count(*) FROM ${SKIP}`);
  if (staged + readerRejects !== source.frame.records) {
    throw new Error(`import: ${job.file}: the reader returned ${staged} rows and ${readerRejects} rejects for ${source.frame.records} framed records`);
  }

  const keep: string[] = [];
  if (job.countries?.length) {
    const list = `[${job.countries.map(sqlString).join(', ')}]::VARCHAR[]`;
    keep.push(`(list_has_any(source_countries, ${list}) OR list_has_any(target_countries, ${list}) OR list_contains(${list}, location_country))`);
  }
  if (job.from) keep.push(`date_end >= DATE ${sqlString(job.from)}`);
  if (job.to) keep.push(`date_start <= DATE ${sqlString(job.to)}`);
  const imported = await scalar(
    tx,
    `INSERT INTO events
     SELECT ${sqlString(job.origin)} || ':' || origin_row, ${sqlString(job.origin)}, origin_row, date_start, date_end, precision,
       cameo, quad, goldstein, plover, []::VARCHAR[], []::VARCHAR[], []::VARCHAR[], source_countries, target_countries,
       source_code, target_code, source_country, target_country, location, location_country, summary, []::VARCHAR[],
       ${DATASET_CONFIDENCE}, false, false, extra, 'reported', 'accepted'
     FROM ${MAPPED}
     WHERE reject IS NULL AND ord NOT IN (SELECT ord FROM ${SKIP}) ${keep.map((k) => `AND ${k}`).join(' ')}`,
  );
  const malformed = source.frame.rejected + readerRejects + refused;
  const rows = source.frame.records + source.frame.rejected;
  const filtered = staged - refused - duplicates - imported;
  const lines = source.frame.lines - header;

  await tx.run('DELETE FROM import_rejects WHERE origin = $1 AND hash = $2', [job.origin, job.hash]);
  await tx.run(
    `INSERT INTO import_rejects (origin, file, hash, line, reason, excerpt) SELECT $1, $2, $3, line, reason, excerpt FROM ${REJECTED}`,
    [job.origin, job.file, job.hash],
  );
  await tx.run(
    `INSERT INTO imports (origin, file, hash, variant, filter, imported_at, rows, imported, duplicates, malformed, filtered, lines, joined_lines)
     VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10, $11, $12)`,
    [job.origin, job.file, job.hash, layout.variant, job.filter, rows, imported, duplicates, malformed, filtered, lines, source.frame.joinedLines],
  );
  const rejects = await tx.all<{ line: string | null; reason: string }>(
    `SELECT line::VARCHAR AS line, reason FROM ${REJECTED} ORDER BY line NULLS LAST LIMIT ${REPORTED_REJECTS}`,
  );
  return {
    variant: layout.variant, lines, joinedLines: source.frame.joinedLines, rows, imported, duplicates, malformed, filtered,
    rejects: rejects.map((r) => ({ line: r.line === null ? null : Number(r.line), reason: r.reason })),
  };
}
