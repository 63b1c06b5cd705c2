// GET /api/alignment, /api/arms, /api/conflict, /api/capability through app.request(): the CLI's figures, Zod-checked queries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { loadBuiltinStructural } from '../../src/ingest/structural/index.js';
import { builtinRegionDir, readRegionDir } from '../../src/ingest/curated/index.js';
import { loadKnowledgeBase } from '../../src/store/index.js';
import { runMain } from '../helpers/cli.js';
import { tempDir } from '../helpers/paths.js';

describe('the structural API routes', () => {
  const dir = tempDir('faultline-structural-api-');
  const db = join(dir, 'api.duckdb');
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const r = await app.request(`http://localhost${path}`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const cli = async (...args: string[]) => {
    const r = await runMain([...args, '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as unknown;
  };

  before(async () => {
    store = await openStore(db);
    const r = readRegionDir(builtinRegionDir());
    if (!r.ok) throw new Error('the built-in region does not validate');
    await loadKnowledgeBase(store, r.kb, r.hash);
    await loadBuiltinStructural(store);
    app = createApp({ store });
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The CLI opens the same file, so each comparison closes the app's store first and reopens it after.
  async function viaCli<T>(...args: string[]): Promise<T> {
    store.close();
    try {
      return (await cli(...args)) as T;
    } finally {
      store = await openStore(db);
      app = createApp({ store });
    }
  }

  it('GET /api/alignment gives the rows of `alignment --json`', async () => {
    const { status, body } = await get('/api/alignment?a=arm&to=RUS,USA&from=2018');
    assert.equal(status, 200);
    assert.deepEqual(body.to, ['RUS', 'USA']);
    const rows = body.rows as { year: number }[];
    assert.ok(rows.every((r) => r.year >= 2018));
    assert.deepEqual(rows, await viaCli('alignment', 'ARM', '--to', 'RUS,USA', '--from', '2018'));
  });

  it("GET /api/alignment without `to` takes the states of the region's groups", async () => {
    const { body } = await get('/api/alignment?a=GEO');
    assert.deepEqual(body.to, ['RUS', 'USA', 'FRA', 'DEU', 'GBR', 'TUR', 'IRN', 'IND', 'CHN', 'ISR']);
  });

  it('GET /api/arms gives the shares of `arms --json`, the periods and the coverage', async () => {
    const { status, body } = await get('/api/arms?recipient=ARM&by=5y');
    assert.equal(status, 200);
    assert.equal(body.coverage, 'builtin');
    const cliRows = await viaCli<{ period_tiv: number; hhi: number; partial: boolean }[]>('arms', 'ARM', '--by', '5y');
    assert.deepEqual(body.shares, cliRows.map(({ period_tiv: _t, hhi: _h, partial: _p, ...r }) => r));
    const periods = body.periods as { period: string; hhi: number }[];
    assert.equal(periods.at(-1)!.period, '2020-2024');
  });

  it('GET /api/arms?supplier=RUS gives the reverse view with the recipients\' dependence', async () => {
    const { status, body } = await get('/api/arms?supplier=RUS&by=5y');
    assert.equal(status, 200);
    const rows = body.recipients as { recipient: string; share_of_recipient: number | null }[];
    assert.ok(rows.some((r) => r.recipient === 'ARM' && r.share_of_recipient !== null));
  });

  it('GET /api/conflict and /api/capability answer as the CLI does', async () => {
    const c = await get('/api/conflict?a=AZE&b=ARM');
    assert.equal(c.status, 200);
    assert.deepEqual(c.body.years, await viaCli('conflict', 'AZE', 'ARM'));
    const cap = await get('/api/capability?year=2024');
    assert.equal(cap.status, 200);
    assert.deepEqual(cap.body, await viaCli('capability', '--year', '2024'));
  });

  it('refuses bad queries with 400 and the parameter named', async () => {
    for (const [path, message] of [
      ['/api/alignment?a=Armenia', /a: must be an ISO3 country code/],
      ['/api/arms?recipient=ARM&supplier=RUS', /give exactly one of "recipient" and "supplier"/],
      ['/api/arms?recipient=ARM&by=decade', /by:/],
      ['/api/conflict?a=AZE&year=2020', /year: unknown parameter/],
      ['/api/capability?year=2030', /no NMC data for 2030/],
    ] as const) {
      const { status, body } = await get(path);
      assert.equal(status, 400, path);
      assert.match(String(body.message), message, path);
    }
  });
});
