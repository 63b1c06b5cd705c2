// faultline load of two regions on one store: records belong to the region that loaded them; shared actors are merged explicitly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { openStore, writeKnowledgeBase } from '../../src/store/index.js';
import type { Actor } from '../../src/model/index.js';

const MINI = join(REPO_ROOT, 'test', 'fixtures', 'regions', 'mini');

/** Region A: the mini region with two aliases for ARM (optionally marked shared). */
function regionA(root: string, shared: boolean): string {
  const dir = join(root, 'a');
  cpSync(MINI, dir, { recursive: true });
  const actors = join(dir, 'actors.yaml');
  writeFileSync(actors, readFileSync(actors, 'utf8').replace('  name: Armenia\n', `  name: Armenia\n  aliases: [Hayastan, Republic of Armenia]\n${shared ? '  shared: true\n' : ''}`));
  return dir;
}

/** Region B: its own region and actor, and an ARM of its own (optionally marked shared). */
function regionB(root: string, shared: boolean): string {
  const dir = join(root, 'b');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'region.yaml'), 'id: other\nname: Other Region\ndescription: A second region reusing the id ARM.\ncountries: [ARM]\n');
  writeFileSync(join(dir, 'actors.yaml'), `- id: other-party\n  kind: party\n  name: Other Party\n  country: ARM\n- id: ARM\n  kind: state\n  name: Armenia\n  aliases: [Armenien]\n  country: ARM\n  code: ARM\n${shared ? '  shared: true\n' : ''}`);
  return dir;
}

async function armRow(db: string): Promise<{ origin: string; aliases: string[] }> {
  const store = await openStore(db);
  try {
    const [row] = await store.all<{ origin: string; aliases: string[] }>(`SELECT origin, aliases FROM actors WHERE id = 'ARM'`);
    return row;
  } finally {
    store.close();
  }
}

describe('faultline load (two regions on one store)', () => {
  it('issue 20 item 2: a second region reusing an actor id is refused with an error naming both files', async () => {
    const root = tempDir();
    const db = join(root, 'store.duckdb');
    const a = regionA(root, false);
    const b = regionB(root, false);
    assert.equal((await runMain(['load', a], { db })).code, 0);
    const r = await runMain(['load', b], { db });
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^load: ${b}/actors\\.yaml:5: actors: id "ARM" is already loaded by curated:mini \\(${a}/actors\\.yaml:1\\); mark the actor \`shared: true\` in both files`, 'm'));
    assert.doesNotMatch(r.stderr, /internal error/);
    // Region A keeps its ARM, aliases and all, and nothing of B was written.
    assert.deepEqual(await armRow(db), { origin: 'curated:mini', aliases: ['Hayastan', 'Republic of Armenia'] });
    const store = await openStore(db);
    const [{ n }] = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM actors WHERE origin = 'curated:other'`);
    store.close();
    assert.equal(n, 0);
  });

  it('issue 20 item 2: an actor both regions mark shared is one record with their aliases united; reloading the first is not "unchanged"', async () => {
    const root = tempDir();
    const db = join(root, 'store.duckdb');
    const a = regionA(root, true);
    const b = regionB(root, true);
    assert.equal((await runMain(['load', a], { db })).code, 0);
    const loadB = await runMain(['load', b], { db });
    assert.equal(loadB.code, 0, loadB.stderr);
    assert.deepEqual(new Set((await armRow(db)).aliases), new Set(['Hayastan', 'Republic of Armenia', 'Armenien']));

    // A's ARM row was changed by B's load, so reloading A reads and writes it again; the merge survives.
    const again = await runMain(['load', a], { db });
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stdout, /unchanged/);
    assert.deepEqual(new Set((await armRow(db)).aliases), new Set(['Hayastan', 'Republic of Armenia', 'Armenien']));
    assert.match((await runMain(['load', a], { db })).stdout, /unchanged/);

    // Removing ARM from B leaves A's ARM as A curated it.
    writeFileSync(join(b, 'actors.yaml'), '- id: other-party\n  kind: party\n  name: Other Party\n  country: ARM\n');
    assert.equal((await runMain(['load', b], { db })).code, 0);
    assert.deepEqual(await armRow(db), { origin: 'curated:mini', aliases: ['Hayastan', 'Republic of Armenia'] });
  });

  it('issue 20 item 2: reloading a region whose rows another writer replaced is not reported unchanged', async () => {
    const root = tempDir();
    const db = join(root, 'store.duckdb');
    const a = regionA(root, false);
    assert.equal((await runMain(['load', a], { db })).code, 0);
    const store = await openStore(db);
    const impostor = { id: 'ARM', kind: 'state', name: 'Armenia', aliases: [], country: 'ARM', code: 'ARM', roles: [], sources: [] } as unknown as Actor;
    await store.transaction((tx) => writeKnowledgeBase(tx, { actors: [impostor] }, 'article:0000'));
    store.close();
    const r = await runMain(['load', a], { db });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /unchanged/);
    assert.deepEqual(await armRow(db), { origin: 'curated:mini', aliases: ['Hayastan', 'Republic of Armenia'] });
  });
});
