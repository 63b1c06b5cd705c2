// GDELT event table columns: 1.0 historical (57), 1.0 daily (58, adds SOURCEURL) and 2.0 (61, adds ADM2 codes).
// Column order from the GDELT Project's event codebooks (GDELT 1.0 Event Database; GDELT 2.0 Event Database).

const actor = (n: 1 | 2) =>
  ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code']
    .map((f) => `Actor${n}${f}`);

const geo = (prefix: string, adm2: boolean) =>
  ['Type', 'FullName', 'CountryCode', 'ADM1Code', ...(adm2 ? ['ADM2Code'] : []), 'Lat', 'Long', 'FeatureID'].map((f) => `${prefix}Geo_${f}`);

const head = ['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate', ...actor(1), ...actor(2)];
const action = ['IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone'];
const geos = (adm2: boolean) => [...geo('Actor1', adm2), ...geo('Actor2', adm2), ...geo('Action', adm2)];

/** The GDELT event layouts by column count. */
export const GDELT_COLUMNS = {
  57: [...head, ...action, ...geos(false), 'DATEADDED'],
  58: [...head, ...action, ...geos(false), 'DATEADDED', 'SOURCEURL'],
  61: [...head, ...action, ...geos(true), 'DATEADDED', 'SOURCEURL'],
} as const satisfies Record<number, readonly string[]>;

export type GdeltWidth = keyof typeof GDELT_COLUMNS;

/** DuckDB types of the columns the importer reads; everything else stays text so odd values cannot reject a row. */
export const GDELT_TYPES: Readonly<Record<string, string>> = {
  GLOBALEVENTID: 'BIGINT',
  SQLDATE: 'DATE',
  QuadClass: 'TINYINT',
  GoldsteinScale: 'DOUBLE',
  NumMentions: 'INTEGER',
  NumSources: 'INTEGER',
  NumArticles: 'INTEGER',
  AvgTone: 'DOUBLE',
};
