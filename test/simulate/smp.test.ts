import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseKtabCsv, runSmp } from '../../src/simulate/index.js';
import { parseKtabReference } from './ktab-reference.js';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const ktab = `${shared}data/ktab/`;
const exists = existsSync(ktab);

// Each case: input, KTAB's log, and the number of steps KTAB took.
const CASES = [
  ['dummyData_3Dim', '20170530_ref-dummyData_3Dim.txt', 10],
  ['SOE-Pol-Comp', '20170530_ref-SOE-Pol-Comp.txt', 27],
  ['dummyData_6Dim', 'ref-2026-dummyData_6Dim.txt', 29],
  ['dummyData-a040', 'ref-2026-dummyData-a040.txt', 20],
  ['dummyData-a080', 'ref-2026-dummyData-a080.txt', 17],
] as const;

describe('runSmp(problem) against KTAB reference runs', () => {
  for (const [input, log, steps] of CASES) {
    it(`${input}: ${steps} iterations, every state within 0.5 of KTAB`, { skip: !exists && 'no ../shared' }, () => {
      const problem = parseKtabCsv(readFileSync(`${ktab}${input}.csv`, 'utf8'), input);
      const ref = parseKtabReference(readFileSync(`${ktab}${log}`, 'utf8'));
      assert.equal(ref.steps, steps);
      const run = runSmp(problem);
      assert.equal(run.iterations, steps);
      const nd = problem.dimensions.length;
      let worst = 0;
      run.states.forEach((state, t) => {
        problem.actors.forEach((a, i) => {
          const hist = ref.history.get(a.name);
          assert.ok(hist, `reference has no history for ${a.name}`);
          for (let k = 0; k < nd; k++) worst = Math.max(worst, Math.abs(state.positions[i * nd + k] * 100 - hist[k][t]));
        });
      });
      // The log prints one decimal, so an exact port is off by at most 0.05 plus float noise.
      assert.ok(worst <= 0.0501, `worst deviation ${worst}`);
    });
  }
});

describe('runSmp(problem) invariants', () => {
  it('keeps positions inside the unit box and probabilities summing over distinct positions to 1', { skip: !exists && 'no ../shared' }, () => {
    const problem = parseKtabCsv(readFileSync(`${ktab}dummyData_3Dim.csv`, 'utf8'));
    const run = runSmp(problem);
    for (const s of run.states) for (const x of s.positions) assert.ok(x >= 0 && x <= 1);
    for (const x of run.outcome) assert.ok(x >= 0 && x <= 1);
  });

  it('respects maxIterations', { skip: !exists && 'no ../shared' }, () => {
    const problem = parseKtabCsv(readFileSync(`${ktab}dummyData_3Dim.csv`, 'utf8'));
    assert.equal(runSmp(problem, { maxIterations: 3 }).iterations, 3);
  });
});
