import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { monteCarlo, parseKtabCsv, parseScenario, perturbProblem, quantile, scenarioProblem, seededRng, simulate, summariseBand } from '../../src/simulate/index.js';
import { runMain } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const input = `${shared}data/ktab/dummyData_3Dim.csv`;
const exists = existsSync(input);

describe('seededRng(seed)', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = seededRng(7);
    const b = seededRng('7');
    const c = seededRng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(xs, Array.from({ length: 5 }, () => b.next()));
    assert.notDeepEqual(xs, Array.from({ length: 5 }, () => c.next()));
    for (const x of xs) assert.ok(x >= 0 && x < 1);
  });
});

describe('quantile(sorted, q)', () => {
  it('interpolates linearly', () => {
    assert.equal(quantile([0, 10], 0.1), 1);
    assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
  });
});

describe('perturbProblem(problem, perturb, rng)', () => {
  it('keeps every input within ±P and inside its range', { skip: !exists && 'no ../shared' }, () => {
    const p = parseKtabCsv(readFileSync(input, 'utf8'));
    const q = perturbProblem(p, 5, seededRng(3));
    p.actors.forEach((a, i) => {
      const b = q.actors[i];
      a.positions.forEach((x, k) => assert.ok(Math.abs(b.positions[k] - x) <= 5 + 1e-9 && b.positions[k] >= 0 && b.positions[k] <= 100));
      assert.ok(b.saliences.reduce((t, s) => t + s, 0) <= 1 + 1e-12);
      assert.ok(Math.abs(b.capability / a.capability - 1) <= 0.05 + 1e-12);
    });
  });
});

describe('monteCarlo(problem, options)', () => {
  it('brackets the outcomes: p10 <= mean <= p90, and zero jitter gives the deterministic outcome', { skip: !exists && 'no ../shared' }, () => {
    const p = parseKtabCsv(readFileSync(input, 'utf8'));
    const mc = monteCarlo(p, { model: 'smp', runs: 40, perturb: 5, rng: seededRng(1) });
    for (const b of mc.outcome) assert.ok(b.p10 <= b.mean && b.mean <= b.p90 && b.p10 < b.p90);
    const still = monteCarlo(p, { model: 'mean', runs: 5, perturb: 0, rng: seededRng(1) });
    const det = simulate(p, { model: 'mean' }).final.outcome;
    still.outcome.forEach((b, k) => {
      assert.equal(b.p10, b.p90);
      assert.ok(Math.abs(b.mean - det[k]) < 1e-4);
    });
  });

  it('widens its band with a larger jitter', { skip: !exists && 'no ../shared' }, () => {
    const p = parseKtabCsv(readFileSync(input, 'utf8'));
    const width = (perturb: number) => monteCarlo(p, { model: 'mean', runs: 200, perturb, rng: seededRng(2) }).outcome.map((b) => b.p90 - b.p10);
    const narrow = width(2);
    const wide = width(10);
    narrow.forEach((w, k) => assert.ok(wide[k] > w));
  });
});

describe('monteCarlo bands that are honest', () => {
  // The transit-route scenario as it stood before issue 18: the SMP's point (63.5) lay above its own band (33–61).
  const fixture = fileURLToPath(new URL('./fixtures/transit-route-before-issue-18.yaml', import.meta.url));
  const problem = () => scenarioProblem(parseScenario(readFileSync(fixture, 'utf8'), fixture));

  it('flags a point estimate outside its own p10–p90 band as unstable', () => {
    const mc = monteCarlo(problem(), { model: 'smp', runs: 100, perturb: 5, rng: seededRng(1) });
    const b = mc.outcome[0];
    assert.ok(b.point > b.p90, `point ${b.point} above p90 ${b.p90}`);
    assert.equal(b.pointInBand, false);
    assert.match(b.warning ?? '', /lies above its own 10–90% band .* unstable on these inputs/);
    assert.deepEqual(mc.warnings, [b.warning]);
    assert.ok(Math.abs(b.belowMidpoint + b.atMidpoint + b.aboveMidpoint - 1) < 1e-9);
    assert.ok(b.aboveMidpoint > 0 && b.belowMidpoint > 0, 'runs fall on both sides of the midpoint');
  });

  it('raises no flag when the point lies inside its band', () => {
    const mc = monteCarlo(problem(), { model: 'mean', runs: 100, perturb: 5, rng: seededRng(1) });
    assert.equal(mc.outcome[0].pointInBand, true);
    assert.equal(mc.outcome[0].warning, undefined);
    assert.deepEqual(mc.warnings, []);
  });

  it('says so in the terminal report instead of drawing the point inside the band', async () => {
    const r = await runMain(['simulate', fixture, '--runs', '100', '--perturb', '5', '--seed', '1']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /route-control: 63\.45 \(outside its band\)/);
    assert.match(r.stdout, /! route-control: the prediction of the KTAB Spatial Model of Politics on the inputs as given \(63\.45\) lies above/);
    assert.match(r.stdout, /runs below \/ at \/ above the midpoint 50\.00: \d+% \/ 0% \/ \d+%/);
  });
});

describe('summariseBand(dimension, point, outcomes, range)', () => {
  it('counts the runs on each side of the midpoint and at it', () => {
    const b = summariseBand('d', 50, [10, 20, 50, 80, 90], { min: 0, max: 100 });
    assert.deepEqual([b.belowMidpoint, b.atMidpoint, b.aboveMidpoint], [0.4, 0.2, 0.4]);
    assert.equal(b.pointInBand, true);
    assert.equal(summariseBand('d', 5, [10, 20, 50, 80, 90], { min: 0, max: 100 }).pointInBand, false);
  });
});

describe('faultline simulate --runs --seed', () => {
  it('prints byte-identical JSON for the same seed', { skip: !exists && 'no ../shared' }, async () => {
    const a = await runMain(['simulate', input, '--runs', '25', '--perturb', '5', '--seed', '9', '--json']);
    const b = await runMain(['simulate', input, '--runs', '25', '--perturb', '5', '--seed', '9', '--json']);
    const c = await runMain(['simulate', input, '--runs', '25', '--perturb', '5', '--seed', '10', '--json']);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.notEqual(a.stdout, c.stdout);
    const r = JSON.parse(a.stdout);
    assert.equal(r.model, 'smp');
    assert.equal(r.iterations, 10);
    assert.equal(r.history.length, 11);
    assert.deepEqual(r.history[0].positions['SActor-00'], [75.79, 6.37, 70.45]);
    assert.equal(r.distribution.outcome.length, 3);
    assert.equal(r.comparison.dimensions.length, 3);
  });

  it('prints one CSV row per dimension with the band and the models side by side', { skip: !exists && 'no ../shared' }, async () => {
    const r = await runMain(['simulate', input, '--runs', '10', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'dimension,model,prediction,p10,p90,point in band,smp,eu,median,mean,spread,models disagree');
    assert.equal(lines.length, 4);
  });

  it('reports a malformed number as a one-line user error', async () => {
    const bad = `${root}test/simulate/fixtures/bad-salience.csv`;
    const r = await runMain(['simulate', bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^simulate\/ktab-csv: .*bad-salience\.csv:4: salience 1: "abc" is not a number\n$/);
  });

  it('asks for a file or --retrodict', async () => {
    const r = await runMain(['simulate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^cli\/simulate: <file>: give a problem file, or --retrodict\n$/);
  });
});
