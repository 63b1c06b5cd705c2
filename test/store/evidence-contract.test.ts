// DatasetEvidence contract: every dataset read through DuckDB and through a two-shard ClickHouse cluster against one
// JavaScript oracle over the imported rows (GDELT Georgia 2011–2013, 105,438 events; ICEWS 2018 sample), then the
// merged evidence reads, the CLI's measures, the API and the brief compared between the two backends.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { clickhouseSkip, testCluster, type TestCluster } from '../helpers/clickhouse.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import type { DatasetEvidence, DatasetMatch, PeriodUnit } from '../../src/store/dataset-evidence.js';
import { resolveScope, type ResolvedScope } from '../../src/store/evidence.js';
import * as reads from '../../src/store/evidence-reads.js';
import { builtinRegionDir } from '../../src/ingest/curated/index.js';
import { clickHouseDatasets } from '../../src/store/clickhouse/open.js';
import { ClickHouse, parseClickHouseUrl } from '../../src/store/clickhouse/connection.js';
import { createTables, dropTables } from '../../src/store/clickhouse/schema.js';
import { GDELT, importDatasetFile } from '../../src/ingest/index.js';
import { chLiteral } from '../../src/store/clickhouse/literal.js';
import { createApp } from '../../src/server/app.js';

const SHARED = join(REPO_ROOT, '..', 'shared', 'data');
const GDELT_DIR = join(SHARED, 'gdelt', 'v1-georgia-2011-2013');
const ICEWS_FILE = join(SHARED, 'icews', 'events.2018.sample.tab');
const samplesSkip = existsSync(GDELT_DIR) && existsSync(ICEWS_FILE) ? false : `no GDELT/ICEWS samples under ${SHARED}`;
const GDELT_FILES = samplesSkip ? [] : readdirSync(GDELT_DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => join(GDELT_DIR, f));
const chSkip = samplesSkip || clickhouseSkip();

/** A dataset row as the oracle reads it. */
interface Row {
  id: string;
  day: string;
  origin: string;
  cameo: string;
  quad: number;
  g: number;
  sc: string | null;
  tc: string | null;
  conf: number;
}

// ---- the oracle: each dataset read written out plainly over the rows ----------------------------------------------

const counts = (s: ResolvedScope, r: Row) =>
  s.origins.includes(r.origin as never) && r.conf >= s.minConfidence && (!s.from || r.day >= s.from) && (!s.to || r.day <= s.to);
const pairInScope = (s: ResolvedScope, r: Row) => !s.region || (s.region.parties.includes(r.sc!) && s.region.parties.includes(r.tc!));
const between = (r: Row, a: string, b: string, directed: boolean) => (r.sc === a && r.tc === b) || (!directed && r.sc === b && r.tc === a);
const distinctPair = (r: Row) => r.sc !== null && r.tc !== null && r.sc !== r.tc;
const epochDay = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

function group<K, V>(rows: readonly Row[], key: (r: Row) => K, init: () => V, add: (v: V, r: Row) => void): [K, V][] {
  const m = new Map<string, [K, V]>();
  for (const r of rows) {
    const k = key(r);
    const ks = JSON.stringify(k);
    let e = m.get(ks);
    if (!e) m.set(ks, (e = [k, init()]));
    add(e[1], r);
  }
  return [...m.values()];
}

