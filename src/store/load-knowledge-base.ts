// Writes a validated knowledge base into the store in one transaction, skipping it when its content hash is unchanged.
import type { Actor, Event, KnowledgeBase } from '../model/index.js';
import { codeOn } from '../model/index.js';
import type { SqlValue, Store } from './store.js';

export interface LoadResult {
  readonly origin: string;
  readonly unchanged: boolean;
  readonly counts: Record<string, number>;
}

const json = (v: unknown): string => JSON.stringify(v ?? []);

/** Loads `kb` under `origin` (replacing that origin's rows) unless the last load of `origin` had the same hash. */
export async function loadKnowledgeBase(store: Store, kb: KnowledgeBase, hash: string, origin = `curated:${kb.region.id}`): Promise<LoadResult> {
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
  const last = await store.all<{ hash: string }>(
    'SELECT hash FROM loads WHERE origin = $1 ORDER BY loaded_at DESC LIMIT 1',
    [origin],
  );
  if (last[0]?.hash === hash) return { origin, unchanged: true, counts };

  await store.transaction(async (tx) => {
    await deleteOrigin(tx, origin);
    await writeKnowledgeBase(tx, kb, origin);
    await tx.run('INSERT INTO loads VALUES ($1, $2, $3, now(), $4::JSON)', [origin, 'region', hash, JSON.stringify(counts)]);
  });
  return { origin, unchanged: false, counts };
}

/** Removes every row written under `origin`. */
export async function deleteOrigin(tx: Store, origin: string): Promise<void> {
  for (const table of ['sources', 'actors', 'events', 'claims', 'relations', 'documents']) {
    await tx.run(`DELETE FROM ${table} WHERE origin = $1`, [origin]);
  }
}

/** Inserts (or replaces, by id) every record of `kb` under `origin`; call inside a transaction. */
export async function writeKnowledgeBase(tx: Store, kb: Partial<KnowledgeBase> & { actors?: readonly Actor[] }, origin: string): Promise<void> {
  for (const s of kb.sources ?? []) {
    await tx.run(
      `INSERT OR REPLACE INTO sources VALUES ($1, $2, $3, $4, $5, from_json($6::JSON, '["VARCHAR"]'), $7, $8::DATE, $9::DATE, $10, $11, $12, $13, $14)`,
      [s.id, origin, s.kind, s.outlet, s.title, json(s.authors), s.url, s.published, s.accessed, s.language, s.reliability ?? null, s.citedIn?.source ?? null, s.citedIn?.marker ?? null, s.note ?? null],
    );
  }
  for (const a of kb.actors ?? []) {
    await tx.run(
      `INSERT OR REPLACE INTO actors VALUES ($1, $2, $3, $4, from_json($5::JSON, '["VARCHAR"]'), $6, $7, $8, $9::JSON, $10, from_json($11::JSON, '["VARCHAR"]'))`,
      [a.id, origin, a.kind, a.name, json(a.aliases), a.country, a.code, a.partOf ?? null, json(a.roles), a.description ?? null, json(a.sources)],
    );
  }
  if (kb.events?.length) {
    // Countries and codes of the actors as they stand in the store (this load's actors included).
    const actors = new Map<string, Actor>();
    const rows = await tx.all<{ id: string; country: string | null; code: string | null; roles: string }>('SELECT id, country, code, roles FROM actors');
    for (const r of rows) actors.set(r.id, { id: r.id, country: r.country, code: r.code, roles: JSON.parse(r.roles) } as Actor);
    for (const e of kb.events) await insertEvent(tx, e, actors);
  }
  for (const c of kb.claims ?? []) {
    await tx.run(
      `INSERT OR REPLACE INTO claims VALUES ($1, $2, from_json($3::JSON, '["VARCHAR"]'), $4, $5::DATE, $6::DATE, $7,
        from_json($8::JSON, '["VARCHAR"]'), from_json($9::JSON, '["VARCHAR"]'), $10, from_json($11::JSON, '["VARCHAR"]'),
        from_json($12::JSON, '["VARCHAR"]'), from_json($13::JSON, '["VARCHAR"]'), from_json($14::JSON, '["VARCHAR"]'), $15)`,
      [c.id, origin, json(c.claimant), c.statement, c.date?.start ?? null, c.date?.end ?? null, c.date?.precision ?? null,
        json(c.about.actors), json(c.about.events), c.status, json(c.deniedBy), json(c.confirmedBy), json(c.contradicts), json(c.sources),
        c.review ?? 'accepted'],
    );
  }
  for (const r of kb.relations ?? []) {
    await tx.run(
      `INSERT OR REPLACE INTO relations VALUES ($1, $2, $3, $4, $5, $6::DATE, $7::DATE, $8, $9, $10, from_json($11::JSON, '["VARCHAR"]'))`,
      [r.id, origin, r.type, r.from, r.to, r.interval.start, r.interval.end, r.sign, r.strength, r.note ?? null, json(r.sources)],
    );
  }
  const docs: Array<[string, { id: string }]> = [
    ...(kb.region ? [['region', kb.region] as [string, { id: string }]] : []),
    ...(kb.formats ?? []).map((f) => ['formats', f] as [string, { id: string }]),
    ...(kb.corridors ?? []).map((c) => ['corridors', c] as [string, { id: string }]),
    ...(kb.theses ?? []).map((t) => ['theses', t] as [string, { id: string }]),
  ];
  for (const [collection, doc] of docs) {
    await tx.run('INSERT OR REPLACE INTO documents VALUES ($1, $2, $3, $4::JSON)', [collection, doc.id, origin, JSON.stringify(doc)]);
  }
}

/** The country an actor stands for in dyads: its ISO3 country, else its code (IGOs such as IGOCSTO). */
export function dyadCountry(a: Pick<Actor, 'country' | 'code'> | undefined): string | null {
  return a?.country ?? a?.code ?? null;
}

async function insertEvent(tx: Store, e: Event, actors: Map<string, Actor>): Promise<void> {
  const day = e.date?.start ?? null;
  const countries = (ids: readonly string[]) => [...new Set(ids.map((id) => dyadCountry(actors.get(id))).filter((c): c is string => !!c))];
  const src = countries(e.source);
  const tgt = countries(e.target);
  const firstCode = (ids: readonly string[]) => {
    const a = actors.get(ids[0] ?? '');
    return a ? codeOn(a, day) : null;
  };
  const params: SqlValue[] = [
    e.id, e.origin.dataset, e.origin.row, e.date?.start ?? null, e.date?.end ?? null, e.date?.precision ?? 'unknown',
    e.cameo, e.quad, e.goldstein, e.plover, json(e.source), json(e.target), json(e.third), json(src), json(tgt),
    // The scalar country columns are for dataset rows only (one actor a side); knowledge rows are matched on the lists.
    firstCode(e.source), firstCode(e.target), null, null, e.location, null,
    e.summary, json(e.sources), e.confidence, e.negated, e.hypothetical, e.status ?? 'reported', e.review ?? 'accepted',
  ];
  const L = (n: number) => `from_json($${n}::JSON, '["VARCHAR"]')`;
  await tx.run(
    `INSERT INTO events VALUES ($1, $2, $3, $4::DATE, $5::DATE, $6, $7, $8, $9, $10, ${L(11)}, ${L(12)}, ${L(13)}, ${L(14)}, ${L(15)},
      $16, $17, $18, $19, $20, $21, $22, ${L(23)}, $24, $25, $26, NULL, $27, $28)`,
    params,
  );
}
