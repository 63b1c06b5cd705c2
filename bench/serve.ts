// Load on the HTTP API: 50 concurrent keep-alive clients for 20 s on /api/dyad and /api/events over loopback, against one client alone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 20);
const BASELINE_SECONDS = arg('baseline-seconds', 5);

// Pairs and windows drawn from the built-in region: its three states and the powers around them.
const PARTIES = ['ARM', 'AZE', 'GEO', 'RUS', 'TUR', 'IRN', 'USA', 'IND', 'FRA'];
const BY = ['year', 'quarter', 'month'];

/** A deterministic stream of request paths, alternating dyad and events queries. */
function* paths(seed: number): Generator<string> {
  let x = seed * 2654435761 || 1;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0) % 100_000) / 100_000;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  for (let i = 0; ; i++) {
    if (i % 2 === 0) {
      const a = pick(PARTIES);
      let b = pick(PARTIES);
      if (b === a) b = PARTIES[(PARTIES.indexOf(a) + 1) % PARTIES.length];
      yield `/api/dyad?a=${a}&b=${b}&by=${pick(BY)}`;
    } else {
      const from = 2008 + Math.floor(next() * 17);
      const actor = next() < 0.5 ? `&actor=${pick(PARTIES)}` : '';
      yield `/api/events?from=${from}&to=${Math.min(2025, from + 1 + Math.floor(next() * 5))}${actor}`;
    }
  }
}

interface Run {
  readonly latencies: number[];
  readonly errors: number;
  readonly requests: number;
  readonly seconds: number;
}

/** `clients` loops, each sending its next request when the previous answer is read, until the deadline. */
async function load(base: string, clients: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const stream = paths(c + 1);
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          const res = await fetch(base + stream.next().value);
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, errors, requests: latencies.length, seconds: (performance.now() - start) / 1000 };
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

function describe(label: string, r: Run) {
  const s = [...r.latencies].sort((a, b) => a - b);
  const p50 = quantile(s, 0.5);
  const p99 = quantile(s, 0.99);
  console.log(
    `${label.padEnd(28)} ${String(r.requests).padStart(7)} requests  ${(r.requests / r.seconds).toFixed(0).padStart(6)} req/s  p50 ${p50.toFixed(2).padStart(7)} ms  p99 ${p99.toFixed(2).padStart(7)} ms  max ${s[s.length - 1].toFixed(1).padStart(7)} ms  errors ${r.errors}`,
  );
  return { p50, p99 };
}

/** Starts `faultline serve` as a child on a free loopback port and resolves with its base URL. */
function startServer(db: string, cache: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(root, 'bin/faultline.js'), '--db', db, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-build', '--cache', String(cache)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`bench/serve: the server exited with ${code} before listening`)));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-serve-'));
const db = join(dir, 'bench.duckdb');
const loaded = spawnSync(process.execPath, [join(root, 'bin/faultline.js'), '--db', db, 'load', join(root, 'data/regions/south-caucasus')], { encoding: 'utf8' });
if (loaded.status !== 0) throw new Error(`bench/serve: loading the built-in region failed:\n${loaded.stderr}`);
/** Baseline (one client) and load (CLIENTS clients) against one server; returns whether the goal was met. */
async function measure(label: string, cache: number): Promise<boolean> {
  const { child, base } = await startServer(db, cache);
  try {
    console.log(`\n${label} (faultline serve --cache ${cache} at ${base})`);
    await load(base, 4, 1); // warm-up: JIT, DuckDB caches
    const baseline = describe('baseline: 1 client', await load(base, 1, BASELINE_SECONDS));
    const run = await load(base, CLIENTS, SECONDS);
    const under = describe(`load: ${CLIENTS} clients, ${SECONDS} s`, run);
    console.log(`p50 ratio load/baseline ${(under.p50 / baseline.p50).toFixed(1)}×, p99 ratio ${(under.p99 / baseline.p99).toFixed(1)}×`);
    const met = under.p99 < 100 && run.errors === 0;
    console.log(`goal: p99 < 100 ms and zero errors under load — ${met ? 'met' : 'NOT met'}`);
    return met;
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

try {
  console.log(`bench/serve: built-in region (${loaded.stdout.trim()}); ${CLIENTS} clients for ${SECONDS} s on /api/dyad and /api/events over loopback`);
  await measure('as served (answer cache on)', 2000);
  if (!process.argv.includes('--cached-only')) await measure('every request computed (answer cache off)', 0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