const oracle = {
  dyadPeriods(rows: Row[], s: ResolvedScope, o: { a: string; b: string; by: PeriodUnit; directed: boolean }) {
    return group(rows.filter((r) => counts(s, r) && between(r, o.a, o.b, o.directed)), (r) => [reads.periodLabel(r.day, o.by), r.origin] as const,
      () => ({ events: 0, q1: 0, q2: 0, q3: 0, q4: 0, gsum: 0 }), (v, r) => { v.events++; (v as Record<string, number>)[`q${r.quad}`]++; v.gsum += r.g; })
      .map(([[period, origin], v]) => ({ period, origin, ...v }));
  },
  dyadIds(rows: Row[], s: ResolvedScope, o: { a: string; b: string; directed: boolean; from?: string; to?: string; limit: number }) {
    const m = rows.filter((r) => counts(s, r) && between(r, o.a, o.b, o.directed) && (!o.from || r.day >= o.from) && (!o.to || r.day <= o.to))
      .sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.id < y.id ? -1 : 1));
    return { ids: m.slice(0, o.limit).map((r) => r.id), count: m.length };
  },
  ties(rows: Row[], s: ResolvedScope) {
    return group(rows.filter((r) => counts(s, r) && distinctPair(r) && pairInScope(s, r)), (r) => [r.sc! < r.tc! ? r.sc! : r.tc!, r.sc! < r.tc! ? r.tc! : r.sc!, r.origin] as const,
      () => ({ events: 0, goldstein: 0 }), (v, r) => { v.events++; v.goldstein += r.g; })
      .map(([[a, b, origin], v]) => ({ a, b, origin, ...v }));
  },
  windows(rows: Row[], s: ResolvedScope, o: { asOf: string; days: number }) {
    return group(rows.filter((r) => counts(s, r) && distinctPair(r) && pairInScope(s, r)),
      (r) => [r.sc! < r.tc! ? r.sc! : r.tc!, r.sc! < r.tc! ? r.tc! : r.sc!, Math.floor((epochDay(o.asOf) - epochDay(r.day)) / o.days), r.origin] as const,
      () => ({ n: 0, q4: 0, g: 0 }), (v, r) => { v.n++; if (r.quad === 4) v.q4++; v.g += r.g; })
      .map(([[a, b, w, origin], v]) => ({ a, b, w, origin, ...v }));
  },
  partners(rows: Row[], s: ResolvedScope, o: { actor: string; by?: PeriodUnit }) {
    return group(rows.filter((r) => counts(s, r) && (r.sc === o.actor || r.tc === o.actor) && distinctPair(r)),
      (r) => [o.by ? reads.periodLabel(r.day, o.by) : 'all', r.sc === o.actor ? r.tc! : r.sc!, r.origin] as const, () => ({ n: 0 }), (v) => void v.n++)
      .map(([[period, partner, origin], v]) => ({ period, partner, origin, ...v }));
  },
  mediationDays(rows: Row[], s: ResolvedScope, o: { a: string; b: string }) {
    return group(rows.filter((r) => counts(s, r) && between(r, o.a, o.b, false)), (r) => [r.day, r.origin] as const, () => ({ n: 0 }), (v) => void v.n++)
      .map(([[day, origin], v]) => ({ day, origin, ...v }));
  },
  meetings(rows: Row[], s: ResolvedScope, o: { a: string; b: string; meetingCameo: readonly string[] }) {
    const ab = (x: string | null) => x === o.a || x === o.b;
    return group(rows.filter((r) => counts(s, r) && r.sc !== null && r.tc !== null && o.meetingCameo.some((c) => r.cameo.startsWith(c)) && (ab(r.sc) || ab(r.tc)) && !(ab(r.sc) && ab(r.tc))),
      (r) => [r.day, r.sc === o.a || r.tc === o.a ? 'a' : 'b', ab(r.sc) ? r.tc! : r.sc!] as const, () => null, () => undefined)
      .map(([[day, side, other]]) => ({ day, side, other }));
  },
  matching(rows: Row[], s: ResolvedScope, m: DatasetMatch, limit: number) {
    const any = (x: string | null, xs: readonly string[]) => x !== null && xs.includes(x);
    const src = m.source?.length ? m.source : null;
    const tgt = m.target?.length ? m.target : null;
    const sides = (r: Row) => (m.either && src && tgt ? (any(r.sc, src) && any(r.tc, tgt)) || (any(r.sc, tgt) && any(r.tc, src)) : (!src || any(r.sc, src)) && (!tgt || any(r.tc, tgt)));
    const hit = rows.filter((r) => counts(s, r) && r.sc !== null && sides(r) && (!m.quad?.length || m.quad.includes(r.quad)) && (!m.cameo?.length || m.cameo.some((c) => r.cameo.startsWith(c))))
      .sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.id < y.id ? -1 : 1));
    const origins = group(hit, (r) => r.origin, () => ({ n: 0 }), (v) => void v.n++).map(([origin, v]) => ({ origin, n: v.n }));
    return { origins, ids: origins.length ? hit.slice(0, limit).map((r) => r.id) : [] };
  },
  span(rows: Row[], s: ResolvedScope) {
    return group(rows.filter((r) => counts(s, r) && r.sc !== null), (r) => r.origin, () => ({ n: 0, first: '9999', last: '0000' }), (v, r) => {
      v.n++;
      if (r.day < v.first) v.first = r.day;
      if (r.day > v.last) v.last = r.day;
    }).map(([origin, v]) => ({ origin, ...v }));
  },
  periodTotals(rows: Row[], s: ResolvedScope, by: PeriodUnit) {
    return group(rows.filter((r) => counts(s, r) && distinctPair(r) && pairInScope(s, r)), (r) => reads.periodLabel(r.day, by), () => ({ n: 0 }), (v) => void v.n++)
      .map(([period, v]) => ({ period, ...v }));
  },
};

