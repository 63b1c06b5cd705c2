// Trend and breaks of a dyad's Goldstein series: Theil–Sen slope (Sen 1968), Mann–Kendall test (Mann 1945; Kendall 1975), PELT change points (Killick et al. 2012).
import { theilSen } from './theil-sen.js';
import { mannKendall } from './mann-kendall.js';
import { changePoints } from './change-points.js';

/** The part of a dyad period the trend reads; `DyadPeriod` from dyad-series.ts fits it. */
export interface TrendPeriod {
  readonly period: string;
  readonly events: number;
  readonly goldstein_mean: number | null;
}

export interface DyadTrendOptions {
  /** Period unit of the labels when they are days (YYYY-MM-DD); labels YYYY, YYYY-Qn and YYYY-MM carry their own. */
  readonly by?: 'month' | 'quarter' | 'year';
  /** Penalty per change point (squared Goldstein units); default 2·σ̂²·ln n. */
  readonly penalty?: number;
  /** Fewest periods between change points. */
  readonly minSegment?: number;
}

export interface ChangePoint {
  /** The first period of the new regime. */
  readonly period: string;
  /** Its index in the series given. */
  readonly index: number;
  /** Goldstein mean of the segment before and after. */
  readonly before: number;
  readonly after: number;
}

export interface DyadTrend {
  /** Periods with at least one event, the ones the statistics use. */
  readonly periods: number;
  /** Theil–Sen slope of the Goldstein mean per period (null with fewer than two periods). */
  readonly slope: number | null;
  readonly intercept: number | null;
  /** The period the intercept refers to (x = 0). */
  readonly origin: string | null;
  readonly mannKendall: { readonly s: number; readonly z: number; readonly p: number } | null;
  readonly changePoints: readonly ChangePoint[];
}

/** Position of a period label on a time axis in units of the period (months, quarters or years). */
export function periodOrdinal(label: string, by: DyadTrendOptions['by'] = 'month'): number | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(label))) return Number(m[1]);
  if ((m = /^(\d{4})-Q([1-4])$/.exec(label))) return Number(m[1]) * 4 + Number(m[2]) - 1;
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) return Number(m[1]) * 12 + Number(m[2]) - 1;
  if ((m = /^(\d{4})-(\d{2})-\d{2}$/.exec(label))) {
    const month = Number(m[1]) * 12 + Number(m[2]) - 1;
    return by === 'year' ? Math.floor(month / 12) : by === 'quarter' ? Math.floor(month / 3) : month;
  }
  return null;
}

/** Theil–Sen slope, Mann–Kendall test and change points of the Goldstein mean over the periods that have events. */
export function dyadTrend(series: readonly TrendPeriod[], options: DyadTrendOptions = {}): DyadTrend {
  const at = series.flatMap((p, i) => (p.events > 0 && p.goldstein_mean !== null && Number.isFinite(p.goldstein_mean) ? [i] : []));
  const used = at.map((i) => series[i]);
  const ordinals = used.map((p) => periodOrdinal(p.period, options.by));
  // Empty periods may be left out of a series; x follows the calendar when every label parses, else the order.
  const x0 = ordinals[0];
  const x = ordinals.every((o): o is number => o !== null) && x0 !== null && x0 !== undefined ? ordinals.map((o) => (o as number) - x0) : used.map((_, i) => i);
  const y = used.map((p) => p.goldstein_mean as number);
  const line = theilSen(x, y);
  const mk = mannKendall(y);
  const seg = changePoints(y, { penalty: options.penalty, minSegment: options.minSegment });
  return {
    periods: used.length,
    slope: line?.slope ?? null,
    intercept: line?.intercept ?? null,
    origin: used[0]?.period ?? null,
    mannKendall: mk ? { s: mk.s, z: mk.z, p: mk.p } : null,
    changePoints: seg.changes.map((k, i) => ({
      period: used[k].period,
      index: at[k],
      before: seg.means[i],
      after: seg.means[i + 1],
    })),
  };
}

/** The trend as lines of text for people. */
export function renderTrend(t: DyadTrend, by: string): string {
  const r = (x: number) => (Math.round(x * 1000) / 1000).toString();
  if (t.slope === null) return `trend: ${t.periods} ${by}s with events, too few for a trend\n`;
  const mk = t.mannKendall ? `Mann–Kendall S = ${t.mannKendall.s}, z = ${r(t.mannKendall.z)}, p = ${r(t.mannKendall.p)}` : 'Mann–Kendall: too few periods';
  const cps = t.changePoints.length ? t.changePoints.map((c) => `${c.period} (${r(c.before)} → ${r(c.after)})`).join(', ') : 'none';
  return `trend over ${t.periods} ${by}s: Theil–Sen slope ${r(t.slope)} Goldstein points per ${by}; ${mk}\nchange points: ${cps}\n`;
}
