// ACLED import: categories mapped by data/codebook/acled-mapping.tsv, actors' countries from their names, fatalities kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';
import { openStore } from '../../src/store/index.js';
import { ACLED, acledActorCountry, acledCoding, importFile, roleOfSectors, ICEWS_SECTOR_ROLES, ROLE_PRECEDENCE } from '../../src/ingest/index.js';
import { actorRole, cameoEvent } from '../../src/codebook/index.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'acled', 'events.csv');

describe('importFile(store, ACLED, file)', () => {
  it('maps categories, countries and fatalities, and reports unmapped categories and bad dates by line', async () => {
    const store = await openStore(':memory:');
    try {
      const r = await importFile(store, ACLED, FIXTURE);
      assert.deepEqual([r.rows, r.imported, r.duplicates, r.malformed], [7, 4, 1, 2]);
      assert.deepEqual(r.rejects, [
        `${FIXTURE}:5: event_date: "2022-13-40" is not a date`,
        `${FIXTURE}:6: event_type / sub_event_type: "Parades / Marching band" is not in data/codebook/acled-mapping.tsv`,
      ]);
      const rows = await store.all<Record<string, unknown>>(
        `SELECT origin_row, date_start, date_end, precision, cameo, quad, plover, source_country, target_country, extra->>'fatalities' AS fatalities
         FROM events ORDER BY origin_row`);
      assert.deepEqual(rows[0], {
        origin_row: 'ARM1001', date_start: '2022-09-13', date_end: '2022-09-13', precision: 'day', cameo: '190', quad: 4,
        plover: 'ASSAULT', source_country: 'AZE', target_country: 'ARM', fatalities: '12',
      });
      // "14 September 2022" is read as a date; time_precision 3 widens the day to its month.
      assert.equal(rows[1].date_start, '2022-09-14');
      assert.deepEqual([rows[3].date_start, rows[3].date_end, rows[3].precision], ['2022-09-01', '2022-09-30', 'month']);
    } finally {
      store.close();
    }
  });

  it('finds actor countries in ACLED names', () => {
    assert.equal(acledActorCountry('Military Forces of Armenia (2018-)'), 'ARM');
    assert.equal(acledActorCountry('Protesters (Georgia)'), 'GEO');
    assert.equal(acledActorCountry('Unidentified Armed Group'), null);
  });

  it('codes every mapped category as the codebook codes its CAMEO event', () => {
    const c = acledCoding('Battles', 'Armed clash');
    assert.deepEqual(c, { cameo: '190', plover: 'ASSAULT', quad: 4, goldstein: cameoEvent('190')!.goldstein });
    assert.equal(acledCoding('Riots', 'Something new')?.cameo, '145', 'an unlisted sub-event type falls back to its type');
    assert.equal(acledCoding('Parades', 'Marching band'), undefined);
  });
});

describe('roleOfSectors(sectors)', () => {
  it('maps ICEWS sectors to CAMEO roles the codebook knows, the most specific first', () => {
    for (const role of new Set(Object.values(ICEWS_SECTOR_ROLES))) {
      assert.ok(actorRole(role), `${role} is a CAMEO role in the codebook`);
      assert.ok(ROLE_PRECEDENCE.includes(role), `${role} has a precedence`);
    }
    assert.equal(roleOfSectors('Military,Government'), 'MIL');
    assert.equal(roleOfSectors('Executive,Foreign Ministry,Government'), 'GOV');
    assert.equal(roleOfSectors('Center Right'), null);
  });
});
