import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

const MINI = join(REPO_ROOT, 'test', 'fixtures', 'regions', 'mini');

/** A copy of the mini region with `edit` applied to one file. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = join(tempDir(), 'region');
  cpSync(MINI, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('faultline validate DIR', () => {
  it('accepts a well-formed region and prints its counts', async () => {
    const r = await runMain(['validate', MINI]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /valid \(.*3 actors.*2 events/);
  });

  it('names file, line and field for an unknown actor id, an impossible date and an event without source', async () => {
    const dir = brokenCopy('events.yaml', (t) =>
      t.replace('target: [AZE]', 'target: [ZZZ-nobody]').replace('date: 2025-03-03', 'date: 2025-02-30').replace('  sources: [mini-paper]\n', ''),
    );
    const text = readFileSync(join(dir, 'events.yaml'), 'utf8');
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    const file = join(dir, 'events.yaml');
    const expectLine = (needle: string, field: RegExp) => {
      const line = lineOf(text, needle);
      assert.ok(
        lines.some((l) => l.includes(`events.yaml:${line}: `) && field.test(l)),
        `expected an issue at events.yaml:${line} matching ${field}; got:\n${r.stderr}`,
      );
    };
    assert.ok(lines.every((l) => l.startsWith(file) || l.startsWith('validate:')), r.stderr);
    expectLine('ZZZ-nobody', /events\[0\]\.target\[0\]: unknown actor id "ZZZ-nobody"/);
    expectLine('2025-02-30', /events\[0\]\.date: .*not a real calendar date/);
    expectLine('- id: clash-1', /events\[1\]\.sources: /);
  });

  it('reports a claim that cites an unknown event', async () => {
    const dir = brokenCopy('claims.yaml', (t) => t.replace('events: [talks-1]', 'events: [no-such-event]'));
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /claims\.yaml:\d+: claims\[0\]\.about\.events\[0\]: unknown event id "no-such-event"/);
  });

  it('load of a broken directory writes nothing', async () => {
    const dir = brokenCopy('actors.yaml', (t) => t.replace('kind: person', 'kind: wizard'));
    const db = join(tempDir(), 'kb.duckdb');
    const r = await runMain(['load', dir], { db });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /actors\.yaml:\d+: actors\[2\]\.kind: /);
    assert.equal(existsSync(db), false, 'no database file may be created');
  });
});

describe('faultline load DIR', () => {
  it('loading the same directory twice leaves identical counts', async () => {
    const db = join(tempDir(), 'kb.duckdb');
    const first = await runMain(['load', MINI], { db });
    assert.equal(first.code, 0, first.stderr);
    const a = JSON.parse((await runMain(['export', '--json'], { db })).stdout);
    const second = await runMain(['load', MINI], { db });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /unchanged/);
    const b = JSON.parse((await runMain(['export', '--json'], { db })).stdout);
    assert.deepEqual(b, a);
    assert.equal(a.events.length, 2);
  });

  it('a changed directory replaces its earlier load instead of adding to it', async () => {
    const db = join(tempDir(), 'kb.duckdb');
    assert.equal((await runMain(['load', MINI], { db })).code, 0);
    const dir = brokenCopy('events.yaml', (t) => t.replace('Troops exchanged fire on the border.', 'Border troops fired at each other.'));
    assert.equal((await runMain(['load', dir], { db })).code, 0);
    const kb = JSON.parse((await runMain(['export', '--json'], { db })).stdout);
    assert.equal(kb.events.length, 2);
    assert.equal(kb.events.find((e: { id: string }) => e.id === 'clash-1').summary, 'Border troops fired at each other.');
  });

  it('derives quad class, Goldstein and PLOVER from the CAMEO codebook and filters by actor and date', async () => {
    const db = join(tempDir(), 'kb.duckdb');
    assert.equal((await runMain(['load', MINI], { db })).code, 0);
    const events = JSON.parse((await runMain(['events', '--json', '--actor', 'AZE', '--from', '2025'], { db })).stdout);
    assert.equal(events.length, 1);
    assert.equal(events[0].id, 'talks-1');
    assert.equal(events[0].quad, 1);
    assert.equal(events[0].sources.join(','), 'mini-paper,mini-fn1');
    const clash = JSON.parse((await runMain(['events', '--json', '--to', '2024-12'], { db })).stdout);
    assert.deepEqual(clash.map((e: { id: string }) => e.id), ['clash-1']);
    assert.equal(clash[0].quad, 4);
    assert.equal(clash[0].goldstein, -10);
    const bad = await runMain(['events', '--from', '2025-13'], { db });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--from: "2025-13" is not a date/);
  });
});

describe('a collection split into fragment files (events/*.yaml)', () => {
  const fragment = (id: string) => `- id: ${id}\n  date: 2025-04-01\n  cameo: "036"\n  source: [ARM]\n  target: [AZE]\n  summary: A further meeting was agreed.\n  sources: [mini-paper]\n`;

  it('reads events.yaml and every events/*.yaml together', async () => {
    const dir = join(tempDir(), 'region');
    cpSync(MINI, dir, { recursive: true });
    mkdirSync(join(dir, 'events'));
    writeFileSync(join(dir, 'events', '2025.yaml'), fragment('talks-2'));
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /3 events/);
  });

  it('reports an id used in two files, naming the first one', async () => {
    const dir = join(tempDir(), 'region');
    cpSync(MINI, dir, { recursive: true });
    mkdirSync(join(dir, 'events'));
    writeFileSync(join(dir, 'events', '2025.yaml'), fragment('talks-1'));
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /events\/2025\.yaml:1: events\[0\]\.id: duplicate id "talks-1" \(first at .*events\.yaml:1\)/);
  });
});
