// The ICEWS sample of ../shared: every row accounted for, dyads counted as the raw file says.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { SHARED_DIR, SKIP_NO_SHARED, tempDir } from '../helpers/paths.js';
import { quadOfRootCode } from './raw-csv.js';

const FILE = join(SHARED_DIR, 'data', 'icews', 'events.2018.sample.tab');

/** The countries as ICEWS names them in this file. */
const NAMES: Record<string, string> = { RUS: 'Russian Federation', UKR: 'Ukraine', PRK: 'North Korea', USA: 'United States', DEU: 'Germany' };

describe('faultline import icews (real Dataverse sample)', { skip: SKIP_NO_SHARED }, () => {
  let db = '';
  let totals: Record<string, number>;
  let rows: Array<Record<string, string>> = [];

  before(async () => {
    const lines = readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const header = lines[0].split('\t');
    rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])));
    db = join(tempDir(), 'icews.duckdb');
    const r = await runMain(['import', 'icews', FILE, '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
    totals = JSON.parse(r.stdout).totals;
  });

  it('accounts for all 3,705 rows', () => {
    assert.equal(rows.length, 3705);
    assert.equal(totals.rows, 3705);
    assert.equal(totals.imported + totals.duplicates + totals.malformed + totals.filtered, 3705);
    assert.equal(totals.imported, new Set(rows.map((r) => r['Event ID'])).size);
  });

  for (const [a, b] of [['RUS', 'UKR'], ['PRK', 'USA'], ['DEU', 'UKR']]) {
    it(`dyad ${a} ${b} counts what the raw file says`, async () => {
      const between = rows.filter((r) => {
        const s = r['Source Country'];
        const t = r['Target Country'];
        return (s === NAMES[a] && t === NAMES[b]) || (s === NAMES[b] && t === NAMES[a]);
      });
      assert.ok(between.length > 0, `the sample has ${a}–${b} events`);
      const r = await runMain(['dyad', a, b, '--by', 'year', '--json'], { db });
      assert.equal(r.code, 0, r.stderr);
      const { series } = JSON.parse(r.stdout) as { series: Array<{ period: string; events: number; quad: Record<string, number>; goldstein_sum: number }> };
      assert.deepEqual(series.map((p) => p.period), ['2018']);
      assert.equal(series[0].events, between.length);
      const quad = { '1': 0, '2': 0, '3': 0, '4': 0 } as Record<string, number>;
      for (const e of between) quad[String(quadOfRootCode(e['CAMEO Code']))]++;
      assert.deepEqual(series[0].quad, quad);
      const sum = between.reduce((n, e) => n + Number(e.Intensity), 0);
      assert.equal(series[0].goldstein_sum, Math.round(sum * 100) / 100);
    });
  }

  it('maps sectors to CAMEO roles in the actor codes', async () => {
    const { openStore } = await import('../../src/store/index.js');
    const store = await openStore(db);
    try {
      const [row] = await store.all<{ source_code: string; target_code: string }>(
        `SELECT source_code, target_code FROM events WHERE origin_row = '32889837'`);
      // High Ranking Military Personnel (Vietnam) → Foreign Affairs (Bangladesh)
      assert.deepEqual(row, { source_code: 'VNMMIL', target_code: 'BGDGOV' });
    } finally {
      store.close();
    }
  });
});
