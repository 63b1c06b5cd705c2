// balanceOverTime(periods, options), `faultline balance --by year` and GET /api/balance/years: the index per year, camps aligned across years, switches.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { balanceOverTime, type BalanceOverTime, type PeriodNetwork } from '../../src/measure/balance-over-time.js';
import { highsSolver, type MilpSolver } from '../../src/measure/frustration.js';
import { signedNetworkOf, type SignedEdge } from '../../src/measure/signed-graph.js';
import { seededRandom } from '../../src/measure/rng.js';
import { createApp } from '../../src/server/index.js';
import { BalanceYearsResponse } from '../../src/server/schemas.js';
import type { Store } from '../../src/store/store.js';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { regionStore } from '../server/fixture.js';

/** Edges among `members` (camp per member) with density p, positive within a camp and negative across. */
function campEdges(members: Record<string, 0 | 1>, p: number, seed: number): SignedEdge[] {
  const rand = seededRandom(seed);
  const ids = Object.keys(members).sort();
  const edges: SignedEdge[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) if (rand() < p) edges.push({ a: ids[i], b: ids[j], sign: members[ids[i]] === members[ids[j]] ? 1 : -1, weight: 1 });
  return edges;
}

/** Every period's switches are exactly the actors whose camp differs from the one they last held. */
function checkSwitches(series: BalanceOverTime): void {
  const last = new Map<string, { camp: 'A' | 'B'; period: string }>();
  for (const p of series.periods) {
    const camp = new Map<string, 'A' | 'B'>([...p.camps.A.map((a) => [a, 'A'] as const), ...p.camps.B.map((b) => [b, 'B'] as const)]);
    assert.equal(camp.size, p.nodes, `${p.period}: every actor in one camp`);
    const expected = [...camp].filter(([a, c]) => last.has(a) && last.get(a)!.camp !== c).map(([a, c]) => ({ actor: a, from: last.get(a)!.camp, to: c, since: last.get(a)!.period }));
    assert.deepEqual([...p.switched].sort((x, y) => (x.actor < y.actor ? -1 : 1)), expected.sort((x, y) => (x.actor < y.actor ? -1 : 1)), p.period);
    assert.deepEqual([...p.entered].sort(), [...camp.keys()].filter((a) => !last.has(a)).sort());
    for (const [a, c] of camp) last.set(a, { camp: c, period: p.period });
  }
}

let solver: MilpSolver;
before(async () => {
  solver = await highsSolver();
});

describe('balanceOverTime(periods, options)', () => {
  for (const size of [6, 30]) {
    it(`calls a switch only what the data force, with camps of ${size} (${size <= 6 ? 'exhaustive search' : 'bounds and programme'})`, () => {
      const camp: Record<string, 0 | 1> = {};
      for (let i = 0; i < size; i++) {
        camp[`X${String(i).padStart(2, '0')}`] = 0;
        camp[`Y${String(i).padStart(2, '0')}`] = 1;
      }
      // Period 2 names the camps the other way round in its own data; period 3 moves X00 to the Y camp.
      const p1 = campEdges(camp, 0.6, 1);
      const p2 = campEdges(Object.fromEntries(Object.entries(camp).map(([k, c]) => [k, (1 - c) as 0 | 1])), 0.6, 2);
      const p3 = campEdges({ ...camp, X00: 1 }, 0.6, 3);
      const periods: PeriodNetwork[] = [p1, p2, p3].map((edges, i) => ({ period: String(2011 + i), network: signedNetworkOf(edges) }));
      const series = balanceOverTime(periods, { solver });
      checkSwitches(series);
      for (const p of series.periods) {
        assert.equal(p.frustration.exact, true);
        assert.equal(p.frustration.value, 0);
        assert.equal(p.frustration.lineIndex, 1);
        assert.equal(p.weighted!.lineIndex, 1);
      }
      const xCamp = series.periods[0].camps.A.includes('X01') ? 'A' : 'B';
      const yCamp = xCamp === 'A' ? 'B' : 'A';
      assert.deepEqual(series.periods[1].switched, [], 'a relabelling is not a switch');
      assert.deepEqual(series.periods[2].switched, [{ actor: 'X00', from: xCamp, to: yCamp, since: '2012' }]);
      assert.equal(series.periods[2].alignment.moved, 1);
      assert.equal(series.periods[2].alignment.closest, true);
    });
  }

  it('keeps an actor whose ties pull both ways in the camp it held, whichever that was', () => {
    for (const held of [0, 1] as const) {
      const base: Record<string, 0 | 1> = {};
      for (let i = 0; i < 25; i++) {
        base[`X${String(i).padStart(2, '0')}`] = 0;
        base[`Y${String(i).padStart(2, '0')}`] = 1;
      }
      const first = campEdges({ ...base, T: held }, 0.5, 10 + held);
      // Next year T has one friend in each camp: either camp frustrates exactly one of its ties.
      const second = [...campEdges(base, 0.5, 20), { a: 'T', b: 'X00', sign: 1 as const, weight: 1 }, { a: 'T', b: 'Y00', sign: 1 as const, weight: 1 }];
      const series = balanceOverTime(
        [
          { period: '2020', network: signedNetworkOf(first) },
          { period: '2021', network: signedNetworkOf(second) },
        ],
        { solver },
      );
      checkSwitches(series);
      assert.equal(series.periods[1].frustration.value, 1);
      assert.equal(series.periods[1].frustration.exact, true);
      assert.deepEqual(series.periods[1].switched, [], `T held camp ${held}`);
    }
  });

  it('gives, on noisy random years, switches that match the camps and indices within their bounds', () => {
    const rand = seededRandom(4);
    const camp: Record<string, 0 | 1> = {};
    for (let i = 0; i < 40; i++) camp[`C${String(i).padStart(2, '0')}`] = rand() < 0.5 ? 0 : 1;
    const periods = [0, 1, 2, 3].map((y) => {
      for (const k of Object.keys(camp)) if (rand() < 0.1) camp[k] = (1 - camp[k]) as 0 | 1;
      const edges = campEdges(camp, 0.3, 40 + y).map((e) => (rand() < 0.08 ? { ...e, sign: (-e.sign) as 1 | -1 } : e));
      return { period: String(2000 + y), network: signedNetworkOf(edges) };
    });
    const series = balanceOverTime(periods, { solver });
    checkSwitches(series);
    for (const p of series.periods) {
      assert.ok(p.frustration.lowerBound <= p.frustration.value);
      assert.equal(p.frustration.lineIndex, 1 - (2 * p.frustration.value) / p.edges);
      assert.equal(p.frustrated.length, p.frustration.value);
    }
  });
});

