// Writes a validated knowledge base into the store in one transaction: bulk appends, rows owned by the region that
// loaded them, shared actors merged, and skipped only when neither the content nor the stored rows have changed.
import type { Actor, Claim, Event, KnowledgeBase, Relation, Source } from '../model/index.js';
import { codeOn, UserError } from '../model/index.js';
import type { SqlValue, Store } from './store.js';

export interface LoadResult {
  readonly origin: string;
  readonly unchanged: boolean;
  readonly counts: Record<string, number>;
  /** Shared actors merged with the same actor of another loaded region. */
  readonly merged: readonly string[];
}

/** Where each record of a region is curated (by collection and id), so that a conflict can name both files. */
export type RecordSites = Readonly<Partial<Record<string, ReadonlyMap<string, { readonly file: string; readonly line: number }>>>>;

export interface LoadOptions {
  /** `curated:<region id>` unless given. */
  readonly origin?: string;
  readonly locations?: RecordSites;
}

/** The tables a knowledge base writes, by collection name. */
const TABLES = ['sources', 'actors', 'events', 'claims', 'relations'] as const;
type Table = (typeof TABLES)[number];
const DOCUMENTS = ['region', 'formats', 'corridors', 'theses'] as const;

const json = (v: unknown): string => JSON.stringify(v ?? []);
const LIST = '["VARCHAR"]';

/** Inserts `rows` into `table` in one statement: `fields` name each value's JSON type and SQL conversion, in column order. */
async function bulkInsert(
  tx: Store,
  table: string,
  fields: ReadonlyArray<readonly [name: string, type: string, sql?: string]>,
  rows: ReadonlyArray<Record<string, unknown>>,
  verb = 'INSERT',
): Promise<void> {
  if (rows.length === 0) return;
  const struct = `{${fields.map(([n, t]) => `"${n}": ${t.startsWith('[') ? t : `"${t}"`}`).join(', ')}}`;
  const select = fields.map(([n, , sql]) => sql ?? `r."${n}"`).join(', ');
  await tx.run(`${verb} INTO ${table} SELECT ${select} FROM (SELECT unnest(from_json($1::JSON, '[${struct}]')) AS r)`, [JSON.stringify(rows)]);
}

const SOURCE_FIELDS = [
  ['id', 'VARCHAR'], ['origin', 'VARCHAR'], ['kind', 'VARCHAR'], ['outlet', 'VARCHAR'], ['title', 'VARCHAR'], ['authors', LIST],
  ['url', 'VARCHAR'], ['published', 'DATE'], ['accessed', 'DATE'], ['language', 'VARCHAR'], ['reliability', 'VARCHAR'],
  ['cited_in', 'VARCHAR'], ['cited_marker', 'VARCHAR'], ['note', 'VARCHAR'],
] as const;
const ACTOR_FIELDS = [
  ['id', 'VARCHAR'], ['origin', 'VARCHAR'], ['kind', 'VARCHAR'], ['name', 'VARCHAR'], ['aliases', LIST], ['country', 'VARCHAR'],
  ['code', 'VARCHAR'], ['part_of', 'VARCHAR'], ['roles', 'VARCHAR', 'r.roles::JSON'], ['description', 'VARCHAR'], ['sources', LIST],
] as const;
const EVENT_FIELDS = [
  ['id', 'VARCHAR'], ['origin', 'VARCHAR'], ['origin_row', 'VARCHAR'], ['date_start', 'DATE'], ['date_end', 'DATE'], ['precision', 'VARCHAR'],
  ['cameo', 'VARCHAR'], ['quad', 'TINYINT'], ['goldstein', 'DOUBLE'], ['plover', 'VARCHAR'], ['source_actors', LIST], ['target_actors', LIST],
  ['third_actors', LIST], ['source_countries', LIST], ['target_countries', LIST], ['source_code', 'VARCHAR'], ['target_code', 'VARCHAR'],
  ['source_country', 'VARCHAR'], ['target_country', 'VARCHAR'], ['location', 'VARCHAR'], ['location_country', 'VARCHAR'], ['summary', 'VARCHAR'],
  ['sources', LIST], ['confidence', 'DOUBLE'], ['negated', 'BOOLEAN'], ['hypothetical', 'BOOLEAN'], ['extra', 'VARCHAR', 'NULL::JSON'],
  ['status', 'VARCHAR'], ['review', 'VARCHAR'],
] as const;
const CLAIM_FIELDS = [
  ['id', 'VARCHAR'], ['origin', 'VARCHAR'], ['claimant', LIST], ['statement', 'VARCHAR'], ['date_start', 'DATE'], ['date_end', 'DATE'],
  ['precision', 'VARCHAR'], ['about_actors', LIST], ['about_events', LIST], ['status', 'VARCHAR'], ['denied_by', LIST],
  ['confirmed_by', LIST], ['contradicts', LIST], ['sources', LIST], ['review', 'VARCHAR'],
] as const;
const RELATION_FIELDS = [
  ['id', 'VARCHAR'], ['origin', 'VARCHAR'], ['type', 'VARCHAR'], ['from_actor', 'VARCHAR'], ['to_actor', 'VARCHAR'], ['start_date', 'DATE'],
  ['end_date', 'DATE'], ['sign', 'TINYINT'], ['strength', 'DOUBLE'], ['note', 'VARCHAR'], ['sources', LIST],
] as const;
const DOCUMENT_FIELDS = [['collection', 'VARCHAR'], ['id', 'VARCHAR'], ['origin', 'VARCHAR'], ['doc', 'VARCHAR', 'r.doc::JSON']] as const;

