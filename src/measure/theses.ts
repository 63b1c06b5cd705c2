// Thesis verdicts: every indicator of a thesis evaluated against the store, and an Analysis-of-Competing-Hypotheses matrix (Heuer 1999, ch. 8).
import type { ScopeInput } from '../model/scope.js';
import type { Claim, Format, Indicator, IndicatorKind, Relation, Source, Thesis } from '../model/index.js';
import { relationHoldsOn, UserError } from '../model/index.js';
import type { Store } from '../store/store.js';
import { listActors, listClaims, listFormats, listRelations, listSources, listTheses } from '../store/queries.js';
import { dyadSeries } from './dyad-series.js';
import { dyadTrend } from './dyad-trend.js';
import { mediation } from './mediation.js';
import { influence } from './influence.js';
import { resolveScope, type ResolvedScope } from '../store/evidence.js';
import { readEventSources, readMatchingEvents } from '../store/evidence-reads.js';

export interface ThesisOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** Significance level of the Mann–Kendall test for trend indicators. */
  readonly alpha?: number;
  /** Fewest periods with events for a trend indicator to be evaluated. */
  readonly minPeriods?: number;
  /** Most event ids cited per indicator (the count is always given). */
  readonly maxEvents?: number;
}

export const THESIS_DEFAULTS = { alpha: 0.1, minPeriods: 3, maxEvents: 50 } as const;

export type Consistency = 'consistent' | 'inconsistent' | 'not evaluated';

export interface Evidence {
  readonly events: readonly string[];
  /** Events behind the value, when there are more than are cited. */
  readonly eventCount: number;
  readonly claims: readonly string[];
  readonly relations: readonly string[];
  readonly formats: readonly string[];
  /** Sources of everything cited. */
  readonly sources: readonly string[];
}

export interface IndicatorResult {
  readonly id: string;
  readonly description: string;
  readonly kind: IndicatorKind;
  /** The measured value (slope, share, count, status …). */
  readonly value: number | string | boolean | null;
  /** Whether the indicator's expectation holds; null when the data cannot tell. */
  readonly holds: boolean | null;
  readonly bearing: 'supports' | 'contradicts';
  readonly consistency: Consistency;
  readonly note: string;
  readonly evidence: Evidence;
}

export type Verdict = 'supported' | 'contradicted' | 'not enough evidence';

export interface ThesisResult {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly verdict: Verdict;
  readonly consistent: number;
  readonly inconsistent: number;
  readonly indicators: readonly IndicatorResult[];
  readonly sources: readonly string[];
}

export interface AchMatrix {
  readonly hypotheses: readonly { readonly id: string; readonly title: string }[];
  /** One row per indicator; the cell of its own thesis says how it bears, other theses have null. */
  readonly evidence: readonly { readonly id: string; readonly description: string; readonly cells: Readonly<Record<string, Consistency | null>> }[];
  /** Inconsistent items per hypothesis: in ACH the hypothesis with the fewest is the strongest. */
  readonly inconsistency: Readonly<Record<string, number>>;
}

export interface ThesesReport {
  readonly theses: readonly ThesisResult[];
  readonly ach: AchMatrix;
  /** Every source cited as evidence. */
  readonly sources: readonly Pick<Source, 'id' | 'title' | 'outlet' | 'url' | 'published'>[];
}

interface Context {
  readonly store: Store;
  readonly scope: ResolvedScope;
  readonly o: Required<Omit<ThesisOptions, 'scope'>> & Pick<ThesisOptions, 'scope'>;
  readonly claims: readonly Claim[];
  readonly relations: readonly Relation[];
  readonly formats: readonly Format[];
  readonly country: ReadonlyMap<string, string>;
}

interface Outcome {
  readonly value: IndicatorResult['value'];
  readonly holds: boolean | null;
  readonly note: string;
  readonly events?: readonly string[];
  readonly eventCount?: number;
  readonly claims?: readonly string[];
  readonly relations?: readonly string[];
  readonly formats?: readonly string[];
}

/** Evaluates every thesis in the store (or those given) and builds the ACH matrix. */
export async function evaluateTheses(store: Store, options: ThesisOptions & { theses?: readonly Thesis[] } = {}): Promise<ThesesReport> {
  const theses = options.theses ?? (await listTheses(store));
  const actors = await listActors(store);
  const ctx: Context = {
    store,
    scope: await resolveScope(store, options.scope),
    o: { ...THESIS_DEFAULTS, ...options },
    claims: await listClaims(store),
    relations: await listRelations(store),
    formats: await listFormats(store),
    country: new Map(actors.flatMap((a) => (a.country ?? a.code ? [[a.id, (a.country ?? a.code) as string]] : []))),
  };
  const results: ThesisResult[] = [];
  for (const t of theses) {
    const indicators: IndicatorResult[] = [];
    for (const ind of t.indicators) indicators.push(await finish(ctx, ind, await evaluateSafely(ctx, ind)));
    const consistent = indicators.filter((i) => i.consistency === 'consistent').length;
    const inconsistent = indicators.filter((i) => i.consistency === 'inconsistent').length;
    const verdict: Verdict = consistent > inconsistent ? 'supported' : inconsistent > consistent ? 'contradicted' : 'not enough evidence';
    const sources = [...new Set([...t.sources, ...indicators.flatMap((i) => i.evidence.sources)])].sort();
    results.push({ id: t.id, title: t.title, statement: t.statement, verdict, consistent, inconsistent, indicators, sources });
  }
  const cited = new Set(results.flatMap((r) => r.sources));
  const sources = (await listSources(store)).filter((s) => cited.has(s.id)).map((s) => ({ id: s.id, title: s.title, outlet: s.outlet, url: s.url, published: s.published }));
  return { theses: results, ach: achMatrix(results), sources };
}