// ---- comparing: floats to 1e-6 (sums in another order), unordered results in one canonical order ------------------

function canonical(x: unknown, sortArrays: boolean): unknown {
  if (typeof x === 'number') return Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6;
  if (Array.isArray(x)) {
    const items = x.map((v) => canonical(v, sortArrays));
    const objects = items.length > 0 && items.every((v) => v !== null && typeof v === 'object');
    return sortArrays && objects ? items.map((v) => JSON.stringify(v)).sort().map((v) => JSON.parse(v)) : items;
  }
  if (x instanceof Map) return canonical(Object.fromEntries([...x].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))), sortArrays);
  // Solver timings (`seconds`) are the one field that may differ between two runs of the same figures.
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'seconds').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v, sortArrays)]));
  return x;
}
/** Equal as a user reads the rows: the same rows (in any order, where the read states none), the same figures. */
const sameRows = (actual: unknown, expected: unknown, what: string) => assert.deepEqual(canonical(actual, true), canonical(expected, true), what);

// ---- the cases: one per dataset read and scope ----------------------------------------------------------------------

type Scopes = Record<'world' | 'region' | 'gdelt2012' | 'icews' | 'confident', ResolvedScope>;
interface Case {
  readonly name: string;
  run(ds: DatasetEvidence, s: Scopes): Promise<unknown>;
  oracle(rows: Row[], s: Scopes): unknown;
  /** At least this many rows (or ids) come back, so that a read that returns nothing everywhere cannot pass. */
  readonly atLeast: number;
}
const size = (x: unknown): number => (Array.isArray(x) ? x.length : x && typeof x === 'object' && 'ids' in x ? (x as { ids: unknown[] }).ids.length : 0);
const bounded = (s: ResolvedScope, asOf: string): ResolvedScope => ({ ...s, to: s.to && s.to < asOf ? s.to : asOf });
const MATCHES: readonly [string, DatasetMatch][] = [
  ['RUS→GEO material conflict', { source: ['RUS'], target: ['GEO'], quad: [4] }],
  ['GEO or ARM with RUS either way, consultations and appeals', { source: ['GEO', 'ARM'], target: ['RUS'], either: true, cameo: ['04', '02'] }],
  ['anyone → USA, verbal cooperation', { target: ['USA'], quad: [1] }],
];

