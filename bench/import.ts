// bench:import — rows per second importing a generated 1,000,000-row GDELT 2.0 export, against DuckDB's own
// read_csv + INSERT of the same file into an equivalent table, each run in its own process for its peak memory.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CODES = ['010', '036', '042', '043', '057', '111', '112', '130', '141', '173', '190', '193', '0874', '1823'];
const COUNTRIES = ['ARM', 'AZE', 'GEO', 'RUS', 'TUR', 'IRN', 'USA', 'FRA', 'DEU', 'UKR', ''];

/** Writes `rows` synthetic GDELT 2.0 rows (61 tab-separated columns) with a deterministic generator. */
async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const pick = <T>(xs: readonly T[]) => xs[next() % xs.length];
  for (let i = 0; i < rows; i++) {
    const day = `2024${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const a1 = pick(COUNTRIES);
    const a2 = pick(COUNTRIES);
    const code = pick(CODES);
    const root = Number(code.slice(0, 2));
    const quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    const geo = (name: string, cc: string) => ['4', name, cc, `${cc}01`, '', '41.7', '44.8', '-2330077'];
    const c = [
      String(1_000_000_000 + i), day, day.slice(0, 6), day.slice(0, 4), `${day.slice(0, 4)}.0027`,
      a1 ? `${a1}GOV` : '', a1 ? `${a1} GOVERNMENT` : '', a1, '', '', '', '', a1 ? 'GOV' : '', '', '',
      a2 ? `${a2}MIL` : '', a2 ? `${a2} ARMY` : '', a2, '', '', '', '', a2 ? 'MIL' : '', '', '',
      '1', code, code.slice(0, 3), code.slice(0, 2), String(quad), (quad <= 2 ? 3.4 : -5.2).toString(), '6', '2', '6', '-1.234567',
      ...geo('Tbilisi, Tbilisi, Georgia', 'GG'), ...geo('Yerevan, Yerevan, Armenia', 'AM'), ...geo('Baku, Baki, Azerbaijan', 'AJ'),
      `${day}120000`, `https://news.example.org/2024/${i}.html`,
    ];
    if (!out.write(`${c.join('\t')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

interface Run {
  readonly ms: number;
  readonly rows: number;
  readonly maxRssMb: number;
}

/** Child process: one measured run, printed as JSON. */
async function child(kind: string, file: string, db: string): Promise<void> {
  let started = 0;
  let rows = 0;
  if (kind === 'faultline') {
    const { openStore } = await import('../src/store/index.js');
    const { importFile, GDELT } = await import('../src/ingest/index.js');
    const store = await openStore(db);
    started = performance.now();
    const r = await importFile(store, GDELT, file);
    if (r.malformed + r.duplicates + r.filtered !== 0) throw new Error(`unexpected rejects: ${JSON.stringify(r).slice(0, 300)}`);
    rows = r.imported;
    await store.run('CHECKPOINT');
    store.close();
  } else {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { GDELT_COLUMNS, GDELT_TYPES } = await import('../src/ingest/gdelt/columns.js');
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    started = performance.now();
    const cols = GDELT_COLUMNS[61].map((n) => [n, GDELT_TYPES[n] ?? 'VARCHAR'] as const);
    await c.run(`CREATE TABLE gdelt_events (${cols.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
    const spec = `{${cols.map(([n, t]) => `'${n}': '${t}'`).join(', ')}}`;
    const res = await c.runAndReadAll(
      `INSERT INTO gdelt_events SELECT * FROM read_csv('${file}', columns = ${spec}, delim = '\t', quote = '', header = false, dateformat = '%Y%m%d', auto_detect = false)`,
    );
    rows = Number(res.getRows()[0][0]);
    await c.run('CHECKPOINT');
    c.closeSync();
    instance.closeSync();
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 } satisfies Run));
}

function measure(kind: string, file: string, dir: string): Run {
  const db = join(dir, `${kind}.duckdb`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--run', kind, file, db], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${kind} run failed: ${r.stderr}`);
  rmSync(db, { force: true });
  return JSON.parse(r.stdout) as Run;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  try {
    const file = join(dir, '20240101000000.export.CSV');
    const t0 = performance.now();
    await generate(file, ROWS);
    const mb = statSync(file).size / 1024 / 1024;
    console.log(`generated ${ROWS.toLocaleString('en-US')} GDELT 2.0 rows (${mb.toFixed(0)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const duck = measure('duckdb', file, dir);
    const ours = measure('faultline', file, dir);
    const line = (name: string, r: Run) =>
      `${name.padEnd(34)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US').padStart(11)} rows/s  peak RSS ${r.maxRssMb.toFixed(0)} MiB`;
    console.log(line('DuckDB read_csv + INSERT (baseline)', duck));
    console.log(line('faultline import gdelt', ours));
    console.log(`ratio faultline / DuckDB time: ${(ours.ms / duck.ms).toFixed(2)}× (goal ≤ 2×); peak RSS goal < 1024 MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const runAt = process.argv.indexOf('--run');
const generateAt = process.argv.indexOf('--generate');
if (runAt >= 0) await child(process.argv[runAt + 1], process.argv[runAt + 2], process.argv[runAt + 3]);
else if (generateAt >= 0) await generate(process.argv[generateAt + 1], ROWS); // keeps a file for profiling
else await main();
