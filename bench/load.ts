// bench:load — `faultline load` of generated regions with 1,000 and 10,000 actors, events, sources and claims, against a
// plain DuckDB bulk insert of the same rows (read_json into tables of the same shape); each run in its own process for its peak memory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const CODES = ['010', '036', '042', '043', '057', '111', '112', '130', '141', '173', '190'];

/** A region directory with `n` records of each of sources, actors, events and claims (deterministic), plus the same rows as JSON. */
function generate(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'region.yaml'), `id: bench\nname: Bench Region\ndescription: Generated for bench:load.\ncountries: [ARM, AZE]\n`);
  const rows: Record<string, unknown[]> = { sources: [], actors: [], events: [], claims: [] };
  for (let i = 0; i < n; i++) {
    const country = i % 2 ? 'ARM' : 'AZE';
    const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.sources.push({ id: `src-${i}`, kind: 'article', outlet: 'Bench News', title: `Generated article ${i}`, url: `https://bench.example.org/${i}`, published: day, accessed: '2025-01-01' });
    rows.actors.push({ id: `actor-${i}`, kind: 'person', name: `Person ${i}`, aliases: [`P${i}`, `Person Number ${i}`], country, code: `${country}GOV`,
      roles: [{ title: 'Minister', code: `${country}GOV`, from: '2020-01-01' }], sources: [`src-${i}`] });
    rows.events.push({ id: `event-${i}`, date: day, cameo: CODES[i % CODES.length], source: [`actor-${i}`], target: [`actor-${(i * 7 + 1) % n}`],
      summary: `Generated event ${i} between two officials.`, sources: [`src-${i}`] });
    rows.claims.push({ id: `claim-${i}`, claimant: [`actor-${i}`], statement: `Generated claim ${i} about an event.`, date: day,
      about: { actors: [`actor-${(i + 3) % n}`], events: [`event-${i}`] }, status: 'asserted', sources: [`src-${i}`] });
  }
  for (const [name, list] of Object.entries(rows)) {
    writeFileSync(join(dir, `${name}.yaml`), stringify(list));
    writeFileSync(join(dir, '..', `${name}.json`), JSON.stringify(list));
  }
}

interface Run {
  readonly ms: number;
  /** Loading the modules before the work starts. */
  readonly startupMs: number;
  readonly records: number;
  readonly maxRssMb: number;
}

/** Child process: one measured run, printed as JSON. */
async function child(kind: string, dir: string, db: string): Promise<void> {
  const t0 = performance.now();
  let records = 0;
  // Module loading (TypeScript compiled at run time under tsx) is timed apart from the load itself.
  if (kind === 'faultline') await Promise.all([import('../src/cli/main.js'), import('../src/ingest/curated/index.js'), import('../src/store/index.js'), import('../src/cli/commands/knowledge.js')]);
  else await import('@duckdb/node-api');
  const started = performance.now();
  if (kind === 'faultline') {
    const { main } = await import('../src/cli/main.js');
    let out = '';
    let err = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: { ...process.env, FAULTLINE_DB: db }, cwd: process.cwd() };
    if ((await main(['node', 'faultline', 'load', dir], io)) !== 0) throw new Error(`load failed: ${err.slice(0, 2000)}`);
    const m = /loaded (\d+) sources, (\d+) actors, (\d+) events, (\d+) claims/.exec(out);
    if (!m) throw new Error(`unexpected output: ${out}`);
    records = Number(m[1]) + Number(m[2]) + Number(m[3]) + Number(m[4]);
  } else {
    // The same rows, already as JSON (no YAML, no validation), bulk-inserted by DuckDB itself into tables of the same shape.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { MIGRATIONS } = await import('../src/store/migrations.js');
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) await c.run(m.sql);
    const spec: Record<string, string> = {
      sources: `r.id, 'bench', r.kind, r.outlet, r.title, []::VARCHAR[], r.url, r.published::DATE, r.accessed::DATE, 'en', NULL, NULL, NULL, NULL`,
      actors: `r.id, 'bench', r.kind, r.name, r.aliases::VARCHAR[], r.country, r.code, NULL, to_json(r.roles), NULL, r.sources::VARCHAR[]`,
      events: `r.id, 'bench', NULL, r.date::DATE, r.date::DATE, 'day', r.cameo, 1, 0.0, NULL, r.source::VARCHAR[], r.target::VARCHAR[], []::VARCHAR[],
        []::VARCHAR[], []::VARCHAR[], NULL, NULL, NULL, NULL, NULL, NULL, r.summary, r.sources::VARCHAR[], 1.0, false, false, NULL, 'reported', 'accepted'`,
      claims: `r.id, 'bench', r.claimant::VARCHAR[], r.statement, r.date::DATE, r.date::DATE, 'day', r.about.actors::VARCHAR[], r.about.events::VARCHAR[],
        r.status, []::VARCHAR[], []::VARCHAR[], []::VARCHAR[], r.sources::VARCHAR[], 'accepted'`,
    };
    for (const t of Object.keys(spec)) {
      const path = join(dir, '..', `${t}.json`);
      const res = await c.runAndReadAll(`INSERT INTO ${t} SELECT ${spec[t]} FROM read_json('${path}', format = 'array') AS r`);
      records += Number(res.getRows()[0][0]);
    }
    await c.run('CHECKPOINT');
    c.closeSync();
    instance.closeSync();
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, startupMs: started - t0, records, maxRssMb: process.resourceUsage().maxRSS / 1024 } satisfies Run));
}

function measure(kind: string, dir: string, work: string): Run {
  const db = join(work, `${kind}.duckdb`);
  rmSync(db, { force: true });
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--run', kind, dir, db], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${kind} run failed: ${r.stderr}`);
  rmSync(db, { force: true });
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'faultline-bench-load-'));
  try {
    console.log('records of each kind  run                                time      peak RSS  (+ module loading, not timed)');
    for (const n of SIZES) {
      const dir = join(work, `n${n}`, `region`);
      generate(dir, n);
      const duck = measure('duckdb', dir, work);
      const ours = measure('faultline', dir, work);
      const line = (name: string, r: Run) => `${n.toLocaleString('en-US').padStart(20)}  ${name.padEnd(33)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${r.maxRssMb.toFixed(0).padStart(6)} MiB  (+${(r.startupMs / 1000).toFixed(2)} s)`;
      console.log(line('DuckDB bulk insert of the rows', duck));
      console.log(line('faultline load (validate + write)', ours));
      console.log(`${''.padStart(20)}  ratio faultline / DuckDB: ${(ours.ms / duck.ms).toFixed(2)}× time, ${(ours.maxRssMb / duck.maxRssMb).toFixed(2)}× memory; ${ours.records.toLocaleString('en-US')} records` +
        `${n >= 10_000 ? `; goal ≤ 10 s and ≤ 1024 MiB: ${ours.ms <= 10_000 && ours.maxRssMb <= 1024 ? 'met' : 'NOT met'}` : ''}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const runAt = process.argv.indexOf('--run');
const generateAt = process.argv.indexOf('--generate');
if (runAt >= 0) await child(process.argv[runAt + 1], process.argv[runAt + 2], process.argv[runAt + 3]);
else if (generateAt >= 0) generate(process.argv[generateAt + 1], Number(process.argv[generateAt + 2] ?? 10_000)); // keeps a region for profiling
else await main();
