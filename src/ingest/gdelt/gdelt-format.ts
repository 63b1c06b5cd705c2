// GDELT 1.0/2.0 events: native tab-separated exports and CSV exports with a header (BigQuery, R), mapped to events.
import { countryByCameo, findCountry } from '../../codebook/index.js';
import { UserError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { createCameoLookup } from '../cameo-lookup.js';
import type { CsvLayout, DatasetFormat, DatasetLayout } from '../dataset-layout.js';
import { col } from '../import-file.js';
import { createLookup, distinctValues, sqlString } from '../lookup-table.js';
import { readHead } from '../read-head.js';
import { GDELT_COLUMNS, GDELT_TYPES, type GdeltWidth } from './columns.js';

const MODULE = 'ingest/gdelt';

const mode = (xs: readonly number[]): number => {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
};

const canonical = new Map(GDELT_COLUMNS[61].concat(GDELT_COLUMNS[58]).map((c) => [c.toLowerCase(), c]));

/** Column names and types for a header-less native export, or for the names a CSV header gives. */
function csvColumns(names: readonly string[]): Array<readonly [string, string]> {
  return names.map((n) => [n, GDELT_TYPES[n] ?? 'VARCHAR'] as const);
}

/** Recognises a GDELT events file: native 57/58/61-column tab-separated, or a CSV export with a header row. */
export async function detectGdelt(path: string, shownAs: string, store: Store): Promise<DatasetLayout> {
  const lines = readHead(path);
  if (lines.length === 0) throw new UserError(MODULE, 'the file is empty', { file: shownAs });
  const first = lines[0];
  if (/^"?GLOBALEVENTID"?\s*[,\t]/i.test(first)) {
    const delim = first.includes('\t') ? '\t' : ',';
    const header = first.split(delim).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
    const names = header.map((h, i) => canonical.get(h.toLowerCase()) ?? (h === '' ? `extra_${i + 1}` : h));
    for (const required of ['GLOBALEVENTID', 'SQLDATE', 'EventCode', 'Actor1CountryCode', 'Actor2CountryCode']) {
      if (!names.includes(required)) throw new UserError(MODULE, `the header has no ${required} column`, { file: shownAs, line: 1 });
    }
    const [{ n }] = await store.all<{ n: number }>(
      `SELECT len(Columns)::INTEGER AS n FROM sniff_csv(${sqlString(path)}, delim = ${sqlString(delim)}, quote = '"', escape = '"', header = false, skip = 1, sample_size = 2048)`,
    );
    // R's write.csv puts the row names first without naming them in the header.
    const rowNumbers = n === header.length + 1;
    if (!rowNumbers && n !== header.length) {
      throw new UserError(MODULE, `the header names ${header.length} columns but rows have ${n}`, { file: shownAs, line: 2 });
    }
    const columns = csvColumns(rowNumbers ? ['row_number', ...names] : names);
    const extra = names.filter((c) => !canonical.has(c.toLowerCase()));
    const variant = `GDELT ${names.includes('Actor1Geo_ADM2Code') ? '2.0' : '1.0'} CSV export with header (${names.length} named columns` +
      `${rowNumbers ? ', plus a leading row-number column' : ''}${extra.length ? `, extra: ${extra.join(', ')}` : ''}; quoted, NA for blanks)`;
    return gdeltLayout(variant, { columns, delim, quote: '"', skip: 1, nullstr: ['NA', ''], dateformat: '%Y%m%d' });
  }
  const width = mode(lines.slice(0, 200).map((l) => l.split('\t').length));
  if (!(width in GDELT_COLUMNS)) {
    throw new UserError(MODULE, `rows have ${width} tab-separated columns, expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0), or a CSV header naming GLOBALEVENTID`, { file: shownAs, line: 1 });
  }
  const names = GDELT_COLUMNS[width as GdeltWidth];
  const variant = width === 61 ? 'GDELT 2.0 export (61 columns, tab-separated)' : `GDELT 1.0 ${width === 57 ? 'historical' : 'daily'} export (${width} columns, tab-separated)`;
  return gdeltLayout(variant, { columns: csvColumns(names), delim: '\t', quote: '', skip: 0, nullstr: [''], dateformat: '%Y%m%d' });
}

/** Text cell, trimmed, empty as NULL (CSV exports pad some codes with a space: " ARM"). */
const text = (c: string) => `nullif(trim(${col(c)}), '')`;

function gdeltLayout(variant: string, csv: CsvLayout): DatasetLayout {
  const has = new Set(csv.columns.map(([n]) => n));
  const opt = (c: string, sql = text(c)) => (has.has(c) ? sql : 'NULL');
  const countries = (alias: string) => `CASE WHEN ${alias}.iso3 IS NULL THEN []::VARCHAR[] ELSE [${alias}.iso3] END`;
  return {
    variant,
    csv,
    id: col('GLOBALEVENTID'),
    checks: [
      { when: `${col('GLOBALEVENTID')} IS NULL`, reason: `'GLOBALEVENTID: missing'` },
      { when: `${col('SQLDATE')} IS NULL`, reason: `'SQLDATE: missing'` },
      { when: 'cam.code IS NULL', reason: `'EventCode: "' || coalesce(${col('EventCode')}, '') || '" is not a CAMEO event code'` },
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
      source_countries: countries('c1'),
      target_countries: countries('c2'),
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
    prepare: async (tx) => {
      await createCameoLookup(tx, 'gdelt_cameo', `SELECT ${text('EventCode')} AS v FROM import_stage s`);
      // Actor country codes are CAMEO's: ISO3 for countries, older forms (ROM, ZAR) for a few, region codes (EUR, AFR).
      const codes = await distinctValues(tx, `SELECT ${text('Actor1CountryCode')} AS v FROM import_stage s UNION SELECT ${text('Actor2CountryCode')} FROM import_stage s`);
      await createLookup(tx, 'gdelt_country', { code: 'VARCHAR', iso3: 'VARCHAR' }, codes.map((code) => ({ code, iso3: countryByCameo(code)?.iso3 ?? code })));
      await createLookup(tx, 'gdelt_fips', { fips: 'VARCHAR', iso3: 'VARCHAR' }, has.has('ActionGeo_CountryCode') ? await fipsCountries(tx) : []);
    },
  };
}

/**
 * GDELT locates actions with FIPS 10-4 country codes (GG is Georgia, AJ Azerbaijan). Rather than carry a FIPS
 * table, each code is resolved by the country name GDELT writes last in the place names it labels with that code.
 */
async function fipsCountries(tx: Store): Promise<Array<{ fips: string; iso3: string | null }>> {
  const rows = await tx.all<{ fips: string; name: string | null }>(
    `SELECT ${text('ActionGeo_CountryCode')} AS fips, mode(trim(regexp_extract(${col('ActionGeo_FullName')}, '[^,]*$'))) AS name
     FROM import_stage s WHERE ${text('ActionGeo_CountryCode')} IS NOT NULL GROUP BY 1`,
  );
  return rows.map((r) => ({ fips: r.fips, iso3: r.name ? findCountry(r.name)?.iso3 ?? null : null }));
}

/** The GDELT importer. */
export const GDELT: DatasetFormat = { origin: 'gdelt', module: MODULE, detect: detectGdelt };
