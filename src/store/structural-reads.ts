// Reads of the structural tables for the measures: ideal points, vote agreement, arms flows, military burden, conflict-years; rows parsed here.
import { z } from 'zod';
import type { SqlValue, Store } from './store.js';

const num = z.coerce.number();
const numOrNull = z.union([z.null(), z.coerce.number()]);
const strOrNull = z.string().nullable();

/** Placeholders `$k, $k+1, …` for a list of values appended to `params`. */
function list(params: SqlValue[], values: readonly SqlValue[]): string {
  if (values.length === 0) return 'NULL';
  return values.map((v) => `$${params.push(v)}`).join(', ');
}

/** A year range; either end open. */
export interface YearRange {
  readonly from?: number;
  readonly to?: number;
}

function years(params: SqlValue[], column: string, r: YearRange): string {
  const parts: string[] = [];
  if (r.from !== undefined) parts.push(`${column} >= $${params.push(r.from)}`);
  if (r.to !== undefined) parts.push(`${column} <= $${params.push(r.to)}`);
  return parts.length ? `AND ${parts.join(' AND ')}` : '';
}

export const IdealPointRow = z.object({
  iso3: z.string(),
  ccode: num,
  country: z.string(),
  year: num,
  idealpointfp: numOrNull,
  idealpointall: numOrNull,
  nvotesfp: numOrNull,
});
export type IdealPointRow = z.infer<typeof IdealPointRow>;

/**
 * Ideal points of states by ISO3 and year, oldest first. Where two COW states share an ISO3 code in a year (the
 * file codes both Yemens YAR before 1990), the one with a full-period estimate and the lower COW code is read.
 */
export async function readIdealPoints(store: Store, iso3s: readonly string[], range: YearRange = {}): Promise<IdealPointRow[]> {
  const p: SqlValue[] = [];
  const rows = await store.all(
    `SELECT iso3, ccode, country, year, idealpointfp, idealpointall, nvotesfp FROM unga_idealpoints
     WHERE iso3 IN (${list(p, iso3s)}) ${years(p, 'year', range)}
     QUALIFY row_number() OVER (PARTITION BY iso3, year ORDER BY idealpointfp IS NULL, ccode) = 1
     ORDER BY iso3, year`,
    p,
  );
  return z.array(IdealPointRow).parse(rows);
}

export const AgreementRow = z.object({
  a: z.string(),
  b: z.string(),
  year: num,
  /** `all`, or an issue tag of the roll calls (me, nu, di, hr, co, ec). */
  issue: z.string(),
  votes: num,
  same: num,
  half: num,
  opposite: num,
  /** `votes`: counted from the individual votes in the store; `summary`: from the built-in agreement table. */
  source: z.enum(['votes', 'summary']),
});
export type AgreementRow = z.infer<typeof AgreementRow>;

/**
 * Vote agreement of `a` with each of `bs` per year and issue: counted in SQL from the individual votes where the
 * store holds them for the pair (roll calls both states voted on, the year of the roll call's day), otherwise read
 * from the agreement summaries, in either orientation (agreement is symmetric).
 */
export async function readAgreement(store: Store, a: string, bs: readonly string[], range: YearRange = {}): Promise<AgreementRow[]> {
  const p: SqlValue[] = [];
  const A = `$${p.push(a)}`;
  const B = list(p, bs);
  const yr = years(p, 'year', range);
  const rows = await store.all(
    `WITH v AS (
       SELECT v.rcid, v.iso3, v.vote, year(r.date) AS year FROM unga_votes v JOIN unga_roll_calls r USING (rcid)
       WHERE v.iso3 = ${A} OR v.iso3 IN (${B})
     ), pairs AS (
       SELECT x.rcid, x.year, y.iso3 AS b, x.vote AS va, y.vote AS vb FROM v x JOIN v y ON x.rcid = y.rcid
       WHERE x.iso3 = ${A} AND y.iso3 IN (${B}) AND y.iso3 <> ${A}
     ), tagged AS (
       SELECT *, 'all' AS issue FROM pairs
       UNION ALL SELECT p.*, i.issue FROM pairs p JOIN unga_roll_call_issues i USING (rcid)
     ), raw AS (
       SELECT ${A} AS a, b, year, issue, count(*) AS votes, count(*) FILTER (WHERE va = vb) AS same,
         count(*) FILTER (WHERE (va = 'abstain') <> (vb = 'abstain')) AS half,
         count(*) FILTER (WHERE va <> vb AND va <> 'abstain' AND vb <> 'abstain') AS opposite, 'votes' AS source
       FROM tagged WHERE true ${yr} GROUP BY b, year, issue
     ), summary AS (
       SELECT ${A} AS a, CASE WHEN s.a = ${A} THEN s.b ELSE s.a END AS b, year, issue, votes, same, half, opposite, 'summary' AS source
       FROM unga_agreement s WHERE ((s.a = ${A} AND s.b IN (${B})) OR (s.b = ${A} AND s.a IN (${B}))) ${yr}
     )
     SELECT * FROM raw
     UNION ALL SELECT * FROM summary s WHERE NOT EXISTS (SELECT 1 FROM raw r WHERE r.b = s.b AND r.year = s.year)
     ORDER BY b, year, issue`,
    p,
  );
  return z.array(AgreementRow).parse(rows);
}

