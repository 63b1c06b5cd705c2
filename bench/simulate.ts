// Whole-process timings of `faultline simulate` on KTAB's inputs and 1,000 Monte Carlo runs, next to KTAB's own times.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const ktab = fileURLToPath(new URL('../../shared/data/ktab/', import.meta.url));

// KTAB smpc (C++, -O2, whole process), as stated in issue 7.
const CASES: ReadonlyArray<{ label: string; args: string[]; ktabSeconds?: number }> = [
  { label: 'dummyData_3Dim (7×3)', args: ['dummyData_3Dim.csv'], ktabSeconds: 0.07 },
  { label: 'SOE-Pol-Comp (13×2)', args: ['SOE-Pol-Comp.csv'], ktabSeconds: 0.46 },
  { label: 'dummyData_6Dim (27×6)', args: ['dummyData_6Dim.csv'], ktabSeconds: 2.8 },
  { label: 'dummyData-a040 (40×1)', args: ['dummyData-a040.csv'], ktabSeconds: 6.5 },
  { label: 'dummyData-a080 (80×1)', args: ['dummyData-a080.csv'], ktabSeconds: 58 },
  { label: 'dummyData-a160 (160×1)', args: ['dummyData-a160.csv'] },
  { label: '3Dim, 1,000 Monte Carlo runs', args: ['dummyData_3Dim.csv', '--runs', '1000', '--perturb', '5', '--seed', '1'] },
];

if (!existsSync(ktab)) {
  console.log('bench/simulate: ../shared/data/ktab is absent; nothing to time');
  process.exit(0);
}

// The engine alone: the same code bundled to plain JavaScript (esbuild ships with tsx), so that the
// TypeScript loader's ~0.15 s start-up does not dominate the small cases.
const out = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
await build({
  entryPoints: [fileURLToPath(new URL('./simulate-entry.ts', import.meta.url))],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: out,
  logLevel: 'error',
});
const bundled = join(out, 'simulate-entry.js');

const repeats = Number(process.env.BENCH_REPEATS ?? 3);
function best(argv: string[], label: string): number {
  let t = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (p.status !== 0) throw new Error(`bench/simulate: ${label} failed: ${p.stderr}`);
    t = Math.min(t, s);
  }
  return t;
}
const ratio = (k: number | undefined, s: number) => (k ? `${(k / s).toFixed(1)}×` : '—');
const rows: string[][] = [['input', 'CLI via tsx (s)', 'bundled entry (s)', 'KTAB (s)', 'KTAB/CLI', 'KTAB/bundled']];
for (const c of CASES) {
  const [file, ...rest] = c.args;
  const cli = best(['--import', 'tsx', 'src/cli/main.ts', 'simulate', ktab + file, ...rest, '--json'], c.label);
  const eng = best([bundled, ktab + file, ...rest], c.label);
  rows.push([c.label, cli.toFixed(3), eng.toFixed(3), c.ktabSeconds?.toFixed(2) ?? '—', ratio(c.ktabSeconds, cli), ratio(c.ktabSeconds, eng)]);
}
console.log(`whole-process wall time, best of ${repeats}; KTAB's times as given in issue 7`);
const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
for (const r of rows) console.log(r.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  '));
