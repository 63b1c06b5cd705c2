// The UCDP/PRIO Armed Conflict Dataset (Gleditsch et al. 2002; Davies et al. 2025): one row per conflict and year, `;`-separated.
import type { FileFormat } from './format.js';

/** `UcdpPrioConflict_v25_1.csv`: sides as text, Gleditsch–Ward codes as comma-separated lists, days as D-M-YYYY. */
export const UCDP_ACD: FileFormat = {
  kind: 'ucdp-acd',
  dataset: 'ucdp-acd',
  module: 'ingest/ucdp',
  title: 'UCDP/PRIO Armed Conflict Dataset',
  headerLine: 1,
  header: [
    'conflict_id', 'location', 'side_a', 'side_a_id', 'side_a_2nd', 'side_b', 'side_b_id', 'side_b_2nd', 'incompatibility',
    'territory_name', 'year', 'intensity_level', 'cumulative_intensity', 'type_of_conflict', 'start_date', 'start_prec',
    'start_date2', 'start_prec2', 'ep_end', 'ep_end_date', 'ep_end_prec', 'gwno_a', 'gwno_a_2nd', 'gwno_b', 'gwno_b_2nd',
    'gwno_loc', 'region', 'version',
  ],
  csv: {
    delim: ';',
    quote: '"',
    encoding: 'utf-8',
    nullstr: [''],
    dateformat: '%d-%m-%Y',
    strict: true,
    columns: [
      ['conflict_id', 'INTEGER'], ['location', 'VARCHAR'], ['side_a', 'VARCHAR'], ['side_a_id', 'VARCHAR'], ['side_a_2nd', 'VARCHAR'],
      ['side_b', 'VARCHAR'], ['side_b_id', 'VARCHAR'], ['side_b_2nd', 'VARCHAR'], ['incompatibility', 'INTEGER'],
      ['territory_name', 'VARCHAR'], ['year', 'INTEGER'], ['intensity_level', 'INTEGER'], ['cumulative_intensity', 'INTEGER'],
      ['type_of_conflict', 'INTEGER'], ['start_date', 'DATE'], ['start_prec', 'INTEGER'], ['start_date2', 'DATE'],
      ['start_prec2', 'INTEGER'], ['ep_end', 'INTEGER'], ['ep_end_date', 'DATE'], ['ep_end_prec', 'INTEGER'],
      ['gwno_a', 'VARCHAR'], ['gwno_a_2nd', 'VARCHAR'], ['gwno_b', 'VARCHAR'], ['gwno_b_2nd', 'VARCHAR'], ['gwno_loc', 'VARCHAR'],
      ['region', 'VARCHAR'], ['version', 'VARCHAR'],
    ],
  },
};
