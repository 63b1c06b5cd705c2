// Review of extracted records before they count: the pending events and claims of article origins, accepting or
// rejecting them, and retracting everything one ingest added (transactionally).
import { z } from 'zod';
import { ReviewState } from '../model/event.js';
import { UserError } from '../model/errors.js';
import type { Store } from './store.js';

/** A record waiting for a decision, with the sentence it was read from. */
export const ReviewItem = z.object({
  kind: z.enum(['event', 'claim']),
  id: z.string(),
  origin: z.string(),
  review: ReviewState,
  /** CAMEO code (events) or claim status. */
  code: z.string(),
  /** Who acts (events) or claims (claims). */
  actors: z.array(z.string()),
  /** Who is acted upon (events) or what the claim is about. */
  others: z.array(z.string()),
  date: z.string().nullable(),
  sentence: z.string(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

const ARTICLE = 'article:';

/**
 * The origin an article reference names: the origin itself (`article:<sha256>`), the article's source id
 * (`article:<first 12 hex>`) or a prefix of at least 8 hex digits of its hash; unknown or ambiguous ones are a UserError.
 */
export async function resolveArticleOrigin(store: Store, ref: string): Promise<string> {
  const hex = ref.replace(/^article:/, '').toLowerCase();
  if (!/^[0-9a-f]{8,64}$/.test(hex)) {
    throw new UserError('review', `"${ref}" is not an article source: give article:<sha256>, its source id article:<12 hex> or 8+ hex digits of its hash`, { field: 'source' });
  }
  const rows = z.array(z.object({ origin: z.string() })).parse(await store.all(
    `SELECT DISTINCT origin FROM (
       SELECT origin FROM loads UNION SELECT origin FROM events UNION SELECT origin FROM claims UNION SELECT origin FROM sources
     ) WHERE starts_with(origin, $1) ORDER BY origin`,
    [`${ARTICLE}${hex}`],
  ));
  if (rows.length === 0) throw new UserError('review', `no ingested article matches "${ref}"`, { field: 'source', status: 404 });
  if (rows.length > 1) throw new UserError('review', `"${ref}" matches ${rows.length} articles; give more of the hash`, { field: 'source' });
  return rows[0].origin;
}

const ItemRow = z.object({
  kind: z.enum(['event', 'claim']), id: z.string(), origin: z.string(), review: ReviewState, code: z.string(),
  actors: z.array(z.string()), others: z.array(z.string()), date: z.string().nullable(), sentence: z.string(),
});

/** Pending (or, with `state`, other) events and claims of article origins, optionally of one article, oldest first. */
export async function listReview(store: Store, options: { origin?: string; state?: ReviewState } = {}): Promise<ReviewItem[]> {
  const state = options.state ?? 'pending';
  const origin = options.origin ?? ARTICLE;
  const rows = await store.all(
    `SELECT * FROM (
       SELECT 'event' AS kind, id, origin, review, cameo AS code, source_actors AS actors, target_actors AS others,
              date_start::VARCHAR AS date, summary AS sentence FROM events
       WHERE review = $1 AND starts_with(origin, $2)
       UNION ALL
       SELECT 'claim' AS kind, id, origin, review, status AS code, claimant AS actors, about_actors AS others,
              date_start::VARCHAR AS date, statement AS sentence FROM claims
       WHERE review = $1 AND starts_with(origin, $2)
     ) ORDER BY origin, kind DESC, id`,
    [state, origin],
  );
  return z.array(ItemRow).parse(rows);
}

export interface ReviewDecision {
  readonly state: 'accepted' | 'rejected';
  readonly events: number;
  readonly claims: number;
  /** Ids given that name no article event or claim. */
  readonly unknown: readonly string[];
}

/** Sets the review state of the given event and claim ids (article origins only), in one transaction. */
export async function decideReview(store: Store, ids: readonly string[], state: 'accepted' | 'rejected'): Promise<ReviewDecision> {
  return store.transaction(async (tx) => {
    let events = 0;
    let claims = 0;
    const unknown: string[] = [];
    for (const id of new Set(ids)) {
      const e = z.array(z.object({ n: z.coerce.number() })).parse(await tx.all(`SELECT count(*) AS n FROM events WHERE id = $1 AND starts_with(origin, $2)`, [id, ARTICLE]))[0].n;
      const c = z.array(z.object({ n: z.coerce.number() })).parse(await tx.all(`SELECT count(*) AS n FROM claims WHERE id = $1 AND starts_with(origin, $2)`, [id, ARTICLE]))[0].n;
      if (e + c === 0) {
        unknown.push(id);
        continue;
      }
      if (e) await tx.run(`UPDATE events SET review = $1 WHERE id = $2 AND starts_with(origin, $3)`, [state, id, ARTICLE]);
      if (c) await tx.run(`UPDATE claims SET review = $1 WHERE id = $2 AND starts_with(origin, $3)`, [state, id, ARTICLE]);
      events += e;
      claims += c;
    }
    return { state, events, claims, unknown };
  });
}

/** Sets the review state of every pending event and claim of one article origin. */
export async function decideOrigin(store: Store, origin: string, state: 'accepted' | 'rejected'): Promise<ReviewDecision> {
  return store.transaction(async (tx) => {
    const count = async (table: 'events' | 'claims') => z.array(z.object({ n: z.coerce.number() })).parse(
      await tx.all(`SELECT count(*) AS n FROM ${table} WHERE origin = $1 AND review = 'pending'`, [origin]),
    )[0].n;
    const events = await count('events');
    const claims = await count('claims');
    await tx.run(`UPDATE events SET review = $1 WHERE origin = $2 AND review = 'pending'`, [state, origin]);
    await tx.run(`UPDATE claims SET review = $1 WHERE origin = $2 AND review = 'pending'`, [state, origin]);
    return { state, events, claims, unknown: [] };
  });
}

export interface RetractResult {
  readonly origin: string;
  /** Rows removed per table. */
  readonly removed: Record<'sources' | 'actors' | 'events' | 'claims' | 'loads', number>;
  /** Actors and sources the article had added that other records still use: kept, handed to the first user. */
  readonly kept: { readonly actors: readonly string[]; readonly sources: readonly string[] };
}

/**
 * Removes everything one ingest added (its origin's sources, actors, events, claims, claim keys and load records) in
 * one transaction. Actors and sources of the article that records of other origins still reference are kept and
 * handed to the first such origin, so that nothing else loses what it cites.
 */
export async function retractOrigin(store: Store, origin: string): Promise<RetractResult> {
  if (!origin.startsWith(ARTICLE)) throw new UserError('review', `only ingested articles can be retracted, not "${origin}"`, { field: 'source' });
  return store.transaction(async (tx) => {
    const Heir = z.array(z.object({ id: z.string(), heir: z.string() }));
    const actorHeirs = Heir.parse(await tx.all(
      `SELECT a.id, min(r.origin) AS heir FROM actors a JOIN (
         SELECT origin, unnest(list_concat(source_actors, target_actors, third_actors)) AS ref FROM events WHERE origin <> $1
         UNION ALL SELECT origin, unnest(list_concat(claimant, about_actors, denied_by, confirmed_by)) AS ref FROM claims WHERE origin <> $1
         UNION ALL SELECT origin, from_actor AS ref FROM relations WHERE origin <> $1
         UNION ALL SELECT origin, to_actor AS ref FROM relations WHERE origin <> $1
       ) r ON r.ref = a.id WHERE a.origin = $1 GROUP BY a.id ORDER BY a.id`,
      [origin],
    ));
    const sourceHeirs = Heir.parse(await tx.all(
      `SELECT s.id, min(r.origin) AS heir FROM sources s JOIN (
         SELECT origin, unnest(sources) AS ref FROM events WHERE origin <> $1
         UNION ALL SELECT origin, unnest(sources) AS ref FROM claims WHERE origin <> $1
         UNION ALL SELECT origin, unnest(sources) AS ref FROM actors WHERE origin <> $1
       ) r ON r.ref = s.id WHERE s.origin = $1 GROUP BY s.id ORDER BY s.id`,
      [origin],
    ));
    for (const h of actorHeirs) await tx.run('UPDATE actors SET origin = $1 WHERE id = $2 AND origin = $3', [h.heir, h.id, origin]);
    for (const h of sourceHeirs) await tx.run('UPDATE sources SET origin = $1 WHERE id = $2 AND origin = $3', [h.heir, h.id, origin]);
    const removed = { sources: 0, actors: 0, events: 0, claims: 0, loads: 0 };
    for (const table of ['sources', 'actors', 'events', 'claims', 'loads'] as const) {
      removed[table] = z.array(z.object({ n: z.coerce.number() })).parse(await tx.all(`SELECT count(*) AS n FROM ${table} WHERE origin = $1`, [origin]))[0].n;
      await tx.run(`DELETE FROM ${table} WHERE origin = $1`, [origin]);
    }
    await tx.run('DELETE FROM article_claim_keys WHERE origin = $1', [origin]);
    await tx.run(`DELETE FROM documents WHERE origin = $1`, [origin]);
    return { origin, removed, kept: { actors: actorHeirs.map((h) => h.id), sources: sourceHeirs.map((h) => h.id) } };
  });
}
