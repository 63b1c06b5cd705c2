// createApp(deps) under load and without credentials: slow jobs off the event loop, bounded queue and time, strict query
// parameters, and a one-time browser login when a token guards the server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, startServer } from '../../src/server/index.js';
import { ComputePool } from '../../src/server/compute-pool.js';
import { BrowserSessions } from '../../src/server/security.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers/paths.js';
import { regionStore } from './fixture.js';

let store: Store;
before(async () => {
  store = await regionStore();
});
after(() => store.close());

/** An inline scenario big enough that a Monte Carlo run of it takes seconds. */
function heavyScenario(actors = 40, dimensions = 12): string {
  const dims = Array.from({ length: dimensions }, (_, k) => `  - { name: d${k}, low: none, high: all }`).join('\n');
  const list = Array.from({ length: actors }, (_, i) => {
    const v = (k: number) => (i * 37 + k * 11) % 101;
    return `  - name: Actor ${i}\n    capability: { value: ${10 + (i % 50)}, note: generated }\n    positions: [${Array.from({ length: dimensions }, (_, k) => `{ value: ${v(k)}, note: generated }`).join(', ')}]\n` +
      `    saliences: [${Array.from({ length: dimensions }, (_, k) => `{ value: ${1 + ((i + k) % 8)}, note: generated }`).join(', ')}]`;
  }).join('\n');
  return `kind: scenario\nname: heavy\ntitle: Heavy\nasOf: "2025-01-01"\ndescription: generated\ndimensions:\n${dims}\nactors:\n${list}\n`;
}

const json = { 'content-type': 'application/json' };
const simulate = async (app: ReturnType<typeof createApp>, runs = 500): Promise<Response> =>
  app.request('/api/simulate', { method: 'POST', headers: json, body: JSON.stringify({ yaml: heavyScenario(), runs }) });

describe('issue 20 item 6: ingest and simulate off the event loop', () => {
  it('issue 20 item 6: while a slow simulation runs, /api/region and /api/actors answer', async () => {
    const compute = new ComputePool({ workers: 1, timeoutMs: 3000 });
    const app = createApp({ store, compute, cacheEntries: 0 });
    try {
      // A first, small run loads the simulation code, so that the slow one below starts computing at once.
      const warm = await app.request('/api/simulate', { method: 'POST', headers: json, body: JSON.stringify({ scenario: 'russia-role' }) });
      assert.equal(warm.status, 200);
      let simulated = false;
      const slow = simulate(app).then((r) => {
        simulated = true;
        return r;
      });
      // On the event loop, this timer could only fire after the simulation had finished.
      await new Promise((r) => setTimeout(r, 300));
      for (const path of ['/api/region', '/api/actors']) {
        const res = await app.request(path);
        assert.equal(res.status, 200);
        assert.equal(simulated, false, `${path} answered only after the simulation`);
      }
      const res = await slow;
      assert.ok(res.status === 200 || res.status === 504, `simulation: ${res.status}`);
    } finally {
      await compute.close();
    }
  });

  it('issue 20 item 6: a job past its time limit answers 504, and a full queue answers 503 at once', async () => {
    const compute = new ComputePool({ workers: 1, queue: 1, timeoutMs: 1500 });
    const app = createApp({ store, compute });
    try {
      const answers = await Promise.all([simulate(app), simulate(app), simulate(app)]);
      const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: (await r.json()) as { error: string; message: string } })));
      assert.deepEqual(bodies.map((b) => b.status).sort(), [503, 504, 504]);
      const busy = bodies.find((b) => b.status === 503)!;
      assert.match(busy.body.message, /^server: simulate: busy \(1 jobs running, 1 waiting\); try again shortly$/);
      const late = bodies.find((b) => b.status === 504)!;
      assert.deepEqual(late.body, { error: 'timeout', message: 'server: simulate: stopped after the limit of 1.5 s; send a smaller request' });
      // The pool carries on with a fresh worker.
      const ok = await app.request('/api/simulate', { method: 'POST', headers: json, body: JSON.stringify({ scenario: 'russia-role' }) });
      assert.equal(ok.status, 200);
    } finally {
      await compute.close();
    }
  });

  it('issue 20 item 6: /api/ingest runs under the per-request time limit and writes nothing when stopped', async () => {
    const compute = new ComputePool({ timeoutMs: 20 });
    const app = createApp({ store, compute });
    try {
      const [{ n: before }] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sources');
      const text = 'Armenia and Azerbaijan held talks in Brussels on 3 March 2025. '.repeat(200);
      const res = await app.request('/api/ingest', { method: 'POST', headers: json, body: JSON.stringify({ title: 'Talks', text }) });
      assert.equal(res.status, 504);
      assert.match(((await res.json()) as { message: string }).message, /^server: ingest: stopped after the limit of 0 s/);
      const [{ n }] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sources');
      assert.equal(n, before);
    } finally {
      await compute.close();
    }
  });
});

