// ICEWS coded event data (Boschee et al., Harvard Dataverse), tab-separated with a header: layout detection.
import { UserError } from '../../model/errors.js';
import type { ColumnType, DatasetFormat, DatasetLayout } from '../dataset-layout.js';
import { uniqueNames } from '../read-head.js';

const MODULE = 'ingest/icews';

const TYPES: Readonly<Record<string, ColumnType>> = { event_id: 'BIGINT', event_date: 'DATE', intensity: 'DOUBLE' };
const REQUIRED = ['event_id', 'event_date', 'source_name', 'source_country', 'cameo_code', 'target_name', 'target_country'];

/** "Event ID" → event_id. */
export const icewsKey = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** Recognises the Dataverse layout by its header; every column is read, typed where the mapping relies on it. */
export function detectIcews(head: readonly string[], shownAs: string): DatasetLayout {
  const first = head[0];
  if (!first?.trim()) throw new UserError(MODULE, head.length ? 'line 1 is blank or too long; expected the header' : 'the file is empty', { file: shownAs, ...(head.length ? { line: 1 } : {}) });
  const labels = first.split('\t').map((h) => h.trim());
  const names = uniqueNames(labels.map(icewsKey));
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) {
    throw new UserError(MODULE, `the header lacks ${missing.join(', ')}; expected the tab-separated Dataverse layout ("Event ID", "Event Date", …)`, { file: shownAs, line: 1 });
  }
  return {
    dataset: 'icews',
    variant: `ICEWS Dataverse events (${names.length} columns, tab-separated)`,
    dialect: { delim: '\t', quote: '', headerLines: 1, nullstr: ['', 'NA'] },
    columns: names.map((name, i) => {
      const type = TYPES[name] ?? 'VARCHAR';
      return { name, type, label: labels[i] || name, ...(type === 'DATE' ? { format: '%Y-%m-%d' } : {}) };
    }),
  };
}

/** The ICEWS importer. */
export const ICEWS: DatasetFormat = { dataset: 'icews', origin: 'icews', module: MODULE, detect: detectIcews };
