// The dataset branch of the evidence reads in ClickHouse's dialect, over the `events` table (Distributed over the
// cluster's shards, or one server's MergeTree): the same rows as the DuckDB implementation.
import { DATASET_ORIGIN_KINDS } from '../../model/index.js';
import type { ResolvedScope } from '../evidence.js';
import {
  DatasetDay,
  DatasetId,
  DatasetOriginCount,
  DatasetPair,
  DatasetPartner,
  DatasetPeriod,
  DatasetSpan,
  DatasetTotal,
  DatasetWindow,
  Meeting,
  datasetOrigins,
  parseRows,
  type DatasetEvidence,
  type DatasetImports,
  type DatasetListFilter,
  type DatasetMatch,
  type PeriodUnit,
} from '../dataset-evidence.js';
import { z } from 'zod';
import type { ClickHouse } from './connection.js';
import { dayOfYmd, encodeDay } from './day.js';
import { chList, chLiteral as lit } from './literal.js';

const YEAR = `substring(toString(day_ymd), 1, 4)`;

/** The period label of `day_ymd`, as DuckDB's PERIOD_SQL writes it: 2012-08, 2012-Q3 or 2012. */
export const CH_PERIOD_SQL: Readonly<Record<PeriodUnit, string>> = {
  month: `concat(${YEAR}, '-', substring(toString(day_ymd), 5, 2))`,
  quarter: `concat(${YEAR}, '-Q', toString(intDiv(intDiv(day_ymd, 100) % 100 + 2, 3)))`,
  year: YEAR,
};

/**
 * The conditions under which a dataset row counts (evidence.ts's `datasetConditions`, in ClickHouse's dialect):
 * origin, confidence and dates. Dataset rows always have a day. Null when the scope takes no dataset origin.
 */
export function chDatasetConditions(s: ResolvedScope): string[] | null {
  const wanted = datasetOrigins(s);
  if (wanted.length === 0) return null;
  const where = [`confidence >= ${lit(s.minConfidence)}`];
  if (wanted.length < DATASET_ORIGIN_KINDS.length) where.push(`origin IN (${chList(wanted)})`);
  if (s.from) where.push(`day_ymd >= ${encodeDay(s.from, 'from').ymd}`);
  if (s.to) where.push(`day_ymd <= ${encodeDay(s.to, 'to').ymd}`);
  return where;
}

const between = (a: string, b: string, directed: boolean) => {
  const [x, y] = [lit(a), lit(b)];
  return directed
    ? `(source_country = ${x} AND target_country = ${y})`
    : `((source_country = ${x} AND target_country = ${y}) OR (source_country = ${y} AND target_country = ${x}))`;
};

/** Both sides among the scope's parties (nothing added for the world). */
function pairInScope(s: ResolvedScope, where: string[]): void {
  if (!s.region) return;
  const parties = chList(s.region.parties);
  where.push(`source_country IN (${parties}) AND target_country IN (${parties})`);
}

const cameoPrefixes = (prefixes: readonly string[]) => prefixes.map((c) => `startsWith(cameo, ${lit(c)})`).join(' OR ');
const PAIR = `if(source_country < target_country, source_country, target_country) AS a, if(source_country < target_country, target_country, source_country) AS b`;
const limitOf = (n: number) => Math.max(0, Math.floor(n));

/** Dataset evidence read from a ClickHouse server or cluster. */
export class ClickHouseDatasetEvidence implements DatasetEvidence {
  readonly kind = 'clickhouse' as const;
  constructor(
    private readonly ch: ClickHouse,
    readonly imports: DatasetImports,
  ) {}

  async dyadPeriods(s: ResolvedScope, o: { a: string; b: string; by: PeriodUnit; directed: boolean }) {
    const where = chDatasetConditions(s);
    if (!where) return [];
    const rows = await this.ch.rows(
      `SELECT ${CH_PERIOD_SQL[o.by]} AS period, origin, count(*) AS events,
          countIf(quad = 1) AS q1, countIf(quad = 2) AS q2, countIf(quad = 3) AS q3, countIf(quad = 4) AS q4, sum(goldstein) AS gsum
       FROM events WHERE ${between(o.a, o.b, o.directed)} AND ${where.join(' AND ')}
       GROUP BY period, origin ORDER BY period, origin`,
    );
    return parseRows(DatasetPeriod, rows, 'dyad period');
  }

