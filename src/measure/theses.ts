// Thesis verdicts by Analysis of Competing Hypotheses (Heuer 1999, ch. 8): every evidence item scored against every hypothesis by one rule, diagnosticity, weighted log-likelihood scores and single-item sensitivity.
import type { ScopeInput } from '../model/scope.js';
import type { Claim, Format, Indicator, IndicatorKind, Relation, Source, StructuralIndicatorKind, Thesis } from '../model/index.js';
import { relationHoldsOn, UserError } from '../model/index.js';
import type { Store } from '../store/store.js';
import { listActors, listClaims, listFormats, listRelations, listSources, listTheses } from '../store/queries.js';
import { resolveScope, type ResolvedScope } from '../store/evidence.js';
import {
  readDyad,
  readEventSources,
  readMatchingEvents,
  readMediation,
  readPartners,
  type DyadRead,
  type EventMatch,
  type MediationRead,
  type PartnersRead,
} from '../store/evidence-reads.js';
import { dyadSeriesOf } from './dyad-series.js';
import { dyadTrend, periodOrdinal } from './dyad-trend.js';
import { mediationOf } from './mediation.js';
import { influenceOf } from './influence.js';
import { periodOf, type PeriodUnit } from './period.js';

export interface ThesisOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** Significance level of the trend test for trend indicators. */
  readonly alpha?: number;
  /** Most event ids cited per indicator (the count is always given). */
  readonly maxEvents?: number;
  /** |score| in nats from which a thesis is called supported or contradicted. */
  readonly threshold?: number;
  /** Also find, per thesis, the single evidence items whose removal would change its verdict. */
  readonly sensitivity?: boolean;
}

export const THESIS_DEFAULTS = { alpha: 0.05, maxEvents: 50, threshold: 1, sensitivity: false } as const;

/** The evidence families indicators draw on: a thesis is supported only on two or more, relations aside. */
export type EvidenceFamily = 'events' | 'claims' | 'relations' | 'formats' | 'alignment' | 'arms' | 'capability' | 'conflict';

export const INDICATOR_FAMILY: Readonly<Record<IndicatorKind, EvidenceFamily>> = {
  'dyad-trend': 'events',
  'mediation-share': 'events',
  'influence-share': 'events',
  'event-count': 'events',
  'event-share': 'events',
  relation: 'relations',
  'format-participation': 'formats',
  'claim-status': 'claims',
  'alignment-trend': 'alignment',
  'alignment-shift': 'alignment',
  'supplier-share': 'arms',
  'military-burden': 'capability',
  'conflict-intensity': 'conflict',
};

/** Kinds that read back a curated interval or state: they count only beside an independent indicator. */
export const ECHO_KINDS: readonly IndicatorKind[] = ['relation', 'format-participation'];

/** C consistent, I inconsistent, NA the hypothesis says nothing of it, ? its indicator could not be evaluated. */
export type Cell = 'C' | 'I' | 'NA' | '?';
export type Consistency = 'consistent' | 'inconsistent' | 'not evaluated';
export type Verdict = 'supported' | 'contradicted' | 'mixed' | 'insufficient evidence';

/** A piece of evidence: an event, an aggregate of dataset rows, a claim, a relation, a format state, a structural value. */
export interface EvidenceItem {
  readonly id: string;
  readonly kind: 'event' | 'dataset' | 'claim' | 'relation' | 'format' | 'structural';
  readonly label: string;
  /** Whether a sensitivity run can take it out (dataset aggregates cannot be taken out row by row). */
  readonly removable: boolean;
}

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
  readonly family: EvidenceFamily;
  readonly weight: number;
  readonly rationale: string | null;
  /** The measured value (slope, share, count, status …). */
  readonly value: number | string | boolean | null;
  /** Whether the indicator's expectation holds; null when the data cannot tell. */
  readonly holds: boolean | null;
  readonly bearing: 'supports' | 'contradicts';
  readonly consistency: Consistency;
  /** True when at least one of its evidence items is scored differently by some hypothesis. */
  readonly diagnostic: boolean;
  /** Share of its evidence items not already counted by an earlier indicator of the same thesis. */
  readonly novelty: number;
  /** Its part of the thesis score: ± weight × novelty when diagnostic and evaluated, else 0. */
  readonly contribution: number;
  readonly note: string;
  readonly evidence: Evidence;
}

export interface ThesisResult {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly question: string;
  readonly role: 'paper' | 'rival';
  readonly verdict: Verdict;
  /** Sum of the indicators' contributions (log-likelihood ratios, nats). */
  readonly score: number;
  readonly threshold: number;
  /** Why the verdict is what it is, in words. */
  readonly reason: string;
  /** The indicator that moves the score most. */
  readonly driver: string | null;
  /** Evaluated diagnostic indicators consistent / inconsistent with the thesis. */
  readonly consistent: number;
  readonly inconsistent: number;
  readonly indicators: readonly IndicatorResult[];
  readonly sources: readonly string[];
}

