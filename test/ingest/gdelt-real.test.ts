// The 23 real GDELT 1.0 files of ../shared: every row accounted for, GEO–RUS dyad equal to a direct computation.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { SHARED_DIR, SKIP_NO_SHARED, tempDir } from '../helpers/paths.js';
import { countEvents, readCsvObjects } from './raw-csv.js';

const DIR = join(SHARED_DIR, 'data', 'gdelt', 'v1-georgia-2011-2013');

describe('faultline import gdelt (real GDELT 1.0 CSV exports)', { skip: SKIP_NO_SHARED }, () => {
  let files: string[] = [];
  let db = '';
  let first: { reports: Array<Record<string, unknown>>; totals: Record<string, number> };
  const raw: Array<Record<string, string>> = [];

  before(async () => {
    files = readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => join(DIR, f));
    for (const f of files) raw.push(...readCsvObjects(f));
    db = join(tempDir(), 'gdelt.duckdb');
    const r = await runMain(['import', 'gdelt', ...files, '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
    first = JSON.parse(r.stdout);
  });

  it('reads all 105,444 rows: imported + duplicates + malformed', () => {
    assert.equal(raw.length, 105_444);
    const t = first.totals;
    assert.equal(t.rows, 105_444);
    assert.equal(t.imported + t.duplicates + t.malformed + t.filtered, 105_444);
    assert.equal(t.filtered, 0);
    assert.equal(t.malformed, 0);
    // GLOBALEVENTID is the dataset id; the files that carry an R row-number column must not be read by position.
    const ids = new Set(raw.map((r) => r.GLOBALEVENTID));
    assert.equal(t.imported, ids.size);
    assert.equal(t.duplicates, raw.length - ids.size);
  });

  it('says which variant each file is', () => {
    const variant = (name: string) => String(first.reports.find((r) => String(r.file).endsWith(name))?.variant);
    assert.match(variant('april13.csv'), /row-number column/);
    assert.match(variant('june2011.csv'), /extra: month/);
    assert.match(variant('aug2011.csv'), /GDELT 1\.0 CSV export with header \(58 named columns; quoted/);
  });

  it('dyad GEO RUS --by month --json equals a direct computation over the raw files', async () => {
    const seen = new Set<string>();
    const periods = new Map<string, { events: number; quad: number[]; sum: number }>();
    for (const r of raw) {
      if (seen.has(r.GLOBALEVENTID)) continue;
      seen.add(r.GLOBALEVENTID);
      const a = r.Actor1CountryCode.trim();
      const b = r.Actor2CountryCode.trim();
      if (!((a === 'GEO' && b === 'RUS') || (a === 'RUS' && b === 'GEO'))) continue;
      const period = `${r.SQLDATE.slice(0, 4)}-${r.SQLDATE.slice(4, 6)}`;
      const p = periods.get(period) ?? { events: 0, quad: [0, 0, 0, 0], sum: 0 };
      p.events++;
      p.quad[Number(r.QuadClass) - 1]++;
      p.sum += Number(r.GoldsteinScale);
      periods.set(period, p);
    }
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const expected = [...periods].sort(([x], [y]) => (x < y ? -1 : 1)).map(([period, p]) => ({
      period,
      events: p.events,
      quad: { '1': p.quad[0], '2': p.quad[1], '3': p.quad[2], '4': p.quad[3] },
      goldstein_sum: round2(p.sum),
      goldstein_mean: round2(round2(p.sum) / p.events),
    }));
    assert.ok(expected.length > 12, 'the sample has GEO–RUS events in most months');
    const r = await runMain(['dyad', 'GEO', 'RUS', '--by', 'month', '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
    // Months without GEO–RUS events are in the series too, with zero counts and a null mean.
    const got = (JSON.parse(r.stdout) as { series: Array<Record<string, unknown> & { events: number }> }).series;
    assert.deepEqual(got.filter((p) => p.events > 0).map(({ period, events, quad, goldstein_sum, goldstein_mean }) => ({ period, events, quad, goldstein_sum, goldstein_mean })), expected);
    assert.ok(got.filter((p) => p.events === 0).every((p) => p.goldstein_mean === null));
  });

  it('a second run changes nothing', async () => {
    const before = await countEvents(db);
    const r = await runMain(['import', 'gdelt', ...files, '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
    const again = JSON.parse(r.stdout);
    assert.equal(again.totals.skippedFiles, files.length);
    assert.equal(await countEvents(db), before);
    assert.equal(before, first.totals.imported);
  });
});