describe('GET /api/balance/years', () => {
  let store: Store;
  before(async () => {
    store = await regionStore();
  });
  after(() => store.close());

  it('gives the line index, camps and switches of each year with events, in its schema', async () => {
    const app = createApp({ store });
    const res = await app.request('/api/balance/years?region=world&timeLimit=5');
    assert.equal(res.status, 200);
    const body = BalanceYearsResponse.parse(await res.json());
    assert.ok(body.periods.length >= 2, `${body.periods.length} years`);
    checkSwitches(body as unknown as BalanceOverTime);
    for (const p of body.periods) {
      assert.match(p.period, /^\d{4}$/);
      if (p.edges > 0) assert.ok(p.frustration.lineIndex !== null && p.frustration.lineIndex <= 1);
      assert.ok(p.frustration.lowerBound <= p.frustration.value);
    }
    const bad = await app.request('/api/balance/years?timeLimit=0');
    assert.equal(bad.status, 400);
  });
});

const gdeltDir = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'gdelt', 'v1-georgia-2011-2013');
const skip = existsSync(gdeltDir) ? false : `no GDELT sample at ${gdeltDir}`;

describe('faultline balance --by year on the real GDELT Georgia sample (2011–2013)', { skip }, () => {
  let tmp: string;
  let db: string;
  before(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'faultline-balance-gdelt-'));
    db = path.join(tmp, 'gdelt.duckdb');
    const files = readdirSync(gdeltDir).filter((f) => f.endsWith('.csv')).map((f) => path.join(gdeltDir, f));
    const r = await runMain(['import', 'gdelt', ...files], { db });
    assert.equal(r.code, 0, r.stderr);
  });
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('proves the index exact for 2011, 2012 and 2013 and names the switches the camps imply', async () => {
    const { code, stdout, stderr } = await runMain(['balance', '--by', 'year', '--region', 'world', '--json'], { db });
    assert.equal(code, 0, stderr);
    const series = JSON.parse(stdout) as BalanceOverTime;
    assert.deepEqual(series.periods.map((p) => p.period), ['2011', '2012', '2013']);
    for (const p of series.periods) {
      assert.ok(p.edges > 100, `${p.period}: ${p.edges} edges`);
      assert.equal(p.frustration.exact, true, p.period);
      assert.equal(p.frustration.lowerBound, p.frustration.value);
      assert.equal(p.frustration.lineIndex, 1 - (2 * p.frustration.value) / p.edges);
      assert.equal(p.weighted!.exact, true, `${p.period} weighted`);
      assert.ok(p.camps.A.includes('GEO') || p.camps.B.includes('GEO'));
    }
    checkSwitches(series);
    // The one-year command computes the same network and index.
    const year = JSON.parse((await runMain(['balance', '--from', '2012', '--to', '2012', '--region', 'world', '--json'], { db })).stdout);
    assert.equal(year.frustration.value, series.periods[1].frustration.value);
    assert.equal(year.frustration.exact, true);
    const table = await runMain(['balance', '--by', 'year', '--region', 'world'], { db });
    assert.match(table.stdout, /^2012: frustration \d+ \(exact\), line index 0\.\d{3}/m);
    const csv = await runMain(['balance', '--by', 'year', '--region', 'world', '--format', 'csv'], { db });
    assert.equal(csv.stdout.split('\n')[0], 'year,nodes,edges,negative,frustration,lower bound,exact,line index,weighted line index,weighted exact,camp A,camp B,switched');
    assert.equal(csv.stdout.trim().split('\n').length, 4);
  });
});
