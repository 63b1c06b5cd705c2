// What the dashboard's endpoints do: pages of events in scope, the events behind a dyad bar, the map, actor pages, scenario inputs.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { RELATION_LAYER, UserError, type Actor, type RelationType } from '../model/index.js';
import type { Store } from '../store/store.js';
import { inScope, resolveScope, scopeJson, type ResolvedScope } from '../store/evidence.js';
import { readMatchingEvents } from '../store/evidence-reads.js';
import { readEventGeography, readEventPage, readEventRows } from '../store/event-pages.js';
import { listActors, listClaims, listCorridors, listFormats, listRelations } from '../store/queries.js';
import { HttpError } from './http-error.js';
import { scopeFromQuery, type ActorQuery, type EventIdsQuery, type EventPageQuery, type EvidenceQuery, type MapQuery, type ScenarioQuery } from './schemas.js';
import { scenarios } from './services.js';

/** The scope of a query with its dates folded in. */
const scopeOf = (store: Store, q: Parameters<typeof scopeFromQuery>[0] & { from?: string; to?: string }) =>
  resolveScope(store, { ...scopeFromQuery(q), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });

/** A page of the events in scope (curated, article and dataset), newest first, with the evidence count of the whole set. */
export async function eventPage(store: Store, q: z.output<typeof EventPageQuery>) {
  const s = await scopeOf(store, q);
  const page = await readEventPage(store, s, { actor: q.actor, party: q.party, located: q.located, quad: q.quad, cameo: q.cameo, offset: q.offset, limit: q.limit, by: q.by });
  return {
    scope: scopeJson(s),
    evidence: { events: page.total, sources: page.sources, origins: page.origins },
    offset: page.offset,
    limit: q.limit,
    events: page.events,
    histogram: page.histogram,
  };
}

