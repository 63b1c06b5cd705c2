// bench:scale — 10,000,000 generated GDELT 2.0 events (ten files, one a year 2015–2024): import time, and the dyad
// series and the yearly signed networks queried through the measures, on DuckDB (the baseline), on one ClickHouse
// server, and through a Distributed table over two local ClickHouse shards, as ratios against DuckDB in one run.
//   BENCH_EVENTS=1000000 npm run bench:scale   (a smaller run; the default is 10M)
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/duckdb-store.js';
import type { Store } from '../src/store/store.js';
import { clickHouseDatasets, createTables, dropTables } from '../src/store/clickhouse/index.js';
import { GDELT, importFiles } from '../src/ingest/index.js';
import { dyadSeries } from '../src/measure/dyad-series.js';
import { signedNetwork } from '../src/measure/signed-network.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const REPEAT = 3;
const PORT = 38123;
const SCRIPT = fileURLToPath(new URL('../scripts/clickhouse-cluster.sh', import.meta.url));

// A skewed world: a few countries take most events, as in GDELT; '' is an actor without a country.
const COUNTRIES = ['USA', 'RUS', 'CHN', 'GBR', 'FRA', 'DEU', 'TUR', 'IRN', 'UKR', 'GEO', 'ARM', 'AZE', 'ISR', 'IND', 'PAK', 'JPN', 'BRA', 'EGY', 'SAU', ''];
const CODES: ReadonlyArray<readonly [string, number, number]> = [
  ['010', 1, 0], ['036', 1, 4], ['042', 1, 1.9], ['043', 1, 2.8], ['057', 2, 8], ['061', 2, 6.4], ['111', 3, -2], ['112', 3, -2],
  ['130', 3, -4.4], ['141', 3, -6.5], ['173', 4, -5], ['190', 4, -10], ['193', 4, -10], ['0874', 2, 3.5], ['1823', 4, -9],
];

