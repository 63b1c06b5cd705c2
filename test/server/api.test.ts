// createApp(deps): every endpoint in-process through app.request(), against the built-in region.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Actor, Claim, Event } from '../../src/model/index.js';
import { createApp, startServer } from '../../src/server/index.js';
import { dyadSeries } from '../../src/measure/index.js';
import type { Store } from '../../src/store/store.js';
import { HOSTILE_TITLE, regionStore } from './fixture.js';

let store: Store;
let app: ReturnType<typeof createApp>;

const get = async (path: string, init?: RequestInit) => {
  const res = await app.request(path, init);
  return { res, body: (await res.json()) as any };
};
const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

before(async () => {
  store = await regionStore({ hostile: true });
  app = createApp({ store, maxIngestBytes: 4096 });
});
after(() => store.close());

describe('GET /api/actors, /api/events, /api/claims', () => {
  it('lists the region actors in the model schema', async () => {
    const { res, body } = await get('/api/actors');
    assert.equal(res.status, 200);
    const actors = z.array(Actor).parse(body);
    assert.ok(actors.some((a) => a.id === 'ARM' && a.kind === 'state'));
  });

  it('filters events by actor and day range', async () => {
    const { res, body } = await get('/api/events?actor=AZE&from=2025&to=2025-06');
    assert.equal(res.status, 200);
    const events = z.array(Event).parse(body);
    assert.ok(events.length > 0);
    const country = new Map(z.array(Actor).parse((await get('/api/actors')).body).map((a) => [a.id as string, a.country]));
    for (const e of events) {
      assert.ok(e.date && e.date.end >= '2025-01-01' && e.date.start <= '2025-06-30', `${e.id} is outside the range`);
      const parties = [...e.source, ...e.target, ...e.third];
      assert.ok(parties.some((id) => id === 'AZE' || country.get(id) === 'AZE'), `${e.id} does not involve Azerbaijan`);
    }
    const ids: string[] = events.map((e) => e.id);
    assert.ok(ids.includes('hostile-event'), 'the article event of 2025-06-02 between ARM and AZE is listed');
  });

  it('returns text with markup as JSON data, never as HTML', async () => {
    const { res, body } = await get('/api/sources');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(body.find((s: { id: string }) => s.id === 'hostile-source').title, HOSTILE_TITLE);
  });

  it('lists only denied or disputed claims when contested=true', async () => {
    const all = z.array(Claim).parse((await get('/api/claims')).body);
    const contested = z.array(Claim).parse((await get('/api/claims?contested=true')).body);
    assert.ok(contested.length > 0 && contested.length < all.length);
    assert.ok(contested.every((c) => c.status === 'denied' || c.status === 'disputed'));
  });
});

describe('bad parameters', () => {
  for (const [path, field] of [
    ['/api/events?from=2025-13', 'from'],
    ['/api/events?to=yesterday', 'to'],
    ['/api/events?limit=0', 'limit'],
    ['/api/events?colour=red', 'colour'],
    ['/api/dyad?a=ARM', 'b'],
    ['/api/dyad?a=ARM&b=AZE&by=week', 'by'],
    ['/api/balance?from=2025-02-30', 'from'],
  ] as const) {
    it(`${path} answers 400 naming ${field}`, async () => {
      const { res, body } = await get(path);
      assert.equal(res.status, 400);
      assert.deepEqual(Object.keys(body).sort(), ['error', 'message']);
      assert.equal(body.error, 'bad-request');
      assert.match(body.message, new RegExp(`\\b${field}\\b`));
    });
  }

  it('unknown paths under /api answer 404 in the same shape', async () => {
    const { res, body } = await get('/api/nothing-here');
    assert.equal(res.status, 404);
    assert.equal(body.error, 'not-found');
  });
});

