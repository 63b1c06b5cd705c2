// bench:measure — monthly dyad series and a yearly signed-network balance on 10,000,000 generated events, against the plain DuckDB aggregates.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/duckdb-store.js';
import type { Store } from '../src/store/store.js';
import { dyadSeries } from '../src/measure/dyad-series.js';
import { signedNetwork } from '../src/measure/signed-network.js';
import { balance } from '../src/measure/balance.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const COUNTRIES = 40;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 11);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  await fn(); // warm-up
  const runs: number[] = [];
  let value!: T;
  for (let i = 0; i < REPEATS; i++) {
    const r = await time(fn);
    runs.push(r.ms);
    value = r.value;
  }
  return { ms: median(runs), value };
}

/**
 * Subject and baseline run in turn (warm-up of both, then subject, baseline, subject, …), so that a change in the
 * machine's load during the bench touches both medians alike.
 */
async function paired<T, U>(subject: () => Promise<T>, baseline: () => Promise<U>): Promise<[{ ms: number; value: T }, { ms: number; value: U }]> {
  await subject();
  await baseline();
  const a: number[] = [];
  const b: number[] = [];
  let va!: T;
  let vb!: U;
  for (let i = 0; i < REPEATS; i++) {
    const x = await time(subject);
    a.push(x.ms);
    va = x.value;
    const y = await time(baseline);
    b.push(y.ms);
    vb = y.value;
  }
  return [{ ms: median(a), value: va }, { ms: median(b), value: vb }];
}

/** Fills `events` with generated rows: countries C00…C39 with a skew towards low numbers, days 2000–2019, Goldstein −10…10. */
async function generate(store: Store): Promise<void> {
  await store.run(`INSERT INTO events
    SELECT 'g' || i, 'gdelt', i::VARCHAR, d, d, 'day', '040', q, g, NULL, [], [], [],
      [s], [t], s, t, s, t, NULL, NULL, '', [], 1, false, false, NULL, 'reported', 'accepted'
    FROM (
      SELECT i,
        DATE '2000-01-01' + (hash(i) % 7305)::INTEGER AS d,
        (1 + hash(i * 3) % 4)::TINYINT AS q,
        round(((hash(i * 5) % 201)::DOUBLE - 100) / 10, 1) AS g,
        'C' || lpad(floor(sqrt(hash(i * 7) % ${COUNTRIES * COUNTRIES}))::INTEGER::VARCHAR, 2, '0') AS s,
        'C' || lpad((hash(i * 11) % ${COUNTRIES})::VARCHAR, 2, '0') AS t
      FROM generate_series(1, ${EVENTS}) AS gs(i)
    )`);
}

const dir = await mkdtemp(path.join(tmpdir(), 'faultline-bench-measure-'));
const store = await openStore(path.join(dir, 'bench.duckdb'));
try {
  const gen = await time(() => generate(store));
  const [{ n }] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM events');
  console.log(`generated ${n.toLocaleString('en')} events in ${(gen.ms / 1000).toFixed(1)} s`);

  const [dyad, dyadPlain] = await paired(() => dyadSeries(store, { a: 'C01', b: 'C02', by: 'month' }), () =>
    // The same figures dyadSeries returns (count, quad counts, Goldstein sum), straight off the scalar columns.
    store.all(`SELECT strftime(date_start, '%Y-%m') AS period, count(*) AS events, count(*) FILTER (quad = 1) AS q1,
               count(*) FILTER (quad = 2) AS q2, count(*) FILTER (quad = 3) AS q3, count(*) FILTER (quad = 4) AS q4,
               sum(goldstein) AS g FROM events
               WHERE (source_country = 'C01' AND target_country = 'C02') OR (source_country = 'C02' AND target_country = 'C01')
               GROUP BY period ORDER BY period`),
  );
  const [bal, balPlain] = await paired(async () => balance(await signedNetwork(store, { from: '2015-01-01', to: '2015-12-31' })), () =>
    store.all(`SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b, count(*) AS n, sum(goldstein) AS g
               FROM events WHERE date_start BETWEEN DATE '2015-01-01' AND DATE '2015-12-31' AND source_country <> target_country GROUP BY ALL`),
  );
  const netOnly = await timed(() => signedNetwork(store, { from: '2015-01-01', to: '2015-12-31' }));
  const net = netOnly.value;
  const graphOnly = await timed(async () => balance(net));

  const row = (name: string, ms: number, plain: number, goal: number) =>
    console.log(`${name.padEnd(34)} ${(ms / 1000).toFixed(3)} s   plain aggregate ${(plain / 1000).toFixed(3)} s   ratio ${(ms / plain).toFixed(2)}×   goal < ${goal} s and ≤ 1.5×: ${ms < goal * 1000 && ms / plain <= 1.5 ? 'met' : 'NOT met'}`);
  console.log(`median of ${REPEATS} runs after one warm-up, subject and baseline in turn`);
  row(`dyad series C01–C02 by month (${dyad.value.length} months)`, dyad.ms, dyadPlain.ms, 2);
  row(`balance 2015 (${bal.value.nodes.length} nodes, ${bal.value.edges.length} edges)`, bal.ms, balPlain.ms, 5);
  console.log(`  signed network query alone ${(netOnly.ms / 1000).toFixed(3)} s (${(netOnly.ms / balPlain.ms).toFixed(2)}× the plain aggregate); balance measures on it ${(graphOnly.ms / 1000).toFixed(3)} s (frustration exact: ${bal.value.frustration.exact})`);
} finally {
  store.close();
  await rm(dir, { recursive: true, force: true });
}
