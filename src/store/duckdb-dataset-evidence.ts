// The dataset branch of the evidence reads on DuckDB: dataset rows in the store's own `events` table.
import { DATASET_ORIGIN_KINDS } from '../model/index.js';
import type { Store } from './store.js';
import { datasetConditions, Params, type ResolvedScope } from './evidence.js';
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
  parseRows,
  type DatasetEvidence,
  type DatasetListFilter,
  type DatasetMatch,
  type PeriodUnit,
} from './dataset-evidence.js';
import { z } from 'zod';

/** The SQL naming the period of `date_start`: 2012-08, 2012-Q3 or 2012. */
export const PERIOD_SQL: Readonly<Record<PeriodUnit, string>> = {
  month: `strftime(date_start, '%Y-%m')`,
  quarter: `strftime(date_start, '%Y') || '-Q' || quarter(date_start)::VARCHAR`,
  year: `strftime(date_start, '%Y')`,
};

const scalarBetween = (a: string, b: string, directed: boolean) =>
  directed ? `(source_country = ${a} AND target_country = ${b})` : `((source_country = ${a} AND target_country = ${b}) OR (source_country = ${b} AND target_country = ${a}))`;

/** Both sides among the scope's parties (nothing added for the world). */
function pairInScope(s: ResolvedScope, q: Params, where: string[]): void {
  if (!s.region) return;
  const parties = `[${q.list(s.region.parties)}]`;
  where.push(`list_contains(${parties}, source_country) AND list_contains(${parties}, target_country)`);
}

/** Dataset evidence read from the DuckDB store's `events` table (the default backend). */
export class DuckDbDatasetEvidence implements DatasetEvidence {
  readonly kind = 'duckdb' as const;
  readonly imports = null;
  constructor(private readonly store: Store) {}

