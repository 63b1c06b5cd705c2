import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore, countRows, loadKnowledgeBase, listEvents } from '../../src/store/index.js';
import { readRegionDir } from '../../src/ingest/curated/index.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

const MINI = join(REPO_ROOT, 'test', 'fixtures', 'regions', 'mini');

describe('openStore(path)', () => {
  it('creates the file with the schema and reopens it with data intact', async () => {
    const path = join(tempDir(), 'nested', 'db.duckdb');
    const r = readRegionDir(MINI);
    assert.ok(r.ok);
    const a = await openStore(path);
    await loadKnowledgeBase(a, r.kb, r.hash);
    a.close();
    const b = await openStore(path);
    assert.equal((await countRows(b)).events, 2);
    const [{ v }] = await b.all<{ v: number }>('SELECT max(version)::INTEGER AS v FROM schema_migrations');
    assert.ok(v >= 1);
    b.close();
  });

  it('transaction() writes nothing when its body fails', async () => {
    const store = await openStore(':memory:');
    const r = readRegionDir(MINI);
    assert.ok(r.ok);
    await assert.rejects(
      store.transaction(async (tx) => {
        await loadKnowledgeBase(tx, r.kb, r.hash);
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(Object.values(await countRows(store)), [0, 0, 0, 0, 0, 0]);
    store.close();
  });

  it('maps an actor to its countries and its role code on the event date', async () => {
    const store = await openStore(':memory:');
    const r = readRegionDir(MINI);
    assert.ok(r.ok);
    const kb = { ...r.kb, events: [{ ...r.kb.events[0], id: 'leader-visit' as never, source: ['leader-a'] as never }] };
    await loadKnowledgeBase(store, kb, 'x');
    const [row] = await store.all<{ source_code: string; source_countries: string[] }>("SELECT source_code, source_countries FROM events WHERE id = 'leader-visit'");
    assert.equal(row.source_code, 'ARMGOV');
    assert.deepEqual(row.source_countries, ['ARM']);
    assert.equal((await listEvents(store, { actor: 'ARM' })).length, 1);
    store.close();
  });
});

describe('migrate(store, migrations)', () => {
  it('applies a lower-numbered migration that lands after a higher one, once', async () => {
    const { migrate } = await import('../../src/store/index.js');
    const store = await openStore(':memory:');
    const late = { version: 5, name: 'late', sql: 'CREATE TABLE late_table (x INTEGER)' };
    const high = { version: 99, name: 'high', sql: 'CREATE TABLE high_table (x INTEGER)' };
    assert.equal(await migrate(store, [high]), 1);
    assert.equal(await migrate(store, [late, high]), 1);
    assert.equal(await migrate(store, [late, high]), 0);
    const tables = (await store.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE '%_table'")).map((r) => r.name).sort();
    assert.deepEqual(tables, ['high_table', 'late_table']);
    store.close();
  });
});