export interface AchMatrix {
  readonly hypotheses: readonly { readonly id: string; readonly title: string; readonly question: string; readonly role: 'paper' | 'rival' }[];
  /** The rule every cell follows, stated once. */
  readonly rule: string;
  /** One row per evidence item; every hypothesis has a cell. */
  readonly evidence: readonly (EvidenceItem & { readonly cells: Readonly<Record<string, Cell>>; readonly diagnostic: boolean })[];
  /** Inconsistent diagnostic items per hypothesis: in ACH the hypothesis with the fewest is the strongest. */
  readonly inconsistency: Readonly<Record<string, number>>;
}

/** A single evidence item whose removal changes a verdict. */
export interface Sensitivity {
  readonly thesis: string;
  readonly verdict: Verdict;
  readonly changes: readonly { readonly item: string; readonly label: string; readonly verdict: Verdict; readonly score: number }[];
  /** Items that could not be taken out one by one (dataset aggregates). */
  readonly untested: number;
}

export interface ThesesReport {
  readonly theses: readonly ThesisResult[];
  readonly ach: AchMatrix;
  readonly sensitivity?: readonly Sensitivity[];
  /** Every source cited as evidence. */
  readonly sources: readonly Pick<Source, 'id' | 'title' | 'outlet' | 'url' | 'published'>[];
}

/** What measuring one indicator gives: its outcome and the direction in which each evidence item pulls it. */
interface Measured {
  readonly value: IndicatorResult['value'];
  readonly holds: boolean | null;
  readonly note: string;
  /** +1: the item pulls towards the indicator's expectation; −1: against it. */
  readonly directions: ReadonlyMap<string, 1 | -1>;
  readonly events?: readonly string[];
  readonly eventCount?: number;
  readonly claims?: readonly string[];
  readonly relations?: readonly string[];
  readonly formats?: readonly string[];
}

/** A measured indicator that can be measured again without some evidence items (for sensitivity). */
interface Measurement {
  readonly measured: Measured;
  readonly recompute: (exclude: ReadonlySet<string>) => Measured;
}

interface Context {
  readonly store: Store;
  readonly scope: ResolvedScope;
  readonly o: Required<Omit<ThesisOptions, 'scope'>>;
  readonly claims: readonly Claim[];
  readonly relations: readonly Relation[];
  readonly formats: readonly Format[];
  readonly country: ReadonlyMap<string, string>;
  readonly items: Map<string, EvidenceItem>;
}

const RULE =
  'A cell is C when the item pulls the first indicator of that hypothesis which reads it towards what the hypothesis expects, ' +
  'I when it pulls against it, ? when that indicator could not be evaluated, and NA when no indicator of the hypothesis reads the item. ' +
  'An item is diagnostic when some hypothesis scores it C and another I; only indicators with a diagnostic item move a score.';

/** Evaluates every thesis in the store (or those given), scores every evidence item against every thesis, and gives verdicts. */
export async function evaluateTheses(store: Store, options: ThesisOptions & { theses?: readonly Thesis[] } = {}): Promise<ThesesReport> {
  const theses = options.theses ?? (await listTheses(store));
  const actors = await listActors(store);
  const { scope: _scope, theses: _theses, ...rest } = options;
  const ctx: Context = {
    store,
    scope: await resolveScope(store, options.scope),
    o: { ...THESIS_DEFAULTS, ...stripUndefined(rest) },
    claims: await listClaims(store),
    relations: await listRelations(store),
    formats: await listFormats(store),
    country: new Map(actors.flatMap((a) => (a.country ?? a.code ? [[a.id, (a.country ?? a.code) as string]] : []))),
    items: new Map(),
  };
  const measured: Measurement[][] = [];
  for (const t of theses) {
    const row: Measurement[] = [];
    for (const ind of t.indicators) row.push(await measureSafely(ctx, ind));
    measured.push(row);
  }
  const base = score(theses, measured.map((r) => r.map((m) => m.measured)), ctx);
  const sources = await citedSources(ctx, theses, measured.map((r) => r.map((m) => m.measured)), base.results);
  let sensitivity: Sensitivity[] | undefined;
  if (ctx.o.sensitivity) sensitivity = sensitivityOf(theses, measured, ctx, base.results);
  return {
    theses: base.results.map((r, k) => ({ ...r, sources: sources.byThesis[k] })),
    ach: base.ach,
    ...(sensitivity ? { sensitivity } : {}),
    sources: sources.list,
  };
}

const stripUndefined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** What an indicator's outcome means for its thesis. */
export function consistencyOf(holds: boolean | null, bearing: 'supports' | 'contradicts'): Consistency {
  if (holds === null) return 'not evaluated';
  return holds === (bearing === 'supports') ? 'consistent' : 'inconsistent';
}