describe('GET /api/dyad', () => {
  it('returns the same series as dyadSeries, with quad counts adding up to the events', async () => {
    const { res, body } = await get('/api/dyad?a=ARM&b=AZE&by=year');
    assert.equal(res.status, 200);
    const direct = await dyadSeries(store, { a: 'ARM', b: 'AZE', by: 'year' });
    assert.deepEqual(body.series, direct);
    assert.ok(body.series.length >= 2);
    for (const p of body.series) assert.equal(p.quad['1'] + p.quad['2'] + p.quad['3'] + p.quad['4'], p.events);
    assert.deepEqual(body.series.map((p: { period: string }) => p.period), [...body.series.map((p: { period: string }) => p.period)].sort());
    assert.equal(typeof body.trend.periods, 'number');
  });
});

describe('GET /api/balance and /api/theses', () => {
  it('gives a signed network of the period whose nodes all have names', async () => {
    const { res, body } = await get('/api/balance?from=2020&to=2025');
    assert.equal(res.status, 200);
    assert.ok(body.edges.length > 0);
    for (const e of body.edges) {
      assert.ok(e.sign === 1 || e.sign === -1);
      assert.ok(body.nodes.includes(e.a) && body.nodes.includes(e.b));
    }
    assert.equal(body.names.ARM, 'Armenia');
    assert.equal(body.triads.balanced + body.triads.unbalanced >= 0, true);
  });

  it('gives every thesis a verdict', async () => {
    const { res, body } = await get('/api/theses');
    assert.equal(res.status, 200);
    assert.ok(body.length > 0);
    for (const t of body) {
      assert.ok(['supported', 'contradicted', 'mixed', 'insufficient evidence'].includes(t.verdict.verdict), t.id);
      assert.equal(t.verdict.indicators.length, t.indicators.length);
    }
  });
});

describe('POST /api/simulate', () => {
  it('runs a listed scenario with Monte Carlo bands, the same for the same seed', async () => {
    const { body: scenarios } = await get('/api/scenarios');
    assert.ok(scenarios.length > 0, 'the built-in region has scenarios');
    const request = { scenario: scenarios[0].name, model: 'smp', runs: 20, perturb: 5, seed: '7' };
    const a = await post('/api/simulate', request);
    assert.equal(a.status, 200);
    const r = (await a.json()) as any;
    assert.equal(r.distribution.runs, 20);
    for (const b of r.distribution.outcome) {
      assert.ok(0 <= b.p10 && b.p10 <= b.mean && b.mean <= b.p90 && b.p90 <= 100, JSON.stringify(b));
    }
    const again = (await (await post('/api/simulate', request)).json()) as any;
    assert.deepEqual(again.distribution, r.distribution);
  });

  it('rejects a body naming both or neither scenario source, and unknown scenarios', async () => {
    assert.equal((await post('/api/simulate', { model: 'smp' })).status, 400);
    assert.equal((await post('/api/simulate', { scenario: 'x', yaml: 'kind: scenario' })).status, 400);
    const missing = await post('/api/simulate', { scenario: 'no-such-scenario' });
    assert.equal(missing.status, 404);
    assert.match(((await missing.json()) as any).message, /no-such-scenario/);
  });

  it('reports an invalid inline scenario as 400 with the field', async () => {
    const res = await post('/api/simulate', { yaml: 'kind: scenario\nname: x\n' });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as any).message, /simulate\/scenario/);
  });
});

