import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { dyadSeries } from '../../src/measure/dyad-series.js';
import { dyadTrend } from '../../src/measure/dyad-trend.js';
import { optimalPartitioning } from './brute-force.js';
import { defaultPenalty } from '../../src/measure/change-points.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.resolve(repoRoot, '..', 'shared', 'data', 'gdelt', 'v1-georgia-2011-2013');
const skip = existsSync(dir) ? false : `no GDELT sample at ${dir}`;
const csv = `read_csv('${dir}/*.csv', header = true, nullstr = 'NA', union_by_name = true, types = {'EventCode': 'VARCHAR', 'SQLDATE': 'VARCHAR'})`;

/** Loads the raw rows into the events table the way an import lays them out: one country a side, from Actor1/2CountryCode. */
async function loadRaw(store: Store): Promise<void> {
  await store.run(`INSERT INTO events SELECT
      'gdelt:' || GLOBALEVENTID, 'gdelt', GLOBALEVENTID::VARCHAR, strptime(SQLDATE, '%Y%m%d')::DATE, strptime(SQLDATE, '%Y%m%d')::DATE, 'day',
      EventCode, QuadClass, GoldsteinScale, NULL, [], [], [],
      CASE WHEN Actor1CountryCode IS NULL THEN [] ELSE [Actor1CountryCode] END, CASE WHEN Actor2CountryCode IS NULL THEN [] ELSE [Actor2CountryCode] END,
      Actor1Code, Actor2Code, Actor1CountryCode, Actor2CountryCode, NULL, NULL, '', [], 1, false, false, NULL
    FROM ${csv} WHERE GLOBALEVENTID IS NOT NULL AND SQLDATE IS NOT NULL AND QuadClass IS NOT NULL AND GoldsteinScale IS NOT NULL`);
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('GEO–RUS on the real GDELT Georgia sample (2011–2013)', { skip }, () => {
  let store: Store;
  before(async () => {
    store = await openStore(':memory:');
    await loadRaw(store);
  });
  after(() => store?.close());

  it('gives the monthly trend and change points that a direct computation on the raw CSV gives', async () => {
    // Direct: monthly Goldstein means straight from the CSV files, then the statistics written out longhand.
    const direct = await store.all<{ period: string; n: number; mean: number }>(
      `SELECT strftime(strptime(SQLDATE, '%Y%m%d'), '%Y-%m') AS period, count(*)::INTEGER AS n, avg(GoldsteinScale)::DOUBLE AS mean
       FROM ${csv}
       WHERE (Actor1CountryCode = 'GEO' AND Actor2CountryCode = 'RUS') OR (Actor1CountryCode = 'RUS' AND Actor2CountryCode = 'GEO')
       GROUP BY period ORDER BY period`,
    );
    assert.ok(direct.length >= 12, `${direct.length} months`);
    const series = await dyadSeries(store, { a: 'GEO', b: 'RUS', by: 'month' });
    assert.deepEqual(series.map((p) => [p.period, p.events]), direct.map((d) => [d.period, d.n]));
    series.forEach((p, i) => assert.ok(Math.abs(p.goldstein_mean - direct[i].mean) <= 0.005 + 1e-9, p.period));

    const trend = dyadTrend(series, { by: 'month' });
    // The series carries means rounded to 2 decimals; the longhand uses the same values so the statistics must agree exactly.
    const y = series.map((p) => p.goldstein_mean);
    const month = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
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
    // And the rounding moves the slope by far less than its size.
    const raw = direct.map((d) => d.mean);
    const rawSlopes: number[] = [];
    for (let i = 0; i < raw.length; i++) for (let j = i + 1; j < raw.length; j++) rawSlopes.push((raw[j] - raw[i]) / (x[j] - x[i]));
    assert.ok(Math.abs(median(rawSlopes) - slope) < 0.005, `raw ${median(rawSlopes)} vs ${slope}`);

    const op = optimalPartitioning(y, defaultPenalty(y), 2);
    assert.deepEqual(trend.changePoints.map((c) => c.index), op.changes);
    for (const [k, c] of trend.changePoints.entries()) {
      const bounds = [0, ...op.changes, y.length];
      const seg = (a: number, b: number) => y.slice(a, b).reduce((t, v) => t + v, 0) / (b - a);
      assert.ok(Math.abs(c.before - seg(bounds[k], bounds[k + 1])) < 1e-9);
      assert.ok(Math.abs(c.after - seg(bounds[k + 1], bounds[k + 2])) < 1e-9);
      assert.equal(c.period, series[c.index].period);
    }
    // Smaller penalties split the series; PELT must still return the unpruned optimum.
    let splits = 0;
    for (const divisor of [4, 10, 40]) {
      const penalty = defaultPenalty(y) / divisor;
      const t = dyadTrend(series, { by: 'month', penalty });
      assert.deepEqual(t.changePoints.map((c) => c.index), optimalPartitioning(y, penalty, 2).changes, `penalty / ${divisor}`);
      splits += t.changePoints.length;
    }
    assert.ok(splits > 0, 'the smaller penalties find change points');
    process.stdout.write(`# GEO–RUS monthly: slope ${trend.slope} per month, MK S=${trend.mannKendall!.s} z=${trend.mannKendall!.z.toFixed(3)} p=${trend.mannKendall!.p.toFixed(4)}, change points ${trend.changePoints.map((c) => c.period).join(', ') || 'none'}\n`);
  });
});