/** The matrix, diagnosticity, scores and verdicts of measured indicators (pure: sensitivity runs it again). */
function score(theses: readonly Thesis[], measured: readonly (readonly Measured[])[], ctx: Context): { results: Omit<ThesisResult, 'sources'>[]; ach: AchMatrix } {
  // Cells: each hypothesis scores an item through the first of its indicators that reads it (one piece of evidence counts once).
  const cells = new Map<string, Record<string, Cell>>();
  const firstUse: { novelty: number; items: string[] }[][] = [];
  theses.forEach((t, k) => {
    const used = new Set<string>();
    firstUse.push(
      t.indicators.map((ind, i) => {
        const m = measured[k][i];
        const items = [...m.directions.keys()];
        const fresh = items.filter((id) => !used.has(id));
        for (const id of fresh) {
          used.add(id);
          const dir = m.directions.get(id)! * (ind.bearing === 'contradicts' ? -1 : 1);
          const row = cells.get(id) ?? {};
          row[t.id] = m.holds === null ? '?' : dir > 0 ? 'C' : 'I';
          cells.set(id, row);
        }
        return { novelty: items.length ? fresh.length / items.length : 1, items: fresh };
      }),
    );
  });
  const diagnostic = new Set<string>();
  for (const [id, row] of cells) {
    const values = Object.values(row);
    if (values.includes('C') && values.includes('I')) diagnostic.add(id);
  }
  const results = theses.map((t, k) => {
    const indicators: Omit<IndicatorResult, 'evidence'>[] = t.indicators.map((ind, i) => {
      const m = measured[k][i];
      const consistency = consistencyOf(m.holds, ind.bearing);
      const isDiagnostic = firstUse[k][i].items.some((id) => diagnostic.has(id));
      const novelty = firstUse[k][i].novelty;
      const sign = consistency === 'consistent' ? 1 : consistency === 'inconsistent' ? -1 : 0;
      const weight = ind.weight ?? 1;
      const contribution = isDiagnostic ? round(sign * weight * novelty, 4) : 0;
      return {
        id: ind.id, description: ind.description, kind: ind.kind, family: INDICATOR_FAMILY[ind.kind], weight, rationale: ind.rationale ?? null,
        value: m.value, holds: m.holds, bearing: ind.bearing, consistency, diagnostic: isDiagnostic, novelty: round(novelty, 4), contribution, note: m.note,
      };
    });
    return verdictOf(t, indicators, ctx.o.threshold, measured[k]);
  });
  const hypotheses = theses.map((t) => ({ id: t.id, title: t.title, question: t.question ?? t.id, role: t.role ?? 'paper' }));
  const evidence = [...cells.entries()]
    .map(([id, row]) => {
      const item = ctx.items.get(id) ?? { id, kind: 'event' as const, label: id, removable: false };
      return { ...item, cells: Object.fromEntries(theses.map((t) => [t.id, row[t.id] ?? 'NA'])) as Record<string, Cell>, diagnostic: diagnostic.has(id) };
    })
    .sort((x, y) => (x.diagnostic === y.diagnostic ? (x.id < y.id ? -1 : 1) : x.diagnostic ? -1 : 1));
  const inconsistency = Object.fromEntries(theses.map((t) => [t.id, evidence.filter((e) => e.diagnostic && e.cells[t.id] === 'I').length]));
  return { results, ach: { hypotheses, rule: RULE, evidence, inconsistency } };
}

/**
 * The verdict of a thesis from its indicators: contradicted when the score is at or below −threshold; supported when
 * it is at or above +threshold and the evidence suffices (no indicator left unevaluated, unless the thesis declares
 * how many suffice; at least two independent families among the diagnostic evaluated indicators, relations aside;
 * at least one indicator that is not an echo of a curated interval or state); mixed otherwise; insufficient evidence
 * when no evaluated indicator is diagnostic.
 */
function verdictOf(t: Thesis, indicators: readonly Omit<IndicatorResult, 'evidence'>[], threshold: number, measured: readonly Measured[]): Omit<ThesisResult, 'sources'> {
  const s = round(indicators.reduce((n, i) => n + i.contribution, 0), 4);
  const counted = indicators.filter((i) => i.holds !== null && i.diagnostic);
  const unevaluated = indicators.filter((i) => i.holds === null);
  const families = new Set(counted.filter((i) => i.family !== 'relations').map((i) => i.family));
  const independent = counted.filter((i) => !ECHO_KINDS.includes(i.kind));
  const need = t.sufficient ?? { indicators: indicators.length, families: 2 };
  const enough = (t.sufficient ? counted.length >= need.indicators : unevaluated.length === 0) && families.size >= need.families && independent.length > 0;
  const driver = [...indicators].filter((i) => i.contribution !== 0).sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))[0] ?? null;
  let verdict: Verdict;
  let reason: string;
  const scoreText = `score ${s >= 0 ? '+' : ''}${s} nats (threshold ±${threshold})`;
  if (counted.length === 0) {
    verdict = 'insufficient evidence';
    reason = unevaluated.length ? `no indicator could be evaluated on diagnostic evidence (${unevaluated.length} not evaluated)` : 'no indicator reads evidence that any rival hypothesis scores differently';
  } else if (s <= -threshold) {
    verdict = 'contradicted';
    reason = `${scoreText}: the evidence weighs against the thesis`;
  } else if (s >= threshold && enough) {
    verdict = 'supported';
    reason = `${scoreText}, on ${counted.length} diagnostic indicators from ${families.size} families`;
  } else if (s >= threshold) {
    verdict = 'insufficient evidence';
    const missing = [
      unevaluated.length && !t.sufficient ? `${unevaluated.length} indicator${unevaluated.length === 1 ? '' : 's'} not evaluated (${unevaluated.map((i) => i.id).join(', ')})` : '',
      t.sufficient && counted.length < need.indicators ? `${counted.length} of the ${need.indicators} indicators the thesis needs` : '',
      families.size < need.families ? `${families.size} evidence famil${families.size === 1 ? 'y' : 'ies'} (${need.families} needed)` : '',
      independent.length === 0 ? 'only echoes of curated relations or format states' : '',
    ].filter(Boolean);
    reason = `${scoreText} leans towards the thesis, but the evidence does not suffice: ${missing.join('; ')}`;
  } else {
    verdict = 'mixed';
    reason = `${scoreText}: diagnostic evidence on both sides`;
  }
  const full: IndicatorResult[] = indicators.map((i, k) => ({ ...i, evidence: evidenceOf(measured[k]) }));
  return {
    id: t.id,
    title: t.title,
    statement: t.statement,
    question: t.question ?? t.id,
    role: t.role ?? 'paper',
    verdict,
    score: s,
    threshold,
    reason,
    driver: driver?.id ?? null,
    consistent: counted.filter((i) => i.consistency === 'consistent').length,
    inconsistent: counted.filter((i) => i.consistency === 'inconsistent').length,
    indicators: full,
  };
}

