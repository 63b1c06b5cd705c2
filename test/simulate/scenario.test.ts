import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../../src/model/errors.js';
import { derivedCapability, monteCarlo, parseScenario, scenarioProblem, seededRng, simulate, unsourcedInputs } from '../../src/simulate/index.js';
import type { Scenario } from '../../src/simulate/index.js';

const region = fileURLToPath(new URL('../../data/regions/south-caucasus/', import.meta.url));
const dir = `${region}scenarios/`;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const scenarios = new Map(files.map((f) => [f, parseScenario(readFileSync(dir + f, 'utf8'), f)]));
const shared = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const hasShared = existsSync(`${shared}nmc/NMC-60-abridged.csv`) && existsSync(`${shared}sipri/milex-share-of-gdp-owid.csv`);

/** Every record id of a knowledge-base collection, from `<name>.yaml` and `<name>/*.yaml`, with its start day. */
function kbRecords(name: string): Map<string, string> {
  const paths = [`${region}${name}.yaml`, ...(existsSync(`${region}${name}`) ? readdirSync(`${region}${name}`).map((f) => `${region}${name}/${f}`) : [])];
  const out = new Map<string, string>();
  for (const p of paths.filter((x) => existsSync(x))) {
    for (const r of parseYaml(readFileSync(p, 'utf8')) as { id: string; date: string | { start: string } }[]) {
      out.set(r.id, typeof r.date === 'string' ? r.date : r.date.start);
    }
  }
  return out;
}
const events = kbRecords('events');
const claims = kbRecords('claims');

function inputs(s: Scenario) {
  return s.actors.flatMap((a) => [
    { where: `${a.name} capability`, v: a.capability },
    ...a.positions.map((v) => ({ where: `${a.name} position`, v })),
    ...a.saliences.map((v) => ({ where: `${a.name} salience`, v })),
  ]);
}

describe('south-caucasus scenarios', () => {
  it('cover the transit route before Washington, the 2023 talks format, Russia’s role and the 3+3 format', () => {
    for (const name of ['transit-route-2025.yaml', 'peace-talks-format-2023.yaml', 'russia-role.yaml', 'three-plus-three.yaml']) assert.ok(files.includes(name), name);
    assert.equal(scenarios.get('transit-route-2025.yaml')!.asOf, '2025-07-31');
    assert.ok(scenarios.get('transit-route-2025.yaml')!.asOf < '2025-08-08', 'before the Washington summit');
  });

  for (const f of files) {
    const s = scenarios.get(f)!;
    it(`${f}: every input cites a source, a knowledge-base record or an indicator, none later than asOf`, () => {
      assert.deepEqual(unsourcedInputs(s), [], 'inputs resting on a note alone');
      for (const { where, v } of inputs(s)) {
        // A derived capability cites its datasets; their years are checked by the parser (burdenYear ≤ asOf).
        if (v.source && !('states' in v && v.states)) assert.ok(v.date, `${where}: a source URL needs its date`);
        if (v.event) {
          assert.ok(events.has(v.event), `${where}: no event ${v.event} in the knowledge base`);
          assert.ok(events.get(v.event)! <= s.asOf, `${where}: event ${v.event} (${events.get(v.event)}) is after asOf ${s.asOf}`);
        }
        if (v.claim) {
          assert.ok(claims.has(v.claim), `${where}: no claim ${v.claim}`);
          assert.ok(claims.get(v.claim)! <= s.asOf, `${where}: claim ${v.claim} is after asOf`);
        }
      }
      for (const o of s.outcome ?? []) if (o.event) assert.ok(events.has(o.event), `outcome event ${o.event}`);
      for (const e of s.excluded) if (e.event) assert.ok(events.has(e.event), `excluded event ${e.event}`);
    });

    it(`${f}: every capability is derived by the stated rule, and every model gives an outcome on the scale`, () => {
      assert.ok(s.capabilityRule, 'a capabilityRule');
      for (const a of s.actors) assert.ok(a.capability.states, `${a.name}: capability derived from data, not hand-set`);
      const problem = scenarioProblem(s);
      for (const model of ['smp', 'eu', 'mean', 'median', 'actor-median', 'capability-mean'] as const) {
        simulate(problem, { model }).final.outcome.forEach((x) => assert.ok(x >= 0 && x <= 100, `${model} outcome ${x}`));
      }
      const mc = monteCarlo(problem, { model: 'smp', runs: 10, perturb: 5, rng: seededRng(1) });
      for (const b of mc.outcome) assert.ok(b.p10 <= b.mean && b.mean <= b.p90);
    });
  }

  it('three-plus-three: Georgia, which decides its own participation, is left out of the bargaining with that reason', () => {
    const s = scenarios.get('three-plus-three.yaml')!;
    assert.ok(!s.actors.some((a) => a.name === 'Georgia'));
    const g = s.excluded.find((e) => e.name === 'Georgia');
    assert.ok(g && /veto/.test(g.reason), 'Georgia is excluded for its veto');
  });

  it('quote CINC, military spending and burden figures exactly as the shared datasets give them', { skip: !hasShared && 'no ../shared/data' }, () => {
    const nmc = new Map<string, { cinc: number; milex: number }>();
    let world = 0;
    for (const line of readFileSync(`${shared}nmc/NMC-60-abridged.csv`, 'utf8').trim().split('\n').slice(1)) {
      const c = line.split(',');
      if (c[2] !== '2016') continue;
      nmc.set(c[0], { cinc: Number(c[9]), milex: Number(c[3]) });
      if (Number(c[3]) >= 0) world += Number(c[3]);
    }
    const burden = new Map<string, number>();
    for (const line of readFileSync(`${shared}sipri/milex-share-of-gdp-owid.csv`, 'utf8').trim().split('\n').slice(1)) {
      const c = line.split(',');
      burden.set(`${c[1]}:${c[2]}`, Number(c[3]));
    }
    // COW state abbreviations differ from ISO 3166 for a few states.
    const cow: Record<string, string> = { GEO: 'GRG', FRA: 'FRN', DEU: 'GMY' };
    const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b);
    for (const [f, s] of scenarios) {
      assert.equal(s.capabilityRule!.worldMilex, world, `${f}: world milex 2016`);
      const latest = Number(s.asOf.slice(0, 4)) >= 2025 ? 2024 : Number(s.asOf.slice(0, 4));
      for (const a of s.actors) {
        for (const st of a.capability.states!) {
          const row = nmc.get(cow[st.state] ?? st.state)!;
          assert.ok(close(st.cinc, row.cinc, 1e-5), `${f} ${st.state} cinc ${st.cinc} vs ${row.cinc}`);
          assert.equal(st.milex, row.milex, `${f} ${st.state} milex`);
          assert.ok(close(st.burdenBase, burden.get(`${st.state}:2016`)!, 5e-5), `${f} ${st.state} burden 2016`);
          assert.equal(st.burdenYear, latest, `${f} ${st.state}: the latest burden year at asOf`);
          assert.ok(close(st.burden, burden.get(`${st.state}:${st.burdenYear}`)!, 5e-5), `${f} ${st.state} burden ${st.burdenYear}`);
        }
      }
    }
  });
});