const sourceRow = (s: Source, origin: string) => ({
  id: s.id, origin, kind: s.kind, outlet: s.outlet, title: s.title, authors: s.authors ?? [], url: s.url, published: s.published,
  accessed: s.accessed, language: s.language, reliability: s.reliability ?? null, cited_in: s.citedIn?.source ?? null,
  cited_marker: s.citedIn?.marker ?? null, note: s.note ?? null,
});
const actorRow = (a: Actor, origin: string) => ({
  id: a.id, origin, kind: a.kind, name: a.name, aliases: a.aliases ?? [], country: a.country, code: a.code, part_of: a.partOf ?? null,
  roles: json(a.roles), description: a.description ?? null, sources: a.sources ?? [],
});
const claimRow = (c: Claim, origin: string) => ({
  id: c.id, origin, claimant: c.claimant, statement: c.statement, date_start: c.date?.start ?? null, date_end: c.date?.end ?? null,
  precision: c.date?.precision ?? null, about_actors: c.about.actors, about_events: c.about.events, status: c.status,
  denied_by: c.deniedBy ?? [], confirmed_by: c.confirmedBy ?? [], contradicts: c.contradicts ?? [], sources: c.sources ?? [], review: c.review ?? 'accepted',
});
const relationRow = (r: Relation, origin: string) => ({
  id: r.id, origin, type: r.type, from_actor: r.from, to_actor: r.to, start_date: r.interval.start, end_date: r.interval.end,
  sign: r.sign, strength: r.strength, note: r.note ?? null, sources: r.sources ?? [],
});

/** The country an actor stands for in dyads: its ISO3 country, else its code (IGOs such as IGOCSTO). */
export function dyadCountry(a: Pick<Actor, 'country' | 'code'> | undefined): string | null {
  return a?.country ?? a?.code ?? null;
}

function eventRow(e: Event, actors: ReadonlyMap<string, Actor>) {
  const day = e.date?.start ?? null;
  const countries = (ids: readonly string[]) => [...new Set(ids.map((id) => dyadCountry(actors.get(id))).filter((c): c is string => !!c))];
  const src = countries(e.source);
  const tgt = countries(e.target);
  const firstCode = (ids: readonly string[]) => {
    const a = actors.get(ids[0] ?? '');
    return a ? codeOn(a, day) : null;
  };
  return {
    id: e.id, origin: e.origin.dataset, origin_row: e.origin.row, date_start: e.date?.start ?? null, date_end: e.date?.end ?? null,
    precision: e.date?.precision ?? 'unknown', cameo: e.cameo, quad: e.quad, goldstein: e.goldstein, plover: e.plover,
    source_actors: e.source, target_actors: e.target, third_actors: e.third ?? [], source_countries: src, target_countries: tgt,
    // The scalar country columns are for dataset rows only (one actor a side); knowledge rows are matched on the lists.
    source_code: firstCode(e.source), target_code: firstCode(e.target), source_country: null, target_country: null,
    location: e.location, location_country: null, summary: e.summary, sources: e.sources ?? [], confidence: e.confidence,
    negated: e.negated, hypothetical: e.hypothetical, status: e.status ?? 'reported', review: e.review ?? 'accepted',
  };
}