function evidenceOf(m: Measured): Evidence {
  return {
    events: m.events ?? [],
    eventCount: m.eventCount ?? m.events?.length ?? 0,
    claims: m.claims ?? [],
    relations: m.relations ?? [],
    formats: m.formats ?? [],
    sources: [],
  };
}

/** For each thesis, the removable evidence items whose removal alone changes its verdict. */
function sensitivityOf(theses: readonly Thesis[], measured: readonly (readonly Measurement[])[], ctx: Context, base: readonly Omit<ThesisResult, 'sources'>[]): Sensitivity[] {
  const users = new Map<string, [number, number][]>();
  measured.forEach((row, k) => row.forEach((m, i) => m.measured.directions.forEach((_d, id) => users.set(id, [...(users.get(id) ?? []), [k, i]]))));
  const changes: Sensitivity['changes'][number][][] = theses.map(() => []);
  let untested = 0;
  for (const [id, at] of users) {
    const item = ctx.items.get(id);
    if (!item?.removable) {
      untested++;
      continue;
    }
    const exclude = new Set([id]);
    const again = measured.map((row) => row.map((m) => m.measured));
    for (const [k, i] of at) again[k][i] = measured[k][i].recompute(exclude);
    const r = score(theses, again, ctx).results;
    r.forEach((res, k) => {
      if (res.verdict !== base[k].verdict) changes[k].push({ item: id, label: item.label, verdict: res.verdict, score: res.score });
    });
  }
  return theses.map((t, k) => ({ thesis: t.id, verdict: base[k].verdict, changes: changes[k], untested }));
}

async function citedSources(ctx: Context, theses: readonly Thesis[], measured: readonly (readonly Measured[])[], results: readonly Omit<ThesisResult, 'sources'>[]) {
  const eventIds = [...new Set(measured.flat().flatMap((m) => m.events ?? []))];
  const eventSources = await readEventSources(ctx.store, eventIds);
  const byThesis = theses.map((t, k) => {
    const set = new Set<string>(t.sources);
    measured[k].forEach((m, i) => {
      const ind = results[k].indicators[i] as { evidence: { sources: readonly string[] } };
      const own = new Set<string>();
      for (const e of m.events ?? []) for (const s of eventSources.get(e) ?? []) own.add(s);
      for (const c of ctx.claims) if (m.claims?.includes(c.id)) c.sources.forEach((s) => own.add(s));
      for (const r of ctx.relations) if (m.relations?.includes(r.id)) r.sources.forEach((s) => own.add(s));
      for (const f of ctx.formats) if (m.formats?.includes(f.id)) f.sources.forEach((s) => own.add(s));
      (ind.evidence as { sources: readonly string[] }).sources = [...own].sort();
      own.forEach((s) => set.add(s));
    });
    return [...set].sort();
  });
  const cited = new Set(byThesis.flat());
  const list = (await listSources(ctx.store)).filter((s) => cited.has(s.id)).map((s) => ({ id: s.id, title: s.title, outlet: s.outlet, url: s.url, published: s.published }));
  return { byThesis, list };
}

const compare = (value: number, expect: 'at-least' | 'at-most', bound: number): boolean => (expect === 'at-least' ? value >= bound : value <= bound);
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** An indicator whose parties or data the scope cannot serve is not evaluated, with the reason as its note. */
async function measureSafely(ctx: Context, ind: Indicator): Promise<Measurement> {
  try {
    return await measure(ctx, ind);
  } catch (err) {
    if (err instanceof UserError) {
      const m: Measured = { value: null, holds: null, note: err.message, directions: new Map() };
      return { measured: m, recompute: () => m };
    }
    throw err;
  }
}