/** First and last day of a period label (2024, 2024-Q3, 2024-07) of unit `by`. */
export function periodDays(label: string, by: 'year' | 'quarter' | 'month'): { from: string; to: string } {
  const y = label.slice(0, 4);
  const bad = () => new HttpError(400, `server: query: period: "${label}" is not a ${by} label (${by === 'year' ? '2024' : by === 'quarter' ? '2024-Q3' : '2024-07'})`);
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (by) {
    case 'year':
      if (!/^\d{4}$/.test(label)) throw bad();
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'quarter': {
      const m = /^\d{4}-Q([1-4])$/.exec(label);
      if (!m) throw bad();
      const first = (Number(m[1]) - 1) * 3 + 1;
      return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${lastDay(Number(y), first + 2)}` };
    }
    case 'month': {
      const m = /^\d{4}-(\d{2})$/.exec(label);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) throw bad();
      return { from: `${label}-01`, to: `${label}-${lastDay(Number(y), Number(m[1]))}` };
    }
  }
}

/**
 * The events one bar of a dyad series counts: the dyad's scope narrowed to the bar's period, read with the same
 * matching rule as the series (A among the source parties and B among the targets, or the reverse unless directed).
 */
export async function evidence(store: Store, q: z.output<typeof EvidenceQuery>) {
  const days = periodDays(q.period, q.by);
  const from = q.from && q.from > days.from ? q.from : days.from;
  const to = q.to && q.to < days.to ? q.to : days.to;
  const s: ResolvedScope = await resolveScope(store, { ...scopeFromQuery(q), from, to });
  for (const party of [q.a, q.b]) {
    if (!inScope(s, party)) throw new UserError('server/evidence', `${party} is not a party of region ${s.region?.id}; use region=world (or a region that names it)`, { field: 'region' });
  }
  if (q.a === q.b) throw new UserError('server/evidence', `a dyad needs two different parties, got ${q.a} twice`, { field: 'b' });
  const directed = q.directed ?? false;
  const empty = from > to;
  const m = empty ? { ids: [], count: 0, origins: {}, sources: [] } : await readMatchingEvents(store, s, { source: [q.a], target: [q.b], either: !directed }, q.offset + q.limit);
  const events = await readEventRows(store, m.ids.slice(q.offset));
  return {
    a: q.a,
    b: q.b,
    by: q.by,
    period: q.period,
    directed,
    from,
    to,
    scope: scopeJson(s),
    evidence: { events: m.count, sources: m.sources.length, origins: m.origins },
    offset: q.offset,
    limit: q.limit,
    events,
  };
}

/** Events in scope per country and per place with coordinates, for the map. */
export async function map(store: Store, q: z.output<typeof MapQuery>) {
  const s = await scopeOf(store, q);
  const filter = { actor: q.actor, quad: q.quad, cameo: q.cameo };
  const [geo, page] = await Promise.all([readEventGeography(store, s, { ...filter, maxPlaces: 2000 }), readEventPage(store, s, { ...filter, offset: 0, limit: 0 })]);
  return { scope: scopeJson(s), evidence: { events: page.total, sources: page.sources, origins: page.origins }, ...geo };
}

const partyCode = (a: Actor) => (a.kind === 'state' || a.kind === 'igo' ? (a.country ?? a.code) : null);

/** An actor with its relations (each with its layer), claims, and the formats and corridors it takes part in. */
export async function actor(store: Store, q: z.output<typeof ActorQuery>) {
  const all = await listActors(store);
  const byId = new Map(all.map((a) => [a.id as string, a]));
  const a = byId.get(q.id) ?? all.find((x) => x.kind === 'state' && x.country === q.id) ?? all.find((x) => x.kind === 'igo' && x.code === q.id);
  if (!a) throw new HttpError(404, `server: actor: no actor "${q.id}"`);
  const name = (id: string) => byId.get(id)?.name ?? id;
  const relations = (await listRelations(store, { actor: a.id })).map((r) => ({
    id: r.id as string,
    type: r.type,
    layer: RELATION_LAYER[r.type as RelationType],
    from: r.from as string,
    to: r.to as string,
    fromName: name(r.from),
    toName: name(r.to),
    start: r.interval.start,
    end: r.interval.end,
    strength: r.strength,
    ...(r.note ? { note: r.note } : {}),
    sources: r.sources as string[],
  }));
  const claims = await listClaims(store, { actor: a.id });
  const formats = [
    ...(await listFormats(store)).flatMap((f) => [
      ...(f.proposedBy.includes(a.id) ? [{ id: f.id as string, name: f.name, kind: 'format' as const, role: 'proposed it', from: f.founded, to: null, sources: f.sources as string[] }] : []),
      ...f.participation.filter((p) => p.actor === a.id).map((p) => ({ id: f.id as string, name: f.name, kind: 'format' as const, role: p.status, from: p.from, to: p.to, sources: f.sources as string[] })),
    ]),
    ...(await listCorridors(store)).flatMap((c) =>
      c.stakeholders.filter((st) => st.actor === a.id).map((st) => ({ id: c.id as string, name: c.name, kind: 'corridor' as const, role: st.stance, from: null, to: null, sources: (st.sources.length ? st.sources : c.sources) as string[] })),
    ),
  ];
  const partOf = [
    ...(a.partOf ? [{ id: a.partOf as string, name: name(a.partOf) }] : []),
    ...all.filter((x) => x.partOf === a.id).map((x) => ({ id: x.id as string, name: x.name })),
  ];
  return { actor: a, party: partyCode(a) ?? a.country ?? null, partOf, relations, claims, formats };
}

/** A scenario's inputs as the model reads them: each actor's capability, positions and saliences, with their citations. */
export async function scenarioInputs(dirs: readonly string[], q: z.output<typeof ScenarioQuery>) {
  const sim = await import('../simulate/index.js');
  const found = (await scenarios(dirs)).find((s) => s.name === q.name);
  if (!found) throw new HttpError(404, `server: scenario: no scenario named "${q.name}"`);
  const problem = sim.parseProblem(await readFile(found.file, 'utf8'), found.file);
  return {
    name: found.name,
    title: found.title,
    asOf: found.asOf,
    dimensions: problem.dimensions.map((d, k) => ({ name: d.name, min: d.min, max: d.max, low: found.dimensions[k]?.low, high: found.dimensions[k]?.high })),
    actors: problem.actors.map((x) => ({
      name: x.name,
      description: x.description,
      capability: x.capability,
      positions: [...x.positions],
      saliences: [...x.saliences],
      citations: x.citations.map((c) => ({ ...c })),
    })),
  };
}

/** The CAMEO event roots (01–20) with their names and quad classes, for the event-type filter. */
export async function cameoRoots() {
  const { allCameoEvents } = await import('../codebook/index.js');
  return allCameoEvents()
    .filter((e) => e.code.length === 2)
    .map((e) => ({ code: e.code, name: e.name, quad: e.quad }));
}

/** The events with the given ids, in the order asked (what a row of the ACH matrix names), and the ids that name none. */
export async function eventsById(store: Store, q: z.output<typeof EventIdsQuery>) {
  const events = await readEventRows(store, q.ids);
  const found = new Set(events.map((e) => e.id));
  return { events, missing: q.ids.filter((id) => !found.has(id)) };
}
