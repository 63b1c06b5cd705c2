import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { Extraction } from '../../src/extract/index.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'extract');
const oneLineError = (stderr: string) => stderr.trim().split('\n').filter((l) => !/^npm warn/.test(l));

describe('faultline extract FILE --json', () => {
  it('prints exactly one JSON object in the contract form on stdout', () => {
    const r = runCli(['extract', join(FIXTURES, 'border-md', 'input.md'), '--json', '--published', '2025-02-03', '--no-kb']);
    assert.equal(r.code, 0, r.stderr);
    const x = Extraction.parse(JSON.parse(r.stdout));
    assert.equal(x.document.published, '2025-02-03');
    assert.equal(x.references.length, 3);
    assert.ok(x.events.some((e) => e.source.some((c) => c.startsWith('LTU')) && e.target.some((c) => c.startsWith('BLR')) && e.quad === 4));
  });

  it('refuses an empty file, a binary file and a malformed date with one line and exit 2', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03, 0xff, 0x00]));
    for (const [args, words] of [[[empty], /empty/], [[binary], /not a text file/], [[empty, '--published', '2025-13-01'], /--published/]] as const) {
      const r = runCli(['extract', ...args, '--json']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      const lines = oneLineError(r.stderr);
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], words);
    }
  });

  it('refuses a 50 MB file by its size before reading it, and honours a lower --max-bytes', () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const r = runCli(['extract', big, '--json']);
    assert.equal(r.code, 2);
    assert.match(oneLineError(r.stderr)[0], /larger than the limit/);
    const r2 = runCli(['extract', join(FIXTURES, 'water-txt', 'input.txt'), '--json', '--max-bytes', '100']);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /larger than the limit of 100 bytes/);
  });

  it('reads HTML with scripts without running or keeping them', () => {
    const dir = tempDir();
    const page = join(dir, 'page.html');
    writeFileSync(page, '<html><head><script>while(true){}</script></head><body><p>France condemned Iran over the arrests.</p><script>alert("Germany attacked Spain")</script></body></html>');
    const r = runCli(['extract', page, '--json', '--published', '2024-05-01', '--no-kb']);
    assert.equal(r.code, 0, r.stderr);
    const x = Extraction.parse(JSON.parse(r.stdout));
    assert.deepEqual(x.actors.map((a) => a.code).sort(), ['FRA', 'IRN']);
    assert.equal(x.events.length, 1);
    assert.equal(x.events[0].quad, 3);
  });
});

describe('faultline ingest FILE', () => {
  it('loads the article as a source with its events, and a second ingest changes nothing', () => {
    const db = join(tempDir(), 'x.duckdb');
    const file = join(FIXTURES, 'sahel-list', 'input.txt');
    const first = runCli(['ingest', file, '--no-kb', '--published', '2023-09-01'], { db });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /wrote \d+ sources, \d+ actors, [1-9]\d* events/);
    const events1 = runCli(['events', '--json'], { db });
    const again = runCli(['ingest', file, '--no-kb', '--published', '2023-09-01'], { db });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /unchanged/);
    const events2 = runCli(['events', '--json'], { db });
    assert.equal(events2.stdout, events1.stdout);
    const list = JSON.parse(events1.stdout) as Array<{ origin: { dataset: string } }>;
    assert.ok(list.filter((e) => e.origin.dataset.startsWith('article:')).length >= 3);
  });

  it('merges actors with the knowledge base already in the store instead of duplicating them', () => {
    const db = join(tempDir(), 'kb.duckdb');
    const start = runCli(['start'], { db });
    if (start.code !== 0) return; // the built-in region is being edited by others; nothing to merge into
    const before = JSON.parse(runCli(['actors', '--json'], { db }).stdout) as Array<{ id: string; code: string | null }>;
    const r = runCli(['ingest', join(FIXTURES, 'caspian-roman', 'input.txt')], { db });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /merged with existing \d+ sources, [1-9]\d* actors/);
    const after = JSON.parse(runCli(['actors', '--json'], { db }).stdout) as Array<{ id: string; code: string | null }>;
    assert.equal(new Set(after.map((a) => a.id)).size, after.length, 'actor ids stay unique');
    assert.equal(after.filter((a) => a.code === 'ARM').length, before.filter((a) => a.code === 'ARM').length, 'Armenia is not added twice');
  });
});