/** A measurement from a pure function of the excluded items. */
function measurement(f: (exclude: ReadonlySet<string>) => Measured): Measurement {
  return { measured: f(new Set()), recompute: f };
}

function addItem(ctx: Context, item: EvidenceItem): string {
  if (!ctx.items.has(item.id)) ctx.items.set(item.id, item);
  return item.id;
}

/** The scope of an indicator's window. */
const windowScope = (ctx: Context, from: string, to: string | null | undefined): ResolvedScope => ({ ...ctx.scope, from, ...(to ? { to } : {}) });

const party = (ctx: Context, x: string) => ctx.country.get(x) ?? x;

/** Dataset rows carry ids `gdelt:…`, `icews:…`, `acled:…`. */
const isDatasetId = (id: string) => /^(gdelt|icews|acled):/.test(id);
const datasetCount = (origins: Readonly<Record<string, number>>) => (origins.gdelt ?? 0) + (origins.icews ?? 0) + (origins.acled ?? 0);

async function measure(ctx: Context, ind: Indicator): Promise<Measurement> {
  switch (ind.kind) {
    case 'dyad-trend': {
      const [a, b] = [party(ctx, ind.a), party(ctx, ind.b)];
      const read = await readDyad(ctx.store, windowScope(ctx, ind.from, ind.to), { a, b, by: ind.by });
      const datasetId = addItem(ctx, { id: `dataset:${a}-${b}:${ind.from}:${ind.to ?? ''}`, kind: 'dataset', label: `dataset events ${a}–${b} from ${ind.from}`, removable: false });
      for (const e of read.items) addItem(ctx, { id: e.id, kind: 'event', label: `${e.day} ${e.cameo} ${e.source.join('/')}→${e.target.join('/')}`, removable: true });
      const expected = ind.expect === 'rising' ? 1 : -1;
      return measurement((exclude) => {
        const r: DyadRead = { dataset: read.dataset, items: read.items.filter((e) => !exclude.has(e.id)) };
        const trend = dyadTrend(dyadSeriesOf(r, { by: ind.by }), { by: ind.by, alpha: ctx.o.alpha });
        const directions = trendDirections(r, ind.by, expected, datasetId);
        const events = r.items.map((e) => e.id);
        const eventCount = r.items.length + r.dataset.reduce((n, p) => n + p.events, 0);
        // With enough evidence, failing to find the expected trend counts against the expectation; with too little it tells nothing.
        if (trend.verdict === 'insufficient evidence') {
          return { value: trend.slope === null ? null : round(trend.slope), holds: null, note: `${a}–${b}: ${trend.verdict} (${trend.reason})`, directions, events: events.slice(0, ctx.o.maxEvents), eventCount };
        }
        return { value: round(trend.slope!), holds: trend.verdict === ind.expect, note: `${a}–${b}: ${trend.verdict}; ${trend.reason}`, directions, events: events.slice(0, ctx.o.maxEvents), eventCount };
      });
    }
    case 'mediation-share': {
      const [a, b] = [party(ctx, ind.a), party(ctx, ind.b)];
      const read = await readMediation(ctx.store, windowScope(ctx, ind.from, ind.to), { a, b, meetingCameo: ['04'] });
      const datasetId = addItem(ctx, { id: `dataset:${a}-${b}:${ind.from}:${ind.to ?? ''}`, kind: 'dataset', label: `dataset events ${a}–${b} from ${ind.from}`, removable: false });
      for (const e of read.items) addItem(ctx, { id: e.id, kind: 'event', label: `${e.day} ${e.cameo} ${e.source.join('/')}→${e.target.join('/')}`, removable: true });
      return measurement((exclude) => {
        const r: MediationRead = { ...read, items: read.items.filter((e) => !exclude.has(e.id)) };
        const m = mediationOf(r, { a, b });
        // With `via`, only mediation by those parties counts.
        const via = new Set((ind.via ?? []).map((p) => party(ctx, p)));
        const byVia = (parties: readonly string[]) => !via.size || parties.some((p) => via.has(p));
        const mediated = new Set(m.mediatedEvents.filter((id) => byVia(m.eventParties[id] ?? [])));
        const dsMediated = via.size ? Math.min(m.datasetEvents, [...via].reduce((n, p) => n + (m.datasetParties[p] ?? 0), 0)) : m.mediated - m.mediatedEvents.length;
        const total = m.events;
        const shareAll = total ? (mediated.size + dsMediated) / total : null;
        // A mediated event raises the share; an unmediated one lowers it.
        const up = ind.expect === 'at-least' ? 1 : -1;
        const directions = new Map<string, 1 | -1>(m.eventIds.map((id) => [id, (mediated.has(id) ? up : -up) as 1 | -1]));
        if (m.datasetEvents) directions.set(datasetId, (compare(dsMediated / m.datasetEvents, ind.expect, ind.value) ? 1 : -1) as 1 | -1);
        if (shareAll === null) return { value: null, holds: null, note: `no ${a}–${b} events in the period`, directions };
        const who = via.size ? ` by ${[...via].join(', ')}` : m.thirdParties.length ? ` (${m.thirdParties.map((t) => t.party).join(', ')})` : '';
        return {
          value: round(shareAll), holds: compare(shareAll, ind.expect, ind.value), directions,
          note: `${mediated.size + dsMediated} of ${total} ${a}–${b} events mediated${who} (${pct(shareAll)}); expected ${ind.expect} ${pct(ind.value)}`,
          events: m.eventIds.slice(0, ctx.o.maxEvents), eventCount: m.events,
        };
      });
    }
    case 'influence-share': {
      const actor = party(ctx, ind.actor);
      const partners = ind.partners.map((p) => party(ctx, p));
      const s = windowScope(ctx, ind.from, ind.to);
      const read = await readPartners(ctx.store, s, { actor });
      const datasetId = addItem(ctx, { id: `dataset:${actor}-partners:${ind.from}:${ind.to ?? ''}`, kind: 'dataset', label: `dataset events of ${actor} from ${ind.from}`, removable: false });
      for (const e of read.items) addItem(ctx, { id: e.id, kind: 'event', label: `${e.day} ${e.cameo} ${e.source.join('/')}→${e.target.join('/')}`, removable: true });
      const group = new Set(partners);
      const up = ind.expect === 'at-least' ? 1 : -1;
      return measurement((exclude) => {
        const r: PartnersRead = { dataset: read.dataset, items: read.items.filter((e) => !exclude.has(e.id)) };
        const inf = influenceOf(r, s, { actor, groups: { partners } });
        const g = inf.groups[0];
        const directions = new Map<string, 1 | -1>();
        for (const e of r.items) {
          if (!inf.eventIds.includes(e.id)) continue;
          const others = [...e.source, ...e.target].filter((c) => c !== actor);
          directions.set(e.id, (others.some((c) => group.has(c)) ? up : -up) as 1 | -1);
        }
        const dsTotal = r.dataset.filter((d) => d.partner !== actor).reduce((n, d) => n + d.n, 0);
        if (dsTotal) {
          const dsIn = r.dataset.filter((d) => group.has(d.partner)).reduce((n, d) => n + d.n, 0);
          directions.set(datasetId, (compare(dsIn / dsTotal, ind.expect, ind.value) ? 1 : -1) as 1 | -1);
        }
        if (!g || g.share === null) return { value: null, holds: null, note: `no events of ${actor} with a partner in the period`, directions };
        return {
          value: round(g.share), holds: compare(g.share, ind.expect, ind.value), directions,
          note: `${g.events} of ${inf.events} events of ${actor} are with ${partners.join(', ')} (${pct(g.share)}; expected ${ind.expect} ${pct(ind.value)})`,
          events: inf.eventIds.slice(0, ctx.o.maxEvents), eventCount: inf.events,
        };
      });
    }
    case 'event-count': {
      const match: EventMatch = { source: ind.source, target: ind.target, quad: ind.quad, cameo: ind.cameo };
      const found = await readMatchingEvents(ctx.store, windowScope(ctx, ind.from, ind.to), match, 100_000);
      const knowledge = found.ids.filter((id) => !isDatasetId(id));
      for (const id of knowledge) addItem(ctx, { id, kind: 'event', label: id, removable: true });
      const dataset = datasetCount(found.origins);
      const datasetId = addItem(ctx, { id: `dataset:count:${JSON.stringify(match)}:${ind.from}:${ind.to ?? ''}`, kind: 'dataset', label: `dataset events matching ${ind.id}`, removable: false });
      const up = ind.expect === 'at-least' ? 1 : -1;
      return measurement((exclude) => {
        const kept = knowledge.filter((id) => !exclude.has(id));
        const n = kept.length + dataset;
        const directions = new Map<string, 1 | -1>(kept.map((id) => [id, up as 1 | -1]));
        if (dataset) directions.set(datasetId, up as 1 | -1);
        return { value: n, holds: compare(n, ind.expect, ind.value), note: `${n} matching events (expected ${ind.expect} ${ind.value})`, directions, events: kept.slice(0, ctx.o.maxEvents), eventCount: n };
      });
    }
    case 'event-share':
      return eventShare(ctx, ind);
    case 'relation': {
      const matches = (r: Relation) => (r.from === ind.from || ctx.country.get(r.from) === ind.from) && (r.to === ind.to || ctx.country.get(r.to) === ind.to) && r.type === ind.type;
      const candidates = ind.relation ? ctx.relations.filter((r) => r.id === ind.relation) : ctx.relations.filter(matches);
      for (const r of candidates) addItem(ctx, { id: `relation:${r.id}`, kind: 'relation', label: `${r.type} ${r.from}→${r.to}`, removable: true });
      return measurement((exclude) => {
        const kept = candidates.filter((r) => !exclude.has(`relation:${r.id}`));
        const holding = kept.filter((r) => relationHoldsOn(r, ind.on));
        const found = holding.length > 0;
        const holds = ind.expect === 'holds' ? found : !found;
        const directions = new Map<string, 1 | -1>(kept.map((r) => [`relation:${r.id}`, ((relationHoldsOn(r, ind.on) === (ind.expect === 'holds')) ? 1 : -1) as 1 | -1]));
        return {
          value: found, holds, directions,
          note: found ? `${holding.map((r) => r.id).join(', ')} holds on ${ind.on}` : kept.length ? `${kept.map((r) => r.id).join(', ')} does not hold on ${ind.on}` : `no ${ind.type} relation ${ind.from} → ${ind.to} in the knowledge base`,
          relations: kept.map((r) => r.id),
        };
      });
    }
    case 'format-participation': {
      const f = ctx.formats.find((x) => x.id === ind.format);
      if (!f) {
        const m: Measured = { value: null, holds: null, note: `format ${ind.format} is not in the knowledge base`, directions: new Map() };
        return { measured: m, recompute: () => m };
      }
      const id = addItem(ctx, { id: `format:${f.id}/${ind.actor}`, kind: 'format', label: `${ind.actor} in ${f.name} on ${ind.on}`, removable: true });
      return measurement((exclude) => {
        if (exclude.has(id)) return { value: null, holds: null, note: `${ind.actor} in ${f.name}: taken out`, directions: new Map() };
        const on = f.participation.filter((p) => (p.actor === ind.actor || ctx.country.get(p.actor) === ind.actor) && (!p.from || p.from <= ind.on) && (!p.to || ind.on <= p.to));
        const statuses = on.length ? on.map((p) => p.status) : ['absent' as const];
        const holds = statuses.some((s) => ind.expect.includes(s));
        return {
          value: statuses.join(', '), holds, directions: new Map([[id, (holds ? 1 : -1) as 1 | -1]]),
          note: `${ind.actor} in ${f.name} on ${ind.on}: ${statuses.join(', ')}${on.length ? '' : ' (no participation entry)'}`,
          formats: [f.id],
        };
      });
    }
    case 'alignment-trend':
    case 'alignment-shift':
    case 'supplier-share':
    case 'military-burden':
    case 'conflict-intensity':
      return structuralMeasurement(ctx, ind);
    case 'claim-status': {
      const c = ctx.claims.find((x) => x.id === ind.claim);
      if (!c) {
        const m: Measured = { value: null, holds: null, note: `claim ${ind.claim} is not in the knowledge base`, directions: new Map() };
        return { measured: m, recompute: () => m };
      }
      const id = addItem(ctx, { id: `claim:${c.id}`, kind: 'claim', label: c.statement.slice(0, 120), removable: true });
      return measurement((exclude) => {
        if (exclude.has(id)) return { value: null, holds: null, note: `claim ${c.id}: taken out`, directions: new Map() };
        const holds = ind.expect.includes(c.status);
        return { value: c.status, holds, note: `claim ${c.id} is ${c.status}`, directions: new Map([[id, (holds ? 1 : -1) as 1 | -1]]), claims: [c.id, ...c.contradicts], events: c.about.events };
      });
    }
  }
}