const CASES: Case[] = [];
for (const scope of ['world', 'region', 'gdelt2012', 'icews', 'confident'] as const) {
  for (const [a, b] of [['GEO', 'RUS'], ['ARM', 'AZE'], ['RUS', 'UKR']] as const) {
    for (const by of ['month', 'quarter', 'year'] as const) {
      for (const directed of [false, true]) {
        CASES.push({
          name: `dyadPeriods ${a}–${b} by ${by}${directed ? ' directed' : ''} (${scope})`,
          run: (ds, s) => ds.dyadPeriods(s[scope], { a, b, by, directed }),
          oracle: (rows, s) => oracle.dyadPeriods(rows, s[scope], { a, b, by, directed }),
          atLeast: scope === 'confident' || (scope === 'icews' && a !== 'RUS') || (scope === 'region' && a === 'RUS') ? 0 : 1,
        });
      }
    }
    const ids = { a, b, directed: false, from: '2011-06-01', to: '2013-03-31', limit: 40 };
    CASES.push({ name: `dyadIds ${a}–${b} (${scope})`, run: (ds, s) => ds.dyadIds(s[scope], ids), oracle: (rows, s) => oracle.dyadIds(rows, s[scope], ids), atLeast: 0 });
    CASES.push({ name: `mediationDays ${a}–${b} (${scope})`, run: (ds, s) => ds.mediationDays(s[scope], { a, b }), oracle: (rows, s) => oracle.mediationDays(rows, s[scope], { a, b }), atLeast: 0 });
    const mo = { a, b, meetingCameo: ['04'] };
    CASES.push({ name: `meetings ${a}–${b} (${scope})`, run: (ds, s) => ds.meetings(s[scope], mo), oracle: (rows, s) => oracle.meetings(rows, s[scope], mo), atLeast: 0 });
  }
  CASES.push({ name: `ties (${scope})`, run: (ds, s) => ds.ties(s[scope]), oracle: (rows, s) => oracle.ties(rows, s[scope]), atLeast: scope === 'confident' ? 0 : 1 });
  for (const asOf of ['2013-06-30', '2018-12-31']) {
    const o = { asOf, days: 90 };
    CASES.push({ name: `windows as of ${asOf}, 90 days (${scope})`, run: (ds, s) => ds.windows(bounded(s[scope], asOf), o), oracle: (rows, s) => oracle.windows(rows, bounded(s[scope], asOf), o), atLeast: 0 });
  }
  for (const by of [undefined, 'year', 'month'] as const) {
    CASES.push({ name: `partners GEO by ${by ?? 'all'} (${scope})`, run: (ds, s) => ds.partners(s[scope], { actor: 'GEO', by }), oracle: (rows, s) => oracle.partners(rows, s[scope], { actor: 'GEO', by }), atLeast: 0 });
  }
  for (const [label, m] of MATCHES) {
    CASES.push({ name: `matching ${label} (${scope})`, run: (ds, s) => ds.matching(s[scope], m, 25), oracle: (rows, s) => oracle.matching(rows, s[scope], m, 25), atLeast: 0 });
  }
  CASES.push({ name: `span (${scope})`, run: (ds, s) => ds.span(s[scope]), oracle: (rows, s) => oracle.span(rows, s[scope]), atLeast: scope === 'confident' ? 0 : 1 });
  for (const by of ['month', 'quarter', 'year'] as const) {
    CASES.push({ name: `periodTotals by ${by} (${scope})`, run: (ds, s) => ds.periodTotals(s[scope], by), oracle: (rows, s) => oracle.periodTotals(rows, s[scope], by), atLeast: scope === 'confident' ? 0 : 1 });
  }
}

// ---- the two backends, set up once ---------------------------------------------------------------------------------

interface Backend {
  /** The DuckDB file holding the knowledge base (and, for duckdb, the dataset rows). */
  db: string;
  reports: unknown[];
}

const tmp = samplesSkip ? '' : mkdtempSync(join(tmpdir(), 'faultline-contract-'));
let cluster: TestCluster | null = null;
const setups = new Map<string, Promise<Backend>>();