/** The last year of vote data in the store: of the individual votes (the raw file ends in 2019) or else of the agreement summaries. */
export async function voteYears(store: Store): Promise<{ last: number | null; votes: number }> {
  const [r] = await store.all(
    `SELECT coalesce((SELECT max(year(r.date)) FROM unga_votes v JOIN unga_roll_calls r USING (rcid)), (SELECT max(year) FROM unga_agreement)) AS last,
       (SELECT count(*) FROM unga_votes) AS votes`,
  );
  return z.object({ last: numOrNull, votes: num }).parse(r);
}

export const ArmsFlowRow = z.object({
  /** ISO3 where SIPRI's name is a country, else SIPRI's name (non-state actors, organisations, unknown). */
  recipient: z.string(),
  recipient_name: z.string(),
  supplier: z.string(),
  supplier_name: z.string(),
  year: num,
  /** TIV in millions: delivered TIV split evenly over a deal's years of delivery, or a whole order's TIV in its order year. */
  tiv: num,
  deals: num,
  designation: strOrNull,
  description: strOrNull,
});
export type ArmsFlowRow = z.infer<typeof ArmsFlowRow>;

export interface ArmsQuery extends YearRange {
  /** ISO3 codes or SIPRI names; all when absent. */
  readonly recipients?: readonly string[];
  readonly suppliers?: readonly string[];
  /** `deliveries` (default): delivered TIV in the years of delivery; `orders`: TIV of the whole order in the year of order. */
  readonly basis?: 'deliveries' | 'orders';
  /** One row per weapon system as well (designation and description). */
  readonly bySystem?: boolean;
}

/**
 * Arms flows per recipient, supplier and year from the SIPRI register rows in the store: a deal's delivered TIV is
 * split evenly over its years of delivery (the register gives no yearly numbers); orders count their TIV for the
 * total order in the year ordered (deals without that TIV count in `deals` but add nothing).
 */
export async function readArmsFlows(store: Store, q: ArmsQuery = {}): Promise<ArmsFlowRow[]> {
  const p: SqlValue[] = [];
  const where: string[] = [];
  if (q.recipients) where.push(`coalesce(recipient_code, recipient) IN (${list(p, q.recipients)})`);
  if (q.suppliers) where.push(`coalesce(supplier_code, supplier) IN (${list(p, q.suppliers)})`);
  const sys = q.bySystem ? 'designation, description' : 'NULL::VARCHAR AS designation, NULL::VARCHAR AS description';
  const sysGroup = q.bySystem ? ', designation, description' : '';
  const source =
    q.basis === 'orders'
      ? `SELECT *, order_year AS y, coalesce(tiv_order, 0) AS t FROM sipri_arms WHERE order_year IS NOT NULL`
      : `SELECT *, unnest(delivery_years) AS y, coalesce(tiv_delivered, 0) / len(delivery_years) AS t FROM sipri_arms WHERE len(delivery_years) > 0`;
  const rows = await store.all(
    `SELECT coalesce(recipient_code, recipient) AS recipient, any_value(recipient) AS recipient_name,
       coalesce(supplier_code, supplier) AS supplier, any_value(supplier) AS supplier_name, y AS year, round(fsum(t), 9) AS tiv, count(*) AS deals, ${sys}
     FROM (${source}) d WHERE ${where.length ? where.join(' AND ') : 'true'} ${years(p, 'y', q)}
     GROUP BY coalesce(recipient_code, recipient), coalesce(supplier_code, supplier), y${sysGroup}
     ORDER BY recipient, year, supplier${sysGroup}`,
    p,
  );
  return z.array(ArmsFlowRow).parse(rows);
}

