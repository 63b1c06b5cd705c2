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

/** Least evidence for a trend: periods with events and events in all; below either the answer is "insufficient evidence". */
export const TREND_DEFAULTS = { minPeriods: 5, minEvents: 20, alpha: 0.05 } as const;

export type TrendVerdict = 'rising' | 'falling' | 'no significant trend' | 'insufficient evidence';

export interface DyadTrendOptions {
  /** Fewest periods with events (default TREND_DEFAULTS.minPeriods). */
  readonly minPeriods?: number;
  /** Fewest events over the whole series (default TREND_DEFAULTS.minEvents). */
  readonly minEvents?: number;
  /** Significance level of the Mann–Kendall test (default TREND_DEFAULTS.alpha). */
  readonly alpha?: number;
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
  /** Periods from the first to the last, with or without events. */
  readonly span: number;
  /** Events over the series. */
  readonly events: number;
  /** Rising or falling when Mann–Kendall p ≤ alpha; insufficient evidence below the minimums (then no slope is given). */
  readonly verdict: TrendVerdict;
  /** Why: the minimum not met, or the test's figures. */
  readonly reason: string;
  readonly alpha: number;
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

/**
 * Theil–Sen slope, Mann–Kendall test and change points of the Goldstein mean over the periods that have events,
 * on the real time axis (x = the period's position in the calendar, so gaps stay gaps). Below the minimum of
 * evidence the verdict is "insufficient evidence" and no slope, test or break is reported.
 */
export function dyadTrend(series: readonly TrendPeriod[], options: DyadTrendOptions = {}): DyadTrend {
  const minPeriods = options.minPeriods ?? TREND_DEFAULTS.minPeriods;
  const minEvents = options.minEvents ?? TREND_DEFAULTS.minEvents;
  const alpha = options.alpha ?? TREND_DEFAULTS.alpha;
  const at = series.flatMap((p, i) => (p.events > 0 && p.goldstein_mean !== null && Number.isFinite(p.goldstein_mean) ? [i] : []));
  const used = at.map((i) => series[i]);
  const events = series.reduce((n, p) => n + p.events, 0);
  const ordinals = used.map((p) => periodOrdinal(p.period, options.by));
  const x0 = ordinals[0];
  const calendar = ordinals.every((o): o is number => o !== null) && x0 !== null && x0 !== undefined;
  const x = calendar ? ordinals.map((o) => (o as number) - x0) : at;
  const base = { periods: used.length, span: series.length, events, alpha, origin: used[0]?.period ?? null };
  if (used.length < minPeriods || events < minEvents) {
    const reason = `${used.length} period${used.length === 1 ? '' : 's'} with events and ${events} event${events === 1 ? '' : 's'}; a trend needs at least ${minPeriods} periods with events and ${minEvents} events`;
    return { ...base, verdict: 'insufficient evidence', reason, slope: null, intercept: null, mannKendall: null, changePoints: [] };
  }
  const y = used.map((p) => p.goldstein_mean as number);
  const line = theilSen(x, y);
  const mk = mannKendall(y);
  const seg = changePoints(y, { penalty: options.penalty, minSegment: options.minSegment });
  const slope = line?.slope ?? null;
  const significant = !!mk && mk.p <= alpha && slope !== null && slope !== 0;
  const verdict: TrendVerdict = significant ? (slope! > 0 ? 'rising' : 'falling') : 'no significant trend';
  const reason = mk ? `Theil–Sen slope ${round3(slope ?? 0)} per period over ${used.length} periods with events (${events} events); Mann–Kendall p = ${round3(mk.p)} (α = ${alpha})` : 'too few periods for the Mann–Kendall test';
  return {
    ...base,
    verdict,
    reason,
    slope,
    intercept: line?.intercept ?? null,
    mannKendall: mk ? { s: mk.s, z: mk.z, p: mk.p } : null,
    changePoints: seg.changes.map((k, i) => ({
      period: used[k].period,
      index: at[k],
      before: seg.means[i],
      after: seg.means[i + 1],
    })),
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The trend as lines of text for people. */
export function renderTrend(t: DyadTrend, by: string): string {
  const r = (x: number) => (Math.round(x * 1000) / 1000).toString();
  if (t.slope === null) return `trend: insufficient evidence (${t.reason})\n`;
  const mk = t.mannKendall ? `Mann–Kendall S = ${t.mannKendall.s}, z = ${r(t.mannKendall.z)}, p = ${r(t.mannKendall.p)}` : 'Mann–Kendall: too few periods';
  const cps = t.changePoints.length ? t.changePoints.map((c) => `${c.period} (${r(c.before)} → ${r(c.after)})`).join(', ') : 'none';
  return `trend over ${t.periods} ${by}s with events (of ${t.span}, ${t.events} events): ${t.verdict}; Theil–Sen slope ${r(t.slope)} Goldstein points per ${by}; ${mk}\nchange points: ${cps}\n`;
}