/** Loads the built-in region and imports both samples through the CLI (in process), then opens the store. */
async function setUp(name: 'duckdb' | 'clickhouse'): Promise<Backend> {
  const db = join(tmp, `${name}.duckdb`);
  const backend = name === 'clickhouse' ? ['--backend', 'clickhouse', '--clickhouse', (cluster ??= testCluster()).url] : [];
  const ok = async (args: string[]) => {
    const r = await runMain([...backend, ...args], { db });
    assert.equal(r.code, 0, `${args.slice(0, 2).join(' ')}: ${r.stderr.slice(0, 500)}`);
    return r.stdout;
  };
  await ok(['load', builtinRegionDir()]);
  const reports = [];
  for (const [dataset, files] of [['gdelt', GDELT_FILES], ['icews', [ICEWS_FILE]]] as const) {
    // `import` still prints its JSON on process.stdout rather than the run's io: take it from there until it does.
    const write = process.stdout.write;
    let printed = '';
    process.stdout.write = ((chunk: string | Uint8Array) => ((printed += String(chunk)), true)) as typeof process.stdout.write;
    let out: string;
    try {
      out = await ok(['import', dataset, ...files, '--json']);
    } finally {
      process.stdout.write = write;
    }
    reports.push(...(JSON.parse(out || printed) as { reports: unknown[] }).reports);
  }
  return { db, reports };
}

/**
 * Opens a backend's store for `fn` and closes it after: the CLI runs in this process too and opens the same file,
 * which must not be open twice.
 */
