import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMPARE_DEFAULTS, compareModels, parseScenario, scenarioProblem, simulate } from '../../src/simulate/index.js';
import type { SpatialProblem } from '../../src/simulate/index.js';

const fixture = fileURLToPath(new URL('./fixtures/transit-route-before-issue-18.yaml', import.meta.url));
const transit = () => scenarioProblem(parseScenario(readFileSync(fixture, 'utf8'), fixture));

const problem = (positions: number[]): SpatialProblem => ({
  kind: 'spatial-problem',
  name: 'p',
  description: '',
  dimensions: [{ name: 'd', min: 0, max: 100 }],
  actors: positions.map((x, i) => ({ name: `A${i}`, description: '', capability: 1 + i, positions: [x], saliences: [0.5], citations: [] })),
});

describe('compareModels(problem, options)', () => {
  it('lists SMP, EU, median and mean with the same predictions simulate gives, and their spread', () => {
    const p = transit();
    const c = compareModels(p);
    const d = c.dimensions[0];
    assert.deepEqual(d.predictions.map((x) => x.model), ['smp', 'eu', 'median', 'mean']);
    for (const x of d.predictions) assert.equal(x.prediction, simulate(p, { model: x.model }).final.outcome[0]);
    const xs = d.predictions.map((x) => x.prediction);
    assert.ok(Math.abs(d.spread - (Math.max(...xs) - Math.min(...xs))) < 0.01);
  });

  it('says in words that the models disagree when the spread is above the threshold', () => {
    const c = compareModels(transit());
    const d = c.dimensions[0];
    assert.ok(d.spreadShare > COMPARE_DEFAULTS.disagreeShare, `spread ${d.spread}`);
    assert.equal(d.disagree, true);
    assert.match(d.summary, /^route-control: the models disagree \(smp 63\.45, eu 5, median 35, mean 41\.9\); .* 58\.45 points apart, 58% of the scale and more than the 20% threshold/);
    assert.deepEqual(c.warnings, [d.summary]);
  });

  it('finds agreement when every actor holds the same position, and honours a wider threshold', () => {
    const same = compareModels(problem([40, 40, 40]));
    assert.equal(same.dimensions[0].spread, 0);
    assert.equal(same.dimensions[0].disagree, false);
    assert.match(same.dimensions[0].summary, /agree within 0 points/);
    assert.equal(compareModels(transit(), { disagreeShare: 0.9 }).dimensions[0].disagree, false);
  });
});
