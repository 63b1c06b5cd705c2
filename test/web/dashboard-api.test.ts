// The dashboard's endpoints in process (createApp(...).request()): events behind a dyad bar, paged events in scope, the map, actor pages, scenario inputs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ACLED, GDELT, importFile } from '../../src/ingest/index.js';
import { createApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/store.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { regionStore } from '../server/fixture.js';

let store: Store;
let app: ReturnType<typeof createApp>;

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
};
const ok = async (path: string) => {
  const r = await get(path);
  assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
  return r.body;
};

before(async () => {
  store = await regionStore({ hostile: true });
  // ACLED rows between Armenia and Azerbaijan (2022, with coordinates), so that dataset rows are counted beside curated ones.
  await importFile(store, ACLED, join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'acled', 'events.csv'));
  // GDELT rows name the article they were coded from (SOURCEURL).
  await importFile(store, GDELT, join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'gdelt-v2-server', '20240201000000.export.CSV.zip'));
  app = createApp({ store, cacheEntries: 0 });
});
after(() => store.close());

describe('GET /api/evidence (the events behind a dyad bar)', () => {
  for (const [scope, by] of [
    ['', 'year'],
    ['&origin=curated', 'year'],
    ['&origin=acled,article', 'year'],
    ['&minConfidence=0.8', 'year'],
    ['&includeAlleged=true', 'year'],
    ['&region=world', 'year'],
    ['', 'quarter'],
  ] as const) {
    it(`lists exactly the events each bar counts, by ${by}${scope ? ` with ${scope.slice(1)}` : ''}`, async () => {
      const dyad = await ok(`/api/dyad?a=ARM&b=AZE&by=${by}${scope}`);
      assert.ok(dyad.series.some((p: { events: number }) => p.events > 0), 'the dyad has events');
      const knowledge: string[] = [];
      let total = 0;
      for (const p of dyad.series as { period: string; events: number; origins: Record<string, number> }[]) {
        if (p.events === 0 && by === 'quarter') continue;
        const e = await ok(`/api/evidence?a=ARM&b=AZE&by=${by}&period=${p.period}&limit=500${scope}`);
        assert.equal(e.evidence.events, p.events, `${p.period}: the bar counts ${p.events}, the evidence lists ${e.evidence.events}`);
        assert.equal(e.events.length, p.events, `${p.period}: every counted event is listed`);
        assert.deepEqual(e.evidence.origins, p.origins, `${p.period}: the same origins`);
        for (const ev of e.events) {
          assert.ok(ev.day >= e.from && ev.day <= e.to, `${ev.id} (${ev.day}) lies in ${p.period}`);
          const sides = [ev.sourceParties.includes('ARM') && ev.targetParties.includes('AZE'), ev.sourceParties.includes('AZE') && ev.targetParties.includes('ARM')];
          assert.ok(sides.some(Boolean), `${ev.id} is between Armenia and Azerbaijan`);
        }
        knowledge.push(...e.events.filter((x: { kind: string }) => x.kind === 'curated' || x.kind === 'article').map((x: { id: string }) => x.id));
        total += e.evidence.events;
      }
      assert.equal(total, dyad.evidence.events);
      // The series lists the ids of its curated and extracted events (up to 500): the same ones, in the same order.
      assert.ok(dyad.evidence.ids.length < 500);
      assert.deepEqual(knowledge, dyad.evidence.ids);
    });
  }

  it('holds dataset rows beside curated events in the bar that has both', async () => {
    const e = await ok('/api/evidence?a=ARM&b=AZE&by=year&period=2022&limit=500');
    assert.ok(e.evidence.origins.acled > 0 && e.evidence.origins.curated > 0, JSON.stringify(e.evidence.origins));
    const curated = e.events.filter((x: { kind: string }) => x.kind === 'curated');
    assert.ok(curated.every((x: { sources: string[] }) => x.sources.length > 0), 'every curated event cites a source');
  });

  it('pages: offset and limit cut the same list', async () => {
    const all = await ok('/api/evidence?a=ARM&b=AZE&by=year&period=2023&limit=500');
    const first = await ok('/api/evidence?a=ARM&b=AZE&by=year&period=2023&limit=5');
    const rest = await ok('/api/evidence?a=ARM&b=AZE&by=year&period=2023&limit=500&offset=5');
    assert.deepEqual([...first.events, ...rest.events].map((x: { id: string }) => x.id), all.events.map((x: { id: string }) => x.id));
    assert.equal(first.evidence.events, all.evidence.events);
  });

  it('answers 400 for a period label of another unit, and for a party outside the region', async () => {
    const wrong = await get('/api/evidence?a=ARM&b=AZE&by=quarter&period=2024');
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.message, /period/);
    const outside = await get('/api/evidence?a=ARM&b=BRA&by=year&period=2024');
    assert.equal(outside.status, 400);
    assert.match(outside.body.message, /BRA is not a party of region/);
  });
});

