import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { runMain } from '../helpers/cli.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import type { DyadPeriod } from '../../src/measure/dyad-series.js';
import { dyadTrend, type DyadTrend } from '../../src/measure/dyad-trend.js';
import { optimalPartitioning } from './brute-force.js';
import { defaultPenalty } from '../../src/measure/change-points.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.resolve(repoRoot, '..', 'shared', 'data', 'gdelt', 'v1-georgia-2011-2013');
const skip = existsSync(dir) ? false : `no GDELT sample at ${dir}`;

/** Runs the CLI in process and returns stdout (failing on a non-zero exit). */
async function faultline(...args: string[]): Promise<string> {
  const r = await runMain(args);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

/**
 * The GEO–RUS rows straight from the CSV files, without the importer: some files carry an unnamed leading
 * row-number column (58 names, 59 values), so each file's columns are located by counting.
 */
async function directRows(store: Store): Promise<string> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  const selects: string[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    const header = readFileSync(file, 'utf8').slice(0, 4000).split(/\r?\n/)[0].split(',').map((h) => h.replace(/"/g, ''));
    const source = `read_csv('${file}', header = false, skip = 1, all_varchar = true, nullstr = 'NA')`;
    const cols = (await store.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${source}`)).map((c) => c.column_name);
    const off = cols.length - header.length;
    const col = (name: string) => cols[header.indexOf(name) + off];
    selects.push(`SELECT ${col('GLOBALEVENTID')} AS id, ${col('SQLDATE')} AS day, ${col('Actor1CountryCode')} AS c1, ${col('Actor2CountryCode')} AS c2, ${col('GoldsteinScale')}::DOUBLE AS g FROM ${source}`);
  }
  // The same event id in two files is one event.
  return `(SELECT DISTINCT ON (id) * FROM (${selects.join(' UNION ALL ')}) WHERE (c1 = 'GEO' AND c2 = 'RUS') OR (c1 = 'RUS' AND c2 = 'GEO'))`;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('GEO–RUS on the real GDELT Georgia sample (2011–2013)', { skip }, () => {
  let store: Store;
  let tmp: string;
  before(async () => {
    store = await openStore(':memory:');
    tmp = await mkdtemp(path.join(tmpdir(), 'faultline-gdelt-'));
  });
  after(async () => {
    store?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('gives the monthly trend and change points that a direct computation on the raw CSV gives', async () => {
    // Direct: monthly Goldstein means straight from the CSV files, then the statistics written out longhand.
    const direct = await store.all<{ period: string; n: number; mean: number }>(
      `SELECT substr(day, 1, 4) || '-' || substr(day, 5, 2) AS period, count(*)::INTEGER AS n, avg(g)::DOUBLE AS mean
       FROM ${await directRows(store)} GROUP BY period ORDER BY period`,
    );
    assert.ok(direct.length >= 20, `${direct.length} months`);
    // The product path: import with the GDELT importer, then `dyad GEO RUS --by month --trend --json`.
    const db = path.join(tmp, 'gdelt.duckdb');
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
    await faultline('import', 'gdelt', ...files, '--db', db);
    const out = JSON.parse(await faultline('dyad', 'GEO', 'RUS', '--by', 'month', '--trend', '--json', '--db', db)) as { series: DyadPeriod[]; trend: DyadTrend; evidence: { events: number; origins: Record<string, number> } };
    const { trend } = out;
    // Every month from the first to the last is present; months without events have 0 events and a null mean.
    const month = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
    assert.equal(out.series.length, month(direct[direct.length - 1].period) - month(direct[0].period) + 1);
    assert.ok(out.series.filter((p) => p.events === 0).every((p) => p.goldstein_mean === null));
    const series = out.series.filter((p) => p.events > 0);
    assert.deepEqual(series.map((p) => [p.period, p.events]), direct.map((d) => [d.period, d.n]));
    series.forEach((p, i) => assert.ok(Math.abs(p.goldstein_mean! - direct[i].mean) <= 0.005 + 1e-9, p.period));
    assert.equal(out.evidence.events, direct.reduce((n, d) => n + d.n, 0));
    assert.deepEqual(out.evidence.origins, { gdelt: out.evidence.events });

    // The series carries means rounded to 2 decimals; the longhand uses the same values so the statistics must agree exactly.
    const y = series.map((p) => p.goldstein_mean!);
    const x = series.map((p) => month(p.period) - month(series[0].period));
    const slopes: number[] = [];
    let s = 0;
    for (let i = 0; i < y.length; i++)
      for (let j = i + 1; j < y.length; j++) {
        slopes.push((y[j] - y[i]) / (x[j] - x[i]));
        s += Math.sign(y[j] - y[i]);
      }
    const slope = median(slopes);
    assert.equal(trend.slope, slope);
    assert.equal(trend.intercept, median(y.map((v, i) => v - slope * x[i])));
    assert.equal(trend.mannKendall!.s, s);
    assert.equal(trend.periods, direct.length);
    // And the rounding moves the slope by far less than its size.
    const raw = direct.map((d) => d.mean);
    const rawSlopes: number[] = [];
    for (let i = 0; i < raw.length; i++) for (let j = i + 1; j < raw.length; j++) rawSlopes.push((raw[j] - raw[i]) / (x[j] - x[i]));
    assert.ok(Math.abs(median(rawSlopes) - slope) < 0.005, `raw ${median(rawSlopes)} vs ${slope}`);

    const op = optimalPartitioning(y, defaultPenalty(y), 2);
    assert.deepEqual(trend.changePoints.map((c) => c.period), op.changes.map((k) => series[k].period));
    for (const [k, c] of trend.changePoints.entries()) {
      const bounds = [0, ...op.changes, y.length];
      const seg = (a: number, b: number) => y.slice(a, b).reduce((t, v) => t + v, 0) / (b - a);
      assert.ok(Math.abs(c.before - seg(bounds[k], bounds[k + 1])) < 1e-9);
      assert.ok(Math.abs(c.after - seg(bounds[k + 1], bounds[k + 2])) < 1e-9);
      assert.equal(c.period, out.series[c.index].period);
    }
    // Smaller penalties split the series; PELT must still return the unpruned optimum.
    let splits = 0;
    for (const divisor of [4, 10, 40]) {
      const penalty = defaultPenalty(y) / divisor;
      const t = dyadTrend(out.series, { by: 'month', penalty });
      assert.deepEqual(t.changePoints.map((c) => c.period), optimalPartitioning(y, penalty, 2).changes.map((k) => series[k].period), `penalty / ${divisor}`);
      splits += t.changePoints.length;
    }
    assert.ok(splits > 0, 'the smaller penalties find change points');
    process.stdout.write(`# GEO–RUS monthly: slope ${trend.slope} per month, MK S=${trend.mannKendall!.s} z=${trend.mannKendall!.z.toFixed(3)} p=${trend.mannKendall!.p.toFixed(4)}, change points ${trend.changePoints.map((c) => c.period).join(', ') || 'none'}\n`);
  });
});