/** Writes `rows` tab-separated GDELT 2.0 export rows of `year` with ids from `firstId`, from a seeded generator. */
async function writeYear(path: string, year: number, rows: number, firstId: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = year * 7919;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const country = () => COUNTRIES[Math.floor(COUNTRIES.length * rand() ** 2)];
  const geo = (cc: string) => (cc ? ['1', cc, cc, '', '', '0', '0', ''] : ['0', '', '', '', '', '', '', '']);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor(365 * rand()))).toISOString().slice(0, 10).replace(/-/g, '');
    const [a1, a2] = [country(), country()];
    const [code, quad, goldstein] = CODES[Math.floor(CODES.length * rand())];
    const actor = (cc: string) => (cc ? [`${cc}GOV`, cc, cc, '', '', '', '', 'GOV', '', ''] : ['', '', '', '', '', '', '', '', '', '']);
    const cols = [
      String(firstId + i), day, day.slice(0, 6), day.slice(0, 4), `${year}.5000`, ...actor(a1), ...actor(a2),
      '1', code, code.slice(0, 3), code.slice(0, 2), String(quad), String(goldstein), '4', '1', '4', '-1.5',
      ...geo(a1), ...geo(a2), ...geo(a1 || a2), `${day}000000`, `https://example.org/${firstId + i}`,
    ];
    chunk += `${cols.join('\t')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

interface Result {
  readonly name: string;
  readonly importMs: number;
  readonly imported: number;
  readonly dyadMs: number;
  readonly networkMs: number;
  readonly check: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await f();
  return [performance.now() - t, v];
}

/** Imports the files into `store`, then times the dyad series and the yearly networks (median of REPEAT after a warm-up). */
async function run(name: string, store: Store, files: readonly string[]): Promise<Result> {
  const [importMs, r] = await timed(() => importFiles(store, GDELT, files));
  if (r.totals.malformed || r.totals.filtered) throw new Error(`${name}: unexpected rejects ${JSON.stringify(r.totals)}`);
  const dyad = () => dyadSeries(store, { a: 'GEO', b: 'RUS', by: 'month', scope: { region: 'world' } });
  const network = async () => {
    let edges = 0;
    for (const y of YEARS) edges += (await signedNetwork(store, { scope: { region: 'world' }, from: `${y}-01-01`, to: `${y}-12-31` })).edges.length;
    return edges;
  };
  const series = await dyad();
  const edges = await network();
  const dyadTimes: number[] = [];
  const networkTimes: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    dyadTimes.push((await timed(dyad))[0]);
    networkTimes.push((await timed(network))[0]);
  }
  // The figures every backend must agree on: events in the series, and edges over the ten years.
  const check = `${series.reduce((n, p) => n + p.events, 0)} GEO–RUS events, ${edges} edges`;
  return { name, importMs, imported: r.totals.imported, dyadMs: median(dyadTimes), networkMs: median(networkTimes), check };
}

function cluster(cmd: 'start' | 'stop', dir: string): string {
  const r = spawnSync('bash', [SCRIPT, cmd], { encoding: 'utf8', env: { ...process.env, FAULTLINE_CH_DIR: join(dir, 'cluster'), FAULTLINE_CH_PORT: String(PORT), FAULTLINE_CH_DATABASE: 'bench_two' } });
  if (r.status !== 0) throw new Error(`clickhouse-cluster.sh ${cmd}: ${r.stderr.slice(-600)}`);
  return r.stdout.trim().split('\n').pop() ?? '';
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-scale-'));
  let started = false;
  try {
    const per = Math.ceil(EVENTS / YEARS.length);
    const files: string[] = [];
    const [genMs] = await timed(async () => {
      for (const [i, y] of YEARS.entries()) {
        const f = join(dir, `${y}0101000000.export.CSV`);
        await writeYear(f, y, Math.min(per, EVENTS - i * per), 1_000_000_000 + i * per);
        files.push(f);
      }
    });
    const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 2 ** 20;
    console.log(`generated ${EVENTS.toLocaleString('en-US')} GDELT 2.0 events in ${files.length} files (${mb.toFixed(0)} MiB) in ${(genMs / 1000).toFixed(0)} s`);

    const results: Result[] = [];
    const duck = await openStore(join(dir, 'duckdb.duckdb'));
    results.push(await run('DuckDB (embedded, baseline)', duck, files));
    duck.close();

    const two = cluster('start', dir);
    started = true;
    const shards = [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT + 1}`];
    await createTables([shards[0]], { database: 'bench_one', cluster: null });
    const one = await openStore(join(dir, 'one.duckdb'), { datasets: () => clickHouseDatasets({ url: shards[0], database: 'bench_one', cluster: null }) });
    results.push(await run('ClickHouse, one server (MergeTree)', one, files));
    one.close();
    await dropTables([shards[0]], { database: 'bench_one' });

    const dist = await openStore(join(dir, 'two.duckdb'), { datasets: () => clickHouseDatasets(two) });
    results.push(await run('ClickHouse, two shards (Distributed)', dist, files));
    dist.close();

    const base = results[0];
    const ratio = (x: number, b: number) => `${(x / b).toFixed(2)}×`;
    console.log('');
    console.log(`| backend | import | events/s | ×DuckDB | dyad series GEO–RUS by month | ×DuckDB | yearly networks 2015–2024 (10 reads) | ×DuckDB |`);
    console.log(`|---|---:|---:|---:|---:|---:|---:|---:|`);
    for (const r of results) {
      console.log(`| ${r.name} | ${(r.importMs / 1000).toFixed(1)} s | ${Math.round(r.imported / (r.importMs / 1000)).toLocaleString('en-US')} | ${ratio(r.importMs, base.importMs)} | ` +
        `${r.dyadMs.toFixed(0)} ms | ${ratio(r.dyadMs, base.dyadMs)} | ${r.networkMs.toFixed(0)} ms | ${ratio(r.networkMs, base.networkMs)} |`);
    }
    console.log('');
    for (const r of results) console.log(`${r.name}: ${r.imported.toLocaleString('en-US')} imported; ${r.check}`);
    const agree = results.every((r) => r.check === base.check && r.imported === base.imported);
    console.log(agree ? 'all backends give the same figures' : 'BACKENDS DISAGREE');
    console.log('(both shards share this machine\'s cores and disk: see README "Scaling out" for what changes on separate machines)');
    if (!agree) process.exitCode = 1;
  } finally {
    if (started) cluster('stop', dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