  async dyadIds(s: ResolvedScope, o: { a: string; b: string; directed: boolean; from?: string; to?: string; limit: number }) {
    const where = chDatasetConditions(s);
    if (!where) return { ids: [], count: 0 };
    if (o.from) where.push(`day_ymd >= ${encodeDay(o.from, 'from').ymd}`);
    if (o.to) where.push(`day_ymd <= ${encodeDay(o.to, 'to').ymd}`);
    const cond = `${between(o.a, o.b, o.directed)} AND ${where.join(' AND ')}`;
    const [{ n }] = parseRows(z.object({ n: z.coerce.number().int() }), await this.ch.rows(`SELECT count(*) AS n FROM events WHERE ${cond}`), 'count');
    const rows = n === 0 ? [] : await this.ch.rows(`SELECT id FROM events WHERE ${cond} ORDER BY day_num, id LIMIT ${limitOf(o.limit)}`);
    return { ids: parseRows(DatasetId, rows, 'id').map((r) => r.id), count: n };
  }

  async ties(s: ResolvedScope) {
    const where = chDatasetConditions(s);
    if (!where) return [];
    where.push('source_country <> target_country');
    pairInScope(s, where);
    // `sum(goldstein) AS goldstein` would shadow the column inside the aggregate in ClickHouse.
    const rows = await this.ch.rows<Record<string, unknown>>(
      `SELECT ${PAIR}, origin, count(*) AS events, sum(goldstein) AS g_sum
       FROM events WHERE ${where.join(' AND ')} GROUP BY a, b, origin ORDER BY a, b, origin`,
    );
    return parseRows(DatasetPair, rows.map(({ g_sum, ...r }) => ({ ...r, goldstein: g_sum })), 'pair');
  }

  async windows(s: ResolvedScope, o: { asOf: string; days: number }) {
    if (!Number.isInteger(o.days) || o.days <= 0) throw new Error(`store/clickhouse: window of ${o.days} days`);
    const where = chDatasetConditions(s);
    if (!where) return [];
    where.push('source_country <> target_country');
    pairInScope(s, where);
    // Every row is on or before the as-of day (the scope is bounded by it), so truncating division is floor division.
    const rows = await this.ch.rows(
      `SELECT ${PAIR}, intDiv(${encodeDay(o.asOf, 'as-of day').num} - day_num, ${o.days}) AS w, origin,
          count(*) AS n, countIf(quad = 4) AS q4, sum(goldstein) AS g
       FROM events WHERE ${where.join(' AND ')} GROUP BY a, b, w, origin ORDER BY a, b, w, origin`,
    );
    return parseRows(DatasetWindow, rows, 'window');
  }

  async partners(s: ResolvedScope, o: { actor: string; by?: PeriodUnit }) {
    const where = chDatasetConditions(s);
    if (!where) return [];
    const a = lit(o.actor);
    where.push(`(source_country = ${a} OR target_country = ${a})`, 'source_country <> target_country');
    const period = o.by ? CH_PERIOD_SQL[o.by] : `'all'`;
    const rows = await this.ch.rows(
      `SELECT ${period} AS period, CASE WHEN source_country = ${a} THEN target_country ELSE source_country END AS partner, origin, count(*) AS n
       FROM events WHERE ${where.join(' AND ')} GROUP BY period, partner, origin ORDER BY period, partner`,
    );
    return parseRows(DatasetPartner, rows, 'partner');
  }

  async mediationDays(s: ResolvedScope, o: { a: string; b: string }) {
    const where = chDatasetConditions(s);
    if (!where) return [];
    const rows = await this.ch.rows<{ ymd: number; origin: string; n: number }>(
      `SELECT day_ymd AS ymd, origin, count(*) AS n FROM events
       WHERE ${between(o.a, o.b, false)} AND ${where.join(' AND ')} GROUP BY ymd, origin ORDER BY ymd`,
    );
    return parseRows(DatasetDay, rows.map((r) => ({ day: dayOfYmd(Number(r.ymd)), origin: r.origin, n: r.n })), 'day');
  }

  async meetings(s: ResolvedScope, o: { a: string; b: string; meetingCameo: readonly string[] }) {
    const where = chDatasetConditions(s);
    if (!where) return [];
    const [a, b] = [lit(o.a), lit(o.b)];
    // GROUP BY rather than DISTINCT: the same on one server, and merged across shards by every release.
    const rows = await this.ch.rows<{ ymd: number; side: string; other: string }>(
      `SELECT day_ymd AS ymd,
          CASE WHEN source_country = ${a} OR target_country = ${a} THEN 'a' ELSE 'b' END AS side,
          CASE WHEN source_country IN (${a}, ${b}) THEN target_country ELSE source_country END AS other
       FROM events WHERE ${where.join(' AND ')} AND (${cameoPrefixes(o.meetingCameo)})
         AND (source_country IN (${a}, ${b}) OR target_country IN (${a}, ${b}))
         AND NOT (source_country IN (${a}, ${b}) AND target_country IN (${a}, ${b}))
         AND source_country IS NOT NULL AND target_country IS NOT NULL
       GROUP BY ymd, side, other ORDER BY ymd, side, other`,
    );
    return parseRows(Meeting, rows.map((r) => ({ day: dayOfYmd(Number(r.ymd)), side: r.side, other: r.other })), 'meeting');
  }

