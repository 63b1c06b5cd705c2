// Reads the knowledge base back out of the store as model objects, with the filters the CLI and API offer.
import type { ScopeInput } from '../model/scope.js';
import type { Actor, Claim, Corridor, Event, Format, Region, Relation, Source, Thesis } from '../model/index.js';
import type { SqlValue, Store } from './store.js';

/** Filters shared by the list commands: an actor id (or ISO3 country) and a day range. */
export interface ListFilter {
  /** What counts as evidence, for reads that return evidence; lists ignore it unless documented. */
  readonly scope?: ScopeInput;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
  /** Origins to include (prefix match, e.g. "curated:" or "gdelt"); all when empty. */
  readonly origins?: readonly string[];
  /** Origins to leave out (prefix match). */
  readonly excludeOrigins?: readonly string[];
  readonly limit?: number;
  /** Keep undated events under a day range too (they sort last); without it a range leaves them out. */
  readonly includeUndated?: boolean;
}

/** Dataset origins that hold bulk imported events rather than curated or extracted knowledge. */
export const DATASET_ORIGINS = ['gdelt', 'icews', 'acled'] as const;

class Where {
  readonly parts: string[] = [];
  readonly params: SqlValue[] = [];
  add(sql: (n: (v: SqlValue) => string) => string): void {
    this.parts.push(sql((v) => {
      this.params.push(v);
      return `$${this.params.length}`;
    }));
  }
  origins(origins?: readonly string[], exclude?: readonly string[]): void {
    if (origins?.length) this.add((n) => `(${origins.map((o) => `starts_with(origin, ${n(o)})`).join(' OR ')})`);
    if (exclude?.length) this.add((n) => `NOT (${exclude.map((o) => `starts_with(origin, ${n(o)})`).join(' OR ')})`);
  }
  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

const parseJson = <T>(s: unknown): T => (typeof s === 'string' ? (JSON.parse(s) as T) : (s as T));

export async function listSources(store: Store, f: ListFilter = {}): Promise<Source[]> {
  const w = new Where();
  w.origins(f.origins, f.excludeOrigins);
  const rows = await store.all<Record<string, never>>(`SELECT * FROM sources ${w} ORDER BY id`, w.params);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    outlet: r.outlet,
    title: r.title,
    authors: r.authors,
    url: r.url,
    published: r.published,
    accessed: r.accessed,
    language: r.language,
    ...(r.reliability ? { reliability: r.reliability } : {}),
    ...(r.cited_in ? { citedIn: { source: r.cited_in, marker: r.cited_marker } } : {}),
    ...(r.note ? { note: r.note } : {}),
  }));
}

export async function listActors(store: Store, f: ListFilter = {}): Promise<Actor[]> {
  const w = new Where();
  w.origins(f.origins, f.excludeOrigins);
  if (f.actor) w.add((n) => `(id = ${n(f.actor!)} OR country = ${n(f.actor!)} OR part_of = ${n(f.actor!)})`);
  const rows = await store.all<Record<string, never>>(`SELECT * FROM actors ${w} ORDER BY kind, id`, w.params);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    aliases: r.aliases,
    country: r.country,
    code: r.code,
    ...(r.part_of ? { partOf: r.part_of } : {}),
    roles: parseJson(r.roles),
    ...(r.description ? { description: r.description } : {}),
    sources: r.sources,
  }));
}

/** Events touching `actor` (as source, target or third party, by id or country) within [from, to], oldest first. */
export async function listEvents(store: Store, f: ListFilter = {}): Promise<Event[]> {
  const w = new Where();
  w.origins(f.origins, f.excludeOrigins);
  if (f.actor) {
    w.add((n) => {
      const a = n(f.actor!);
      return `(list_contains(source_actors, ${a}) OR list_contains(target_actors, ${a}) OR list_contains(third_actors, ${a})
        OR list_contains(source_countries, ${a}) OR list_contains(target_countries, ${a}))`;
    });
  }
  const undated = f.includeUndated ? 'date_start IS NULL OR ' : '';
  if (f.from) w.add((n) => `(${undated}date_end >= ${n(f.from!)}::DATE)`);
  if (f.to) w.add((n) => `(${undated}date_start <= ${n(f.to!)}::DATE)`);
  const limit = f.limit ? `LIMIT ${Math.floor(f.limit)}` : '';
  const rows = await store.all<Record<string, never>>(
    `SELECT * FROM events ${w} ORDER BY date_start NULLS LAST, date_end, id ${limit}`,
    w.params,
  );
  // Dataset events kept on another backend (ClickHouse) are merged in, in the same order.
  if (store.datasets.kind !== 'duckdb' && DATASET_ORIGINS.some((d) => originWanted(d, f))) {
    const more = (await store.datasets.list({ origins: f.origins, exclude: f.excludeOrigins, actor: f.actor, from: f.from, to: f.to, limit: f.limit })) as Record<string, never>[];
    const key = (r: Record<string, never>) => `${r.date_start ?? '\uffff'}\u0000${r.date_end ?? '\uffff'}\u0000${r.id}`;
    const all = [...rows, ...more].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    return (f.limit ? all.slice(0, Math.floor(f.limit)) : all).map(rowToEvent);
  }
  return rows.map(rowToEvent);
}