describe('POST /api/ingest', () => {
  const article = {
    title: 'Deal <script>window.__xss = "ingest"</script> signed',
    published: '2025-06-04',
    text: 'On 3 June 2025, Armenia and Azerbaijan signed a border agreement in Tbilisi.',
  };

  it('extracts and stores an article once, and later reads see it', async () => {
    const before = (await get('/api/sources')).body as { title: string }[];
    assert.ok(!before.some((s) => s.title === article.title));
    const first = await post('/api/ingest', article);
    assert.equal(first.status, 200);
    const r = (await first.json()) as any;
    assert.match(r.origin, /^article:[0-9a-f]{64}$/);
    assert.equal(r.unchanged, false);
    assert.ok(r.written.events >= 1);
    // The answer cache must not serve the list from before the write.
    const after = (await get('/api/sources')).body as { title: string }[];
    assert.ok(after.some((s) => s.title === article.title), 'the article is a source, its title kept as text');
    const events = (await get('/api/events?from=2025-06-03&to=2025-06-03')).body as Array<{ origin: { dataset: string } }>;
    assert.ok(events.some((e) => e.origin.dataset === r.origin));
    const again = (await (await post('/api/ingest', article)).json()) as any;
    assert.equal(again.unchanged, true);
  });

  it('answers 413 beyond the size limit', async () => {
    const res = await post('/api/ingest', { title: 'Long', text: 'x'.repeat(10_000) });
    assert.equal(res.status, 413);
    const body = (await res.json()) as any;
    assert.equal(body.error, 'payload-too-large');
  });

  it('answers 415 to a body that is not JSON, so that a cross-site form cannot post', async () => {
    const res = await post('/api/ingest', 'title=x&text=y', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(res.status, 415);
  });

  it('validates the article before doing anything', async () => {
    const res = await post('/api/ingest', { title: '', text: 'x' });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as any).message, /title/);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every endpoint and its parameters', async () => {
    const { res, body } = await get('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(body.openapi, '3.1.0');
    for (const p of ['/api/actors', '/api/events', '/api/claims', '/api/dyad', '/api/balance', '/api/theses', '/api/simulate', '/api/ingest']) {
      assert.ok(body.paths[p], `${p} is described`);
    }
    const params = body.paths['/api/dyad'].get.parameters.map((p: { name: string; required: boolean }) => `${p.name}${p.required ? '!' : ''}`);
    assert.deepEqual(params.sort(), ['a!', 'b!', 'by', 'directed', 'from', 'to', 'normalize', 'origin', 'region', 'minConfidence', 'includeAlleged'].sort());
    assert.ok(body.paths['/api/ingest'].post.responses['413']);
    assert.equal(body.paths['/api/simulate'].post.requestBody.content['application/json'].schema.type, 'object');
  });
});

describe('security', () => {
  it('sends a strict Content-Security-Policy without inline script or style', async () => {
    const { res } = await get('/api/actors');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
  });

  it('with a token, refuses requests without the right bearer token', async () => {
    const guarded = createApp({ store, token: 'correct-horse-battery' });
    assert.equal((await guarded.request('/api/actors')).status, 401);
    assert.equal((await guarded.request('/api/actors', { headers: { authorization: 'Bearer wrong-token-value' } })).status, 401);
    const ok = await guarded.request('/api/actors', { headers: { authorization: 'Bearer correct-horse-battery' } });
    assert.equal(ok.status, 200);
    const unauthorised = (await (await guarded.request('/api/openapi.json')).json()) as any;
    assert.equal(unauthorised.error, 'unauthorized');
  });

  it('without a token, answers only requests addressed to a loopback name', async () => {
    assert.equal((await app.request('http://127.0.0.1:8377/api/actors')).status, 200);
    assert.equal((await app.request('http://rebound.example.com/api/actors')).status, 403);
  });

  it('refuses to listen on a non-loopback address without a token', async () => {
    await assert.rejects(() => startServer({ store, port: 0, host: '0.0.0.0' }), /without --token/);
  });
});

describe('static dashboard', () => {
  it('serves index.html at / and for client paths, but nothing outside the web root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fl-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>dash</title>');
    const web = createApp({ store, webRoot: root });
    const home = await web.request('/');
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<title>dash<\/title>/);
    assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal((await web.request('/network')).status, 200);
    const escape = await web.request('/..%2f..%2fpackage.json');
    assert.doesNotMatch(await escape.text(), /"dependencies"/);
  });
});