describe('derivedCapability(states, worldMilex)', () => {
  const base = { state: 'AAA', cinc: 0.01, milex: 600, burdenBase: 2, burden: 2, burdenYear: 2024 };
  it('is the CINC in thousandths when the burden has not changed', () => {
    assert.equal(derivedCapability([base], 6000), 10);
  });
  it('moves only the military-expenditure sixth: doubling the burden adds the milex share over six', () => {
    // milex share 600 / 6000 = 0.1; doubling the burden adds 0.1 / 6 of world capability.
    assert.ok(Math.abs(derivedCapability([{ ...base, burden: 4 }], 6000) - 1000 * (0.01 + 0.1 / 6)) < 1e-9);
    assert.ok(Math.abs(derivedCapability([{ ...base, burden: 1 }], 6000) - 1000 * (0.01 - 0.05 / 6)) < 1e-9);
  });
  it('adds up the states a group stands for', () => {
    assert.equal(derivedCapability([base, { ...base, cinc: 0.02 }], 6000), 30);
  });
});

describe('parseScenario(text, file)', () => {
  const base = (extra: { salience?: string; asOf?: string; outcome?: string; capability?: string } = {}) => `kind: scenario
name: t
title: T
asOf: "${extra.asOf ?? '2025-01-01'}"
dimensions: [{ name: d, low: a, high: b }]
actors:
  - { name: A, capability: ${extra.capability ?? '{ value: 1, note: n }'}, positions: [{ value: 10, source: "https://example.org/a", date: "2024-12-01" }], saliences: [${extra.salience ?? '{ value: 50, note: n }'}] }
  - { name: B, capability: { value: 1, note: n }, positions: [{ value: 90, note: n }], saliences: [{ value: 50, note: n }] }
${extra.outcome ?? ''}`;
  const fails = (text: string, pattern: RegExp) =>
    assert.throws(() => parseScenario(text, 't.yaml'), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, pattern);
      return true;
    });

  it('accepts a cited scenario and keeps an input with a note alone as an unsourced judgement', () => {
    const s = parseScenario(base(), 't.yaml');
    assert.equal(scenarioProblem(s).actors[0].saliences[0], 0.5);
    assert.deepEqual(unsourcedInputs(s), ['A capability', 'A salience d', 'B capability', 'B position d', 'B salience d']);
  });
  it('rejects an input without any citation, naming file, line and field', () => {
    fails(base({ salience: '{ value: 50 }' }), /^simulate\/scenario: t\.yaml:7: actors\.0\.saliences\.0: every input needs a source, a claim, an event, an indicator or a note$/);
  });
  it('rejects a source published after asOf', () => {
    fails(base({ asOf: '2024-11-30' }), /actors\.0\.positions\.0\.date: source dated 2024-12-01, after asOf 2024-11-30$/);
  });
  it('rejects an outcome dated before asOf, or on a dimension the scenario lacks', () => {
    fails(base({ outcome: 'outcome: [{ dimension: d, value: 20, date: "2024-06-01", note: n }]' }), /outcome\.0\.date: the outcome \(2024-06-01\) must come after asOf 2025-01-01$/);
    fails(base({ outcome: 'outcome: [{ dimension: x, value: 20, date: "2025-06-01", note: n }]' }), /outcome\.0\.dimension: "x" is not a dimension/);
  });
  it('rejects a capability derived from states when the scenario states no rule', () => {
    fails(
      base({ capability: '{ states: [{ state: ARM, cinc: 0.0006, milex: 428000, burdenBase: 4.09, burden: 5.48, burdenYear: 2024 }] }' }),
      /actors\.0\.capability: a capability derived from states needs the scenario-level capabilityRule$/,
    );
  });
});
