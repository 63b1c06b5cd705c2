// Dataset imports into ClickHouse: a file parsed by the DuckDB pipeline into a staging store is copied in sorted
// batches; ids already stored are duplicates. No transactions, so each row carries its import's id: a run that died
// half-way is finished by the next one, and a completed import is recorded last.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { UserError } from '../../model/errors.js';
import type { Store } from '../store.js';
import { sqlLiteral } from '../sql-literal.js';
import type { DatasetImports, ImportFilter, PreviousImport, StagedImport } from '../dataset-evidence.js';
import type { ClickHouse } from './connection.js';
import { encodeDay } from './day.js';
import { chList, chLiteral as lit } from './literal.js';

/** Rows per batch: one duplicate check and one INSERT (one part per shard) each. */
export const IMPORT_BATCH = 100_000;

/** The id every row of one import carries: the same file content, origin and filter give the same id. */
export function importId(origin: string, hash: string, filterKey: string): string {
  return createHash('sha256').update(JSON.stringify([origin, hash, filterKey])).digest('hex').slice(0, 32);
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
  if (f.from) keep.push(`date_end >= ${sqlLiteral(encodeDayText(f.from, '--from'))}::DATE`);
  if (f.to) keep.push(`date_start <= ${sqlLiteral(encodeDayText(f.to, '--to'))}::DATE`);
  return keep.length ? `coalesce(${keep.join(' AND ')}, false)` : 'true';
}

const encodeDayText = (day: string, field: string) => (encodeDay(day, field), day);

const StagedRow = z.object({
  id: z.string(),
  origin: z.string(),
  origin_row: z.string(),
  date_start: z.string(),
  date_end: z.string().nullable(),
  precision: z.string(),
  cameo: z.string(),
  quad: z.coerce.number().int(),
  goldstein: z.coerce.number(),
  plover: z.string().nullable(),
  source_countries: z.array(z.string()),
  target_countries: z.array(z.string()),
  source_code: z.string().nullable(),
  target_code: z.string().nullable(),
  source_country: z.string().nullable(),
  target_country: z.string().nullable(),
  location: z.string().nullable(),
  location_country: z.string().nullable(),
  summary: z.string(),
  confidence: z.coerce.number(),
  extra: z.string().nullable(),
  keep: z.boolean(),
});
type StagedRow = z.infer<typeof StagedRow>;

const STAGED_SELECT = `id, origin, origin_row, date_start::VARCHAR AS date_start, date_end::VARCHAR AS date_end, precision, cameo,
  quad::INTEGER AS quad, goldstein::DOUBLE AS goldstein, plover, source_countries, target_countries, source_code, target_code,
  source_country, target_country, location, location_country, summary, confidence::DOUBLE AS confidence, extra::VARCHAR AS extra`;

const num = z.coerce.number();

/** Imports kept in ClickHouse's `imports`, `import_rejects` and `events` tables. */
export class ClickHouseImports implements DatasetImports {
  constructor(private readonly ch: ClickHouse) {}

  async previous(origin: string, hash: string, filterKey: string): Promise<PreviousImport | null> {
    const [prev] = await this.ch.rows<Record<string, unknown>>(
      `SELECT variant, rows, imported, duplicates, malformed, filtered, run_id FROM imports
       WHERE origin = ${lit(origin)} AND hash = ${lit(hash)} AND filter = ${lit(filterKey)} ORDER BY imported_ms DESC LIMIT 1`,
    );
    if (!prev) return null;
    const rejects = await this.ch.rows<{ line: number | null; reason: string }>(
      `SELECT line, reason FROM import_rejects WHERE origin = ${lit(origin)} AND hash = ${lit(hash)} AND run_id = ${lit(String(prev.run_id))}
       GROUP BY line, reason ORDER BY line`,
    );
    return {
      variant: String(prev.variant), rows: num.parse(prev.rows), imported: num.parse(prev.imported), duplicates: num.parse(prev.duplicates),
      malformed: num.parse(prev.malformed), filtered: num.parse(prev.filtered),
      rejects: rejects.map((r) => ({ line: r.line === null ? null : Number(r.line), reason: r.reason })),
    };
  }