function achMatrix(results: readonly ThesisResult[]): AchMatrix {
  return {
    hypotheses: results.map((r) => ({ id: r.id, title: r.title })),
    evidence: results.flatMap((r) =>
      r.indicators.map((i) => ({
        id: `${r.id}/${i.id}`,
        description: i.description,
        cells: Object.fromEntries(results.map((h) => [h.id, h.id === r.id ? i.consistency : null])),
      })),
    ),
    inconsistency: Object.fromEntries(results.map((r) => [r.id, r.inconsistent])),
  };
}

/** What an indicator's outcome means for its thesis. */
export function consistencyOf(holds: boolean | null, bearing: 'supports' | 'contradicts'): Consistency {
  if (holds === null) return 'not evaluated';
  return holds === (bearing === 'supports') ? 'consistent' : 'inconsistent';
}

async function finish(ctx: Context, ind: Indicator, p: Outcome): Promise<IndicatorResult> {
  const events = p.events ?? [];
  // Claims about the cited events are evidence too.
  const evidenceSet = new Set(events);
  const claims = [...new Set([...(p.claims ?? []), ...ctx.claims.filter((c) => c.about.events.some((e) => evidenceSet.has(e))).map((c) => c.id)])];
  const sources = new Set<string>();
  for (const list of (await readEventSources(ctx.store, events)).values()) for (const s of list) sources.add(s);
  for (const c of ctx.claims) if (claims.includes(c.id)) c.sources.forEach((s) => sources.add(s));
  for (const r of ctx.relations) if (p.relations?.includes(r.id)) r.sources.forEach((s) => sources.add(s));
  for (const f of ctx.formats) if (p.formats?.includes(f.id)) f.sources.forEach((s) => sources.add(s));
  return {
    id: ind.id,
    description: ind.description,
    kind: ind.kind,
    value: p.value,
    holds: p.holds,
    bearing: ind.bearing,
    consistency: consistencyOf(p.holds, ind.bearing),
    note: p.note,
    evidence: {
      events,
      eventCount: p.eventCount ?? events.length,
      claims,
      relations: p.relations ?? [],
      formats: p.formats ?? [],
      sources: [...sources].sort(),
    },
  };
}

const compare = (value: number, expect: 'at-least' | 'at-most', bound: number): boolean => (expect === 'at-least' ? value >= bound : value <= bound);
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/** An indicator whose parties or data the scope cannot serve is not evaluated, with the reason as its note. */
async function evaluateSafely(ctx: Context, ind: Indicator): Promise<Outcome> {
  try {
    return await evaluate(ctx, ind);
  } catch (err) {
    if (err instanceof UserError) return { value: null, holds: null, note: err.message };
    throw err;
  }
}

