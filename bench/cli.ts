// bench:cli — start-up cost of the compiled CLI: `faultline --version` against `node -e 0`, and `events --actor ARM` on the
// built-in region against a bare Node script that opens the same DuckDB file read-only and runs one query. Medians of
// interleaved runs (baseline, subject, baseline, …) so that load from other processes hits both alike.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'faultline.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('bench:cli: dist/ is not built; run `npm run build` (npm run bench:cli does)\n');
  process.exit(2);
}

function run(args: readonly string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`bench:cli: node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs baseline and subject alternately `RUNS` times after one warm-up each; returns their medians. */
function pair(baseline: readonly string[], subject: readonly string[]): { baseline: number; subject: number } {
  run(baseline);
  run(subject);
  const b: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(run(baseline));
    s.push(run(subject));
  }
  return { baseline: median(b), subject: median(s) };
}

const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-cli-'));
const db = join(dir, 'kb.duckdb');
try {
  const load = spawnSync(process.execPath, [BIN, 'load', join(ROOT, 'data', 'regions', 'south-caucasus'), '--db', db], { cwd: ROOT, encoding: 'utf8' });
  if (load.status !== 0) throw new Error(`bench:cli: load failed: ${load.stderr}`);

  // The same query `events --actor ARM` runs (events touching ARM as actor or country, curated and extracted only).
  const query = `SELECT * FROM events WHERE NOT (starts_with(origin, 'gdelt') OR starts_with(origin, 'icews') OR starts_with(origin, 'acled'))
    AND (list_contains(source_actors, 'ARM') OR list_contains(target_actors, 'ARM') OR list_contains(third_actors, 'ARM')
      OR list_contains(source_countries, 'ARM') OR list_contains(target_countries, 'ARM'))
    ORDER BY date_start NULLS LAST, date_end, id`;
  const bare = [
    '--input-type=module',
    '-e',
    `const { DuckDBInstance } = await import('@duckdb/node-api');
     const instance = await DuckDBInstance.create(${JSON.stringify(db)}, { access_mode: 'READ_ONLY' });
     const c = await instance.connect();
     const rows = (await c.runAndReadAll(${JSON.stringify(query)})).getRowObjectsJson();
     console.log(rows.length);`,
  ];

  const version = pair(['-e', '0'], [BIN, '--version']);
  const events = pair(bare, [BIN, 'events', '--actor', 'ARM', '--db', db]);
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const line = (name: string, base: string, r: { baseline: number; subject: number }, limit: number) => {
    const ratio = r.subject / r.baseline;
    return `${name.padEnd(24)} ${fmt(r.subject).padStart(8)}   ${base.padEnd(40)} ${fmt(r.baseline).padStart(8)}   ratio ${ratio.toFixed(2)} (target ≤ ${limit})${ratio <= limit ? '' : '  OVER'}`;
  };
  process.stdout.write(`bench:cli — medians of ${RUNS} interleaved runs each, Node ${process.version}\n`);
  process.stdout.write(`${line('faultline --version', 'node -e 0', version, 2)}\n`);
  process.stdout.write(`${line('events --actor ARM', 'bare DuckDB script (read-only, 1 query)', events, 1.5)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
