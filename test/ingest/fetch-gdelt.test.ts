// fetch gdelt against a local HTTP server serving fixture files in GDELT 2.0's layout: size + MD5, resume, import.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { openStore } from '../../src/store/index.js';
import { fetchGdelt } from '../../src/ingest/fetch/fetch-gdelt.js';
import { UserError } from '../../src/model/errors.js';
import { runMain } from '../helpers/cli.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'gdelt-v2-server');
const FIRST = '20240201000000.export.CSV.zip';
const SECOND = '20240201001500.export.CSV.zip';

interface Hit {
  readonly path: string;
  readonly range: string | undefined;
}

/** Serves the fixture directory; `cut` makes the next request for a file stop after that many bytes. */
function fixtureServer() {
  const hits: Hit[] = [];
  const cut = new Map<string, number>();
  const corrupt = new Set<string>();
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').split('/').pop() ?? '';
    const range = req.headers.range;
    hits.push({ path: `/${name}`, range });
    const file = join(FIXTURES, name);
    if (!name || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    if (corrupt.has(name)) body = Buffer.from(body.map((b, i) => (i === 100 ? b ^ 0xff : b)));
    let status = 200;
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    if (m) {
      res.setHeader('Content-Range', `bytes ${m[1]}-${body.length - 1}/${body.length}`);
      body = body.subarray(Number(m[1]));
      status = 206;
    }
    res.writeHead(status, { 'Content-Length': body.length });
    const stopAt = cut.get(name);
    if (stopAt !== undefined) {
      cut.delete(name);
      // Send part of the file, then drop the connection, as a network failure would. The pause lets the client
      // read what arrived: a stream that errors discards chunks not yet read.
      res.write(body.subarray(0, stopAt), () => setTimeout(() => res.destroy(), 300));
      return;
    }
    res.end(body);
  });
  return { server, hits, cut, corrupt };
}

describe('fetchGdelt(store, { from, to, cache, baseUrl })', () => {
  const srv = fixtureServer();
  let base = '';

  before(async () => {
    await new Promise<void>((resolve) => srv.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(srv.server.address() as AddressInfo).port}/gdeltv2`;
  });
  after(() => srv.server.close());

  it('downloads the export files of the days asked for, resumes an interrupted one, and imports them', async () => {
    const cache = tempDir();
    const store = await openStore(':memory:');
    try {
      srv.hits.length = 0;
      srv.cut.set(SECOND, 4000);
      await assert.rejects(fetchGdelt(store, { from: '2024-02-01', to: '2024-02-02', cache, baseUrl: base }));
      // The first file is complete and imported; the second is half there.
      assert.equal(statSync(join(cache, `${SECOND}.part`)).size, 4000);
      assert.ok(existsSync(join(cache, FIRST)));

      srv.hits.length = 0;
      const outcomes: Record<string, string> = {};
      const r = await fetchGdelt(store, {
        from: '2024-02-01', to: '2024-02-02', cache, baseUrl: base,
        onDownload: (name, outcome) => (outcomes[name] = outcome),
      });
      assert.equal(r.files, 2, 'the mentions file and the file of 3 February are not fetched');
      assert.deepEqual(outcomes, { [FIRST]: 'cached', [SECOND]: 'resumed' });
      assert.deepEqual(srv.hits.filter((h) => h.path !== '/masterfilelist.txt'), [{ path: `/${SECOND}`, range: 'bytes=4000-' }]);
      assert.equal(statSync(join(cache, SECOND)).size, statSync(join(FIXTURES, SECOND)).size);
      const [{ n }] = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM events WHERE origin = 'gdelt'`);
      assert.equal(n, 80);
      assert.deepEqual(r.reports.map((x) => [x.skipped, x.imported]), [[true, 40], [false, 40]]);
    } finally {
      store.close();
    }
  });

  it('keeps only --countries events when asked', async () => {
    const store = await openStore(':memory:');
    try {
      const r = await fetchGdelt(store, { from: '2024-02-01', to: '2024-02-01', cache: tempDir(), baseUrl: base, countries: ['UKR'] });
      // Only the second file has RUS→UKR rows (every other row); location Tbilisi is Georgia.
      assert.deepEqual(r.reports.map((x) => x.imported), [0, 20]);
    } finally {
      store.close();
    }
  });

  it('runs as `faultline fetch gdelt` and imports what it fetched', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.duckdb');
    const r = await runMain(['fetch', 'gdelt', '--from', '2024-02-01', '--to', '2024-02-03', '--cache', join(dir, 'cache'), '--base-url', base, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /3 export files from 2024-02-01 to 2024-02-03; 90 events imported/);
    const d = await runMain(['dyad', 'ARM', 'AZE', '--json', '--db', db]);
    assert.deepEqual(JSON.parse(d.stdout).series.map((p: { period: string; events: number }) => [p.period, p.events]), [["2024-02", 10]]);
  });

  it('rejects a file whose MD5 differs from the master list and removes it', async () => {
    const cache = tempDir();
    const store = await openStore(':memory:');
    srv.corrupt.add(FIRST);
    try {
      await assert.rejects(fetchGdelt(store, { from: '2024-02-01', to: '2024-02-01', cache, baseUrl: base }), (err: Error) => {
        assert.ok(err instanceof UserError);
        assert.match(err.message, /MD5 [0-9a-f]{32}, the master list says 9468 bytes with MD5 26d640dd69c9d50664454f2d14f8a07d/);
        return true;
      });
      assert.ok(!existsSync(join(cache, FIRST)) && !existsSync(join(cache, `${FIRST}.part`)));
    } finally {
      srv.corrupt.delete(FIRST);
      store.close();
    }
  });
});