async function evaluate(ctx: Context, ind: Indicator): Promise<Outcome> {
  switch (ind.kind) {
    case 'dyad-trend': {
      const series = await dyadSeries(ctx.store, { scope: ctx.o.scope, a: ind.a, b: ind.b, by: ind.by, from: ind.from, ...(ind.to ? { to: ind.to } : {}) });
      const trend = dyadTrend(series, { by: ind.by });
      const ids = await eventIds(ctx, { source: [ind.a, ind.b], target: [ind.a, ind.b], pairOf: [ind.a, ind.b], from: ind.from, to: ind.to });
      if (trend.periods < ctx.o.minPeriods || trend.slope === null || !trend.mannKendall) {
        return { value: trend.slope, holds: null, note: `${trend.periods} ${ind.by}s with events; at least ${ctx.o.minPeriods} are needed`, ...ids };
      }
      const { p } = trend.mannKendall;
      const direction = trend.slope > 0 ? 'rising' : trend.slope < 0 ? 'falling' : 'flat';
      const significant = p <= ctx.o.alpha && direction !== 'flat';
      const note = `Theil–Sen slope ${round(trend.slope)} per ${ind.by} over ${trend.periods} ${ind.by}s, Mann–Kendall p = ${round(p)}`;
      return { value: round(trend.slope), holds: significant ? direction === ind.expect : null, note: significant ? note : `${note}: no significant trend at α = ${ctx.o.alpha}`, ...ids };
    }
    case 'mediation-share': {
      const m = await mediation(ctx.store, { scope: ctx.o.scope, a: ind.a, b: ind.b, from: ind.from, ...(ind.to ? { to: ind.to } : {}) });
      if (m.share === null) return { value: null, holds: null, note: `no ${ind.a}–${ind.b} events in the period` };
      const cited = (m.mediatedEvents.length ? m.mediatedEvents : m.eventIds).slice(0, ctx.o.maxEvents);
      return {
        value: round(m.share),
        holds: compare(m.share, ind.expect, ind.value),
        note: `${m.mediated} of ${m.events} ${ind.a}–${ind.b} events involve a third party${m.thirdParties.length ? ` (${m.thirdParties.map((t) => t.party).join(', ')})` : ''}`,
        events: [...new Set([...cited, ...m.eventIds.slice(0, ctx.o.maxEvents - cited.length)])],
        eventCount: m.events,
      };
    }
    case 'influence-share': {
      const inf = await influence(ctx.store, { scope: ctx.o.scope, actor: ind.actor, groups: { partners: ind.partners }, from: ind.from, ...(ind.to ? { to: ind.to } : {}) });
      const g = inf.groups[0];
      if (!g || g.share === null) return { value: null, holds: null, note: `no events of ${ind.actor} with a partner in the period` };
      const ids = await eventIds(ctx, { source: [ind.actor], target: ind.partners, either: true, from: ind.from, to: ind.to });
      return { value: round(g.share), holds: compare(g.share, ind.expect, ind.value), note: `${g.events} of ${inf.events} events of ${ind.actor} are with ${ind.partners.join(', ')}`, ...ids };
    }
    case 'event-count': {
      const ids = await eventIds(ctx, { source: ind.source, target: ind.target, quad: ind.quad, cameo: ind.cameo, from: ind.from, to: ind.to });
      return { value: ids.eventCount, holds: compare(ids.eventCount, ind.expect, ind.value), note: `${ids.eventCount} matching events (expected ${ind.expect} ${ind.value})`, ...ids };
    }
    case 'relation': {
      const matches = (r: Relation, from: string, to: string) =>
        (r.from === from || ctx.country.get(r.from) === from) && (r.to === to || ctx.country.get(r.to) === to) && r.type === ind.type;
      const candidates = ind.relation ? ctx.relations.filter((r) => r.id === ind.relation) : ctx.relations.filter((r) => matches(r, ind.from, ind.to));
      const holding = candidates.filter((r) => relationHoldsOn(r, ind.on));
      const found = holding.length > 0;
      return {
        value: found,
        holds: ind.expect === 'holds' ? found : !found,
        note: found ? `${holding.map((r) => r.id).join(', ')} holds on ${ind.on}` : candidates.length ? `${candidates.map((r) => r.id).join(', ')} does not hold on ${ind.on}` : `no ${ind.type} relation ${ind.from} → ${ind.to} in the knowledge base`,
        relations: candidates.map((r) => r.id),
      };
    }
    case 'format-participation': {
      const f = ctx.formats.find((x) => x.id === ind.format);
      if (!f) return { value: null, holds: null, note: `format ${ind.format} is not in the knowledge base` };
      const on = f.participation.filter((p) => (p.actor === ind.actor || ctx.country.get(p.actor) === ind.actor) && (!p.from || p.from <= ind.on) && (!p.to || ind.on <= p.to));
      // No entry on that day means the actor takes no part.
      const statuses = on.length ? on.map((p) => p.status) : ['absent' as const];
      return {
        value: statuses.join(', '),
        holds: statuses.some((s) => ind.expect.includes(s)),
        note: `${ind.actor} in ${f.name} on ${ind.on}: ${statuses.join(', ')}${on.length ? '' : ' (no participation entry)'}`,
        formats: [f.id],
      };
    }
    case 'claim-status': {
      const c = ctx.claims.find((x) => x.id === ind.claim);
      if (!c) return { value: null, holds: null, note: `claim ${ind.claim} is not in the knowledge base` };
      return { value: c.status, holds: ind.expect.includes(c.status), note: `claim ${c.id} is ${c.status}`, claims: [c.id, ...c.contradicts], events: c.about.events };
    }
  }
}

/** Ids of events in scope matching the filters (oldest first, capped) and their total count. */
async function eventIds(
  ctx: Context,
  f: { source?: readonly string[]; target?: readonly string[]; pairOf?: readonly [string, string]; either?: boolean; quad?: readonly number[]; cameo?: readonly string[]; from: string; to: string | null },
): Promise<{ events: string[]; eventCount: number }> {
  const scope: ResolvedScope = { ...ctx.scope, from: f.from, ...(f.to ? { to: f.to } : {}) };
  const match = f.pairOf
    ? { source: [f.pairOf[0]], target: [f.pairOf[1]], either: true }
    : { source: f.source, target: f.target, either: f.either };
  const r = await readMatchingEvents(ctx.store, scope, { ...match, quad: f.quad, cameo: f.cameo }, ctx.o.maxEvents);
  return { events: r.ids, eventCount: r.count };
}
