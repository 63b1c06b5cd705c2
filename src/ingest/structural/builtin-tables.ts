// The fact tables in data/structural: rows of the structural datasets for the built-in region, with a citation header.
import { fileURLToPath } from 'node:url';
import type { ColumnType, FileFormat, FileKind, StructuralDataset } from './format.js';

/** The repository's data/structural folder. */
export const STRUCTURAL_DIR = fileURLToPath(new URL('../../../data/structural/', import.meta.url));

/** Our tables open with `#` lines (citation, licence, how they were made), then a header line. */
const afterComments = (head: readonly string[]): number => {
  let n = 0;
  while (n < head.length && head[n].startsWith('#')) n++;
  return n + 1;
};

const LIST = 'VARCHAR' as const;

/** A built-in table: its file, the store table it fills and its columns, in the order the file writes them. */
export interface BuiltinTable {
  readonly file: string;
  readonly table: string;
  readonly format: FileFormat;
}

function table(kind: FileKind, dataset: StructuralDataset, file: string, storeTable: string, title: string, columns: readonly (readonly [string, ColumnType])[]): BuiltinTable {
  return {
    file,
    table: storeTable,
    format: {
      kind,
      dataset,
      module: 'ingest/structural',
      title,
      headerLine: afterComments,
      header: columns.map(([n]) => n),
      csv: { delim: ',', quote: '"', encoding: 'utf-8', nullstr: [''], dateformat: '%Y-%m-%d', strict: true, columns },
    },
  };
}

/** Every built-in table, in load order. List cells (delivery years, Gleditsch–Ward and ISO3 lists) are written `a; b`. */
export const BUILTIN_TABLES: readonly BuiltinTable[] = [
  table('builtin-unga-idealpoints', 'unga-idealpoints', 'unga-idealpoints.csv', 'unga_idealpoints', 'UNGA ideal points of the region and the powers it names', [
    ['ccode', 'INTEGER'], ['iso3', 'VARCHAR'], ['country', 'VARCHAR'], ['year', 'INTEGER'], ['idealpointfp', 'DOUBLE'],
    ['idealpointall', 'DOUBLE'], ['idealpointlegacy', 'DOUBLE'], ['nvotesfp', 'INTEGER'], ['nvotesall', 'INTEGER'],
  ]),
  table('builtin-unga-agreement', 'unga-votes', 'unga-agreement.csv', 'unga_agreement', 'UNGA vote agreement of the region with the powers it names', [
    ['a', 'VARCHAR'], ['b', 'VARCHAR'], ['year', 'INTEGER'], ['issue', 'VARCHAR'], ['votes', 'INTEGER'], ['same', 'INTEGER'],
    ['half', 'INTEGER'], ['opposite', 'INTEGER'],
  ]),
  table('builtin-sipri-arms', 'sipri-arms', 'sipri-arms.csv', 'sipri_arms', 'SIPRI register deals with the region as recipient or supplier', [
    ['row_key', 'VARCHAR'], ['recipient', 'VARCHAR'], ['recipient_code', 'VARCHAR'], ['supplier', 'VARCHAR'], ['supplier_code', 'VARCHAR'],
    ['order_year', 'INTEGER'], ['order_year_uncertain', 'BOOLEAN'], ['ordered', 'INTEGER'], ['ordered_uncertain', 'BOOLEAN'],
    ['designation', 'VARCHAR'], ['description', 'VARCHAR'], ['delivered', 'INTEGER'], ['delivered_uncertain', 'BOOLEAN'],
    ['delivery_years', LIST], ['status', 'VARCHAR'], ['comments', 'VARCHAR'], ['tiv_unit', 'DOUBLE'], ['tiv_order', 'DOUBLE'],
    ['tiv_delivered', 'DOUBLE'],
  ]),
  table('builtin-sipri-supplier-totals', 'sipri-arms', 'sipri-supplier-totals.csv', 'sipri_supplier_totals', "SIPRI suppliers' delivered TIV to all recipients per year", [
    ['supplier', 'VARCHAR'], ['year', 'INTEGER'], ['tiv', 'DOUBLE'], ['deals', 'INTEGER'],
  ]),
  table('builtin-sipri-milex', 'sipri-milex', 'sipri-milex.csv', 'sipri_milex', 'Military expenditure as a share of GDP of the region and the powers it names', [
    ['entity', 'VARCHAR'], ['iso3', 'VARCHAR'], ['year', 'INTEGER'], ['share_gdp', 'DOUBLE'], ['owid_region', 'VARCHAR'],
  ]),
  table('builtin-ucdp-acd', 'ucdp-acd', 'ucdp-acd.csv', 'ucdp_conflicts', 'UCDP/PRIO conflict-years involving the region or the powers it names', [
    ['conflict_id', 'INTEGER'], ['year', 'INTEGER'], ['location', 'VARCHAR'], ['side_a', 'VARCHAR'], ['side_a_id', 'VARCHAR'],
    ['side_a_2nd', 'VARCHAR'], ['side_b', 'VARCHAR'], ['side_b_id', 'VARCHAR'], ['side_b_2nd', 'VARCHAR'], ['incompatibility', 'INTEGER'],
    ['territory_name', 'VARCHAR'], ['intensity_level', 'INTEGER'], ['cumulative_intensity', 'INTEGER'], ['type_of_conflict', 'INTEGER'],
    ['start_date', 'DATE'], ['start_prec', 'INTEGER'], ['start_date2', 'DATE'], ['start_prec2', 'INTEGER'], ['ep_end', 'INTEGER'],
    ['ep_end_date', 'DATE'], ['ep_end_prec', 'INTEGER'],
    ['gwno_a', LIST], ['gwno_a_2nd', LIST], ['gwno_b', LIST], ['gwno_b_2nd', LIST], ['gwno_loc', LIST],
    ['iso3_a', LIST], ['iso3_a_2nd', LIST], ['iso3_b', LIST], ['iso3_b_2nd', LIST], ['iso3_loc', LIST],
    ['region', 'VARCHAR'], ['version', 'VARCHAR'],
  ]),
];
