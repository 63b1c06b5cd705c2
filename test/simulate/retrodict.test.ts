import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/server/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { parseScenario, retrodict, retrodictionScores, scenarioProblem, seededRng, simulate } from '../../src/simulate/index.js';
import { runMain } from '../helpers/cli.js';

const scenarios = fileURLToPath(new URL('../../data/regions/south-caucasus/scenarios/', import.meta.url));

// Two actors of equal weight at 20 and 40, and an outcome of 30: the weighted mean calls it exactly.
const known = `kind: scenario
name: known
title: Known
asOf: "2024-01-01"
dimensions: [{ name: d, low: a, high: b }]
actors:
  - { name: A, capability: { value: 1, note: n }, positions: [{ value: 20, note: n }], saliences: [{ value: 50, note: n }] }
  - { name: B, capability: { value: 1, note: n }, positions: [{ value: 40, note: n }], saliences: [{ value: 50, note: n }] }
outcome: [{ dimension: d, value: 30, date: "2024-06-01", note: n }]
`;

describe('retrodict(scenarios, options)', () => {
  it('gives each model’s prediction from the asOf inputs and its absolute error against the outcome', () => {
    const s = parseScenario(known, 'known.yaml');
    const [row] = retrodict([s]);
    assert.equal(row.outcome, 30);
    const mean = row.models.find((m) => m.model === 'mean')!;
    assert.deepEqual(mean, { model: 'mean', kind: 'baseline', prediction: 30, error: 0 });
    for (const m of row.models) {
      assert.equal(m.prediction, Math.round(simulate(scenarioProblem(s), { model: m.model }).final.outcome[0] * 100) / 100);
      assert.equal(m.error, Math.round(Math.abs(m.prediction - 30) * 100) / 100);
    }
    assert.equal(row.bestBaseline.error, 0);
    assert.equal(row.modelBeatsBaselines, false, 'no bargaining model can beat an error of 0');
    assert.equal(row.unsourcedInputs, 6);
  });

  it('skips scenarios without an outcome', () => {
    assert.deepEqual(retrodict([parseScenario(known.replace(/^outcome.*$/m, ''), 'x.yaml')]), []);
  });

  it('reports the SMP band and whether it held the outcome when runs are asked for', () => {
    const [row] = retrodict([parseScenario(known, 'known.yaml')], { runs: 20, perturb: 5, rng: (name) => seededRng(name) });
    assert.ok(row.band && row.band.runs === 20);
    assert.equal(row.band!.outcomeInBand, row.band!.p10 <= 30 && 30 <= row.band!.p90);
  });
});

describe('retrodictionScores(rows)', () => {
  it('averages each model’s error and counts where it was closest', () => {
    const rows = retrodict([parseScenario(known, 'known.yaml')]);
    const mean = retrodictionScores(rows).find((s) => s.model === 'mean')!;
    assert.deepEqual(mean, { model: 'mean', kind: 'baseline', rows: 1, meanError: 0, closest: 1 });
  });
});

describe('faultline simulate --retrodict and GET /api/retrodict', () => {
  let store: Store;
  before(async () => {
    store = await openStore(':memory:');
  });
  after(() => store.close());

  it('lists the built-in scenarios with known outcomes, among them the transit route before Washington', async () => {
    const r = await runMain(['simulate', '--retrodict', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as any[];
    assert.ok(rows.length >= 2, 'at least two scenarios with outcomes');
    const transit = rows.find((x) => x.scenario === 'transit-route-2025');
    assert.ok(transit, 'transit-route-2025 is retrodicted');
    assert.equal(transit.asOf, '2025-07-31');
    assert.equal(transit.outcome, 15);
    assert.deepEqual(transit.models.map((m: any) => m.model), ['smp', 'eu', 'median', 'mean', 'actor-median', 'capability-mean']);
    for (const m of transit.models) assert.ok(Math.abs(m.error - Math.abs(m.prediction - 15)) < 0.011, JSON.stringify(m));
    const baselines = transit.models.filter((m: any) => m.kind === 'baseline');
    assert.equal(transit.bestBaseline.error, Math.min(...baselines.map((m: any) => m.error)));
    assert.ok(rows.some((x) => x.scenario === 'peace-talks-format-2023'));
  });

  it('prints a table with the errors and the mean error of each model', async () => {
    const r = await runMain(['simulate', '--retrodict']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^scenario +asOf +dimension +outcome +smp +smp error +eu +eu error/);
    assert.match(r.stdout, /transit-route-2025 +2025-07-31 +route-control +15 /);
    assert.match(r.stdout, /Mean absolute error over \d+ retrodicted outcome\(s\)/);
  });

  it('the API answers what the CLI prints, from the same function', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retrodict-'));
    for (const f of ['transit-route-2025.yaml', 'peace-talks-format-2023.yaml', 'russia-role.yaml']) writeFileSync(join(dir, f), readFileSync(join(scenarios, f)));
    const app = createApp({ store, scenarioDirs: async () => [dir] });
    const res = await app.request('/api/retrodict?runs=10&seed=3');
    assert.equal(res.status, 200);
    const api = await res.json();
    const cli = await runMain(['simulate', '--retrodict', '--dir', dir, '--runs', '10', '--seed', '3', '--json']);
    assert.deepEqual(api, JSON.parse(cli.stdout));
    assert.equal((api as any[]).length, 2, 'russia-role has no outcome yet');
    assert.equal((await app.request('/api/retrodict?runs=abc')).status, 400);
  });

  it('names a malformed scenario file with its line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retrodict-bad-'));
    writeFileSync(join(dir, 'bad.yaml'), known.replace('value: 40, note: n', 'value: 140, note: n'));
    const r = await runMain(['simulate', '--retrodict', '--dir', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^simulate\/scenario: .*bad\.yaml:8: actors\.1\.positions\.0\.value: must be within 0\.\.100\n$/);
  });
});
