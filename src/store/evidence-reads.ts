// Named evidence reads: every query a measure needs, each applying the one definition of evidence (evidence.ts) to dataset and knowledge rows.
import { z } from 'zod';
import { layerSign, RELATION_LAYER, type RelationLayer, type RelationType } from '../model/index.js';
import type { Store } from './store.js';
import { periodOf } from '../model/period.js';
import { knowledgeConditions, Params, type ResolvedScope } from './evidence.js';
import { parseRows, type DatasetDay, type DatasetPair, type DatasetPartner, type DatasetPeriod, type DatasetWindow, type Meeting, type PeriodUnit } from './dataset-evidence.js';

export type { DatasetPair, DatasetPartner, DatasetPeriod, DatasetWindow, PeriodUnit } from './dataset-evidence.js';
export { PERIOD_SQL } from './duckdb-dataset-evidence.js';

const num = z.coerce.number();
const int = z.coerce.number().int();
const strings = z.array(z.string()).default([]);

/** A curated or extracted event as the measures read it: one row, its countries a side, its sources. */
export const KnowledgeItem = z.object({
  id: z.string(),
  day: z.string(),
  origin: z.string(),
  cameo: z.string(),
  quad: int,
  goldstein: num,
  confidence: num,
  status: z.string(),
  source: strings,
  target: strings,
  third: strings,
  sources: strings,
});
export type KnowledgeItem = z.infer<typeof KnowledgeItem>;

const KNOWLEDGE_COLUMNS = `id, strftime(date_start, '%Y-%m-%d') AS day, origin, cameo, quad::INTEGER AS quad, goldstein::DOUBLE AS goldstein,
  confidence::DOUBLE AS confidence, status, source_countries AS source, target_countries AS target, third_actors AS third, sources`;

const parseAll = parseRows;

/** Curated and extracted events in scope that satisfy `match` (SQL over the list columns), oldest first. */
async function knowledgeItems(store: Store, s: ResolvedScope, match: (q: Params) => string | null): Promise<KnowledgeItem[]> {
  const q = new Params();
  const where = knowledgeConditions(s, q);
  if (!where) return [];
  const m = match(q);
  if (m) where.push(m);
  const rows = await store.all(`SELECT ${KNOWLEDGE_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY date_start, id`, q.values);
  return parseAll(KnowledgeItem, rows, 'knowledge event');
}

const listHas = (side: 'source' | 'target', param: string) => `list_contains(${side}_countries, ${param})`;
const listBetween = (a: string, b: string, directed: boolean) =>
  directed ? `(${listHas('source', a)} AND ${listHas('target', b)})` : `((${listHas('source', a)} AND ${listHas('target', b)}) OR (${listHas('source', b)} AND ${listHas('target', a)}))`;

/** Dataset rows aggregated per period and origin, and knowledge events one by one: the inputs of a dyad series. */
export interface DyadRead {
  readonly dataset: readonly DatasetPeriod[];
  readonly items: readonly KnowledgeItem[];
}

/** Events between `a` and `b` (A source and B target, or the reverse unless `directed`) in scope. */
export async function readDyad(store: Store, s: ResolvedScope, o: { a: string; b: string; by: PeriodUnit; directed?: boolean }): Promise<DyadRead> {
  const directed = !!o.directed;
  const dataset = await store.datasets.dyadPeriods(s, { a: o.a, b: o.b, by: o.by, directed });
  const items = await knowledgeItems(store, s, (k) => listBetween(k.p(o.a), k.p(o.b), directed));
  return { dataset, items };
}

/** Ids of the dataset events between `a` and `b` in scope, oldest first, at most `limit`, with their total. */
export async function readDyadDatasetIds(store: Store, s: ResolvedScope, o: { a: string; b: string; directed?: boolean; from?: string; to?: string; limit: number }): Promise<{ ids: string[]; count: number }> {
  return store.datasets.dyadIds(s, { ...o, directed: !!o.directed });
}

