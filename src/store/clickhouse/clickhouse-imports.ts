// Dataset imports into ClickHouse: a file parsed by the DuckDB pipeline into a staging store is written by DuckDB as
// JSONEachRow chunks and streamed in; ids already stored are duplicates. No transactions, so each row carries its
// import's id: a run that died half-way is finished by the next one, and a completed import is recorded last.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../model/errors.js';
import type { Store } from '../store.js';
import { sqlLiteral } from '../sql-literal.js';
import type { DatasetImports, ImportFilter, PreviousImport, StagedImport } from '../dataset-evidence.js';
import type { ClickHouse } from './connection.js';
import { encodeDay } from './day.js';
import { chList, chLiteral as lit } from './literal.js';

/** Rows per inserted chunk (one part per shard each), and per duplicate check when stored ids overlap the file's. */
export const IMPORT_BATCH = 500_000;

/** The id every row of one import carries: the same file content, origin and filter give the same id. */
export function importId(origin: string, hash: string, filterKey: string): string {
  return createHash('sha256').update(JSON.stringify([origin, hash, filterKey])).digest('hex').slice(0, 32);
}

/** DuckDB SQL for day.ts's encoding of the DATE `col`: days since 1970-01-01, and YYYYMMDD (tested against `encodeDay`). */
export function duckDayNumSql(col: string): string {
  return `date_diff('day', DATE '1970-01-01', ${col})::INTEGER`;
}

/** DuckDB SQL for YYYYMMDD of the DATE `col`. */
export function duckDayYmdSql(col: string): string {
  return `(year(${col}) * 10000 + month(${col}) * 100 + day(${col}))::INTEGER`;
}

/** Whether a staged row passes the import filter (as the DuckDB pipeline's filter keeps rows), as DuckDB SQL. */
function keepSql(f: ImportFilter): string {
  const keep: string[] = [];
  if (f.countries?.length) {
    for (const c of f.countries) {
      if (!/^[A-Z][A-Z0-9]{2,}$/.test(c)) throw new UserError('ingest', `"${c}" is not an ISO3 country code such as AZE`, { field: '--countries' });
    }
    const list = `[${f.countries.map(sqlLiteral).join(', ')}]::VARCHAR[]`;
    keep.push(`(list_has_any(source_countries, ${list}) OR list_has_any(target_countries, ${list}) OR list_contains(${list}, location_country))`);
  }
  for (const [field, v, sql] of [['--from', f.from, 'date_end >='], ['--to', f.to, 'date_start <=']] as const) {
    if (v === undefined) continue;
    encodeDay(v, field);
    keep.push(`${sql} ${sqlLiteral(v)}::DATE`);
  }
  return keep.length ? `coalesce(${keep.join(' AND ')}, false)` : 'true';
}

const STAGE = 'ch_stage';
const STORED = 'ch_stored';

/** The staged columns in the order and form of ClickHouse's `events` (schema.ts). */
const CH_COLUMNS = `id, origin, origin_row, import_id, day_num, day_ymd, end_num, end_ymd, precision, cameo, quad, goldstein, plover,
  source_countries, target_countries, source_code, target_code, source_country, target_country, location, location_country,
  summary, confidence, extra`;

const num = z.coerce.number();

/** Imports kept in ClickHouse's `imports`, `import_rejects` and `events` tables. */
export class ClickHouseImports implements DatasetImports {
  constructor(private readonly ch: ClickHouse) {}

  async previous(origin: string, hash: string, filterKey: string): Promise<PreviousImport | null> {
    const [prev] = await this.ch.rows<Record<string, unknown>>(
      `SELECT variant, lines, joined_lines, rows, imported, duplicates, malformed, filtered, run_id FROM imports
       WHERE origin = ${lit(origin)} AND hash = ${lit(hash)} AND filter = ${lit(filterKey)} ORDER BY imported_ms DESC LIMIT 1`,
    );
    if (!prev) return null;
    const rejects = await this.ch.rows<{ line: number | null; reason: string }>(
      `SELECT line, reason FROM import_rejects WHERE origin = ${lit(origin)} AND hash = ${lit(hash)} AND run_id = ${lit(String(prev.run_id))}
       GROUP BY line, reason ORDER BY line`,
    );
    return {
      variant: String(prev.variant), lines: num.parse(prev.lines), joinedLines: num.parse(prev.joined_lines), rows: num.parse(prev.rows), imported: num.parse(prev.imported), duplicates: num.parse(prev.duplicates),
      malformed: num.parse(prev.malformed), filtered: num.parse(prev.filtered),
      rejects: rejects.map((r) => ({ line: r.line === null ? null : Number(r.line), reason: r.reason })),
    };
  }