/** Last write wins within one batch, as INSERT OR REPLACE would have it row by row. */
const lastById = <T extends { id: string }>(xs: readonly T[]): T[] => [...new Map(xs.map((x) => [x.id, x])).values()];

/** Actors as the store holds them, for the dyad countries and role codes of events. */
async function storedActors(tx: Store): Promise<Map<string, Actor>> {
  const rows = await tx.all<{ id: string; country: string | null; code: string | null; roles: string }>('SELECT id, country, code, roles FROM actors');
  return new Map(rows.map((r) => [r.id, { id: r.id, country: r.country, code: r.code, roles: JSON.parse(r.roles) } as Actor]));
}

/**
 * Inserts (or replaces, by id) every record of `kb` under `origin`, one statement per table; call inside a
 * transaction (`verb` INSERT when no id can be present already). For article loads and fixtures: curated regions
 * go through `loadKnowledgeBase`, which also guards other regions' rows.
 */
export async function writeKnowledgeBase(tx: Store, kb: Partial<KnowledgeBase> & { actors?: readonly Actor[] }, origin: string, verb = 'INSERT OR REPLACE'): Promise<void> {
  await bulkInsert(tx, 'sources', SOURCE_FIELDS, lastById(kb.sources ?? []).map((s) => sourceRow(s, origin)), verb);
  await bulkInsert(tx, 'actors', ACTOR_FIELDS, lastById(kb.actors ?? []).map((a) => actorRow(a, origin)), verb);
  if (kb.events?.length) {
    const actors = await storedActors(tx);
    await bulkInsert(tx, 'events', EVENT_FIELDS, kb.events.map((e) => eventRow(e, actors)));
  }
  await bulkInsert(tx, 'claims', CLAIM_FIELDS, lastById(kb.claims ?? []).map((c) => claimRow(c, origin)), verb);
  await bulkInsert(tx, 'relations', RELATION_FIELDS, lastById(kb.relations ?? []).map((r) => relationRow(r, origin)), verb);
  const docs = [
    ...(kb.region ? [{ collection: 'region', id: kb.region.id, origin, doc: JSON.stringify(kb.region) }] : []),
    ...(kb.formats ?? []).map((f) => ({ collection: 'formats', id: f.id, origin, doc: JSON.stringify(f) })),
    ...(kb.corridors ?? []).map((c) => ({ collection: 'corridors', id: c.id, origin, doc: JSON.stringify(c) })),
    ...(kb.theses ?? []).map((t) => ({ collection: 'theses', id: t.id, origin, doc: JSON.stringify(t) })),
  ];
  await bulkInsert(tx, 'documents', DOCUMENT_FIELDS, [...new Map(docs.map((d) => [`${d.collection}\0${d.id}`, d])).values()], verb);
}

/** Every record `origin` holds, as one number per table: changes whenever any of its rows does, whoever changed it. */
async function fingerprint(tx: Store, origin: string): Promise<string> {
  const parts: string[] = [];
  for (const t of [...TABLES, 'documents']) {
    const owned = t === 'actors'
      ? `a.origin = $1 OR a.id IN (SELECT id FROM record_owners WHERE collection = 'actors' AND origin = $1)`
      : 'a.origin = $1';
    const [{ n, h }] = await tx.all<{ n: string; h: string | null }>(
      `SELECT count(*)::VARCHAR AS n, sum(hash(a)::HUGEINT)::VARCHAR AS h FROM ${t} a WHERE ${owned}`, [origin]);
    parts.push(`${t}:${n}:${h ?? 0}`);
  }
  return parts.join(';');
}

/** Removes every row written under `origin`; shared actors it held are rebuilt from their other regions. */
export async function deleteOrigin(tx: Store, origin: string): Promise<void> {
  const shared = await tx.all<{ id: string }>(
    `SELECT DISTINCT o.id FROM record_owners o WHERE o.collection = 'actors' AND o.origin = $1
       AND EXISTS (SELECT 1 FROM record_owners p WHERE p.collection = 'actors' AND p.id = o.id AND p.origin <> $1)`, [origin]);
  await tx.run(`DELETE FROM actors WHERE origin = $1 OR id IN (SELECT id FROM record_owners WHERE collection = 'actors' AND origin = $1)`, [origin]);
  for (const table of ['sources', 'events', 'claims', 'relations', 'documents']) {
    await tx.run(`DELETE FROM ${table} WHERE origin = $1`, [origin]);
  }
  await tx.run('DELETE FROM record_owners WHERE origin = $1', [origin]);
  if (shared.length) await writeMergedActors(tx, shared.map((s) => s.id));
}