/** A structural indicator: its cited rows are its evidence items, each pulling the way the indicator's outcome goes. */
async function structuralMeasurement(ctx: Context, ind: Extract<Indicator, { kind: StructuralIndicatorKind }>): Promise<Measurement> {
  const { structuralDataFor, withoutCited } = await import('./structural.js');
  const { evaluateStructuralIndicator } = await import('./structural-indicators.js');
  const data = await structuralDataFor(ctx.store, ind);
  return measurement((exclude) => {
    const r = evaluateStructuralIndicator(withoutCited(data, exclude), ind);
    for (const id of r.cited) addItem(ctx, { id, kind: 'structural', label: id, removable: true });
    let holds = r.holds;
    let note = r.note;
    // A trend test on enough years that finds no significant trend counts against the expected trend.
    if (ind.kind === 'alignment-trend' && holds === null && r.value !== null && r.n >= ind.minYears) {
      holds = false;
      note = `${note} — the expected ${ind.expect} trend is not found`;
    }
    const direction = (holds === null ? 0 : holds ? 1 : -1) as 0 | 1 | -1;
    const directions = new Map<string, 1 | -1>(direction === 0 ? r.cited.map((id) => [id, 1 as const]) : r.cited.map((id) => [id, direction]));
    return { value: r.value === null ? null : round(r.value), holds, note, directions };
  });
}

