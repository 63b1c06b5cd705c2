// --backend / --clickhouse and parseClickHouseUrl(url): what a user types to reach a cluster, and the errors they get.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { formatClickHouseUrl, parseClickHouseUrl } from '../../src/store/clickhouse/connection.js';
import { schemaStatements } from '../../src/store/clickhouse/schema.js';

describe('parseClickHouseUrl(url)', () => {
  it('reads the server, database, cluster and credentials', () => {
    const t = parseClickHouseUrl('http://bob:s%40cret@10.0.0.5:8123/?database=events_db&cluster=two');
    assert.deepEqual(t, { url: 'http://10.0.0.5:8123', database: 'events_db', cluster: 'two', username: 'bob', password: 's@cret' });
    assert.equal(formatClickHouseUrl(t), 'http://10.0.0.5:8123/?database=events_db&cluster=two');
    assert.deepEqual(parseClickHouseUrl('https://ch.example.org'), { url: 'https://ch.example.org', database: 'faultline', cluster: null });
  });
  it('refuses what is not an http URL or names a database that is not a plain identifier', () => {
    assert.throws(() => parseClickHouseUrl('127.0.0.1:8123'), /not a URL/);
    assert.throws(() => parseClickHouseUrl('tcp://127.0.0.1:9000'), /http:\/\/ or https:\/\//);
    assert.throws(() => parseClickHouseUrl('http://h/?database=x;DROP'), /database "x;DROP" is not a plain identifier/);
  });
});

describe('schemaStatements(target)', () => {
  it('makes per-shard MergeTree tables and Distributed tables sharded by the dataset id with a cluster, plain tables without', () => {
    const two = schemaStatements({ database: 'f', cluster: 'c' }).join('\n');
    assert.match(two, /CREATE TABLE IF NOT EXISTS f\.events_local \([^]*\) ENGINE = MergeTree\(\) ORDER BY \(origin, origin_row\)/);
    assert.match(two, /CREATE TABLE IF NOT EXISTS f\.events \([^]*\) ENGINE = Distributed\(c, f, events_local, cityHash64\(origin_row\)\)/);
    const one = schemaStatements({ database: 'f', cluster: null }).join('\n');
    assert.doesNotMatch(one, /Distributed|_local/);
    assert.match(one, /f\.events \([^]*day_num Int32, day_ymd Int32/);
  });
});

describe('faultline --backend clickhouse', () => {
  const db = () => join(mkdtempSync(join(tmpdir(), 'faultline-backend-')), 'x.duckdb');
  it('needs a URL, names the backends it knows, and says when the server cannot be reached', async () => {
    const path = db();
    // A store to read (read commands refuse a store that does not exist, before any backend is tried).
    const { openStore } = await import('../../src/store/duckdb-store.js');
    (await openStore(path)).close();
    try {
      const env = { FAULTLINE_CLICKHOUSE: '', FAULTLINE_BACKEND: '' };
      let r = await runMain(['--backend', 'clickhouse', 'dyad', 'GEO', 'RUS', '--region', 'world'], { db: path, env });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^cli: .*--backend clickhouse needs --clickhouse URL or FAULTLINE_CLICKHOUSE/);
      r = await runMain(['--backend', 'postgres', 'dyad', 'GEO', 'RUS'], { db: path, env });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /unknown backend "postgres"; expected duckdb or clickhouse/);
      // Port 9 (discard) on loopback has no ClickHouse behind it.
      r = await runMain(['--backend', 'clickhouse', '--clickhouse', 'http://127.0.0.1:9/?database=faultline', 'dyad', 'GEO', 'RUS', '--region', 'world'], { db: path, env });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^store\/clickhouse: .*cannot reach ClickHouse at http:\/\/127\.0\.0\.1:9\/\?database=faultline/);
    } finally {
      rmSync(join(path, '..'), { recursive: true, force: true });
    }
  });
});
