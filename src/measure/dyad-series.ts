// Dyad series: events between two countries per period, with quad-class counts and Goldstein sum and mean (CAMEO; Goldstein 1992).
import type { ScopeInput } from '../model/scope.js';
import type { SqlValue, Store } from '../store/store.js';

export type DyadPeriodUnit = 'month' | 'quarter' | 'year';

export interface DyadSeriesOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** ISO3 code (or IGO code) of one side. */
  readonly a: string;
  /** ISO3 code (or IGO code) of the other side. */
  readonly b: string;
  readonly by: DyadPeriodUnit;
  /** Only events with A as source and B as target; both directions when false (the default). */
  readonly directed?: boolean;
  /** First day included, YYYY-MM-DD. */
  readonly from?: string;
  /** Last day included, YYYY-MM-DD. */
  readonly to?: string;
}

/** One period of a dyad series, as `faultline dyad --json` prints it. */
export interface DyadPeriod {
  readonly period: string;
  readonly events: number;
  readonly quad: { readonly '1': number; readonly '2': number; readonly '3': number; readonly '4': number };
  readonly goldstein_sum: number;
  readonly goldstein_mean: number;
}

/** The SQL expression naming the period of `date_start`: 2012-08, 2012-Q3 or 2012. */
const PERIOD_SQL: Record<DyadPeriodUnit, string> = {
  month: `strftime(date_start, '%Y-%m')`,
  quarter: `strftime(date_start, '%Y') || '-Q' || quarter(date_start)::VARCHAR`,
  year: `strftime(date_start, '%Y')`,
};

/** Goldstein sums and means are rounded to two decimals: the weights carry one, so sums stay exact. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Events between `a` and `b` in every origin of the store, per period, ordered by period; periods without
 * events are left out. An event is between A and B when A is among its source countries and B among its
 * target countries (or the reverse, unless `directed`); its period is that of its first day.
 */
export async function dyadSeries(store: Store, options: DyadSeriesOptions): Promise<DyadPeriod[]> {
  const params: SqlValue[] = [options.a, options.b];
  const bounds: string[] = ['date_start IS NOT NULL'];
  if (options.from) {
    params.push(options.from);
    bounds.push(`date_start >= $${params.length}::DATE`);
  }
  if (options.to) {
    params.push(options.to);
    bounds.push(`date_start <= $${params.length}::DATE`);
  }
  // Curated and extracted events may have several actors a side and are matched on the list columns;
  // every other origin (GDELT, ICEWS, ACLED rows: one actor a side) on the scalar columns, which scan
  // several times faster. The origin ranges let DuckDB skip whole row groups of either kind.
  const several = `((origin >= 'article:' AND origin < 'article;') OR (origin >= 'curated:' AND origin < 'curated;'))`;
  const scalar = (x: string, y: string) => `(source_country = ${x} AND target_country = ${y})`;
  const lists = (x: string, y: string) => `(list_contains(source_countries, ${x}) AND list_contains(target_countries, ${y}))`;
  const either = (m: typeof scalar) => (options.directed ? m('$1', '$2') : `(${m('$1', '$2')} OR ${m('$2', '$1')})`);
  const rows = await store.all<{ period: string; events: number; q1: number; q2: number; q3: number; q4: number; gsum: number }>(
    `SELECT ${PERIOD_SQL[options.by]} AS period, count(*)::INTEGER AS events,
        count(*) FILTER (quad = 1)::INTEGER AS q1, count(*) FILTER (quad = 2)::INTEGER AS q2,
        count(*) FILTER (quad = 3)::INTEGER AS q3, count(*) FILTER (quad = 4)::INTEGER AS q4,
        sum(goldstein)::DOUBLE AS gsum
     FROM (
       SELECT date_start, quad, goldstein FROM events WHERE NOT ${several} AND ${either(scalar)}
       UNION ALL
       SELECT date_start, quad, goldstein FROM events WHERE ${several} AND ${either(lists)}
     ) WHERE ${bounds.join(' AND ')}
     GROUP BY period ORDER BY period`,
    params,
  );
  return rows.map((r) => {
    const sum = round2(r.gsum);
    return {
      period: r.period,
      events: r.events,
      quad: { '1': r.q1, '2': r.q2, '3': r.q3, '4': r.q4 },
      goldstein_sum: sum,
      goldstein_mean: round2(sum / r.events),
    };
  });
}