export const SupplierTotalRow = z.object({ supplier: z.string(), year: num, tiv: num, deals: num });
export type SupplierTotalRow = z.infer<typeof SupplierTotalRow>;

/** Suppliers' delivered TIV to all recipients per year (from a world-wide register import or the built-in table). */
export async function readSupplierTotals(store: Store, suppliers: readonly string[], range: YearRange = {}): Promise<SupplierTotalRow[]> {
  const p: SqlValue[] = [];
  const rows = await store.all(
    `SELECT supplier, year, tiv, deals FROM sipri_supplier_totals WHERE supplier IN (${list(p, suppliers)}) ${years(p, 'year', range)} ORDER BY supplier, year`,
    p,
  );
  return z.array(SupplierTotalRow).parse(rows);
}

/** Whether the register rows in the store cover every recipient (a world-wide register was imported) or only the built-in region's. */
export async function armsCoverage(store: Store): Promise<'world' | 'builtin' | 'none'> {
  const [r] = await store.all(
    `SELECT (SELECT count(*) FROM sipri_arms WHERE origin = 'sipri-arms') AS imported, (SELECT count(*) FROM sipri_arms) AS rows`,
  );
  const c = z.object({ imported: num, rows: num }).parse(r);
  // An import of the world register writes supplier totals; one of a partial export does not.
  const [t] = await store.all(`SELECT count(*) AS n FROM sipri_supplier_totals WHERE origin = 'sipri-arms'`);
  if (c.imported > 0 && z.object({ n: num }).parse(t).n > 0) return 'world';
  return c.rows > 0 ? 'builtin' : 'none';
}

export const MilexRow = z.object({ iso3: z.string(), entity: z.string(), year: num, share_gdp: num, origin: z.string() });
export type MilexRow = z.infer<typeof MilexRow>;

/** Military expenditure as a percentage of GDP of states by ISO3, oldest first. */
export async function readMilex(store: Store, iso3s: readonly string[], range: YearRange = {}): Promise<MilexRow[]> {
  const p: SqlValue[] = [];
  const rows = await store.all(
    `SELECT iso3, entity, year, share_gdp, origin FROM sipri_milex WHERE iso3 IN (${list(p, iso3s)}) ${years(p, 'year', range)} ORDER BY iso3, year`,
    p,
  );
  return z.array(MilexRow).parse(rows);
}

const codes = z.array(z.string());
const gws = z.array(num);
export const ConflictYearRow = z.object({
  conflict_id: num,
  year: num,
  location: z.string(),
  side_a: z.string(),
  side_a_2nd: strOrNull,
  side_b: z.string(),
  side_b_2nd: strOrNull,
  incompatibility: numOrNull,
  territory_name: strOrNull,
  intensity_level: num,
  type_of_conflict: num,
  start_date: strOrNull,
  ep_end: numOrNull,
  ep_end_date: strOrNull,
  gwno_a: gws,
  gwno_a_2nd: gws,
  gwno_b: gws,
  gwno_b_2nd: gws,
  gwno_loc: gws,
  iso3_a: codes,
  iso3_a_2nd: codes,
  iso3_b: codes,
  iso3_b_2nd: codes,
  iso3_loc: codes,
  version: strOrNull,
});
export type ConflictYearRow = z.infer<typeof ConflictYearRow>;

