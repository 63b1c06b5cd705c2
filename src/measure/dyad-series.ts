// Dyad series: events between two parties per period, with quad-class counts and Goldstein sum and mean (CAMEO; Goldstein 1992), every period present.
import type { ScopeInput } from '../model/scope.js';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { addOrigin, describeScope, inScope, resolveScope, scopeJson, type EvidenceCount, type OriginCounts, type ResolvedScope } from '../store/evidence.js';
import { periodLabel, readDyad, readDyadDatasetIds, readPeriodTotals, readSpan, type DyadRead } from '../store/evidence-reads.js';
import { nextPeriod, type PeriodUnit } from './period.js';

export type DyadPeriodUnit = PeriodUnit;

export interface DyadSeriesOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** Party code (ISO3 country, or IGO code) of one side. */
  readonly a: string;
  /** Party code of the other side. */
  readonly b: string;
  readonly by: DyadPeriodUnit;
  /** Only events with A as source and B as target; both directions when false (the default). */
  readonly directed?: boolean;
  /** First day included, YYYY-MM-DD (also in scope.from). */
  readonly from?: string;
  /** Last day included, YYYY-MM-DD (also in scope.to). */
  readonly to?: string;
  /** Also each period's share of all in-scope events between parties of the scope (volume normalisation). */
  readonly normalize?: boolean;
  /** Also list up to this many dataset event ids (default 0: dataset rows are counted, not listed). */
  readonly datasetIds?: number;
}

export const DYAD_DEFAULTS = {
  /** Most event ids listed with a series (the counts are always complete). */
  maxIds: 500,
} as const;

/** One period of a dyad series, as `faultline dyad --json` prints it. */
export interface DyadPeriod {
  readonly period: string;
  readonly events: number;
  readonly quad: { readonly '1': number; readonly '2': number; readonly '3': number; readonly '4': number };
  readonly goldstein_sum: number;
  /** Null in a period without events. */
  readonly goldstein_mean: number | null;
  /** Distinct sources of the period's curated and extracted events. */
  readonly sources: number;
  /** Events per origin (curated, article, gdelt, icews, acled). */
  readonly origins: OriginCounts;
  /** With `normalize`: events / all in-scope events of the period (null when the period has none). */
  readonly share?: number | null;
}

/** A dyad series with its scope and the evidence behind it. */
export interface DyadReport {
  readonly a: string;
  readonly b: string;
  readonly by: DyadPeriodUnit;
  readonly directed: boolean;
  readonly scope: ReturnType<typeof scopeJson>;
  /** The scope in words, for people. */
  readonly scopeText: string;
  readonly evidence: EvidenceCount & {
    /** Ids of the curated and extracted events counted, oldest first, at most DYAD_DEFAULTS.maxIds; dataset ids only when asked for (`datasetIds`). */
    readonly ids: readonly string[];
    readonly idsComplete: boolean;
  };
  readonly series: readonly DyadPeriod[];
}

/** Goldstein sums and means are rounded to two decimals: the weights carry one, so sums stay exact. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

interface Acc {
  events: number;
  q: [number, number, number, number];
  g: number;
  sources: Set<string>;
  origins: OriginCounts;
}

/**
 * The series of a dyad read: one entry per period from `first` (or the first period with events) to `last` (or
 * the last period with events), periods without events present with zero counts and a null mean.
 */
