// The structural importers on the full files of ../shared: every physical line accounted for, importing twice changes nothing, the built-in tables are what the importers make of them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import type { StructuralReport as Report } from '../../src/ingest/structural/index.js';
import { SKIP_NO_SHARED, tempDir } from '../helpers/paths.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { loadBuiltinStructural } from '../../src/ingest/structural/index.js';
import { readAgreement, readArmsFlows, readConflictYears, readIdealPoints, readMilex, structuralCounts } from '../../src/store/structural-reads.js';
import { FILES, idealPoints, physicalLines, rawAgreement } from './raw.js';

const REGION = ['ARM', 'AZE', 'GEO', 'RUS', 'USA', 'FRA', 'DEU', 'GBR', 'TUR', 'IRN', 'IND', 'CHN'];


describe('faultline import unga-idealpoints|unga-votes|sipri-arms|sipri-milex|ucdp-acd FILE (the full files)', { skip: SKIP_NO_SHARED }, () => {
  const dir = tempDir('faultline-structural-');
  const db = join(dir, 'full.duckdb');
  const imports: Array<[string, string[]]> = [
    ['unga-idealpoints', [FILES.idealpoints]],
    ['unga-votes', [FILES.votes, FILES.rollcalls, FILES.issues]],
    ['sipri-arms', [FILES.arms]],
    ['sipri-milex', [FILES.milex]],
    ['ucdp-acd', [FILES.ucdp]],
  ];
  const first = new Map<string, Report[]>();

  before(async () => {
    for (const [dataset, files] of imports) {
      const r = await runMain(['import', dataset, ...files, '--json'], { db });
      assert.equal(r.code, 0, r.stderr);
      first.set(dataset, JSON.parse(r.stdout) as Report[]);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('accounts for every physical line of every file: lines = header/preamble + blank + imported + duplicates + malformed + joined', () => {
    for (const [, reports] of first) {
      for (const r of reports) {
        assert.equal(r.lines, physicalLines(r.file), r.file);
        assert.equal(r.unaccounted, 0, r.file);
        assert.equal(r.preamble + r.blank + r.imported + r.duplicates + r.malformed + r.joined, r.lines, r.file);
      }
    }
    const votes = first.get('unga-votes')!.find((r) => r.file === FILES.votes)!;
    assert.equal(votes.imported, 870_109);
    const arms = first.get('sipri-arms')![0];
    assert.equal(arms.preamble, 12, 'eleven lines of notes and the header');
    // Four deals have a line break in their comment; they are joined, not lost.
    assert.equal(arms.joined, 4);
    assert.equal(arms.malformed, 0);
    assert.equal(arms.imported, physicalLines(FILES.arms) - 12 - 4);
  });

  it('reports the malformed record of UCDP v25.1 (China–ETIM 2008 split over lines 42–43) by line', () => {
    const ucdp = first.get('ucdp-acd')![0];
    assert.equal(ucdp.malformed, 2);
    assert.deepEqual(ucdp.rejects.map((x) => x.split(':').slice(0, 2).join(':')), [`${FILES.ucdp}:42`, `${FILES.ucdp}:43`]);
  });

  it('changes nothing when each file is imported again, read again (--force) or not', async () => {
    const store = await openStore(db);
    const counts = await structuralCounts(store);
    store.close();
    for (const [dataset, files] of imports) {
      const again = await runMain(['import', dataset, ...files, '--json'], { db });
      assert.equal(again.code, 0, again.stderr);
      for (const r of JSON.parse(again.stdout) as Report[]) assert.equal(r.skipped, true, r.file);
      // The vote file is left out of --force only to keep the suite fast: its rows take the same path as the others.
      if (dataset === 'unga-votes') continue;
      const forced = await runMain(['import', dataset, ...files, '--force', '--json'], { db });
      assert.equal(forced.code, 0, forced.stderr);
      for (const r of JSON.parse(forced.stdout) as Report[]) {
        assert.equal(r.skipped, false);
        assert.equal(r.imported, 0, r.file);
        assert.equal(r.duplicates, first.get(dataset)!.find((x) => x.file === r.file)!.imported, r.file);
      }
    }
    const after = await openStore(db);
    assert.deepEqual(await structuralCounts(after), counts);
    after.close();
  });

  it('counts vote agreement from the raw votes in the store as a direct count over the vote file does (ARM–RUS 2019, GEO–USA 2008)', async () => {
    const store = await openStore(db);
    try {
      for (const [a, b, a2, b2, year] of [['ARM', 'RUS', 'AM', 'RU', 2019], ['GEO', 'USA', 'GE', 'US', 2008]] as const) {
        const [row] = (await readAgreement(store, a, [b], { from: year, to: year })).filter((r) => r.issue === 'all');
        assert.equal(row.source, 'votes');
        const direct = rawAgreement(a2, b2, year);
        assert.deepEqual({ votes: row.votes, same: row.same, half: row.half, opposite: row.opposite }, direct);
        assert.ok(direct.votes > 50);
      }
    } finally {
      store.close();
    }
  });

  describe('the built-in tables in data/structural', () => {
    let full: Store;
    let builtin: Store;
    before(async () => {
      full = await openStore(db);
      builtin = await openStore(':memory:');
      await loadBuiltinStructural(builtin);
    });
    after(() => {
      full.close();
      builtin.close();
    });

    it('hold exactly the rows the importers make of the full files for the region and its powers', async () => {
      assert.deepEqual(await readIdealPoints(builtin, REGION), await readIdealPoints(full, REGION));
      assert.deepEqual((await readMilex(builtin, REGION)).map(({ origin: _o, ...r }) => r), (await readMilex(full, REGION)).map(({ origin: _o, ...r }) => r));
      assert.deepEqual(await readConflictYears(builtin, REGION), await readConflictYears(full, REGION));
      for (const basis of ['deliveries', 'orders'] as const) {
        assert.deepEqual(await readArmsFlows(builtin, { recipients: ['ARM', 'AZE', 'GEO'], basis, bySystem: true }), await readArmsFlows(full, { recipients: ['ARM', 'AZE', 'GEO'], basis, bySystem: true }));
      }
      for (const a of ['ARM', 'AZE', 'GEO']) {
        const others = REGION.filter((b) => b !== a);
        const strip = (rows: Awaited<ReturnType<typeof readAgreement>>) => rows.map(({ source: _s, ...r }) => r);
        assert.deepEqual(strip(await readAgreement(builtin, a, others)), strip(await readAgreement(full, a, others)));
      }
    });

    it('carry the ideal points of the source file unchanged', async () => {
      const direct = idealPoints();
      const rows = await readIdealPoints(builtin, ['ARM', 'RUS']);
      assert.ok(rows.length > 100);
      for (const r of rows) if (r.idealpointfp !== null) assert.equal(r.idealpointfp, direct.get(`${r.iso3}:${r.year}`), `${r.iso3} ${r.year}`);
    });
  });
});