/** Whether the origin filters of `f` (prefixes, as `Where.origins` reads them) let `origin` through. */
function originWanted(origin: string, f: ListFilter): boolean {
  if (f.origins?.length && !f.origins.some((o) => origin.startsWith(o))) return false;
  return !f.excludeOrigins?.some((o) => origin.startsWith(o));
}

/** Converts an `events` row to the model's Event. */
export function rowToEvent(r: Record<string, never>): Event {
  return {
    id: r.id,
    date: r.date_start ? { start: r.date_start, end: r.date_end, precision: r.precision } : null,
    cameo: r.cameo,
    quad: Number(r.quad) as Event['quad'],
    goldstein: Number(r.goldstein),
    plover: r.plover,
    source: r.source_actors,
    target: r.target_actors,
    third: r.third_actors,
    location: r.location,
    summary: r.summary,
    sources: r.sources,
    confidence: Number(r.confidence),
    negated: r.negated,
    hypothetical: r.hypothetical,
    status: r.status ?? 'reported',
    review: r.review ?? 'accepted',
    origin: { dataset: r.origin, row: r.origin_row },
  };
}

export async function listClaims(store: Store, f: ListFilter = {}): Promise<Claim[]> {
  const w = new Where();
  w.origins(f.origins, f.excludeOrigins);
  if (f.actor) {
    w.add((n) => {
      const a = n(f.actor!);
      return `(list_contains(claimant, ${a}) OR list_contains(about_actors, ${a}) OR list_contains(denied_by, ${a}) OR list_contains(confirmed_by, ${a}))`;
    });
  }
  if (f.from) w.add((n) => `(date_end IS NULL OR date_end >= ${n(f.from!)}::DATE)`);
  if (f.to) w.add((n) => `(date_start IS NULL OR date_start <= ${n(f.to!)}::DATE)`);
  const rows = await store.all<Record<string, never>>(`SELECT * FROM claims ${w} ORDER BY date_start NULLS LAST, id`, w.params);
  return rows.map((r) => ({
    id: r.id,
    claimant: r.claimant,
    statement: r.statement,
    ...(r.date_start ? { date: { start: r.date_start, end: r.date_end, precision: r.precision } } : {}),
    about: { actors: r.about_actors, events: r.about_events },
    status: r.status,
    deniedBy: r.denied_by,
    confirmedBy: r.confirmed_by,
    contradicts: r.contradicts,
    sources: r.sources,
    review: r.review ?? 'accepted',
  }));
}

export async function listRelations(store: Store, f: ListFilter = {}): Promise<Relation[]> {
  const w = new Where();
  w.origins(f.origins, f.excludeOrigins);
  if (f.actor) w.add((n) => `(from_actor = ${n(f.actor!)} OR to_actor = ${n(f.actor!)})`);
  if (f.from) w.add((n) => `(end_date IS NULL OR end_date >= ${n(f.from!)}::DATE)`);
  if (f.to) w.add((n) => `(start_date IS NULL OR start_date <= ${n(f.to!)}::DATE)`);
  const rows = await store.all<Record<string, never>>(`SELECT * FROM relations ${w} ORDER BY type, id`, w.params);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    from: r.from_actor,
    to: r.to_actor,
    interval: { start: r.start_date, end: r.end_date },
    sign: Number(r.sign) as 1 | -1,
    strength: Number(r.strength),
    ...(r.note ? { note: r.note } : {}),
    sources: r.sources,
  }));
}

/** JSON documents of one collection (formats, corridors, theses, region). */
export async function listDocuments<T>(store: Store, collection: 'formats' | 'corridors' | 'theses' | 'region', f: ListFilter = {}): Promise<T[]> {
  const w = new Where();
  w.add((n) => `collection = ${n(collection)}`);
  w.origins(f.origins, f.excludeOrigins);
  const rows = await store.all<{ doc: string }>(`SELECT doc FROM documents ${w} ORDER BY id`, w.params);
  return rows.map((r) => parseJson<T>(r.doc));
}

export const listFormats = (store: Store, f?: ListFilter) => listDocuments<Format>(store, 'formats', f);
export const listCorridors = (store: Store, f?: ListFilter) => listDocuments<Corridor>(store, 'corridors', f);
export const listTheses = (store: Store, f?: ListFilter) => listDocuments<Thesis>(store, 'theses', f);
export const listRegions = (store: Store, f?: ListFilter) => listDocuments<Region>(store, 'region', f);

/** The knowledge base as `faultline export --json` prints it; bulk dataset events are left out unless asked for. */
export async function exportKnowledgeBase(store: Store, options: { includeDatasets?: boolean } = {}) {
  const curatedEvents = await listEvents(store, options.includeDatasets ? {} : { excludeOrigins: DATASET_ORIGINS });
  return {
    regions: await listRegions(store),
    sources: await listSources(store),
    actors: await listActors(store),
    events: curatedEvents,
    claims: await listClaims(store),
    relations: await listRelations(store),
    formats: await listFormats(store),
    corridors: await listCorridors(store),
    theses: await listTheses(store),
  };
}

/** Row counts per table, for summaries and idempotency checks. */
export async function countRows(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['sources', 'actors', 'events', 'claims', 'relations', 'documents']) {
    const [{ n }] = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`);
    out[t] = n;
  }
  // Dataset events kept on another backend (ClickHouse) are not in this file's table.
  if (store.datasets.kind !== 'duckdb') out.events += await store.datasets.count();
  return out;
}
