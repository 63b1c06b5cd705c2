import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { SHARED_DIR, SKIP_NO_SHARED, tempDir } from '../helpers/paths.js';

interface Kb {
  sources: Array<{ id: string; url: string | null; accessed: string | null; citedIn?: { source: string; marker: string } }>;
  actors: Array<{ id: string; kind: string }>;
  events: Array<{ id: string; sources: string[]; date: unknown }>;
  claims: Array<{ id: string; status: string; sources: string[]; contradicts: string[] }>;
  relations: Array<{ id: string; sources: string[] }>;
  formats: unknown[];
  corridors: unknown[];
  theses: unknown[];
}

describe('the built-in South Caucasus region', () => {
  const db = join(tempDir(), 'kb.duckdb');
  let kb: Kb;
  let start: { code: number; stdout: string; stderr: string };
  before(async () => {
    start = await runMain(['start'], { db });
    kb = JSON.parse((await runMain(['export', '--json'], { db })).stdout);
  });

  it('npm start loads it and prints the summary: region, actors, latest events with citations, contested claims', () => {
    assert.equal(start.code, 0, start.stderr);
    assert.match(start.stdout, /SOUTH CAUCASUS — regional summary/);
    assert.match(start.stdout, /Actors \(\d+\)/);
    // The first event, wrapped over several lines, ends with its numbered citations.
    assert.match(start.stdout, /Latest events \(\d+ of \d+(?:; \d+ undated)?\)\n {2}\d{4}-\d{2}-\d{2}[^\n]*(?:\n {6}[^\n]*)*\[\d+\]/);
    assert.match(start.stdout, /Contested claims \([1-9]\d* of \d+\)/);
    assert.match(start.stdout, /Sources\n {2}\[1\] [^\n]*(?:\n {6}[^\n]*)*https?:\/\//);
  });

  it('meets the curated counts of the 2020–2025 record: ≥250 events, 40 claims (2 contested), 40 relations, 110 sources, 3 formats, 2 corridors, 6 theses', () => {
    assert.ok(kb.actors.length >= 30, `actors ${kb.actors.length}`);
    assert.ok(kb.events.length >= 250, `events ${kb.events.length}`);
    assert.ok(kb.claims.length >= 40, `claims ${kb.claims.length}`);
    assert.ok(kb.claims.filter((c) => c.status === 'denied' || c.status === 'disputed').length >= 2);
    assert.ok(kb.relations.length >= 40, `relations ${kb.relations.length}`);
    assert.ok(kb.sources.length >= 110, `sources ${kb.sources.length}`);
    assert.ok(kb.formats.length >= 3, `formats ${kb.formats.length}`);
    assert.ok(kb.corridors.length >= 2, `corridors ${kb.corridors.length}`);
    assert.ok(kb.theses.length >= 6, `theses ${kb.theses.length}`);
  });

  it('every event, claim and relation cites a source with a URL', () => {
    const byId = new Map(kb.sources.map((s) => [s.id, s]));
    for (const x of [...kb.events, ...kb.claims, ...kb.relations]) {
      assert.ok(x.sources.length > 0, `${x.id} has no source`);
      assert.ok(
        x.sources.some((id) => byId.get(id)?.url || byId.get(id)?.citedIn),
        `${x.id} cites no source with a URL or footnote`,
      );
    }
  });

  it('records the disagreement over the date of the Abu Dhabi meeting as contradicting claims', () => {
    const contradicting = kb.claims.filter((c) => c.contradicts.length > 0);
    assert.ok(contradicting.length >= 2, 'at least two claims contradict each other');
  });

  it('has the paper’s URL-bearing footnotes as sources with their access dates', { skip: SKIP_NO_SHARED }, () => {
    const paper = readFileSync(join(SHARED_DIR, 'corpus', 'south-caucasus-2025.txt'), 'utf8');
    const notes = [...paper.matchAll(/^\[([0-9ivx]+)\][^\n]*?(https?:\/\/\S+?),\s*\(Access Date: (\d\d)\.(\d\d)\.(\d{4})\)/gm)];
    assert.equal(notes.length, 10);
    for (const [, marker, url, d, m, y] of notes) {
      const s = kb.sources.find((x) => x.url === url);
      assert.ok(s, `footnote ${marker} (${url}) is a source`);
      assert.equal(s.accessed, `${y}-${m}-${d}`, `access date of footnote ${marker}`);
      assert.equal(s.citedIn?.marker, marker);
    }
  });
});
