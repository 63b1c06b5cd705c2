// The brief's key shifts: dyads of the region whose yearly event series has a significant trend or a break, with charts, and a judgement per significant trend.
import type { DyadPeriod, DyadReport, DyadTrend } from '../measure/index.js';
import { EVIDENCE_ORIGINS } from '../model/index.js';
import { readMatchingEvents } from '../store/evidence-reads.js';
import type { BriefContext, ChartCaption } from './brief-context.js';
import { DATASETS, uniqueNumbers } from './citations.js';
import { dyadTrendJudgement, type Judgement } from './judgements.js';

export interface KeyShift {
  readonly anchor: string;
  /** Party codes of the two sides. */
  readonly a: string;
  readonly b: string;
  /** The evidence behind the series: events, sources, origins and the ids counted. */
  readonly evidence: DyadReport['evidence'];
  readonly title: string;
  readonly sentence: string;
  readonly series: readonly DyadPeriod[];
  readonly caption: ChartCaption;
  readonly cites: readonly number[];
}

export interface ShiftsSection {
  readonly shifts: readonly KeyShift[];
  readonly candidates: readonly Judgement[];
}

/** How many dyads the section shows at most. */
export const SHIFT_DEFAULTS = { shifts: 4 } as const;

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}`;

/** Dyads of a region country with a party of the scope, where the evidence suffices for a trend test and shows a trend, or a break not explained by a change of source. */
export async function gatherShifts(ctx: BriefContext, max: number = SHIFT_DEFAULTS.shifts): Promise<ShiftsSection> {
  const m = await import('../measure/index.js');
  const parties = ctx.scope.region?.parties ?? ctx.region.countries;
  const seen = new Set<string>();
  const found: { a: string; b: string; series: readonly DyadPeriod[]; trend: DyadTrend; evidence: DyadReport['evidence']; events: number; sources: number; origins: Record<string, number> }[] = [];
  for (const a of ctx.region.countries) {
    for (const b of parties) {
      const key = [a, b].sort().join('~');
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      const report = await m.dyadReport(ctx.store, { scope: ctx.scopeInput, a, b, by: 'year' });
      const trend = m.dyadTrend(report.series, { by: 'year' });
      if (trend.verdict === 'insufficient evidence' || trend.slope === null) continue;
      if (trend.verdict === 'no significant trend' && trend.changePoints.length === 0) continue;
      // A break alone, in a series stitched from origins that never share a year, may be the change of source.
      if (trend.verdict === 'no significant trend' && originCaveat(report.series.filter((p) => p.events > 0))) continue;
      found.push({ a, b, series: report.series, trend, evidence: report.evidence, events: report.evidence.events, sources: report.evidence.sources, origins: report.evidence.origins as Record<string, number> });
    }
  }
  const strength = (s: (typeof found)[number]) => Math.abs(s.trend.slope ?? 0) * Math.sqrt(s.trend.periods) + (s.trend.changePoints.length ? 1 : 0) + (s.trend.verdict === 'no significant trend' ? 0 : 2);
  const chosen = found.sort((x, y) => strength(y) - strength(x) || y.events - x.events).slice(0, max);
  if (!chosen.length) ctx.gaps.push('No dyad of the region has enough evidence for a trend test (5 years with events and 20 events) together with a significant trend or a break within one source, so the brief reports no key shift.');
  const shifts: KeyShift[] = [];
  const candidates: Judgement[] = [];
  let k = 0;
  for (const s of chosen) {
    const anchor = `shift-${++k}`;
    const withEvents = s.series.filter((p) => p.events > 0);
    const last = withEvents[withEvents.length - 1];
    const lastScope = { ...ctx.scope, from: `${last.period}-01-01`, to: `${last.period}-12-31` };
    const recent = await readMatchingEvents(ctx.store, lastScope, { source: [s.a], target: [s.b], either: true }, 50);
    const datasets = (['gdelt', 'icews', 'acled'] as const).filter((o) => (s.origins[o] ?? 0) > 0).map((o) => ctx.cite.dataset(DATASETS[o]));
    const cites = uniqueNumbers([...recent.sources.slice(0, 3).map((id) => ctx.cite.source(id)), ...datasets]);
    const originText = EVIDENCE_ORIGINS.filter((o) => s.origins[o]).map((o) => `${o} ${s.origins[o]}`).join(', ');
    const title = `${ctx.names.name(s.a)} – ${ctx.names.name(s.b)}`;
    shifts.push({
      anchor,
      a: s.a,
      b: s.b,
      evidence: s.evidence,
      title,
      sentence: `${shiftSentence(s.trend, withEvents[0], last)}${originCaveat(withEvents)}`,
      series: s.series,
      caption: {
        scope: ctx.scopeText,
        n: `n = ${s.events} events in ${s.trend.periods} of ${s.trend.span} years; ${s.sources} sources (${originText})`,
        vintage: `events to ${last.period}`,
      },
      cites,
    });
    const j = dyadTrendJudgement(
      {
        a: s.a,
        b: s.b,
        points: withEvents.map((p) => ({ year: Number(p.period), value: p.goldstein_mean as number })),
        events: s.events,
        sources: s.sources,
        origins: Object.keys(s.origins).filter((o) => (s.origins[o] ?? 0) > 0).length,
        originText,
        cites,
        section: anchor,
      },
      ctx.names,
    );
    if (j) candidates.push(j);
  }
  return { shifts, candidates };
}

/** "The Goldstein mean of their events went from +3.2 (2019, 4 events) to −1.4 (2025, 9 events); Theil–Sen slope …". */
export function shiftSentence(t: DyadTrend, first: DyadPeriod, last: DyadPeriod): string {
  const direction = (t.slope ?? 0) > 0 ? 'towards cooperation' : (t.slope ?? 0) < 0 ? 'towards conflict' : 'flat';
  const parts = [
    `The Goldstein mean of their events went from ${signed(first.goldstein_mean ?? 0)} (${first.period}, ${first.events} event${first.events === 1 ? '' : 's'}) to ${signed(last.goldstein_mean ?? 0)} (${last.period}, ${last.events} event${last.events === 1 ? '' : 's'})`,
    `Theil–Sen slope ${signed(t.slope ?? 0)} per year, ${direction}` + (t.mannKendall ? ` (Mann–Kendall p = ${t.mannKendall.p.toFixed(2)}${t.mannKendall.p <= t.alpha ? '' : ', not significant'})` : ''),
    `${t.events} events in ${t.periods} of ${t.span} years`,
  ];
  if (t.changePoints.length) parts.push(`break${t.changePoints.length > 1 ? 's' : ''} in ${t.changePoints.map((c) => `${c.period} (${signed(c.before)} → ${signed(c.after)})`).join(', ')}`);
  return `${parts.join('; ')}.`;
}

/**
 * A caveat when a series joins years from different origins that never meet in one year (e.g. GDELT years and
 * curated years): a break between them may come from the change of source, not of relations.
 */
export function originCaveat(periods: readonly DyadPeriod[]): string {
  const kinds = periods.map((p) => Object.keys(p.origins).filter((o) => (p.origins as Record<string, number>)[o] > 0));
  const all = [...new Set(kinds.flat())];
  if (all.length < 2 || kinds.some((k) => k.length > 1)) return '';
  const spans = all.map((o) => {
    const years = periods.filter((_, i) => kinds[i].includes(o)).map((p) => p.period);
    return `${o} ${years[0]}${years.length > 1 ? `–${years[years.length - 1]}` : ''}`;
  });
  return ` The series joins years from different origins that never share a year (${spans.join('; ')}): a break between them may come from the change of source, not of relations.`;
}
