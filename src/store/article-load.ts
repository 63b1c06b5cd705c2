// The store side of `faultline ingest FILE`: the last load of an article's origin, its claim keys (sentence hashes)
// and the record of the load. The extractor's loader (src/extract/load-article.ts) decides what to write.
import { z } from 'zod';
import type { Store } from './store.js';

/** The content hash of the last load of `origin`, or null when it was never loaded (or was retracted). */
export async function lastLoadHash(store: Store, origin: string): Promise<string | null> {
  const rows = z.array(z.object({ hash: z.string() })).parse(
    await store.all('SELECT hash FROM loads WHERE origin = $1 ORDER BY loaded_at DESC LIMIT 1', [origin]),
  );
  return rows[0]?.hash ?? null;
}

/** Sentence hashes of stored article claims outside `origin`, by claim id. */
export async function claimSentenceHashes(store: Store, excludeOrigin: string): Promise<Map<string, string>> {
  const rows = z.array(z.object({ claim_id: z.string(), sentence_hash: z.string() })).parse(
    await store.all('SELECT claim_id, sentence_hash FROM article_claim_keys WHERE origin <> $1', [excludeOrigin]),
  );
  return new Map(rows.map((r) => [r.claim_id, r.sentence_hash]));
}

/** Replaces the claim keys of `origin` with `keys`; call inside the load's transaction. */
export async function writeClaimKeys(tx: Store, origin: string, keys: ReadonlyArray<{ claimId: string; sentenceHash: string }>): Promise<void> {
  await tx.run('DELETE FROM article_claim_keys WHERE origin = $1', [origin]);
  for (const k of keys) await tx.run('INSERT INTO article_claim_keys VALUES ($1, $2, $3)', [k.claimId, origin, k.sentenceHash]);
}

/** Records a load of `origin` from `file` with content hash `hash` and what it wrote; call inside the transaction. */
export async function recordLoad(tx: Store, origin: string, file: string, hash: string, counts: unknown): Promise<void> {
  await tx.run('INSERT INTO loads VALUES ($1, $2, $3, now(), $4::JSON)', [origin, file, hash, JSON.stringify(counts)]);
}
