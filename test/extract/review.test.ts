// Review before it counts: `faultline ingest` stores extracted records as pending; `review`, `retract` and the API
// decide or remove them; a second article's claims merge only with true duplicates (issue 20 item 3).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { tempDir } from '../helpers/paths.js';
import { openStore } from '../../src/store/duckdb-store.js';
import { listActors, listClaims, listEvents } from '../../src/store/queries.js';
import { createApp } from '../../src/server/index.js';

/** Rows read back from the database file (the list commands are another module's). */
async function read<T>(db: string, fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const ARTICLE_A = 'On 4 March 2024, Kenya and Ethiopia signed a border agreement in Nairobi. Two days later, Somalia accused Ethiopia of violating its airspace.\n';
const ARTICLE_B = 'On 9 April 2024, Tanzania condemned Uganda over the arrests of its traders.\n';

function write(dir: string, name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

async function ingest(db: string, file: string) {
  const r = await runMain(['ingest', file, '--no-kb', '--published', '2024-06-01', '--json'], { db });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { origin: string; written: Record<string, number>; merged: Record<string, number>; mergedWith: Array<{ kind: string; extracted: string; stored: string; by: string }> };
}

describe('faultline review and faultline retract', () => {
  it('lists pending records with their sentence, accepts and rejects by id and by article', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.duckdb');
    const a = await ingest(db, write(dir, 'a.txt', ARTICLE_A));
    const b = await ingest(db, write(dir, 'b.txt', ARTICLE_B));
    assert.ok(a.written.events >= 2 && b.written.events >= 1);

    const list = await runMain(['review', '--json'], { db });
    assert.equal(list.code, 0, list.stderr);
    const items = JSON.parse(list.stdout) as Array<{ kind: string; id: string; origin: string; sentence: string; review: string }>;
    assert.ok(items.every((i) => i.review === 'pending'));
    const signed = items.find((i) => i.kind === 'event' && /signed a border agreement/.test(i.sentence));
    assert.ok(signed, 'each item carries the sentence it was read from');

    const onlyB = JSON.parse((await runMain(['review', '--source', b.origin.slice(8, 20), '--json'], { db })).stdout) as Array<{ origin: string }>;
    assert.ok(onlyB.length >= 1 && onlyB.every((i) => i.origin === b.origin), '--source takes 12 hex digits of the hash');

    const accept = await runMain(['review', 'accept', signed.id, '--json'], { db });
    assert.equal(accept.code, 0, accept.stderr);
    assert.deepEqual(JSON.parse(accept.stdout), { state: 'accepted', events: 1, claims: 0, unknown: [] });
    const rejectAll = JSON.parse((await runMain(['review', 'reject', '--source', b.origin, '--json'], { db })).stdout);
    assert.equal(rejectAll.events, b.written.events);

    const events = await read(db, listEvents) as Array<{ id: string; review: string; origin: { dataset: string } }>;
    assert.equal(events.find((e) => e.id === signed.id)?.review, 'accepted');
    assert.ok(events.filter((e) => e.origin.dataset === b.origin).every((e) => e.review === 'rejected'));
    const left = JSON.parse((await runMain(['review', '--json'], { db })).stdout) as Array<{ id: string }>;
    assert.ok(!left.some((i) => i.id === signed.id), 'decided records leave the pending list');

    const unknown = await runMain(['review', 'accept', 'no-such-id'], { db });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no-such-id/);
    const bad = await runMain(['review', 'approve', signed.id], { db });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not accept or reject/);
  });

  it('retracts everything one ingest added, keeps what another article still uses, and allows a fresh ingest', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.duckdb');
    const a = await ingest(db, write(dir, 'a.txt', ARTICLE_A));
    // a second article that names the same dictionary person reuses the actor row the first one added
    const b = await ingest(db, write(dir, 'b.txt', `${ARTICLE_B}Kenya and Ethiopia met again in Addis Ababa on 10 April 2024.\n`));
    const before = await read(db, listEvents) as Array<{ origin: { dataset: string } }>;
    const r = await runMain(['retract', a.origin, '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
    const res = JSON.parse(r.stdout) as { removed: Record<string, number>; kept: { actors: string[] } };
    assert.equal(res.removed.events, a.written.events);
    const after = await read(db, listEvents) as Array<{ origin: { dataset: string }; source: string[]; target: string[] }>;
    assert.equal(after.filter((e) => e.origin.dataset === a.origin).length, 0);
    assert.equal(after.length, before.length - a.written.events, 'only the retracted article lost rows');
    const actors = new Set((await read(db, listActors) as Array<{ id: string }>).map((x) => x.id));
    for (const e of after) for (const id of [...e.source, ...e.target]) assert.ok(actors.has(id), `actor ${id} of a remaining event survives the retraction`);
    assert.match((await runMain(['review', '--json'], { db })).stdout, new RegExp(b.origin));
    const again = await ingest(db, write(dir, 'a.txt', ARTICLE_A));
    assert.equal(again.written.events, a.written.events, 'after a retraction the same article ingests afresh');
    const missing = await runMain(['retract', 'article:0000000000000000'], { db });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no ingested article matches/);
  });
});

