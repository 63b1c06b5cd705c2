// ACLED (Armed Conflict Location & Event Data) CSV exports: layout detection and actor countries from ACLED's names.
import { findCountry } from '../../codebook/index.js';
import { UserError } from '../../model/errors.js';
import type { ColumnType, DatasetFormat, DatasetLayout } from '../dataset-layout.js';
import { splitFields, uniqueNames } from '../read-head.js';

const MODULE = 'ingest/acled';

const REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'actor1', 'country'];
const TYPES: Readonly<Record<string, ColumnType>> = { fatalities: 'INTEGER' };

/**
 * The country an ACLED actor name belongs to, when the name says it: "Military Forces of Armenia (2018-)",
 * "Protesters (Georgia)", "Police Forces of Azerbaijan (2003-) Border Guard". Null when it does not.
 */
export function acledActorCountry(name: string): string | null {
  const candidates = [
    ...[...name.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]),
    ...[...name.matchAll(/\bof ([A-Z][^()]*?)(?=\s*\(|$)/g)].map((m) => m[1]),
  ];
  for (const c of candidates) {
    const hit = findCountry(c.trim());
    if (hit) return hit.iso3;
  }
  return null;
}

/** Recognises an ACLED export by its header (comma, tab or semicolon separated, double-quoted); fatalities is numeric. */
export function detectAcled(head: readonly string[], shownAs: string): DatasetLayout {
  const first = head[0];
  if (!first?.trim()) throw new UserError(MODULE, head.length ? 'line 1 is blank or too long; expected the header' : 'the file is empty', { file: shownAs, ...(head.length ? { line: 1 } : {}) });
  const delim = ([',', '\t', ';'] as const).slice().sort((a, b) => first.split(b).length - first.split(a).length)[0];
  const labels = splitFields(first, delim, '"').map((h) => h.trim());
  const names = uniqueNames(labels.map((h) => h.toLowerCase()));
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) throw new UserError(MODULE, `the header lacks ${missing.join(', ')}; expected ACLED's columns (event_id_cnty, event_date, event_type, …)`, { file: shownAs, line: 1 });
  return {
    dataset: 'acled',
    variant: `ACLED export (${names.length} columns, ${delim === '\t' ? 'tab' : delim === ',' ? 'comma' : 'semicolon'}-separated)`,
    dialect: { delim, quote: '"', headerLines: 1, nullstr: [''] },
    columns: names.map((name, i) => ({ name, type: TYPES[name] ?? 'VARCHAR', label: labels[i] || name })),
  };
}

/** The ACLED importer. */
export const ACLED: DatasetFormat = { dataset: 'acled', origin: 'acled', module: MODULE, detect: detectAcled };