  async dyadPeriods(s: ResolvedScope, o: { a: string; b: string; by: PeriodUnit; directed: boolean }) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return [];
    const [a, b] = [q.p(o.a), q.p(o.b)];
    const rows = await this.store.all(
      `SELECT ${PERIOD_SQL[o.by]} AS period, origin, count(*)::INTEGER AS events,
          count(*) FILTER (quad = 1)::INTEGER AS q1, count(*) FILTER (quad = 2)::INTEGER AS q2,
          count(*) FILTER (quad = 3)::INTEGER AS q3, count(*) FILTER (quad = 4)::INTEGER AS q4, sum(goldstein)::DOUBLE AS gsum
       FROM events WHERE ${scalarBetween(a, b, o.directed)} AND ${where.join(' AND ')}
       GROUP BY period, origin ORDER BY period, origin`,
    );
    return parseRows(DatasetPeriod, rows, 'dyad period');
  }

  async dyadIds(s: ResolvedScope, o: { a: string; b: string; directed: boolean; from?: string; to?: string; limit: number }) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return { ids: [], count: 0 };
    const [a, b] = [q.p(o.a), q.p(o.b)];
    if (o.from) where.push(`date_start >= ${q.p(o.from)}::DATE`);
    if (o.to) where.push(`date_start <= ${q.p(o.to)}::DATE`);
    const cond = `${scalarBetween(a, b, o.directed)} AND ${where.join(' AND ')}`;
    const [{ n }] = parseRows(z.object({ n: z.coerce.number().int() }), await this.store.all(`SELECT count(*)::INTEGER AS n FROM events WHERE ${cond}`), 'count');
    const rows = n === 0 ? [] : await this.store.all(`SELECT id FROM events WHERE ${cond} ORDER BY date_start, id LIMIT ${Math.max(0, Math.floor(o.limit))}`);
    return { ids: parseRows(DatasetId, rows, 'id').map((r) => r.id), count: n };
  }

  async ties(s: ResolvedScope) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return [];
    where.push('source_country <> target_country');
    pairInScope(s, q, where);
    const rows = await this.store.all(
      `SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b, origin,
          count(*)::INTEGER AS events, sum(goldstein)::DOUBLE AS goldstein
       FROM events WHERE ${where.join(' AND ')} GROUP BY a, b, origin ORDER BY a, b, origin`,
    );
    return parseRows(DatasetPair, rows, 'pair');
  }

  async windows(s: ResolvedScope, o: { asOf: string; days: number }) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return [];
    where.push('source_country <> target_country');
    pairInScope(s, q, where);
    const rows = await this.store.all(
      `SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
          (date_diff('day', date_start, ${q.p(o.asOf)}::DATE) // ${q.p(o.days)})::INTEGER AS w, origin,
          count(*)::INTEGER AS n, count(*) FILTER (quad = 4)::INTEGER AS q4, sum(goldstein)::DOUBLE AS g
       FROM events WHERE ${where.join(' AND ')} GROUP BY a, b, w, origin ORDER BY a, b, w, origin`,
    );
    return parseRows(DatasetWindow, rows, 'window');
  }

  async partners(s: ResolvedScope, o: { actor: string; by?: PeriodUnit }) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return [];
    const a = q.p(o.actor);
    where.push(`(source_country = ${a} OR target_country = ${a})`, 'source_country <> target_country');
    const period = o.by ? PERIOD_SQL[o.by] : `'all'`;
    const rows = await this.store.all(
      `SELECT ${period} AS period, CASE WHEN source_country = ${a} THEN target_country ELSE source_country END AS partner, origin, count(*)::INTEGER AS n
       FROM events WHERE ${where.join(' AND ')} GROUP BY period, partner, origin ORDER BY period, partner`,
    );
    return parseRows(DatasetPartner, rows, 'partner');
  }

  async mediationDays(s: ResolvedScope, o: { a: string; b: string }) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return [];
    const [a, b] = [q.p(o.a), q.p(o.b)];
    const rows = await this.store.all(
      `SELECT strftime(date_start, '%Y-%m-%d') AS day, origin, count(*)::INTEGER AS n FROM events
       WHERE ${scalarBetween(a, b, false)} AND ${where.join(' AND ')} GROUP BY day, origin ORDER BY day`,
    );
    return parseRows(DatasetDay, rows, 'day');
  }

  async meetings(s: ResolvedScope, o: { a: string; b: string; meetingCameo: readonly string[] }) {
    const m = new Params();
    const where = datasetConditions(s, m);
    if (!where) return [];
    const [ma, mb] = [m.p(o.a), m.p(o.b)];
    const prefixes = o.meetingCameo.map((c) => `starts_with(cameo, ${m.p(c)})`).join(' OR ');
    const rows = await this.store.all(
      `SELECT DISTINCT strftime(date_start, '%Y-%m-%d') AS day,
          CASE WHEN source_country = ${ma} OR target_country = ${ma} THEN 'a' ELSE 'b' END AS side,
          CASE WHEN source_country IN (${ma}, ${mb}) THEN target_country ELSE source_country END AS other
       FROM events WHERE ${where.join(' AND ')} AND (${prefixes})
         AND (source_country IN (${ma}, ${mb}) OR target_country IN (${ma}, ${mb}))
         AND NOT (source_country IN (${ma}, ${mb}) AND target_country IN (${ma}, ${mb}))
         AND source_country IS NOT NULL AND target_country IS NOT NULL
       ORDER BY day, side, other`,
    );
    return parseRows(Meeting, rows, 'meeting');
  }

  async matching(s: ResolvedScope, m: DatasetMatch, limit: number) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return { origins: [], ids: [] };
    const any = (side: 'source' | 'target', xs: readonly string[]) => `(${xs.map((x) => `${side}_country = ${q.p(x)}`).join(' OR ')})`;
    const src = m.source?.length ? m.source : null;
    const tgt = m.target?.length ? m.target : null;
    if (m.either && src && tgt) where.push(`((${any('source', src)} AND ${any('target', tgt)}) OR (${any('source', tgt)} AND ${any('target', src)}))`);
    else {
      if (src) where.push(any('source', src));
      if (tgt) where.push(any('target', tgt));
    }
    if (m.quad?.length) where.push(`quad IN (${q.list(m.quad)})`);
    if (m.cameo?.length) where.push(`(${m.cameo.map((c) => `starts_with(cameo, ${q.p(c)})`).join(' OR ')})`);
    where.push('source_country IS NOT NULL');
    const origins = parseRows(DatasetOriginCount, await this.store.all(`SELECT origin, count(*)::INTEGER AS n FROM events WHERE ${where.join(' AND ')} GROUP BY origin`), 'count');
    const room = Math.max(0, Math.floor(limit));
    const ids = room > 0 && origins.length ? parseRows(DatasetId, await this.store.all(`SELECT id FROM events WHERE ${where.join(' AND ')} ORDER BY date_start, id LIMIT ${room}`), 'id') : [];
    return { origins, ids: ids.map((r) => r.id) };
  }

  async span(s: ResolvedScope) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return [];
    where.push('source_country IS NOT NULL');
    const rows = await this.store.all(
      `SELECT origin, count(*)::INTEGER AS n, strftime(min(date_start), '%Y-%m-%d') AS first,
          strftime(max(date_start), '%Y-%m-%d') AS last FROM events WHERE ${where.join(' AND ')} GROUP BY 1`,
    );
    return parseRows(DatasetSpan, rows, 'span');
  }

  async periodTotals(s: ResolvedScope, by: PeriodUnit) {
    const q = new Params();
    const where = datasetConditions(s, q);
    if (!where) return [];
    where.push('source_country IS NOT NULL', 'target_country IS NOT NULL', 'source_country <> target_country');
    pairInScope(s, q, where);
    return parseRows(DatasetTotal, await this.store.all(`SELECT ${PERIOD_SQL[by]} AS period, count(*)::INTEGER AS n FROM events WHERE ${where.join(' AND ')} GROUP BY period`), 'total');
  }

  async list(f: DatasetListFilter) {
    const q = new Params();
    const where = [`origin IN (${q.list(DATASET_ORIGIN_KINDS)})`];
    if (f.origins?.length) where.push(`(${f.origins.map((o) => `starts_with(origin, ${q.p(o)})`).join(' OR ')})`);
    if (f.exclude?.length) where.push(`NOT (${f.exclude.map((o) => `starts_with(origin, ${q.p(o)})`).join(' OR ')})`);
    if (f.actor) where.push(`(list_contains(source_countries, ${q.p(f.actor)}) OR list_contains(target_countries, ${q.p(f.actor)}))`);
    if (f.from) where.push(`date_end >= ${q.p(f.from)}::DATE`);
    if (f.to) where.push(`date_start <= ${q.p(f.to)}::DATE`);
    const limit = f.limit ? `LIMIT ${Math.floor(f.limit)}` : '';
    return this.store.all(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY date_start NULLS LAST, date_end, id ${limit}`);
  }

  async count(): Promise<number> {
    const [{ n }] = await this.store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM events WHERE origin IN (${DATASET_ORIGIN_KINDS.map((o) => `'${o}'`).join(', ')})`);
    return Number(n);
  }

  async close(): Promise<void> {}
}