/** A curated relation between two parties, with the layer its type belongs to. */
export const RelationTie = z.object({
  id: z.string(),
  type: z.string(),
  from: z.string(),
  to: z.string(),
  a: z.string(),
  b: z.string(),
  strength: num,
  sign: int,
  sources: strings,
});
export type RelationTie = z.infer<typeof RelationTie> & { readonly layer: RelationLayer; readonly layerSign: 1 | -1 | null };

/** The inputs of the signed network of a period: dataset pair aggregates, knowledge events, and relations that hold. */
export interface TiesRead {
  readonly dataset: readonly DatasetPair[];
  readonly items: readonly KnowledgeItem[];
  readonly relations: readonly RelationTie[];
}

/**
 * Interactions between two different parties of the scope in its period: dataset rows aggregated per unordered
 * pair and origin, knowledge events one by one (their pairs are formed and filtered by the measure), and the
 * curated relations whose interval overlaps the period, between parties of the scope.
 */
export async function readTies(store: Store, s: ResolvedScope): Promise<TiesRead> {
  const dataset = await store.datasets.ties(s);
  const items = await knowledgeItems(store, s, () => null);
  return { dataset, items, relations: await readRelationTies(store, s) };
}

/** Curated relations holding at some time in the scope's period, with each end's party (country or code). */
export async function readRelationTies(store: Store, s: ResolvedScope): Promise<RelationTie[]> {
  const q = new Params();
  const where = [`coalesce(fa.country, fa.code) IS NOT NULL`, `coalesce(ta.country, ta.code) IS NOT NULL`];
  if (!s.origins.includes('curated')) where.push(`NOT starts_with(r.origin, 'curated:')`);
  if (!s.origins.includes('article')) where.push(`NOT starts_with(r.origin, 'article:')`);
  if (s.from) where.push(`(r.end_date IS NULL OR r.end_date >= ${q.p(s.from)}::DATE)`);
  if (s.to) where.push(`(r.start_date IS NULL OR r.start_date <= ${q.p(s.to)}::DATE)`);
  const rows = await store.all(
    `SELECT r.id, r.type, r.from_actor AS "from", r.to_actor AS "to", coalesce(fa.country, fa.code) AS a, coalesce(ta.country, ta.code) AS b,
        r.strength::DOUBLE AS strength, r.sign::INTEGER AS sign, r.sources
     FROM relations r JOIN actors fa ON fa.id = r.from_actor JOIN actors ta ON ta.id = r.to_actor
     WHERE ${where.join(' AND ')} ORDER BY r.id`,
    q.values,
  );
  return parseAll(RelationTie, rows, 'relation')
    .filter((r) => !s.region || (s.region.parties.includes(r.a) && s.region.parties.includes(r.b)))
    .map((r) => ({ ...r, layer: RELATION_LAYER[r.type as RelationType] ?? 'dependency', layerSign: layerSign(r.type as RelationType) }));
}

/** The inputs of escalation alerts: dataset rows per pair, window (0 = the window ending `asOf`) and origin; knowledge events one by one. */
export interface WindowsRead {
  readonly dataset: readonly DatasetWindow[];
  readonly items: readonly KnowledgeItem[];
}

/** Interactions between two different parties of the scope up to `asOf`, in windows of `days` counted back from it. */
export async function readWindows(store: Store, s: ResolvedScope, o: { asOf: string; days: number }): Promise<WindowsRead> {
  const bounded: ResolvedScope = { ...s, to: s.to && s.to < o.asOf ? s.to : o.asOf };
  const dataset = await store.datasets.windows(bounded, o);
  return { dataset, items: await knowledgeItems(store, bounded, () => null) };
}

/** The newest day of evidence in scope (null when there is none). */
export async function readLatestDay(store: Store, s: ResolvedScope): Promise<string | null> {
  const span = await readSpan(store, s);
  return span.last;
}

const SpanRow = z.object({ origin: z.string(), n: int, first: z.string().nullable(), last: z.string().nullable() });