  async write(staged: Store, f: StagedImport, onProgress?: (fraction: number) => void): Promise<{ imported: number; duplicates: number; filtered: number }> {
    const keep = keepSql(f.filter);
    const origin = sqlLiteral(f.origin);
    // Nothing is written before every day of the file is known to fit the stored encoding.
    const [range] = await staged.all<Record<string, string | null>>(
      `SELECT min(date_start)::VARCHAR AS a, max(date_start)::VARCHAR AS b, min(date_end)::VARCHAR AS c, max(date_end)::VARCHAR AS d, count(*)::VARCHAR AS n
       FROM events WHERE origin = ${origin}`,
    );
    for (const k of ['a', 'b', 'c', 'd'] as const) if (range[k] !== null) encodeDay(range[k]!, `${f.file}: ${k < 'c' ? 'date_start' : 'date_end'}`);
    const total = Number(range.n);
    const id = importId(f.origin, f.hash, f.filterKey);
    // Rows of this import found already stored were written by an earlier run of it that did not finish, unless it did.
    const finished = (await this.previous(f.origin, f.hash, f.filterKey)) !== null;
    let imported = 0;
    let duplicates = 0;
    let filtered = 0;
    let done = 0;
    const flush = async (batch: StagedRow[]) => {
      const stored = new Map(
        (await this.ch.rows<{ origin_row: string; import_id: string }>(
          `SELECT origin_row, import_id FROM events WHERE origin = ${lit(f.origin)} AND origin_row IN (${chList(batch.map((r) => r.origin_row))})`,
        )).map((r) => [r.origin_row, r.import_id]),
      );
      const rows: Record<string, unknown>[] = [];
      for (const r of batch) {
        const by = stored.get(r.origin_row);
        if (by !== undefined) {
          if (by === id && !finished) imported++;
          else duplicates++;
        } else if (!r.keep) filtered++;
        else {
          rows.push(toRow(r, id, f.file));
          imported++;
        }
      }
      await this.ch.insert('events', rows);
      done += batch.length;
      onProgress?.(total ? done / total : 1);
    };
    const result = await staged.connection.stream(`SELECT ${STAGED_SELECT}, ${keep} AS keep FROM events WHERE origin = ${origin} ORDER BY origin_row`);
    let batch: StagedRow[] = [];
    for await (const chunk of result.yieldRowObjectJson()) {
      for (const r of chunk) batch.push(StagedRow.parse(r));
      if (batch.length >= IMPORT_BATCH) {
        await flush(batch);
        batch = [];
      }
    }
    if (batch.length) await flush(batch);

    // The record of a completed import goes last: rejects first, under this run's id.
    const runId = randomUUID();
    const rejects = await staged.all<{ line: string | null; reason: string }>(
      `SELECT DISTINCT line::VARCHAR AS line, reason FROM import_rejects WHERE origin = ${origin} AND hash = ${sqlLiteral(f.hash)} ORDER BY line`,
    );
    for (let i = 0; i < rejects.length; i += IMPORT_BATCH) {
      await this.ch.insert('import_rejects', rejects.slice(i, i + IMPORT_BATCH).map((r) => ({ origin: f.origin, hash: f.hash, run_id: runId, line: r.line === null ? null : Number(r.line), reason: r.reason })));
    }
    const all = { imported, duplicates: f.duplicates + duplicates, filtered };
    await this.ch.insert('imports', [{
      origin: f.origin, file: f.file, hash: f.hash, filter: f.filterKey, import_id: id, run_id: runId, variant: f.variant, imported_ms: Date.now(),
      rows: f.rows, imported: all.imported, duplicates: all.duplicates, malformed: f.malformed, filtered: all.filtered,
    }]);
    return all;
  }
}

/** A staged row as ClickHouse stores it. */
function toRow(r: StagedRow, importId: string, file: string): Record<string, unknown> {
  const start = encodeDay(r.date_start, `${file}: ${r.id}: date_start`);
  const end = r.date_end === null ? null : encodeDay(r.date_end, `${file}: ${r.id}: date_end`);
  const { keep: _keep, date_start: _s, date_end: _e, ...rest } = r;
  return { ...rest, import_id: importId, day_num: start.num, day_ymd: start.ymd, end_num: end?.num ?? null, end_ymd: end?.ymd ?? null };
}