export function dyadSeriesOf(read: DyadRead, o: { by: DyadPeriodUnit; first?: string; last?: string; totals?: ReadonlyMap<string, number> }): DyadPeriod[] {
  const acc = new Map<string, Acc>();
  const get = (p: string) => {
    let a = acc.get(p);
    if (!a) acc.set(p, (a = { events: 0, q: [0, 0, 0, 0], g: 0, sources: new Set(), origins: {} }));
    return a;
  };
  for (const r of read.dataset) {
    const a = get(r.period);
    a.events += r.events;
    a.q[0] += r.q1;
    a.q[1] += r.q2;
    a.q[2] += r.q3;
    a.q[3] += r.q4;
    a.g += r.gsum;
    addOrigin(a.origins, r.origin, r.events);
  }
  for (const e of read.items) {
    const a = get(periodLabel(e.day, o.by));
    a.events++;
    a.q[e.quad - 1]++;
    a.g += e.goldstein;
    e.sources.forEach((s) => a.sources.add(s));
    addOrigin(a.origins, e.origin, 1);
  }
  const labels = [...acc.keys()].sort();
  const first = o.first ?? labels[0];
  const last = o.last ?? labels[labels.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: DyadPeriod[] = [];
  for (let p = first; p <= last; p = nextPeriod(p, o.by)) {
    const a = acc.get(p);
    const sum = a ? round2(a.g) : 0;
    const events = a?.events ?? 0;
    const total = o.totals?.get(p) ?? 0;
    out.push({
      period: p,
      events,
      quad: { '1': a?.q[0] ?? 0, '2': a?.q[1] ?? 0, '3': a?.q[2] ?? 0, '4': a?.q[3] ?? 0 },
      goldstein_sum: sum,
      goldstein_mean: events ? round2(sum / events) : null,
      sources: a?.sources.size ?? 0,
      origins: a?.origins ?? {},
      ...(o.totals ? { share: total ? events / total : null } : {}),
    });
  }
  return out;
}

/** The scope of a dyad: the options' dates folded into the scope; both parties must be in its region. */
async function dyadScope(store: Store, options: DyadSeriesOptions): Promise<ResolvedScope> {
  const s = await resolveScope(store, { ...options.scope, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
  for (const party of [options.a, options.b]) {
    if (!inScope(s, party)) {
      throw new UserError('measure/dyad', `${party} is not a party of region ${s.region?.id}; use --region world (or a region that names it)`, { field: 'region' });
    }
  }
  if (options.a === options.b) throw new UserError('measure/dyad', `a dyad needs two different parties, got ${options.a} twice`, { field: 'b' });
  return s;
}

/**
 * Events between `a` and `b` in scope, one entry per period from the first to the last period of their
 * evidence (or of --from/--to, the end clipped to the newest evidence in scope); an event is between A and B
 * when A is among its source countries and B among its target countries (or the reverse, unless `directed`);
 * its period is that of its first day.
 */
export async function dyadSeries(store: Store, options: DyadSeriesOptions): Promise<DyadPeriod[]> {
  return [...(await dyadReport(store, options)).series];
}

/** The dyad series with its scope and evidence: counts, sources, origins and the ids of the events counted. */
export async function dyadReport(store: Store, options: DyadSeriesOptions): Promise<DyadReport> {
  const s = await dyadScope(store, options);
  const directed = !!options.directed;
  const read = await readDyad(store, s, { a: options.a, b: options.b, by: options.by, directed });
  let first: string | undefined;
  let last: string | undefined;
  if (s.from || s.to) {
    const span = await readSpan(store, s);
    if (s.from) first = periodLabel(s.from, options.by);
    const end = s.to && span.last && s.to > span.last ? span.last : s.to;
    if (end) last = periodLabel(end, options.by);
  }
  const totals = options.normalize ? await readPeriodTotals(store, s, options.by) : undefined;
  let series = dyadSeriesOf(read, { by: options.by, first, last, totals });
  if (series.length && series.every((p) => p.events === 0)) series = [];
  const origins: OriginCounts = {};
  const sources = new Set<string>();
  for (const e of read.items) {
    addOrigin(origins, e.origin, 1);
    e.sources.forEach((x) => sources.add(x));
  }
  for (const r of read.dataset) addOrigin(origins, r.origin, r.events);
  const total = read.items.length + read.dataset.reduce((n, r) => n + r.events, 0);
  const ids = read.items.slice(0, DYAD_DEFAULTS.maxIds).map((e) => e.id);
  const room = Math.min(DYAD_DEFAULTS.maxIds - ids.length, options.datasetIds ?? 0);
  if (room > 0 && read.dataset.length) ids.push(...(await readDyadDatasetIds(store, s, { a: options.a, b: options.b, directed, limit: room })).ids);
  return {
    a: options.a,
    b: options.b,
    by: options.by,
    directed,
    scope: scopeJson(s),
    scopeText: describeScope(s),
    evidence: { events: total, sources: sources.size, origins, ids, idsComplete: ids.length === total },
    series,
  };
}
