// ICEWS rows as events: CAMEO codes, country names to ISO3, stateless actors as IGOs, sectors as CAMEO roles.
import { countryByIso3, findCountry, findIgo } from '../../codebook/index.js';
import type { DatasetLayout } from '../../ingest/dataset-layout.js';
import { roleOfSectors } from '../../ingest/icews/sector-roles.js';
import { cameoLookup, clip, col, oneOrNone, textOf, type DatasetSql } from './layout-sql.js';

/** The ICEWS mapping for the columns a file has. */
export function icewsSql(layout: DatasetLayout): DatasetSql {
  const has = new Set(layout.columns.map((c) => c.name));
  const opt = textOf(layout);
  const code = (c: string, i: string, r: string) => `nullif(coalesce(${c}.cameo, ${i}.cameo, '') || coalesce(${r}.role, ''), '')`;
  return {
    id: col('event_id'),
    checks: [
      { when: `${col('event_id')} IS NULL`, reason: `'Event ID: missing'` },
      { when: `${col('event_date')} IS NULL`, reason: `'Event Date: missing'` },
      { when: 'cam.code IS NULL', reason: `'CAMEO Code: "' || ${clip(`coalesce(${col('cameo_code')}, '')`)} || '" is not a CAMEO event code'` },
      ...(has.has('intensity') ? [{ when: `abs(${col('intensity')}) > 10`, reason: `'Intensity: ' || ${col('intensity')}::VARCHAR || ' is outside -10…10'` }] : []),
    ],
    columns: {
      date_start: col('event_date'),
      date_end: col('event_date'),
      precision: `'day'`,
      cameo: 'cam.code',
      quad: 'cam.quad',
      goldstein: has.has('intensity') ? `coalesce(${col('intensity')}, cam.goldstein)` : 'cam.goldstein',
      plover: 'cam.plover',
      source_countries: oneOrNone('coalesce(sc.iso3, si.code)'),
      target_countries: oneOrNone('coalesce(tc.iso3, ti.code)'),
      source_code: code('sc', 'si', 'sr'),
      target_code: code('tc', 'ti', 'tr'),
      source_country: 'coalesce(sc.iso3, si.code)',
      target_country: 'coalesce(tc.iso3, ti.code)',
      location: `nullif(concat_ws(', ', ${opt('city')}, ${opt('district')}, ${opt('province')}, ${opt('country')}), '')`,
      location_country: 'lc.iso3',
      summary: `concat_ws(' — ', ${opt('source_name')}, coalesce(${opt('event_text')}, cam.name), ${opt('target_name')})`,
      extra: `json_object('story', ${opt('story_id')}, 'sentence', ${opt('sentence_number')}, 'publisher', ${opt('publisher')},
        'source_sectors', ${opt('source_sectors')}, 'target_sectors', ${opt('target_sectors')},
        'latitude', ${opt('latitude')}, 'longitude', ${opt('longitude')})`,
    },
    joins: `
      LEFT JOIN icews_cameo cam ON cam.raw = ${opt('cameo_code')}
      LEFT JOIN icews_country sc ON sc.name = ${opt('source_country')}
      LEFT JOIN icews_country tc ON tc.name = ${opt('target_country')}
      LEFT JOIN icews_country lc ON lc.name = ${opt('country')}
      LEFT JOIN icews_igo si ON sc.iso3 IS NULL AND si.name = ${opt('source_name')}
      LEFT JOIN icews_igo ti ON tc.iso3 IS NULL AND ti.name = ${opt('target_name')}
      LEFT JOIN icews_role sr ON sr.sectors = ${opt('source_sectors')}
      LEFT JOIN icews_role tr ON tr.sectors = ${opt('target_sectors')}`,
    lookups: [
      cameoLookup('icews_cameo', `SELECT ${opt('cameo_code')} AS v FROM import_stage s`),
      {
        table: 'icews_country',
        columns: { name: 'VARCHAR', iso3: 'VARCHAR', cameo: 'VARCHAR' },
        values: `SELECT ${opt('source_country')} AS v FROM import_stage s UNION SELECT ${opt('target_country')} FROM import_stage s UNION SELECT ${opt('country')} FROM import_stage s`,
        build: (rows) => rows.flatMap(({ v }) => {
          if (v === null) return [];
          const c = findCountry(v);
          return [{ name: v, iso3: c?.iso3 ?? null, cameo: c ? (countryByIso3(c.iso3)?.cameo ?? c.iso3) : null }];
        }),
      },
      {
        // Actors without a country are often international organisations ("United Nations", "NATO").
        table: 'icews_igo',
        columns: { name: 'VARCHAR', code: 'VARCHAR', cameo: 'VARCHAR' },
        values: `SELECT ${opt('source_name')} AS v FROM import_stage s WHERE ${opt('source_country')} IS NULL
          UNION SELECT ${opt('target_name')} FROM import_stage s WHERE ${opt('target_country')} IS NULL`,
        build: (rows) => rows.flatMap(({ v }) => {
          const igo = v === null ? undefined : findIgo(v);
          return igo ? [{ name: v, code: igo.code, cameo: igo.cameo ?? igo.code }] : [];
        }),
      },
      {
        table: 'icews_role',
        columns: { sectors: 'VARCHAR', role: 'VARCHAR' },
        values: `SELECT ${opt('source_sectors')} AS v FROM import_stage s UNION SELECT ${opt('target_sectors')} FROM import_stage s`,
        build: (rows) => rows.flatMap(({ v }) => (v === null ? [] : [{ sectors: v, role: roleOfSectors(v) }])),
      },
    ],
  };
}