/**
 * Each event's pull on a trend: the sign of its term in the covariance of time and Goldstein weight, times the
 * expected direction (an early high or a late low pulls a series down). Dataset rows count as one aggregate item.
 */
function trendDirections(r: DyadRead, by: PeriodUnit, expected: 1 | -1, datasetId: string): Map<string, 1 | -1> {
  const points: { id: string | null; t: number; g: number; n: number }[] = [];
  for (const e of r.items) points.push({ id: e.id, t: periodOrdinal(periodOf(e.day, by), by) ?? 0, g: e.goldstein, n: 1 });
  for (const p of r.dataset) points.push({ id: null, t: periodOrdinal(p.period, by) ?? 0, g: p.gsum / Math.max(1, p.events), n: p.events });
  const total = points.reduce((s, p) => s + p.n, 0);
  const directions = new Map<string, 1 | -1>();
  if (total < 2) return directions;
  const tBar = points.reduce((s, p) => s + p.t * p.n, 0) / total;
  const gBar = points.reduce((s, p) => s + p.g * p.n, 0) / total;
  let ds = 0;
  for (const p of points) {
    const term = (p.t - tBar) * (p.g - gBar) * p.n;
    if (p.id === null) ds += term;
    else if (term !== 0) directions.set(p.id, (Math.sign(term) * expected) as 1 | -1);
  }
  if (ds !== 0) directions.set(datasetId, (Math.sign(ds) * expected) as 1 | -1);
  return directions;
}