/** First and last day of the evidence in scope and its events per origin (before any regional restriction of pairs). */
export async function readSpan(store: Store, s: ResolvedScope): Promise<{ first: string | null; last: string | null; byOrigin: Record<string, number> }> {
  const rows: z.infer<typeof SpanRow>[] = [...(await store.datasets.span(s))];
  const q = new Params();
  const where = knowledgeConditions(s, q);
  if (where) {
    rows.push(
      ...parseAll(
        SpanRow,
        await store.all(
          `SELECT split_part(origin, ':', 1) AS origin, count(*)::INTEGER AS n, strftime(min(date_start), '%Y-%m-%d') AS first,
              strftime(max(date_start), '%Y-%m-%d') AS last FROM events WHERE ${where.join(' AND ')} GROUP BY 1`,
        ),
        'span',
      ),
    );
  }
  let first: string | null = null;
  let last: string | null = null;
  const byOrigin: Record<string, number> = {};
  for (const r of rows) {
    byOrigin[r.origin] = (byOrigin[r.origin] ?? 0) + r.n;
    if (r.first && (!first || r.first < first)) first = r.first;
    if (r.last && (!last || r.last > last)) last = r.last;
  }
  return { first, last, byOrigin };
}

/** The inputs of influence shares: the actor's dataset interactions per period (or "all"), partner and origin; its knowledge events. */
export interface PartnersRead {
  readonly dataset: readonly DatasetPartner[];
  readonly items: readonly KnowledgeItem[];
}

/** Events with `actor` (a party code) on one side, in scope; partners outside the scope's region are left to the measure. */
export async function readPartners(store: Store, s: ResolvedScope, o: { actor: string; by?: PeriodUnit }): Promise<PartnersRead> {
  const dataset = await store.datasets.partners(s, o);
  const items = await knowledgeItems(store, s, (k) => {
    const a = k.p(o.actor);
    return `(${listHas('source', a)} OR ${listHas('target', a)})`;
  });
  return { dataset, items };
}

/** The inputs of the mediation share: A–B dataset events per day, A–B knowledge events, and same-day consultations of A or B with anyone else. */
export interface MediationRead {
  readonly dataset: readonly DatasetDay[];
  readonly items: readonly KnowledgeItem[];
  readonly meetings: readonly Meeting[];
  /** Actor id → party, to read the third actors of knowledge events. */
  readonly parties: ReadonlyMap<string, string>;
}

/** Everything the mediation share of `a`–`b` needs, in scope; `meetingCameo` are the CAMEO prefixes that count as consulting. */
export async function readMediation(store: Store, s: ResolvedScope, o: { a: string; b: string; meetingCameo: readonly string[] }): Promise<MediationRead> {
  const dataset = await store.datasets.mediationDays(s, o);
  const meetings: Meeting[] = [...(await store.datasets.meetings(s, o))];
  const prefixes = (p: Params) => o.meetingCameo.map((c) => `starts_with(cameo, ${p.p(c)})`).join(' OR ');
  const items = await knowledgeItems(store, s, (k) => listBetween(k.p(o.a), k.p(o.b), false));
  const consults = await knowledgeItems(store, s, (k) => {
    const [a, b] = [k.p(o.a), k.p(o.b)];
    const touches = (x: string) => `(${listHas('source', x)} OR ${listHas('target', x)})`;
    return `(${prefixes(k)}) AND (${touches(a)} OR ${touches(b)}) AND NOT (${touches(a)} AND ${touches(b)})`;
  });
  for (const e of consults) {
    const side = e.source.includes(o.a) || e.target.includes(o.a) ? 'a' : 'b';
    for (const other of [...e.source, ...e.target]) if (other !== o.a && other !== o.b) meetings.push({ day: e.day, side, other });
  }
  return { dataset, items, meetings, parties: await readActorParties(store) };
}

/** Actor id → the party it stands for in dyads (its country, else its code, as IGOs have). */
export async function readActorParties(store: Store): Promise<Map<string, string>> {
  const rows = parseAll(z.object({ id: z.string(), c: z.string().nullable() }), await store.all('SELECT id, coalesce(country, code) AS c FROM actors'), 'actor');
  return new Map(rows.filter((r) => r.c).map((r) => [r.id, r.c as string]));
}