  async write(staged: Store, f: StagedImport, onProgress?: (fraction: number) => void): Promise<{ imported: number; duplicates: number; filtered: number }> {
    const keep = keepSql(f.filter);
    const origin = sqlLiteral(f.origin);
    // Nothing is written before every day of the file is known to fit the stored encoding.
    const [range] = await staged.all<Record<string, string | null>>(
      `SELECT min(date_start)::VARCHAR AS a, max(date_start)::VARCHAR AS b, min(date_end)::VARCHAR AS c, max(date_end)::VARCHAR AS d
       FROM events WHERE origin = ${origin}`,
    );
    for (const k of ['a', 'b', 'c', 'd'] as const) if (range[k] !== null) encodeDay(range[k]!, `${f.file}: ${k < 'c' ? 'date_start' : 'date_end'}`);
    const id = importId(f.origin, f.hash, f.filterKey);
    // Rows of this import found already stored were written by an earlier run of it that did not finish, unless it did.
    const finished = (await this.previous(f.origin, f.hash, f.filterKey)) !== null;

    await staged.run(
      `CREATE OR REPLACE TEMP TABLE ${STAGE} AS
       SELECT row_number() OVER (ORDER BY origin_row) AS k, ${keep} AS keep, id, origin, origin_row, ${sqlLiteral(id)} AS import_id,
         ${duckDayNumSql('date_start')} AS day_num, ${duckDayYmdSql('date_start')} AS day_ymd,
         ${duckDayNumSql('date_end')} AS end_num, ${duckDayYmdSql('date_end')} AS end_ymd,
         precision, cameo, quad, goldstein, plover, source_countries, target_countries, source_code, target_code,
         source_country, target_country, location, location_country, summary, confidence, extra::VARCHAR AS extra
       FROM events WHERE origin = ${origin} ORDER BY origin_row`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'faultline-ch-'));
    try {
      await this.storedIds(staged, f.origin);
      const counts = z.object({ total: num, stored: num, resumed: num, filtered: num }).parse(
        (await staged.all(
          `SELECT count(*)::INTEGER AS total,
             count(c.origin_row) FILTER (c.import_id <> ${sqlLiteral(id)} OR ${finished}) ::INTEGER AS stored,
             count(c.origin_row) FILTER (c.import_id = ${sqlLiteral(id)} AND NOT ${finished})::INTEGER AS resumed,
             count(*) FILTER (c.origin_row IS NULL AND NOT s.keep)::INTEGER AS filtered
           FROM ${STAGE} s LEFT JOIN (SELECT DISTINCT ON (origin_row) * FROM ${STORED}) c USING (origin_row)`,
        ))[0],
      );
      for (let from = 1; from <= counts.total; from += IMPORT_BATCH) {
        const path = join(dir, `chunk-${from}.jsonl`);
        await staged.run(
          `COPY (SELECT ${CH_COLUMNS} FROM ${STAGE} s WHERE k BETWEEN ${from} AND ${from + IMPORT_BATCH - 1} AND keep
                   AND NOT EXISTS (SELECT 1 FROM ${STORED} c WHERE c.origin_row = s.origin_row) ORDER BY k)
           TO ${sqlLiteral(path)} (FORMAT JSON)`,
        );
        await this.ch.insertFile('events', path);
        rmSync(path, { force: true });
        onProgress?.(Math.min(1, (from + IMPORT_BATCH - 1) / counts.total));
      }
      const written = counts.total - counts.stored - counts.resumed - counts.filtered;

      // The record of a completed import goes last: rejects first, under this run's id.
      const runId = randomUUID();
      const rejects = await staged.all<{ line: string | null; reason: string }>(
        `SELECT DISTINCT line::VARCHAR AS line, reason FROM import_rejects WHERE origin = ${origin} AND hash = ${sqlLiteral(f.hash)} ORDER BY line`,
      );
      for (let i = 0; i < rejects.length; i += IMPORT_BATCH) {
        await this.ch.insert('import_rejects', rejects.slice(i, i + IMPORT_BATCH).map((r) => ({ origin: f.origin, hash: f.hash, run_id: runId, line: r.line === null ? null : Number(r.line), reason: r.reason })));
      }
      const all = { imported: written + counts.resumed, duplicates: f.duplicates + counts.stored, filtered: counts.filtered };
      await this.ch.insert('imports', [{
        origin: f.origin, file: f.file, hash: f.hash, filter: f.filterKey, import_id: id, run_id: runId, variant: f.variant, imported_ms: Date.now(),
        lines: f.lines, joined_lines: f.joinedLines, rows: f.rows, imported: all.imported, duplicates: all.duplicates, malformed: f.malformed, filtered: all.filtered,
      }]);
      return all;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const t of [STAGE, STORED]) await staged.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
    }
  }

  /**
   * Copies into the staging table `ch_stored` the ids of the staged file that ClickHouse already holds, with the
   * import that wrote each. When no stored id of the origin falls between the file's first and last id (new data,
   * the usual case) one count says so; otherwise the file's ids are looked up in batches.
   */
  private async storedIds(staged: Store, origin: string): Promise<void> {
    await staged.run(`CREATE OR REPLACE TEMP TABLE ${STORED} (origin_row VARCHAR, import_id VARCHAR)`);
    const [span] = await staged.all<{ lo: string | null; hi: string | null; n: string }>(`SELECT min(origin_row) AS lo, max(origin_row) AS hi, count(*)::VARCHAR AS n FROM ${STAGE}`);
    if (span.lo === null || span.hi === null) return;
    const [{ n }] = await this.ch.rows<{ n: number }>(
      `SELECT count(*) AS n FROM events WHERE origin = ${lit(origin)} AND origin_row >= ${lit(span.lo)} AND origin_row <= ${lit(span.hi)}`,
    );
    if (Number(n) === 0) return;
    for (let from = 1; from <= Number(span.n); from += IMPORT_BATCH) {
      const ids = (await staged.all<{ r: string }>(`SELECT origin_row AS r FROM ${STAGE} WHERE k BETWEEN ${from} AND ${from + IMPORT_BATCH - 1}`)).map((x) => x.r);
      const found = await this.ch.rows<{ origin_row: string; import_id: string }>(
        `SELECT origin_row, import_id FROM events WHERE origin = ${lit(origin)} AND origin_row IN (${chList(ids)})`,
      );
      if (found.length) {
        await staged.run(
          `INSERT INTO ${STORED} SELECT r.origin_row, r.import_id FROM (SELECT unnest(from_json($1::JSON, '[{"origin_row": "VARCHAR", "import_id": "VARCHAR"}]')) AS r)`,
          [JSON.stringify(found)],
        );
      }
    }
  }
}