/** `event-share`: the share of the selected events that fall in the numerator classes, in a window, against a fraction or a baseline window's share. */
async function eventShare(ctx: Context, ind: Extract<Indicator, { kind: 'event-share' }>): Promise<Measurement> {
  const of: EventMatch = { source: ind.of.source, target: ind.of.target, either: ind.of.either, quad: ind.of.quad, cameo: ind.of.cameo };
  const num: EventMatch = { ...of, ...(ind.share.quad.length ? { quad: ind.share.quad } : {}), ...(ind.share.cameo.length ? { cameo: ind.share.cameo } : {}) };
  const read = async (w: { from: string; to: string }) => {
    const s = windowScope(ctx, w.from, w.to);
    const all = await readMatchingEvents(ctx.store, s, of, 100_000);
    const hit = await readMatchingEvents(ctx.store, s, num, 100_000);
    const kAll = all.ids.filter((id) => !isDatasetId(id));
    const kHit = new Set(hit.ids.filter((id) => !isDatasetId(id)));
    return { kAll, kHit, dsAll: datasetCount(all.origins), dsHit: datasetCount(hit.origins) };
  };
  const win = await read(ind.window);
  const base = ind.baseline ? await read(ind.baseline) : null;
  for (const id of [...win.kAll, ...(base?.kAll ?? [])]) addItem(ctx, { id, kind: 'event', label: id, removable: true });
  const dsWin = addItem(ctx, { id: `dataset:share:${JSON.stringify(of)}:${ind.window.from}`, kind: 'dataset', label: `dataset events of ${ind.id} in the window`, removable: false });
  const dsBase = addItem(ctx, { id: `dataset:share:${JSON.stringify(of)}:${ind.baseline?.from ?? ''}:base`, kind: 'dataset', label: `dataset events of ${ind.id} in the baseline`, removable: false });
  const up = ind.expect === 'at-least' ? 1 : -1;
  return measurement((exclude) => {
    const count = (w: typeof win) => {
      const all = w.kAll.filter((id) => !exclude.has(id));
      const hit = all.filter((id) => w.kHit.has(id));
      return { all, hit, n: all.length + w.dsAll, k: hit.length + w.dsHit };
    };
    const cw = count(win);
    const cb = base ? count(base) : null;
    const directions = new Map<string, 1 | -1>();
    // In the window a numerator event raises the share; in the baseline it raises the bar the window must clear.
    for (const id of cw.all) directions.set(id, ((cw.hit.includes(id) ? 1 : -1) * up) as 1 | -1);
    if (cb) for (const id of cb.all) directions.set(id, ((cb.hit.includes(id) ? -1 : 1) * up) as 1 | -1);
    if (cw.n < ind.minEvents || (cb && cb.n < ind.minEvents)) {
      return { value: null, holds: null, note: `${cw.n} events in the window${cb ? ` and ${cb.n} in the baseline` : ''}; at least ${ind.minEvents} needed in each`, directions, events: cw.all.slice(0, ctx.o.maxEvents), eventCount: cw.n };
    }
    const share = cw.k / cw.n;
    if (win.dsAll) directions.set(dsWin, ((win.dsHit / win.dsAll >= (cb ? cb.k / cb.n : ind.value) ? 1 : -1) * up) as 1 | -1);
    if (cb && base!.dsAll) directions.set(dsBase, ((base!.dsHit / base!.dsAll <= share ? 1 : -1) * up) as 1 | -1);
    const value = cb ? share - cb.k / cb.n : share;
    const note = cb
      ? `share ${pct(share)} of ${cw.n} events ${ind.window.from}…${ind.window.to} against ${pct(cb.k / cb.n)} of ${cb.n} in ${ind.baseline!.from}…${ind.baseline!.to}: change ${value >= 0 ? '+' : ''}${pct(value)} (expected ${ind.expect} ${value >= 0 && ind.value >= 0 ? '+' : ''}${pct(ind.value)})`
      : `share ${pct(share)} of ${cw.n} events (expected ${ind.expect} ${pct(ind.value)})`;
    return { value: round(value), holds: compare(value, ind.expect, ind.value), note, directions, events: cw.all.slice(0, ctx.o.maxEvents), eventCount: cw.n };
  });
}