describe('GET /api/events/page (the timeline)', () => {
  it('counts every origin in scope and pages newest first through the same set', async () => {
    const one = await ok('/api/events/page?limit=500&from=2020&to=2025');
    const origins = one.evidence.origins as Record<string, number>;
    assert.equal(Object.values(origins).reduce((a, b) => a + b, 0), one.evidence.events);
    assert.ok(origins.curated > 0 && origins.acled > 0 && origins.article > 0, JSON.stringify(origins));
    assert.equal(one.events.length, Math.min(500, one.evidence.events));
    const days = one.events.map((e: { day: string }) => e.day);
    assert.deepEqual(days, [...days].sort().reverse(), 'newest first');
    const a = await ok('/api/events/page?limit=20&from=2020&to=2025');
    const b = await ok('/api/events/page?limit=20&offset=20&from=2020&to=2025');
    assert.deepEqual([...a.events, ...b.events].map((e: { id: string }) => e.id), one.events.slice(0, 40).map((e: { id: string }) => e.id));
    const hist = (one.histogram as { n: number }[]).reduce((s, x) => s + x.n, 0);
    assert.equal(hist, one.evidence.events, 'the histogram covers the whole set');
  });

  it('keeps to the region: a party of the scope on the source side and on the target side (or none)', async () => {
    const region = await ok('/api/events/page?limit=500');
    const world = await ok('/api/events/page?limit=500&region=world');
    const parties = new Set(region.scope.parties as string[]);
    for (const e of region.events) {
      assert.ok(e.sourceParties.some((p: string) => parties.has(p)), `${e.id}: source ${e.sourceParties}`);
      assert.ok(e.targetParties.length === 0 || e.targetParties.some((p: string) => parties.has(p)), `${e.id}: target ${e.targetParties}`);
    }
    assert.ok(world.evidence.events > region.evidence.events, 'the world holds events the region leaves out (Ukraine, the Baltic states)');
    assert.equal(world.scope.parties, null);
  });

  it('filters by quad class and CAMEO type, and the counts add up', async () => {
    const all = await ok('/api/events/page?limit=1&region=world');
    let sum = 0;
    for (const q of [1, 2, 3, 4]) {
      const r = await ok(`/api/events/page?limit=500&region=world&quad=${q}`);
      assert.ok(r.events.every((e: { quad: number }) => e.quad === q));
      sum += r.evidence.events;
    }
    assert.equal(sum, all.evidence.events);
    const fights = await ok('/api/events/page?limit=500&cameo=19,18');
    assert.ok(fights.evidence.events > 0);
    assert.ok(fights.events.every((e: { cameo: string }) => e.cameo.startsWith('19') || e.cameo.startsWith('18')));
    assert.equal((await get('/api/events/page?quad=5')).status, 400);
    assert.equal((await get('/api/events/page?cameo=1')).status, 400);
  });

  it('applies the scope: curated only, confidence, alleged events only when asked', async () => {
    const curated = await ok('/api/events/page?limit=1&origin=curated');
    assert.deepEqual(Object.keys(curated.evidence.origins), ['curated']);
    const sure = await ok('/api/events/page?limit=500&minConfidence=0.9');
    assert.ok(sure.events.every((e: { confidence: number }) => e.confidence >= 0.9));
    const strict = await ok('/api/events/page?limit=500&region=world');
    const loose = await ok('/api/events/page?limit=500&region=world&includeAlleged=true');
    assert.ok(strict.events.every((e: { status: string }) => e.status === 'reported'));
    assert.ok(loose.evidence.events > strict.evidence.events, 'the record holds alleged or denied events');
    assert.ok(loose.events.some((e: { status: string }) => e.status !== 'reported'));
  });

  it('gives a dataset row the article it was coded from as its source link', async () => {
    const g = await ok('/api/events/page?limit=500&region=world&origin=gdelt&minConfidence=0');
    assert.ok(g.evidence.events > 0 && Object.keys(g.evidence.origins).join() === 'gdelt');
    assert.ok(g.events.every((e: { url: string | null }) => e.url && /^https?:\/\//.test(e.url)), 'every GDELT row carries its SOURCEURL');
  });

  it("filters by actor: a person's own events; a state's events with its people and its dataset rows", async () => {
    const person = await ok('/api/events/page?limit=500&actor=nikol-pashinyan&region=world');
    assert.ok(person.evidence.events > 0);
    for (const e of person.events) assert.ok([...e.source, ...e.target, ...e.third].includes('nikol-pashinyan'), e.id);
    assert.equal(person.evidence.origins.acled ?? 0, 0, 'dataset rows name countries, not people');
    const state = await ok('/api/events/page?limit=500&actor=ARM&region=world');
    assert.ok(state.evidence.origins.acled > 0);
    assert.ok(state.evidence.events > person.evidence.events);
  });
});

describe('GET /api/map', () => {
  it('counts per country what the timeline lists for it, and places with coordinates', async () => {
    const m = await ok('/api/map');
    const arm = m.countries.find((c: { country: string }) => c.country === 'ARM');
    assert.equal(arm.involving, (await ok('/api/events/page?limit=1&party=ARM')).evidence.events);
    assert.equal(arm.located, (await ok('/api/events/page?limit=1&located=ARM')).evidence.events);
    assert.ok(arm.located > 0, 'ACLED rows are located');
    assert.ok(m.places.length > 0 && m.places.every((p: { lat: number; lon: number }) => p.lat > 38 && p.lat < 42 && p.lon > 43 && p.lon < 51), JSON.stringify(m.places));
    assert.equal(m.evidence.events, (await ok('/api/events/page?limit=1')).evidence.events);
  });
});

describe('GET /api/actor, /api/scenario, /api/cameo', () => {
  it("gives an actor's relations with their layers, its claims and its formats", async () => {
    const a = await ok('/api/actor?id=ARM');
    assert.equal(a.actor.name, 'Armenia');
    assert.equal(a.party, 'ARM');
    assert.ok(a.relations.length > 0 && a.claims.length > 0 && a.formats.length > 0);
    for (const r of a.relations) {
      assert.ok(r.from === 'ARM' || r.to === 'ARM');
      if (['economic-dependency', 'energy-dependency', 'security-dependency', 'basing', 'membership'].includes(r.type)) assert.equal(r.layer, 'dependency');
    }
    assert.ok(a.relations.some((r: { layer: string }) => r.layer === 'dependency'), 'Armenia depends on Russia for energy and security');
    assert.equal((await get('/api/actor?id=no-such-actor')).status, 404);
  });

  it("gives a scenario's inputs: the actors /api/scenarios lists, with capability, positions and saliences", async () => {
    const [s] = await ok('/api/scenarios');
    const x = await ok(`/api/scenario?name=${s.name}`);
    assert.deepEqual(x.actors.map((a: { name: string }) => a.name), s.actors);
    for (const a of x.actors) {
      assert.equal(a.positions.length, x.dimensions.length);
      assert.equal(a.saliences.length, x.dimensions.length);
      assert.ok(a.capability > 0);
    }
    assert.equal((await get('/api/scenario?name=no-such-scenario')).status, 404);
  });

  it('lists the 20 CAMEO event roots', async () => {
    const roots = await ok('/api/cameo');
    assert.deepEqual(roots.map((r: { code: string }) => r.code), Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    assert.equal(roots.find((r: { code: string }) => r.code === '19').quad, 4);
  });

  it('describes the new endpoints in the OpenAPI document', async () => {
    const doc = await ok('/api/openapi.json');
    for (const p of ['/api/events/page', '/api/evidence', '/api/map', '/api/actor', '/api/scenario', '/api/cameo']) assert.ok(doc.paths[p], p);
    const params = doc.paths['/api/evidence'].get.parameters.map((p: { name: string }) => p.name);
    for (const n of ['a', 'b', 'by', 'period', 'origin', 'region', 'minConfidence', 'includeAlleged']) assert.ok(params.includes(n), n);
  });
});

describe('GET /api/events/ids, event rows of /api/ach, evidence of /api/balance/years (dashboard2)', () => {
  it('gives the events with the given ids in the order asked, with their sources, and names the ids that match none', async () => {
    const page = await ok('/api/events/page?region=world&minConfidence=0&from=2022-01-01&to=2022-12-31&limit=500');
    const curated = page.events.find((e: { kind: string; sources: string[] }) => e.kind === 'curated' && e.sources.length > 0);
    const acled = page.events.find((e: { kind: string }) => e.kind === 'acled');
    assert.ok(curated && acled, 'a curated event and an ACLED row in 2022');
    const r = await ok(`/api/events/ids?ids=${encodeURIComponent([acled.id, 'no-such-event', curated.id].join(','))}`);
    assert.deepEqual(r.events.map((e: { id: string }) => e.id), [acled.id, curated.id]);
    assert.deepEqual(r.missing, ['no-such-event']);
    assert.deepEqual(r.events[1], curated, 'the same row the timeline lists');
    assert.equal((await get('/api/events/ids?ids=a,,b')).status, 400);
    assert.equal((await get('/api/events/ids?ids=<script>')).status, 400);
    assert.equal((await get(`/api/events/ids?ids=${Array.from({ length: 201 }, (_, i) => `e${i}`).join(',')}`)).status, 400);
    assert.equal((await get('/api/events/ids')).status, 400);
  });

  it('gives each event row of the ACH matrix its day and summary, as the event itself has them', async () => {
    const ach = await ok('/api/ach');
    const events = ach.evidence.filter((e: { kind: string }) => e.kind === 'event');
    assert.ok(events.length > 10, `${events.length} event rows`);
    for (let i = 0; i < events.length; i += 100) {
      const chunk = events.slice(i, i + 100);
      const rows = new Map((await ok(`/api/events/ids?ids=${encodeURIComponent(chunk.map((e: { id: string }) => e.id).join(','))}`)).events.map((e: { id: string }) => [e.id, e]));
      for (const e of chunk) {
        const row = rows.get(e.id) as { day: string; summary: string } | undefined;
        assert.ok(row, `${e.id} is a stored event`);
        assert.equal(e.day, row.day);
        assert.equal(e.summary, row.summary);
      }
    }
    assert.ok(ach.evidence.filter((e: { kind: string }) => e.kind !== 'event').every((e: { day?: string }) => e.day === undefined), 'only events carry a day');
  });

  it('states the scope of the balance series and, per year, the evidence behind its ties (the year’s own /api/balance)', async () => {
    const y = await ok('/api/balance/years?from=2020&to=2023&minConfidence=0.7');
    assert.deepEqual([y.scope.region, y.scope.minConfidence, y.scope.from, y.scope.to], ['south-caucasus', 0.7, '2020-01-01', '2023-12-31']);
    assert.ok(y.periods.length >= 3);
    for (const p of y.periods) {
      const one = await ok(`/api/balance?from=${p.period}-01-01&to=${p.period}-12-31&minConfidence=0.7`);
      assert.deepEqual(p.evidence, one.evidence, `${p.period}: the evidence of that year's network`);
      assert.equal(p.edges, one.edges.length);
    }
    const all = await ok('/api/balance/years');
    assert.deepEqual([all.scope.from, all.scope.to], [null, null], 'no range asked, none stated');
  });
});
