// A GDELT 2.0 file with broken rows: good rows imported, each bad one reported by line, a second run changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { countEvents } from './raw-csv.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'gdelt-malformed', '20240105000000.export.CSV');

const EXPECTED_REJECTS = [
  ':3: 31 columns, expected 61',
  ':4: 64 columns, expected 61',
  ':5: SQLDATE: "20241308" is not a valid date',
  ':6: Actor1Name: invalid UTF-8',
  ':7: QuadClass: 7 is not 1, 2, 3 or 4',
  ':8: EventCode: "999" is not a CAMEO event code',
  ':9: blank line',
];

async function rejectLog(db: string): Promise<number> {
  const { openStore } = await import('../../src/store/index.js');
  const store = await openStore(db);
  try {
    const [{ n }] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM import_rejects');
    return n;
  } finally {
    store.close();
  }
}

describe('faultline import gdelt (malformed rows)', () => {
  for (const variant of ['plain', 'zip'] as const) {
    it(`imports the good rows of a ${variant} file and reports each bad one as file:line: reason`, async () => {
      const dir = tempDir();
      const file = join(dir, `20240105000000.export.CSV${variant === 'zip' ? '.zip' : ''}`);
      copyFileSync(variant === 'zip' ? `${FIXTURE}.zip` : FIXTURE, file);
      const db = join(dir, 'store.duckdb');
      const r = await runMain(['import', 'gdelt', file], { db });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stderr.trim().split('\n'), EXPECTED_REJECTS.map((e) => `${file}${e}`));
      assert.match(r.stdout, /GDELT 2\.0 export \(61 columns, tab-separated\)/);
      // 12 lines, one blank: 12 rows = 4 imported + 1 repeated id + 7 malformed (the blank line among them).
      assert.match(r.stdout, /12 rows = 4 imported \+ 1 duplicates \+ 7 malformed \+ 0 filtered out/);
      assert.equal(await countEvents(db), 4);
      assert.equal(await rejectLog(db), 7);

      const again = await runMain(['import', 'gdelt', file], { db });
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /unchanged, already imported/);
      assert.equal(await countEvents(db), 4);
      assert.equal(await rejectLog(db), 7);

      // Forced, the file is read again: the same rejects, and every good row is now a duplicate.
      const forced = await runMain(['import', 'gdelt', '--force', file], { db });
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(forced.stdout, /12 rows = 0 imported \+ 5 duplicates \+ 7 malformed/);
      assert.equal(await countEvents(db), 4);
      assert.equal(await rejectLog(db), 7);
    });
  }

  it('keeps only events touching --countries (actor or place) and within --from/--to', async () => {
    const db = join(tempDir(), 'store.duckdb');
    const r = await runMain(['import', 'gdelt', FIXTURE, '--countries', 'aze,FRA', '--to', '2024-01-12', '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
    const { totals } = JSON.parse(r.stdout);
    // ARM→AZE in Baku is kept; GEO/RUS rows and the USA→FRA row of 13 January are filtered out.
    assert.deepEqual({ imported: totals.imported, filtered: totals.filtered }, { imported: 1, filtered: 3 });
  });

  it('refuses a file that is no GDELT layout, naming it', async () => {
    const dir = tempDir();
    const r = await runMain(['import', 'gdelt', join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'acled', 'events.csv')], { db: join(dir, 's.duckdb') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^ingest\/gdelt: .*events\.csv:1: rows have 1 tab-separated columns, expected 57 or 58/);
  });
});