describe('issue 20 item 3: ingested claims merge only with true duplicates', () => {
  it('stores a second claim by the same claimant about the same countries, and merges only the same sentence', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.duckdb');
    const first = 'Ukrainian intelligence claimed that Russia deployed new troops to Armenia in July 2025.\n';
    const other = 'Ukrainian intelligence claimed that Russia shelled villages in Armenia in August 2025.\n';
    const a = await ingest(db, write(dir, 'a.txt', first));
    assert.equal(a.written.claims, 1);
    const b = await ingest(db, write(dir, 'b.txt', other));
    assert.equal(b.written.claims, 1, 'a different statement is a different claim, though claimant and subjects agree');
    assert.equal(b.merged.claims, 0);
    // the same sentence in another version of the article: a true duplicate, merged and reported
    const c = await ingest(db, write(dir, 'c.txt', `${first}Markets were calm.\n`));
    assert.equal(c.written.claims, 0);
    assert.equal(c.merged.claims, 1);
    const m = c.mergedWith.find((x) => x.kind === 'claim');
    assert.ok(m, 'the report says what merged with what');
    assert.match(m.stored, new RegExp(`^article:${a.origin.slice(8, 20)}:claim-1$`));
    assert.match(m.by, /same sentence/);
    const claims = await read(db, listClaims) as Array<{ statement: string }>;
    assert.equal(claims.length, 2);
  });
});

describe('GET and POST /api/review, POST /api/retract', () => {
  it('lists, decides and retracts through the same functions as the CLI', async () => {
    const dir = tempDir();
    const db = join(dir, 'api.duckdb');
    const a = await ingest(db, write(dir, 'a.txt', ARTICLE_A));
    const store = await openStore(db);
    try {
      const app = createApp({ store });
      const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const list = await app.request(`/api/review?source=${a.origin}`);
      assert.equal(list.status, 200);
      const { items } = (await list.json()) as { items: Array<{ id: string; kind: string }> };
      assert.ok(items.length >= 2);
      const ev = items.find((i) => i.kind === 'event')!;
      const decided = await app.request('/api/review', json({ action: 'reject', ids: [ev.id] }));
      assert.equal(decided.status, 200);
      assert.deepEqual(await decided.json(), { state: 'rejected', events: 1, claims: 0, unknown: [] });
      assert.equal((await app.request('/api/review', json({ action: 'accept' }))).status, 400, 'ids or source is required');
      assert.equal((await app.request('/api/review?source=zz')).status, 400);
      assert.equal((await app.request('/api/review?source=article:00000000')).status, 404);
      const gone = await app.request('/api/retract', json({ source: a.origin }));
      assert.equal(gone.status, 200);
      const after = (await (await app.request('/api/review')).json()) as { items: unknown[] };
      assert.equal(after.items.length, 0);
    } finally {
      store.close();
    }
  });
});
