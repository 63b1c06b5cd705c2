// GDELT 1.0/2.0 events: native tab-separated exports and CSV exports with a header (BigQuery, R); layout detection.
import { UserError } from '../../model/errors.js';
import type { DatasetColumn, DatasetFormat, DatasetLayout, Dialect } from '../dataset-layout.js';
import { mode, splitFields, uniqueNames } from '../read-head.js';
import { GDELT_COLUMNS, GDELT_TYPES, type GdeltWidth } from './columns.js';

const MODULE = 'ingest/gdelt';

const canonical = new Map(GDELT_COLUMNS[61].concat(GDELT_COLUMNS[58]).map((c) => [c.toLowerCase(), c]));

/** Column specs for the names of a native export or of a CSV header. */
function columnsOf(names: readonly string[]): DatasetColumn[] {
  return names.map((name) => {
    const type = (GDELT_TYPES[name] ?? 'VARCHAR') as DatasetColumn['type'];
    return { name, type, label: name, ...(type === 'DATE' ? { format: '%Y%m%d' } : {}) };
  });
}

/**
 * Recognises a GDELT events file from its first lines: native 57/58/61-column tab-separated, or a CSV export with a
 * header row (R's write.table adds an unnamed row-number column, found by the rows being one column wider).
 */
export function detectGdelt(head: readonly string[], shownAs: string): DatasetLayout {
  const lines = head.filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new UserError(MODULE, 'the file is empty', { file: shownAs });
  const first = head[0] ?? '';
  if (/^(?:"?",)?"?GLOBALEVENTID"?\s*[,\t]/i.test(first)) {
    const delim = first.includes('\t') ? '\t' : ',';
    const header = splitFields(first, delim, '"').map((h) => h.trim());
    // write.csv names the row-number column "" in the header.
    const namedRowNumbers = header[0] === '';
    const named = namedRowNumbers ? header.slice(1) : header;
    const names = named.map((h, i) => canonical.get(h.toLowerCase()) ?? (h === '' ? `extra_${i + 1}` : h));
    for (const required of ['GLOBALEVENTID', 'SQLDATE', 'EventCode', 'Actor1CountryCode', 'Actor2CountryCode']) {
      if (!names.includes(required)) throw new UserError(MODULE, `the header has no ${required} column`, { file: shownAs, line: 1 });
    }
    const widths = head.slice(1, 201).filter((l) => l.trim() !== '').map((l) => splitFields(l, delim, '"').length);
    const width = widths.length ? mode(widths) : header.length;
    const rowNumbers = namedRowNumbers || width === names.length + 1;
    if (!rowNumbers && width !== names.length) {
      throw new UserError(MODULE, `the header names ${names.length} columns but most rows have ${width}`, { file: shownAs, line: 2 });
    }
    const extra = names.filter((c) => !canonical.has(c.toLowerCase()));
    const variant = `GDELT ${names.includes('Actor1Geo_ADM2Code') ? '2.0' : '1.0'} CSV export with header (${names.length} named columns` +
      `${rowNumbers ? ', plus a leading row-number column' : ''}${extra.length ? `, extra: ${extra.join(', ')}` : ''}; quoted, NA for blanks)`;
    const dialect: Dialect = { delim, quote: '"', headerLines: 1, nullstr: ['NA', ''] };
    return { dataset: 'gdelt', variant, dialect, columns: columnsOf(uniqueNames(rowNumbers ? ['row_number', ...names] : names)) };
  }
  const width = mode(lines.slice(0, 200).map((l) => l.split('\t').length));
  if (!(width in GDELT_COLUMNS)) {
    throw new UserError(MODULE, `rows have ${width} tab-separated columns, expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0), or a CSV header naming GLOBALEVENTID`, { file: shownAs, line: 1 });
  }
  const names = GDELT_COLUMNS[width as GdeltWidth];
  const variant = width === 61 ? 'GDELT 2.0 export (61 columns, tab-separated)' : `GDELT 1.0 ${width === 57 ? 'historical' : 'daily'} export (${width} columns, tab-separated)`;
  return { dataset: 'gdelt', variant, dialect: { delim: '\t', quote: '', headerLines: 0, nullstr: [''] }, columns: columnsOf(names) };
}

/** The GDELT importer. */
export const GDELT: DatasetFormat = { dataset: 'gdelt', origin: 'gdelt', module: MODULE, detect: detectGdelt };