/** A filter over events for indicators and citations: sides (any of the parties), quad classes, CAMEO prefixes. */
export interface EventMatch {
  readonly source?: readonly string[];
  readonly target?: readonly string[];
  /** Source and target sides may be swapped. */
  readonly either?: boolean;
  readonly quad?: readonly number[];
  readonly cameo?: readonly string[];
}

/** Ids of the events in scope matching `m` (oldest first, at most `limit`), their total, and counts per origin. */
export async function readMatchingEvents(store: Store, s: ResolvedScope, m: EventMatch, limit: number): Promise<{ ids: string[]; count: number; origins: Record<string, number>; sources: string[] }> {
  // A party may be given as a country or IGO code, or as an actor id (matched by id on knowledge rows, by its code on dataset rows).
  const party = await readActorParties(store);
  const sides = (q: Params) => {
    const any = (side: 'source' | 'target', xs: readonly string[]) =>
      `(${xs
        .map((x) => {
          const code = party.get(x);
          const byCode = listHas(side, q.p(x));
          return code && code !== x ? `(${byCode} OR list_contains(${side}_actors, ${q.p(x)}))` : byCode;
        })
        .join(' OR ')})`;
    const parts: string[] = [];
    const src = m.source?.length ? m.source : null;
    const tgt = m.target?.length ? m.target : null;
    if (m.either && src && tgt) parts.push(`((${any('source', src)} AND ${any('target', tgt)}) OR (${any('source', tgt)} AND ${any('target', src)}))`);
    else {
      if (src) parts.push(any('source', src));
      if (tgt) parts.push(any('target', tgt));
    }
    if (m.quad?.length) parts.push(`quad IN (${q.list(m.quad)})`);
    if (m.cameo?.length) parts.push(`(${m.cameo.map((c) => `starts_with(cameo, ${q.p(c)})`).join(' OR ')})`);
    return parts;
  };
  const ids: string[] = [];
  const origins: Record<string, number> = {};
  const sources = new Set<string>();
  let count = 0;
  const items = await knowledgeItems(store, s, (q) => sides(q).join(' AND ') || null);
  for (const e of items) {
    count++;
    origins[e.origin.split(':', 1)[0]] = (origins[e.origin.split(':', 1)[0]] ?? 0) + 1;
    if (ids.length < limit) ids.push(e.id);
    e.sources.forEach((x) => sources.add(x));
  }
  const code = (x: string) => party.get(x) ?? x;
  const d = await store.datasets.matching(
    s,
    { ...m, source: m.source?.map(code), target: m.target?.map(code) },
    Math.max(0, limit - ids.length),
  );
  for (const r of d.origins) {
    count += r.n;
    origins[r.origin] = (origins[r.origin] ?? 0) + r.n;
  }
  ids.push(...d.ids);
  return { ids, count, origins, sources: [...sources].sort() };
}

/** The sources cited by each of the given events (dataset rows cite none). */
export async function readEventSources(store: Store, ids: readonly string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = parseAll(
    z.object({ id: z.string(), sources: strings }),
    await store.all(`SELECT id, sources FROM events WHERE list_contains(from_json($1::JSON, '["VARCHAR"]'), id)`, [JSON.stringify(ids)]),
    'sources',
  );
  return new Map(rows.map((r) => [r.id, r.sources]));
}

/**
 * Events in scope per period between two different parties of the scope (the denominator of volume-normalised
 * series): dataset rows by their scalar countries, knowledge events when at least one of their pairs is in scope.
 */
export async function readPeriodTotals(store: Store, s: ResolvedScope, by: PeriodUnit): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const r of await store.datasets.periodTotals(s, by)) totals.set(r.period, (totals.get(r.period) ?? 0) + r.n);
  const parties = s.region ? new Set(s.region.parties) : null;
  for (const e of await knowledgeItems(store, s, () => null)) {
    const ok = e.source.some((a) => e.target.some((b) => a !== b && (!parties || (parties.has(a) && parties.has(b)))));
    if (!ok) continue;
    const p = periodLabel(e.day, by);
    totals.set(p, (totals.get(p) ?? 0) + 1);
  }
  return totals;
}

/** The label of the period holding `day` (YYYY-MM-DD), as PERIOD_SQL names it. */
export const periodLabel = periodOf;