/** Conflict-years in which any of `iso3s` is a primary or secondary party or a location, by conflict and year. */
export async function readConflictYears(store: Store, iso3s: readonly string[], range: YearRange = {}): Promise<ConflictYearRow[]> {
  const p: SqlValue[] = [];
  const wanted = `[${list(p, iso3s)}]::VARCHAR[]`;
  const rows = await store.all(
    `SELECT conflict_id, year, location, side_a, side_a_2nd, side_b, side_b_2nd, incompatibility, territory_name, intensity_level,
       type_of_conflict, start_date::VARCHAR AS start_date, ep_end, ep_end_date::VARCHAR AS ep_end_date,
       gwno_a, gwno_a_2nd, gwno_b, gwno_b_2nd, gwno_loc, iso3_a, iso3_a_2nd, iso3_b, iso3_b_2nd, iso3_loc, version
     FROM ucdp_conflicts
     WHERE list_has_any(list_concat(iso3_a, iso3_a_2nd, iso3_b, iso3_b_2nd, iso3_loc), ${wanted}) ${years(p, 'year', range)}
     ORDER BY conflict_id, year`,
    p,
  );
  return z.array(ConflictYearRow).parse(rows);
}

export const ProvenanceRow = z.object({
  kind: z.string(),
  file: z.string(),
  hash: z.string(),
  imported_at: z.string(),
  imported: num,
});
export type ProvenanceRow = z.infer<typeof ProvenanceRow>;

/** The files the structural tables were filled from, newest first per kind (`sipri-milex`, `builtin-sipri-milex`, …). */
export async function structuralProvenance(store: Store, kinds: readonly string[]): Promise<ProvenanceRow[]> {
  const p: SqlValue[] = [];
  const rows = await store.all(
    `SELECT dataset AS kind, file, hash, imported_at::VARCHAR AS imported_at, imported FROM structural_imports
     WHERE dataset IN (${list(p, kinds)}) ORDER BY imported_at DESC`,
    p,
  );
  return z.array(ProvenanceRow).parse(rows);
}

/** Rows in each structural table, for summaries. */
export async function structuralCounts(store: Store): Promise<Record<string, number>> {
  const tables = ['unga_idealpoints', 'unga_agreement', 'unga_votes', 'sipri_arms', 'sipri_milex', 'ucdp_conflicts'];
  const [r] = await store.all(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
  return z.record(z.string(), num).parse(r);
}

/** Every row of a structural table whose rows involve one of `iso3s`, for writing the built-in tables (scripts only). */
export async function exportStructuralRows(store: Store, table: 'unga_idealpoints' | 'sipri_milex' | 'ucdp_conflicts' | 'sipri_arms' | 'sipri_supplier_totals', iso3s: readonly string[]): Promise<Record<string, unknown>[]> {
  const p: SqlValue[] = [];
  const L = list(p, iso3s);
  const where: Record<typeof table, string> = {
    unga_idealpoints: `iso3 IN (${L})`,
    sipri_milex: `iso3 IN (${L})`,
    ucdp_conflicts: `list_has_any(list_concat(iso3_a, iso3_a_2nd, iso3_b, iso3_b_2nd, iso3_loc), [${L}]::VARCHAR[])`,
    sipri_arms: `recipient_code IN (${L}) OR supplier_code IN (${L})`,
    sipri_supplier_totals: `supplier IN (${L})`,
  };
  const order: Record<typeof table, string> = {
    unga_idealpoints: 'iso3, year, ccode',
    sipri_milex: 'iso3, year',
    ucdp_conflicts: 'conflict_id, year',
    sipri_arms: 'recipient, supplier, order_year, row_key',
    sipri_supplier_totals: 'supplier, year',
  };
  return store.all(`SELECT * EXCLUDE (origin) FROM ${table} WHERE ${where[table]} ORDER BY ${order[table]}`, p);
}

/** First and last year of the UCDP conflict-years in the store (null when it has none). */
export async function ucdpSpan(store: Store): Promise<{ first: number | null; last: number | null }> {
  const [r] = await store.all('SELECT min(year) AS first, max(year) AS last FROM ucdp_conflicts');
  return z.object({ first: numOrNull, last: numOrNull }).parse(r);
}

/** The file kinds imported from outside files (not the built-in tables), e.g. `sipri-arms`, `unga-roll-calls`. */
export async function importedKinds(store: Store): Promise<Set<string>> {
  const rows = await store.all(`SELECT DISTINCT dataset AS kind FROM structural_imports WHERE NOT starts_with(dataset, 'builtin-')`);
  return new Set(z.array(z.object({ kind: z.string() })).parse(rows).map((r) => r.kind));
}