describe('issue 20 item 12: parameterless endpoints', () => {
  const app = () => createApp({ store });
  for (const path of ['/api/region', '/api/sources', '/api/scenarios']) {
    it(`issue 20 item 12: ${path} answers 400 to an unknown query parameter`, async () => {
      const res = await app().request(`${path}?colour=red`);
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), { error: 'bad-request', message: `server: query: colour: unknown parameter; ${path} takes no parameters` });
    });
  }
  it('issue 20 item 12: /api/theses (which now takes the evidence scope) answers 400 to an unknown query parameter', async () => {
    const res = await app().request('/api/theses?colour=red');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: 'bad-request', message: 'server: query: colour: unknown parameter; expected origin, region, minConfidence, includeAlleged' });
  });
});

describe('issue 20 item 13: a browser can open the dashboard of a server with a token', () => {
  const TOKEN = 'correct-horse-battery';
  const webRoot = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Faultline</title><p>dashboard</p>');
    return dir;
  };

  it('issue 20 item 13: a one-time link sets an HttpOnly, SameSite=Strict cookie; API calls without the token still get 401', async () => {
    const sessions = new BrowserSessions();
    const code = sessions.issueCode();
    const app = createApp({ store, token: TOKEN, sessions, webRoot: webRoot() });
    assert.equal((await app.request('/')).status, 401);
    assert.equal((await app.request('/login?code=not-the-code')).status, 401);

    const login = await app.request(`/login?code=${code}`);
    assert.equal(login.status, 302);
    assert.equal(login.headers.get('location'), '/');
    const cookie = login.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^faultline_session=[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0];

    const page = await app.request('/', { headers: { cookie: session } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /dashboard/);
    assert.equal((await app.request('/api/region', { headers: { cookie: session } })).status, 200, 'the dashboard reads the API with its cookie');
    // The link works once; no cookie, a forged cookie or a wrong token is refused.
    assert.equal((await app.request(`/login?code=${code}`)).status, 401);
    assert.equal((await app.request('/api/region')).status, 401);
    assert.equal((await app.request('/api/region', { headers: { cookie: 'faultline_session=forged' } })).status, 401);
    assert.equal((await app.request('/api/region', { headers: { cookie: session, authorization: 'Bearer wrong-token' } })).status, 401);
    assert.equal((await app.request('/api/region', { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
  });

  it('issue 20 item 13: serve prints the one-time link at start', async () => {
    const lines: string[] = [];
    const running = await startServer({ store, token: TOKEN, port: 0, host: '127.0.0.1', webRoot: webRoot(), log: (l) => lines.push(l) });
    try {
      assert.equal(lines.length, 1);
      assert.equal(lines[0], `faultline: to open the dashboard in a browser, visit ${running.loginUrl} (the link works once)`);
      assert.match(running.loginUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/login\?code=[\w-]{32}$/);
      const login = await fetch(running.loginUrl!, { redirect: 'manual' });
      assert.equal(login.status, 302);
      const session = (login.headers.get('set-cookie') ?? '').split(';')[0];
      assert.equal((await fetch(`${running.url}/`, { headers: { cookie: session } })).status, 200);
      assert.equal((await fetch(`${running.url}/api/region`)).status, 401);
    } finally {
      await running.close();
    }
  });
});
