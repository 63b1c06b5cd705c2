import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { theilSen } from '../../src/measure/theil-sen.js';
import { mannKendall } from '../../src/measure/mann-kendall.js';
import { changePoints } from '../../src/measure/change-points.js';
import { dyadTrend, periodOrdinal } from '../../src/measure/dyad-trend.js';
import { seededRandom } from '../../src/measure/rng.js';
import { optimalPartitioning } from './brute-force.js';

const med = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('theilSen(x, y)', () => {
  it('recovers a line through outliers and equals the median of all pairwise slopes', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = x.map((v) => 2 - 0.5 * v);
    y[3] = 40;
    const fit = theilSen(x, y)!;
    assert.equal(fit.slope, -0.5);
    assert.equal(fit.intercept, 2);
    const rand = seededRandom(1);
    const ys = x.map(() => rand() * 10);
    const slopes: number[] = [];
    for (let i = 0; i < x.length; i++) for (let j = i + 1; j < x.length; j++) slopes.push((ys[j] - ys[i]) / (x[j] - x[i]));
    assert.equal(theilSen(x, ys)!.slope, med(slopes));
  });
});

describe('mannKendall(y)', () => {
  it('gives S = n(n−1)/2 and the normal p-value for a strictly rising series', () => {
    const mk = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])!;
    assert.equal(mk.s, 45);
    assert.equal(mk.variance, (10 * 9 * 25) / 18);
    assert.ok(Math.abs(mk.z - 44 / Math.sqrt(125)) < 1e-12);
    // P(|Z| > 3.9355) ≈ 8.30e-5 (standard normal table).
    assert.ok(Math.abs(mk.p - 8.3e-5) < 0.05e-5, `p = ${mk.p}`);
  });

  it('applies the tie correction to the variance', () => {
    // Values 1,1,2,2,2,3: ties of sizes 2 and 3.
    const mk = mannKendall([1, 1, 2, 2, 2, 3])!;
    assert.equal(mk.s, 11);
    assert.equal(mk.variance, (6 * 5 * 17 - (2 * 1 * 9 + 3 * 2 * 11)) / 18);
  });

  it('finds no trend in a symmetric series', () => {
    const mk = mannKendall([1, 3, 2, 3, 1])!;
    assert.equal(mk.s, 0);
    assert.equal(mk.p, 1);
  });
});

describe('changePoints(y, options)', () => {
  it('returns the optimal partitioning found without pruning, on 40 random series with shifts', () => {
    const rand = seededRandom(21);
    for (let trial = 0; trial < 40; trial++) {
      const n = 10 + Math.floor(rand() * 30);
      const y: number[] = [];
      let level = 0;
      for (let i = 0; i < n; i++) {
        if (rand() < 0.1) level += (rand() - 0.5) * 8;
        y.push(level + (rand() - 0.5) * 2);
      }
      const minSegment = 1 + Math.floor(rand() * 3);
      const seg = changePoints(y, { minSegment });
      const op = optimalPartitioning(y, seg.penalty, minSegment);
      assert.deepEqual([...seg.changes], op.changes, `trial ${trial}`);
      assert.ok(Math.abs(seg.cost - op.cost) < 1e-6);
    }
  });

  it('finds a single clean shift and reports the segment means', () => {
    const y = [1, 1.2, 0.9, 1.1, 1, -3, -3.1, -2.9, -3, -3.05];
    const seg = changePoints(y);
    assert.deepEqual([...seg.changes], [5]);
    assert.ok(Math.abs(seg.means[0] - 1.04) < 1e-12);
    assert.ok(Math.abs(seg.means[1] - -3.01) < 1e-12);
  });
});

describe('dyadTrend(series, options)', () => {
  it('skips empty periods, measures x on the calendar and names change points by period', () => {
    const months = ['2012-01', '2012-02', '2012-03', '2012-05', '2012-06', '2012-07', '2012-08', '2012-09'];
    const means = [2, 2.1, 1.9, -1, -1.1, -0.9, -1, -1.05];
    const series = months.map((period, i) => ({ period, events: 5, goldstein_mean: means[i] }));
    series.splice(3, 0, { period: '2012-04', events: 0, goldstein_mean: null as unknown as number });
    const t = dyadTrend(series);
    assert.equal(t.periods, 8);
    assert.equal(t.changePoints.length, 1);
    assert.equal(t.changePoints[0].period, '2012-05');
    assert.equal(t.changePoints[0].index, 4);
    const x = months.map((m) => periodOrdinal(m)! - periodOrdinal('2012-01')!);
    assert.equal(t.slope, theilSen(x, means)!.slope);
    assert.ok(t.slope! < 0);
    assert.ok(t.mannKendall!.s < 0);
  });

  it('reads year, quarter and day labels', () => {
    assert.equal(periodOrdinal('2013')! - periodOrdinal('2011')!, 2);
    assert.equal(periodOrdinal('2013-Q1')! - periodOrdinal('2012-Q3')!, 2);
    assert.equal(periodOrdinal('2012-07-01', 'quarter')! - periodOrdinal('2012-01-01', 'quarter')!, 2);
  });
});
