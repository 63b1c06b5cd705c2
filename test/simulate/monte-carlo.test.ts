import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { monteCarlo, parseKtabCsv, perturbProblem, quantile, seededRng, simulate } from '../../src/simulate/index.js';

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

describe('faultline simulate --runs --seed', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulate', ...args], { cwd: root, encoding: 'utf8' });

  it('prints byte-identical JSON for the same seed', { skip: !exists && 'no ../shared' }, () => {
    const a = cli(input, '--runs', '25', '--perturb', '5', '--seed', '9', '--json');
    const b = cli(input, '--runs', '25', '--perturb', '5', '--seed', '9', '--json');
    const c = cli(input, '--runs', '25', '--perturb', '5', '--seed', '10', '--json');
    assert.equal(a.status, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.notEqual(a.stdout, c.stdout);
    const r = JSON.parse(a.stdout);
    assert.equal(r.model, 'smp');
    assert.equal(r.iterations, 10);
    assert.equal(r.history.length, 11);
    assert.deepEqual(r.history[0].positions['SActor-00'], [75.79, 6.37, 70.45]);
    assert.equal(r.distribution.outcome.length, 3);
  });

  it('reports a malformed number as a one-line user error', () => {
    const bad = `${root}test/simulate/fixtures/bad-salience.csv`;
    const r = cli(bad);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^simulate\/ktab-csv: .*bad-salience\.csv:4: salience 1: "abc" is not a number\n$/);
  });
});
