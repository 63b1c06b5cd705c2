// GDELT 1.0/2.0 rows as events: CAMEO codes through the codebook, actor countries from CAMEO country codes, FIPS places.
import { countryByCameo, findCountry } from '../../codebook/index.js';
import type { DatasetLayout } from '../../ingest/dataset-layout.js';
import { cameoLookup, clip, col, oneOrNone, textOf, type DatasetSql } from './layout-sql.js';

/** The GDELT mapping for the columns a file has. */
export function gdeltSql(layout: DatasetLayout): DatasetSql {
  const has = new Set(layout.columns.map((c) => c.name));
  const text = textOf(layout);
  const opt = (c: string, sql = text(c)) => (has.has(c) ? sql : 'NULL');
  return {
    id: col('GLOBALEVENTID'),
    checks: [
      { when: `${col('GLOBALEVENTID')} IS NULL`, reason: `'GLOBALEVENTID: missing'` },
      { when: `${col('SQLDATE')} IS NULL`, reason: `'SQLDATE: missing'` },
      { when: 'cam.code IS NULL', reason: `'EventCode: "' || ${clip(`coalesce(${col('EventCode')}, '')`)} || '" is not a CAMEO event code'` },
      ...(has.has('QuadClass')
        ? [{ when: `${col('QuadClass')} NOT BETWEEN 1 AND 4`, reason: `'QuadClass: ' || ${col('QuadClass')}::VARCHAR || ' is not 1, 2, 3 or 4'` }]
        : []),
      ...(has.has('GoldsteinScale')
        ? [{ when: `abs(${col('GoldsteinScale')}) > 10`, reason: `'GoldsteinScale: ' || ${col('GoldsteinScale')}::VARCHAR || ' is outside -10…10'` }]
        : []),
    ],
    columns: {
      date_start: col('SQLDATE'),
      date_end: col('SQLDATE'),
      precision: `'day'`,
      cameo: 'cam.code',
      quad: `coalesce(${opt('QuadClass', col('QuadClass'))}, cam.quad)`,
      goldstein: `coalesce(${opt('GoldsteinScale', col('GoldsteinScale'))}, cam.goldstein)`,
      plover: 'cam.plover',
      source_countries: oneOrNone('c1.iso3'),
      target_countries: oneOrNone('c2.iso3'),
      source_code: opt('Actor1Code'),
      target_code: opt('Actor2Code'),
      source_country: 'c1.iso3',
      target_country: 'c2.iso3',
      location: opt('ActionGeo_FullName'),
      location_country: 'loc.iso3',
      summary: `concat_ws(' — ', coalesce(${opt('Actor1Name')}, '(no actor)'), cam.name, ${opt('Actor2Name')})`,
      extra: `json_object('url', ${opt('SOURCEURL')}, 'mentions', ${opt('NumMentions', col('NumMentions'))}, 'sources', ${opt('NumSources', col('NumSources'))}, 'tone', ${opt('AvgTone', col('AvgTone'))}, 'root', ${opt('IsRootEvent')})`,
    },
    joins: `
      LEFT JOIN gdelt_cameo cam ON cam.raw = ${text('EventCode')}
      LEFT JOIN gdelt_country c1 ON c1.code = ${text('Actor1CountryCode')}
      LEFT JOIN gdelt_country c2 ON c2.code = ${text('Actor2CountryCode')}
      LEFT JOIN gdelt_fips loc ON loc.fips = ${opt('ActionGeo_CountryCode')}`,
    lookups: [
      cameoLookup('gdelt_cameo', `SELECT ${text('EventCode')} AS v FROM import_stage s`),
      {
        // Actor country codes are CAMEO's: ISO3 for countries, older forms (ROM, ZAR) for a few, region codes (EUR, AFR).
        table: 'gdelt_country',
        columns: { code: 'VARCHAR', iso3: 'VARCHAR' },
        values: `SELECT ${text('Actor1CountryCode')} AS v FROM import_stage s UNION SELECT ${text('Actor2CountryCode')} FROM import_stage s`,
        build: (rows) => rows.flatMap(({ v }) => (v === null ? [] : [{ code: v, iso3: countryByCameo(v)?.iso3 ?? v }])),
      },
      {
        // GDELT locates actions with FIPS 10-4 codes (GG is Georgia, AJ Azerbaijan); rather than carry a FIPS table,
        // each code is resolved by the country name GDELT writes last in the place names it labels with that code.
        table: 'gdelt_fips',
        columns: { fips: 'VARCHAR', iso3: 'VARCHAR' },
        values: has.has('ActionGeo_CountryCode')
          ? `SELECT ${text('ActionGeo_CountryCode')} AS fips, mode(trim(regexp_extract(${col('ActionGeo_FullName')}, '[^,]*$'))) AS name
             FROM import_stage s WHERE ${text('ActionGeo_CountryCode')} IS NOT NULL GROUP BY 1`
          : `SELECT NULL::VARCHAR AS fips, NULL::VARCHAR AS name WHERE false`,
        build: (rows) => rows.map((r) => ({ fips: r.fips, iso3: r.name ? findCountry(r.name)?.iso3 ?? null : null })),
      },
    ],
  };
}