interface Contribution {
  readonly origin: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly actor: Actor;
}

const where = (c: { origin: string; file: string | null; line: number | null }) => (c.file ? `${c.file}${c.line ? `:${c.line}` : ''}` : c.origin);

/** One actor from the contributions of every region that declares it shared; they must agree on what it is. */
function mergeActor(cs: readonly Contribution[]): Actor {
  const sorted = [...cs].sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
  const first = sorted[0];
  for (const c of sorted.slice(1)) {
    for (const field of ['kind', 'country', 'code'] as const) {
      if ((c.actor[field] ?? null) !== (first.actor[field] ?? null)) {
        throw new UserError('load', `shared actor "${first.actor.id}": ${field} is ${JSON.stringify(c.actor[field] ?? null)} here but ${JSON.stringify(first.actor[field] ?? null)} in ${where(first)}; a shared actor must be the same in every region`,
          { file: c.file ?? undefined, line: c.line ?? undefined, field: `actors.${first.actor.id}.${field}` });
      }
    }
  }
  const names = new Set(sorted.flatMap((c) => [c.actor.name, ...(c.actor.aliases ?? [])]));
  names.delete(first.actor.name);
  const roles = new Map(sorted.flatMap((c) => c.actor.roles ?? []).map((r) => [JSON.stringify(r), r]));
  return {
    ...first.actor,
    aliases: [...names],
    partOf: sorted.map((c) => c.actor.partOf).find((p) => p) ?? undefined,
    roles: [...roles.values()],
    description: sorted.map((c) => c.actor.description).find((d) => d) ?? undefined,
    sources: [...new Set(sorted.flatMap((c) => c.actor.sources ?? []))],
    shared: true,
  } as Actor;
}

/** Rewrites the `actors` rows of `ids` from the contributions recorded in `record_owners`. */
async function writeMergedActors(tx: Store, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.all<{ id: string; origin: string; file: string | null; line: number | null; doc: string }>(
    `SELECT id, origin, file, line, doc FROM record_owners WHERE collection = 'actors' AND list_contains($1::VARCHAR[], id)`, [json(ids)]);
  const byId = new Map<string, Contribution[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), { origin: r.origin, file: r.file, line: r.line, actor: JSON.parse(r.doc) as Actor }]);
  const merged = [...byId.values()].map((cs) => ({ row: mergeActor(cs), origin: [...cs].map((c) => c.origin).sort()[0] }));
  await tx.run('DELETE FROM actors WHERE list_contains($1::VARCHAR[], id)', [json(ids)]);
  await bulkInsert(tx, 'actors', ACTOR_FIELDS, merged.map((m) => actorRow(m.row, m.origin)));
}

interface Holder {
  readonly collection: string;
  readonly id: string;
  readonly origin: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly shared: boolean | null;
}

/** Ids of `kb` that rows of other origins already hold, with where those rows came from. */
async function otherHolders(tx: Store, ids: ReadonlyArray<{ collection: string; id: string }>, origin: string): Promise<Holder[]> {
  if (!ids.length) return [];
  const held = [
    ...TABLES.map((t) => `SELECT '${t}' AS collection, id, origin FROM ${t} WHERE id IN (SELECT id FROM mine WHERE collection = '${t}')`),
    `SELECT collection, id, origin FROM documents WHERE (collection, id) IN (SELECT (collection, id) FROM mine)`,
  ].join(' UNION ALL ');
  return tx.all<Holder>(
    `WITH mine AS (SELECT r.collection, r.id FROM (SELECT unnest(from_json($1::JSON, '[{"collection": "VARCHAR", "id": "VARCHAR"}]')) AS r)),
     holders AS (
       SELECT o.collection, o.id, o.origin, o.file, o.line, (o.doc->>'shared')::BOOLEAN AS shared FROM record_owners o
       WHERE (o.collection, o.id) IN (SELECT (collection, id) FROM mine)
       UNION ALL
       SELECT h.collection, h.id, h.origin, NULL, NULL, NULL FROM (${held}) h
       WHERE NOT EXISTS (SELECT 1 FROM record_owners o WHERE o.collection = h.collection AND o.id = h.id)
     )
     SELECT DISTINCT collection, id, origin, file, line::INTEGER AS line, shared FROM holders
     WHERE origin <> $2
     ORDER BY collection, id, origin`,
    [JSON.stringify(ids), origin],
  );
}