async function withStore<T>(name: 'duckdb' | 'clickhouse', fn: (store: Store) => Promise<T>): Promise<T> {
  const { db } = await backend(name);
  const store = await openStore(db, name === 'clickhouse' ? { datasets: () => clickHouseDatasets(cluster!.url) } : {});
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
const backend = (name: 'duckdb' | 'clickhouse') => {
  let p = setups.get(name);
  if (!p) setups.set(name, (p = setUp(name)));
  return p;
};

let oracleRows: Row[] = [];
let scopes: Scopes;
async function reference(): Promise<{ rows: Row[]; scopes: Scopes }> {
  if (oracleRows.length) return { rows: oracleRows, scopes };
  await withStore('duckdb', async (store) => {
  oracleRows = (await store.all<Row>(
    `SELECT id, strftime(date_start, '%Y-%m-%d') AS day, origin, cameo, quad::INTEGER AS quad, goldstein::DOUBLE AS g,
       source_country AS sc, target_country AS tc, confidence::DOUBLE AS conf FROM events WHERE origin IN ('gdelt', 'icews', 'acled')`,
  ));
  scopes = {
    world: await resolveScope(store, { region: 'world' }),
    region: await resolveScope(store, {}),
    gdelt2012: await resolveScope(store, { region: 'world', origins: ['gdelt'], from: '2012-01-01', to: '2012-12-31' }),
    icews: await resolveScope(store, { region: 'world', origins: ['icews', 'curated'] }),
    confident: await resolveScope(store, { region: 'world', minConfidence: 0.6 }),
  };
  });
  return { rows: oracleRows, scopes };
}

after(() => {
  cluster?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

for (const [name, label, skip] of [['duckdb', 'DuckDB', samplesSkip], ['clickhouse', 'ClickHouse, two shards', chSkip]] as const) {
  describe(`DatasetEvidence contract: ${label}`, { skip }, () => {
    let store: Store;
    let ds: DatasetEvidence;
    before(async () => {
      await backend(name);
      await reference();
      const { db } = await backend(name);
      store = await openStore(db, name === 'clickhouse' ? { datasets: () => clickHouseDatasets(cluster!.url) } : {});
      ds = store.datasets;
    }, { timeout: 900_000 });
    after(() => store?.close());

    it(`is the ${name} backend and holds every imported sample row (105,438 GDELT + the ICEWS sample)`, async () => {
      assert.equal(ds.kind, name);
      const gdelt = oracleRows.filter((r) => r.origin === 'gdelt').length;
      assert.equal(gdelt, 105_438);
      const spans = await ds.span({ ...scopes.world, origins: ['gdelt', 'icews'] });
      const withSource = (o: string) => oracleRows.filter((r) => r.origin === o && r.sc !== null).length;
      assert.deepEqual(Object.fromEntries(spans.map((s) => [s.origin, s.n])), { gdelt: withSource('gdelt'), icews: withSource('icews') });
    });

    for (const c of CASES) {
      it(c.name, async () => {
        const actual = await c.run(ds, scopes);
        const expected = c.oracle(oracleRows, scopes);
        assert.ok(size(expected) >= c.atLeast, `the oracle finds ${size(expected)} rows; the case needs ${c.atLeast} to mean anything`);
        sameRows(actual, expected, c.name);
      });
    }

    it('returns ordered reads in their stated order (dyad periods by period and origin; ties by pair and origin; windows by pair, window, origin)', async () => {
      const periods = await ds.dyadPeriods(scopes.world, { a: 'GEO', b: 'RUS', by: 'month', directed: false });
      assert.deepEqual(periods.map((p) => `${p.period} ${p.origin}`), periods.map((p) => `${p.period} ${p.origin}`).sort());
      const ties = await ds.ties(scopes.world);
      const keys = ties.map((t) => `${t.a}\u0000${t.b}\u0000${t.origin}`);
      assert.deepEqual(keys, [...keys].sort());
      const windows = await ds.windows(bounded(scopes.world, '2013-06-30'), { asOf: '2013-06-30', days: 30 });
      const wkeys = windows.map((w) => [w.a, w.b, String(w.w).padStart(6, '0'), w.origin].join('\u0000'));
      assert.ok(windows.length > 100);
      assert.deepEqual(wkeys, [...wkeys].sort());
    });
  });
}

describe('DuckDB and a two-shard ClickHouse cluster give the same answers', { skip: chSkip }, () => {
  let duck: Backend;
  let ch: Backend;
  before(async () => {
    duck = await backend('duckdb');
    ch = await backend('clickhouse');
    await reference();
  }, { timeout: 900_000 });

  it('faultline import reports the same rows, imported, duplicate, malformed and filtered counts per file', () => {
    const countsOf = (rs: unknown[]) => rs.map((r) => {
      const { file, rows, imported, duplicates, malformed, filtered } = r as Record<string, unknown>;
      return { file, rows, imported, duplicates, malformed, filtered };
    });
    assert.equal(ch.reports.length, GDELT_FILES.length + 1);
    assert.deepEqual(countsOf(ch.reports), countsOf(duck.reports));
  });

  it('spreads the events over both shards, each row on one shard only', async () => {
    const url = parseClickHouseUrl(cluster!.url);
    const conn = new ClickHouse(url);
    try {
      const shards = await conn.rows<{ host_address: string; port: number }>(`SELECT host_address, port FROM system.clusters WHERE cluster = ${chLiteral(url.cluster!)} ORDER BY shard_num`);
      assert.ok(shards.length >= 2, `cluster ${url.cluster} has ${shards.length} shard(s)`);
      const perShard: number[] = [];
      for (const s of shards) {
        const [{ n }] = await conn.rows<{ n: number }>(`SELECT count(*) AS n FROM remote(${chLiteral(`${s.host_address}:${s.port}`)}, ${url.database}, events_local)`);
        perShard.push(Number(n));
      }
      assert.ok(perShard.every((n) => n > 0), `rows per shard: ${perShard.join(', ')}`);
      assert.equal(perShard.reduce((a, b) => a + b, 0), oracleRows.length, 'the cluster holds other events than the samples: point FAULTLINE_CLICKHOUSE at a scratch database');
    } finally {
      await conn.close();
    }
  });

  it('reads back through the server exactly the strings chLiteral escapes', async () => {
    const conn = new ClickHouse(parseClickHouseUrl(cluster!.url));
    try {
      const probes = ["O'Brien", 'back\\slash', "x\\'); DROP TABLE events; --", 'tab\tnew\nline', 'Тбилиси', "trailing\\"];
      const [row] = await conn.rows<Record<string, string>>(`SELECT ${probes.map((p, i) => `${chLiteral(p)} AS s${i}`).join(', ')}`);
      assert.deepEqual(probes.map((_, i) => row[`s${i}`]), probes);
    } finally {
      await conn.close();
    }
  });

  it('merges the same evidence for every named read (dyad, ties, windows, partners, mediation, matching, span, totals)', async () => {
    for (const scope of ['world', 'region', 'gdelt2012'] as const) {
      const s = scopes[scope];
      const both = async (what: string, f: (st: Store) => Promise<unknown>, sortArrays = true) => {
        const [x, y] = [await withStore('duckdb', f), await withStore('clickhouse', f)];
        assert.deepEqual(canonical(y, sortArrays), canonical(x, sortArrays), `${what} (${scope})`);
      };
      await both('readDyad GEO–RUS', (st) => reads.readDyad(st, s, { a: 'GEO', b: 'RUS', by: 'month' }));
      await both('readDyadDatasetIds', (st) => reads.readDyadDatasetIds(st, s, { a: 'GEO', b: 'RUS', limit: 100 }), false);
      await both('readTies', (st) => reads.readTies(st, s));
      await both('readWindows', (st) => reads.readWindows(st, s, { asOf: '2013-06-30', days: 90 }));
      await both('readPartners', (st) => reads.readPartners(st, s, { actor: 'GEO', by: 'quarter' }));
      await both('readMediation ARM–AZE', (st) => reads.readMediation(st, s, { a: 'ARM', b: 'AZE', meetingCameo: ['04'] }));
      await both('readMatchingEvents', (st) => reads.readMatchingEvents(st, s, { source: ['RUS'], target: ['GEO'], either: true, quad: [3, 4] }, 30), false);
      await both('readSpan', (st) => reads.readSpan(st, s));
      await both('readPeriodTotals', (st) => reads.readPeriodTotals(st, s, 'quarter'));
    }
  });

  /** The CLI's JSON for `args` on both backends, parsed. */
  async function bothCli(args: string[]): Promise<[unknown, unknown]> {
    const out: unknown[] = [];
    for (const [name, b] of [['duckdb', duck], ['clickhouse', ch]] as const) {
      const extra = name === 'clickhouse' ? ['--backend', 'clickhouse', '--clickhouse', cluster!.url] : [];
      const r = await runMain([...extra, ...args], { db: b.db });
      assert.equal(r.code, 0, `${name} ${args.join(' ')}: ${r.stderr.slice(0, 400)}`);
      out.push(JSON.parse(r.stdout));
    }
    return [out[0], out[1]];
  }

  for (const args of [
    ['dyad', 'GEO', 'RUS', '--by', 'quarter', '--region', 'world', '--normalize', '--trend', '--json'],
    ['dyad', 'ARM', 'AZE', '--by', 'month', '--json'],
    ['balance', '--from', '2012-01-01', '--to', '2012-12-31', '--json'],
    ['balance', '--region', 'world', '--origin', 'gdelt', '--json'],
    ['alerts', '--region', 'world', '--as-of', '2013-06-30', '--json'],
    ['mediation', 'ARM', 'AZE', '--by', 'year', '--json'],
    ['influence', 'GEO', '--region', 'world', '--by', 'year', '--json'],
    ['theses', '--json'],
  ]) {
    it(`faultline ${args.join(' ')} prints the same figures`, async () => {
      const [x, y] = await bothCli(args);
      assert.deepEqual(canonical(y, false), canonical(x, false));
    });
  }

  it('the API answers /api/region, /api/events (with datasets), /api/dyad, /api/balance and /api/theses the same', async () => {
    for (const path of ['/api/region', '/api/events?datasets=true&actor=GEO&from=2012-08-01&to=2012-10-31&limit=300', '/api/events?datasets=true&limit=50',
      '/api/dyad?a=GEO&b=RUS&by=year&region=world', '/api/balance', '/api/theses']) {
      const ask = async (store: Store) => {
        const r = await createApp({ store }).request(path);
        return { status: r.status, body: (await r.json()) as unknown };
      };
      const [x, y] = [await withStore('duckdb', ask), await withStore('clickhouse', ask)];
      assert.equal(x.status, 200, `${path}: ${JSON.stringify(x.body).slice(0, 300)}`);
      if (path.startsWith('/api/events')) assert.ok((x.body as unknown[]).length >= 50, `${path}: ${(x.body as unknown[]).length} events`);
      assert.deepEqual(canonical(y, false), canonical(x, false), path);
    }
  });

  it('the brief reads the same evidence (markdown, identical text)', async () => {
    const texts: string[] = [];
    for (const [name, b] of [['duckdb', duck], ['clickhouse', ch]] as const) {
      const extra = name === 'clickhouse' ? ['--backend', 'clickhouse', '--clickhouse', cluster!.url] : [];
      // The same file name in two folders: chart files are named after the brief.
      mkdirSync(join(tmp, name), { recursive: true });
      const out = join(tmp, name, 'brief.md');
      const r = await runMain([...extra, 'brief', '--format', 'md', '--runs', '10', '--out', out], { db: b.db });
      assert.equal(r.code, 0, r.stderr.slice(0, 400));
      texts.push(readFileSync(out, 'utf8'));
    }
    assert.ok(texts[0].length > 1000);
    const [a, b] = texts.map((t) => t.split('\n'));
    const first = a.findIndex((line, i) => line !== b[i]);
    assert.equal(first, -1, `line ${first + 1} differs:\n  duckdb:     ${a[first]}\n  clickhouse: ${b[first]}`);
    assert.equal(texts[1], texts[0]);
  });
});

describe('a ClickHouse import that died after writing its rows is finished by the next run', { skip: chSkip }, () => {
  it('counts the rows it finds under its own import id as imported, sends none twice, then records the import', async () => {
    cluster ??= testCluster();
    const entry = parseClickHouseUrl(cluster.url);
    // A database of its own on one server, plain tables: the cluster's data is left alone.
    const target = { ...entry, database: 'faultline_resume_test', cluster: null };
    await dropTables([entry.url], target);
    await createTables([entry.url], target);
    const file = GDELT_FILES.find((f) => f.endsWith('aug2011.csv'))!;
    const conn = new ClickHouse(target);
    const open = () => openStore(':memory:', { datasets: () => clickHouseDatasets(target) });
    const count = async () => Number((await conn.rows<{ n: number }>('SELECT count(*) AS n FROM events'))[0].n);
    try {
      let store = await open();
      const clean = await importDatasetFile(store, GDELT, file);
      store.close();
      const rows = await count();
      assert.equal(rows, clean.imported);
      // The run "dies" after its rows went in: its record is lost (its rows, carrying its import id, stay).
      await conn.command('DROP TABLE imports');
      await createTables([entry.url], target);
      store = await open();
      const resumed = await importDatasetFile(store, GDELT, file);
      const again = await importDatasetFile(store, GDELT, file);
      store.close();
      const { rows: r1, imported: i1, duplicates: d1, malformed: m1, filtered: f1 } = clean;
      assert.deepEqual({ rows: resumed.rows, imported: resumed.imported, duplicates: resumed.duplicates, malformed: resumed.malformed, filtered: resumed.filtered, skipped: resumed.skipped },
        { rows: r1, imported: i1, duplicates: d1, malformed: m1, filtered: f1, skipped: false });
      assert.equal(await count(), rows, 'no row was sent twice');
      assert.equal(again.skipped, true, 'the finished import is recorded: a third run reads nothing');
      // Read again on purpose (--force): every id is stored already, so every row is a duplicate, as on DuckDB.
      store = await open();
      const forced = await importDatasetFile(store, GDELT, file, { force: true });
      store.close();
      assert.equal(forced.imported, 0);
      assert.equal(forced.duplicates, forced.rows - forced.malformed);
    } finally {
      await dropTables([entry.url], target);
      await conn.close();
    }
  });
});
