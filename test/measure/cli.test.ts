import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEdgesCsv } from '../../src/measure/edges-csv.js';
import { signedNetworkOf } from '../../src/measure/signed-graph.js';
import { bruteFrustration, bruteTriads } from './brute-force.js';
import { runMain } from '../helpers/cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'measure', 'edges');

async function faultline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runMain(args);
}


describe('faultline balance --edges FILE --json', () => {
  for (const name of ['two-camps.csv', 'frustrated.csv']) {
    it(`gives the brute-force triad ratio and exact frustration index on ${name}`, async () => {
      const file = path.join(fixtures, name);
      const { code, stdout } = await faultline('balance', '--edges', file, '--json');
      assert.equal(code, 0);
      const out = JSON.parse(stdout);
      assert.deepEqual(Object.keys(out).slice(0, 5), ['nodes', 'triads', 'frustration', 'blocs', 'centrality']);
      const net = signedNetworkOf(parseEdgesCsv(await readFile(file, 'utf8'), file));
      const tri = bruteTriads(net.nodes, net.edges);
      assert.equal(out.triads.balanced, tri.balanced);
      assert.equal(out.triads.unbalanced, tri.unbalanced);
      assert.equal(out.triads.ratio, tri.balanced / (tri.balanced + tri.unbalanced));
      assert.equal(out.frustration.exact, true);
      assert.equal(out.frustration.value, bruteFrustration(net.nodes, net.edges));
      assert.equal(out.frustration.partition.flat().length, net.nodes.length);
      if (name === 'two-camps.csv') {
        assert.equal(out.triads.ratio, 1);
        assert.equal(out.frustration.value, 0);
        assert.deepEqual(out.frustration.partition.map((b: string[]) => [...b].sort()).sort(), [['ARM', 'FRA', 'IND'], ['AZE', 'PAK', 'TUR']]);
      } else {
        assert.ok(out.frustration.value > 0);
      }
    });
  }

  it('rejects a malformed row with file, line and field, exit code 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'faultline-balance-'));
    try {
      const file = path.join(dir, 'bad.csv');
      await writeFile(file, 'a,b,sign\nARM,AZE,-1\nARM,RUS,maybe\n');
      const { code, stderr } = await faultline('balance', '--edges', file);
      assert.equal(code, 2);
      assert.equal(stderr.trim(), `measure/balance: ${file}:3: sign: "maybe" is not a sign (1, -1, + or -)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('faultline capability --year', () => {
  // A store of its own (capability reads the built-in structural tables into it on first use), never the repo's default.
  let db = '';
  before(async () => {
    db = path.join(await mkdtemp(path.join(tmpdir(), 'faultline-capability-')), 'kb.duckdb');
    const { openStore } = await import('../../src/store/duckdb-store.js');
    (await openStore(db)).close();
  });
  it('prints component shares that sum to 1 over the states and the HHI of the regional CINC', async () => {
    const { code, stdout } = await runMain(['capability', '--year', '2016', '--countries', 'ARM,AZE,GEO,RUS,TUR,IRN', '--json'], { db });
    assert.equal(code, 0);
    const c = JSON.parse(stdout);
    assert.equal(c.year, 2016);
    assert.equal(c.states.length, 6);
    for (const k of ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop']) {
      const sum = c.states.reduce((s: number, x: { shares: Record<string, number> }) => s + x.shares[k], 0);
      assert.ok(Math.abs(sum - 1) < 1e-9, k);
    }
    assert.ok(Math.abs(c.hhi - c.states.reduce((s: number, x: { regionalCinc: number }) => s + x.regionalCinc ** 2, 0)) < 1e-12);
    assert.equal(c.states[0].iso3, 'RUS');
    // The world CINC is the source's own figure (NMC v6.0, GRG 2016 in the abridged file).
    assert.equal(c.states.find((s: { iso3: string }) => s.iso3 === 'GEO').cinc, 0.00041463197);
  });
  it('refuses a year outside both the NMC table and the military-burden data', async () => {
    const { code, stderr } = await runMain(['capability', '--year', '2030', '--countries', 'ARM'], { db });
    assert.equal(code, 2);
    assert.match(stderr, /no NMC data for 2030: the table covers 1991–2016; military burden covers \d{4}–2024/);
  });
});
