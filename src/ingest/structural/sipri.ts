// SIPRI files: the Arms Transfers Database trade register (CSV export) and military expenditure as a share of GDP (via Our World in Data).
import type { FileFormat } from './format.js';

/** The first line of a register export names what it covers; only a world-wide export gives suppliers' world totals. */
export const SIPRI_WORLD_COVERAGE = /^Transfers of major conventional arms from All countries\s+to All countries\s*\./;

/**
 * `arms-trade-register-*.csv`: 11 lines of notes, then a header with three blank-named columns (the '?' marks of
 * uncertain order year, number ordered and number delivered), then one deal per line. Latin-1, no quoting: a
 * comment holding a line break splits a deal over two lines.
 */
export const SIPRI_ARMS: FileFormat = {
  kind: 'sipri-arms',
  dataset: 'sipri-arms',
  module: 'ingest/sipri',
  title: 'SIPRI Arms Transfers Database trade register',
  headerLine: 12,
  header: [
    'Recipient', 'Supplier', 'Year of order', ' ', 'Number ordered', ' ', 'Weapon designation', 'Weapon description',
    'Number delivered', ' ', 'Year(s) of delivery', 'status', 'Comments', 'SIPRI TIV per unit', 'SIPRI TIV for total order',
    'SIPRI TIV of delivered weapons',
  ],
  csv: {
    delim: ',',
    quote: '',
    encoding: 'latin-1',
    nullstr: [''],
    strict: false,
    columns: [
      ['recipient', 'VARCHAR'], ['supplier', 'VARCHAR'], ['order_year', 'INTEGER'], ['order_year_mark', 'VARCHAR'],
      ['ordered', 'INTEGER'], ['ordered_mark', 'VARCHAR'], ['designation', 'VARCHAR'], ['description', 'VARCHAR'],
      ['delivered', 'INTEGER'], ['delivered_mark', 'VARCHAR'], ['delivery_years', 'VARCHAR'], ['status', 'VARCHAR'],
      ['comments', 'VARCHAR'], ['tiv_unit', 'DOUBLE'], ['tiv_order', 'DOUBLE'], ['tiv_delivered', 'DOUBLE'],
    ],
  },
  joinBrokenLines: true,
  checkPreamble: (head) =>
    /^Transfers of major conventional arms/.test(head[0] ?? '') ? null : 'line 1 does not read "Transfers of major conventional arms …": not a SIPRI trade-register export',
};

/** `milex-share-of-gdp-owid.csv`: entity, code (ISO3, OWID_* for aggregates, empty for regions), year, % of GDP, OWID region. */
export const SIPRI_MILEX: FileFormat = {
  kind: 'sipri-milex',
  dataset: 'sipri-milex',
  module: 'ingest/sipri',
  title: 'SIPRI military expenditure, % of GDP (Our World in Data)',
  headerLine: 1,
  header: ['Entity', 'Code', 'Year', 'Military expenditure (% of GDP)', 'World region according to OWID'],
  csv: {
    delim: ',',
    quote: '"',
    encoding: 'utf-8',
    nullstr: [''],
    strict: true,
    columns: [['entity', 'VARCHAR'], ['code', 'VARCHAR'], ['year', 'INTEGER'], ['share_gdp', 'DOUBLE'], ['owid_region', 'VARCHAR']],
  },
};
