import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../src/model/errors.js';
import { monteCarlo, parseScenario, scenarioProblem, seededRng, simulate } from '../../src/simulate/index.js';

const dir = fileURLToPath(new URL('../../data/regions/south-caucasus/scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('south-caucasus scenarios', () => {
  it('cover the transit route, Russia’s role and the 3+3 format', () => {
    for (const name of ['transit-route.yaml', 'russia-role.yaml', 'three-plus-three.yaml']) assert.ok(files.includes(name), name);
  });

  for (const f of files) {
    it(`${f}: every input is cited and every model gives an outcome with a band`, () => {
      const problem = scenarioProblem(parseScenario(readFileSync(dir + f, 'utf8'), f));
      for (const a of problem.actors) {
        assert.equal(a.citations.length, 1 + 2 * problem.dimensions.length);
        for (const c of a.citations) assert.ok(c.source || c.claim || c.note, `${a.name} ${c.field}`);
      }
      for (const model of ['smp', 'eu', 'mean', 'median'] as const) {
        const r = simulate(problem, { model });
        assert.ok(r.citations, 'citations are reported');
        const mc = monteCarlo(problem, { model, runs: 30, perturb: 5, rng: seededRng(1) });
        r.final.outcome.forEach((x, k) => {
          assert.ok(x >= 0 && x <= 100, `${model} outcome ${x}`);
          const b = mc.outcome[k];
          assert.ok(b.p10 <= b.mean && b.mean <= b.p90, `${model} band`);
        });
      }
    });
  }
});

describe('parseScenario(text, file)', () => {
  const base = (salience: string) => `kind: scenario
name: t
title: T
asOf: "2025-01-01"
dimensions: [{ name: d, low: a, high: b }]
actors:
  - { name: A, capability: { value: 1, note: n }, positions: [{ value: 10, note: n }], saliences: [${salience}] }
  - { name: B, capability: { value: 1, note: n }, positions: [{ value: 90, note: n }], saliences: [{ value: 50, note: n }] }
`;
  it('accepts a cited scenario', () => {
    assert.equal(scenarioProblem(parseScenario(base('{ value: 50, note: n }'), 't.yaml')).actors[0].saliences[0], 0.5);
  });
  it('rejects an input without a source, claim or note, naming the field', () => {
    assert.throws(() => parseScenario(base('{ value: 50 }'), 't.yaml'), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /^simulate\/scenario: t\.yaml: actors\.0\.saliences\.0: every input needs a source, a claim or a note$/);
      return true;
    });
  });
});