  async matching(s: ResolvedScope, m: DatasetMatch, limit: number) {
    const where = chDatasetConditions(s);
    if (!where) return { origins: [], ids: [] };
    const any = (side: 'source' | 'target', xs: readonly string[]) => `(${xs.map((x) => `${side}_country = ${lit(x)}`).join(' OR ')})`;
    const src = m.source?.length ? m.source : null;
    const tgt = m.target?.length ? m.target : null;
    if (m.either && src && tgt) where.push(`((${any('source', src)} AND ${any('target', tgt)}) OR (${any('source', tgt)} AND ${any('target', src)}))`);
    else {
      if (src) where.push(any('source', src));
      if (tgt) where.push(any('target', tgt));
    }
    if (m.quad?.length) where.push(`quad IN (${chList(m.quad)})`);
    if (m.cameo?.length) where.push(`(${cameoPrefixes(m.cameo)})`);
    where.push('source_country IS NOT NULL');
    const origins = parseRows(DatasetOriginCount, await this.ch.rows(`SELECT origin, count(*) AS n FROM events WHERE ${where.join(' AND ')} GROUP BY origin`), 'count');
    const room = limitOf(limit);
    const ids = room > 0 && origins.length ? parseRows(DatasetId, await this.ch.rows(`SELECT id FROM events WHERE ${where.join(' AND ')} ORDER BY day_num, id LIMIT ${room}`), 'id') : [];
    return { origins, ids: ids.map((r) => r.id) };
  }

  async span(s: ResolvedScope) {
    const where = chDatasetConditions(s);
    if (!where) return [];
    where.push('source_country IS NOT NULL');
    const rows = await this.ch.rows<{ origin: string; n: number; lo: number; hi: number }>(
      `SELECT origin, count(*) AS n, min(day_ymd) AS lo, max(day_ymd) AS hi FROM events WHERE ${where.join(' AND ')} GROUP BY origin`,
    );
    return parseRows(DatasetSpan, rows.map((r) => ({ origin: r.origin, n: r.n, first: dayOfYmd(Number(r.lo)), last: dayOfYmd(Number(r.hi)) })), 'span');
  }

  async periodTotals(s: ResolvedScope, by: PeriodUnit) {
    const where = chDatasetConditions(s);
    if (!where) return [];
    where.push('source_country IS NOT NULL', 'target_country IS NOT NULL', 'source_country <> target_country');
    pairInScope(s, where);
    return parseRows(DatasetTotal, await this.ch.rows(`SELECT ${CH_PERIOD_SQL[by]} AS period, count(*) AS n FROM events WHERE ${where.join(' AND ')} GROUP BY period`), 'total');
  }

  async list(f: DatasetListFilter) {
    const where = ['1'];
    if (f.origins?.length) where.push(`(${f.origins.map((o) => `startsWith(origin, ${lit(o)})`).join(' OR ')})`);
    if (f.exclude?.length) where.push(`NOT (${f.exclude.map((o) => `startsWith(origin, ${lit(o)})`).join(' OR ')})`);
    if (f.actor) where.push(`(has(source_countries, ${lit(f.actor)}) OR has(target_countries, ${lit(f.actor)}))`);
    if (f.from) where.push(`end_ymd >= ${encodeDay(f.from, 'from').ymd}`);
    if (f.to) where.push(`day_ymd <= ${encodeDay(f.to, 'to').ymd}`);
    const limit = f.limit ? `LIMIT ${Math.floor(f.limit)}` : '';
    const rows = await this.ch.rows<Record<string, unknown>>(
      `SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY day_num, end_num, id ${limit}`,
    );
    // The DuckDB row of a dataset event: no actor ids, no cited sources, reported and accepted (as importers write them).
    return rows.map(({ import_id: _i, day_num: _d, day_ymd, end_num: _e, end_ymd, ...r }) => ({
      ...r,
      date_start: dayOfYmd(Number(day_ymd)),
      date_end: end_ymd === null ? null : dayOfYmd(Number(end_ymd)),
      source_actors: [], target_actors: [], third_actors: [], sources: [],
      negated: false, hypothetical: false, status: 'reported', review: 'accepted',
    }));
  }

  async count(): Promise<number> {
    const [{ n }] = await this.ch.rows<{ n: number }>(`SELECT count(*) AS n FROM events`);
    return Number(n);
  }

  async close(): Promise<void> {
    await this.ch.close();
  }
}