/**
 * Loads `kb` as origin `curated:<region id>` in one transaction, replacing that origin's rows and nothing else.
 * An id another region (or article) already holds is an error naming both files, unless it is an actor both
 * regions mark `shared: true`: then the two are merged into one record (aliases, roles and sources united).
 * Skipped, and reported unchanged, only when the content hash equals the last load's and the stored rows of the
 * origin are still exactly what that load left.
 */
export async function loadKnowledgeBase(store: Store, kb: KnowledgeBase, hash: string, options: LoadOptions | string = {}): Promise<LoadResult> {
  const o: LoadOptions = typeof options === 'string' ? { origin: options } : options;
  const origin = o.origin ?? `curated:${kb.region.id}`;
  const counts = {
    sources: kb.sources.length,
    actors: kb.actors.length,
    events: kb.events.length,
    claims: kb.claims.length,
    relations: kb.relations.length,
    formats: kb.formats.length,
    corridors: kb.corridors.length,
    theses: kb.theses.length,
  };
  const [last] = await store.all<{ hash: string; fingerprint: string }>('SELECT hash, fingerprint FROM load_state WHERE origin = $1', [origin]);
  if (last?.hash === hash && last.fingerprint === (await fingerprint(store, origin))) return { origin, unchanged: true, counts, merged: [] };

  const site = (collection: string, id: string) => o.locations?.[collection]?.get(id);
  const ids = [
    ...TABLES.flatMap((t) => (kb[t] as ReadonlyArray<{ id: string }>).map((r) => ({ collection: t, id: r.id }))),
    { collection: 'region', id: kb.region.id },
    ...(['formats', 'corridors', 'theses'] as const).flatMap((c) => kb[c].map((d) => ({ collection: c, id: d.id }))),
  ];
  const sharedHere = new Set<string>(kb.actors.filter((a) => a.shared).map((a) => a.id));
  const merged: string[] = [];
  await store.transaction(async (tx) => {
    const conflicts: string[] = [];
    for (const h of await otherHolders(tx, ids, origin)) {
      if (h.collection === 'actors' && sharedHere.has(h.id) && h.shared) {
        merged.push(h.id);
        continue;
      }
      const here = site(h.collection, h.id);
      const there = h.file ? `${h.file}${h.line ? `:${h.line}` : ''}` : `rows of ${h.origin}`;
      const hint = h.collection === 'actors' ? 'mark the actor `shared: true` in both files to merge them, or choose another id' : 'choose another id';
      conflicts.push(`${here ? `${here.file}:${here.line}: ` : ''}${h.collection}: id "${h.id}" is already loaded by ${h.origin} (${there}); ${hint}`);
    }
    if (conflicts.length) {
      throw new UserError('load', `${conflicts[0]}${conflicts.length > 1 ? ` (and ${conflicts.length - 1} more ids held by other origins)` : ''}; nothing was written`);
    }

    await deleteOrigin(tx, origin);
    const actorById = new Map<string, Actor>(kb.actors.map((a) => [a.id, a]));
    const owners = ids.map(({ collection, id }) => {
      const s = site(collection, id);
      const actor = collection === 'actors' ? actorById.get(id) : undefined;
      return { collection, id, origin, file: s?.file ?? null, line: s?.line ?? null, doc: actor ? JSON.stringify(actor) : null };
    });
    await bulkInsert(tx, 'record_owners', [['collection', 'VARCHAR'], ['id', 'VARCHAR'], ['origin', 'VARCHAR'], ['file', 'VARCHAR'],
      ['line', 'INTEGER'], ['doc', 'VARCHAR', 'r.doc::JSON']], owners);
    const mergedSet = new Set(merged);
    // Other origins' rows with these ids were refused above and this origin's were deleted: plain appends suffice.
    await writeKnowledgeBase(tx, { ...kb, actors: kb.actors.filter((a) => !mergedSet.has(a.id)) }, origin, 'INSERT');
    await writeMergedActors(tx, [...mergedSet]);
    await tx.run('INSERT INTO loads VALUES ($1, $2, $3, now(), $4::JSON)', [origin, 'region', hash, JSON.stringify(counts)]);
    await tx.run('INSERT OR REPLACE INTO load_state VALUES ($1, $2, $3)', [origin, hash, await fingerprint(tx, origin)]);
  });
  return { origin, unchanged: false, counts, merged };
}

export type { SqlValue };
