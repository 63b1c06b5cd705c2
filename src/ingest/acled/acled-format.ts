// ACLED (Armed Conflict Location & Event Data) CSV exports mapped to events through data/codebook/acled-mapping.tsv.
import { findCountry } from '../../codebook/index.js';
import { UserError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import type { DatasetFormat, DatasetLayout } from '../dataset-layout.js';
import { col } from '../import-file.js';
import { createLookup, distinctValues } from '../lookup-table.js';
import { readHead } from '../read-head.js';
import { acledCoding } from './acled-mapping.js';

const MODULE = 'ingest/acled';

const REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'actor1', 'country'];
const TYPES: Readonly<Record<string, string>> = { fatalities: 'INTEGER' };

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

/** ACLED dates come as 2023-05-14 (API, recent exports) or 14 May 2023 (older website exports). */
const date = (c: string) =>
  `coalesce(try_strptime(${c}, '%Y-%m-%d'), try_strptime(${c}, '%d %B %Y'), try_strptime(${c}, '%d-%B-%Y'), try_strptime(${c}, '%d/%m/%Y'))::DATE`;

/** Recognises an ACLED export by its header and reads every column as text except fatalities. */
export async function detectAcled(path: string, shownAs: string): Promise<DatasetLayout> {
  const [first] = readHead(path);
  if (!first) throw new UserError(MODULE, 'the file is empty', { file: shownAs });
  const delim = [',', '\t', ';'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  const names = first.split(delim).map((h) => h.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) throw new UserError(MODULE, `the header lacks ${missing.join(', ')}; expected ACLED's columns (event_id_cnty, event_date, event_type, …)`, { file: shownAs, line: 1 });
  const has = new Set(names);
  const opt = (c: string) => (has.has(c) ? `nullif(trim(${col(c)}), '')` : 'NULL');
  const day = date(opt('event_date'));
  // time_precision 3 means ACLED only knows the month.
  const monthly = has.has('time_precision') ? `${opt('time_precision')} = '3'` : 'false';
  const countries = (alias: string) => `CASE WHEN ${alias} IS NULL THEN []::VARCHAR[] ELSE [${alias}] END`;
  return {
    variant: `ACLED export (${names.length} columns, ${delim === '\t' ? 'tab' : delim === ',' ? 'comma' : 'semicolon'}-separated)`,
    csv: { columns: names.map((n) => [n, TYPES[n] ?? 'VARCHAR'] as const), delim, quote: '"', skip: 1, nullstr: [''] },
    id: opt('event_id_cnty'),
    checks: [
      { when: `${opt('event_id_cnty')} IS NULL`, reason: `'event_id_cnty: missing'` },
      { when: `${day} IS NULL`, reason: `'event_date: "' || coalesce(${opt('event_date')}, '') || '" is not a date'` },
      {
        when: 'm.cameo IS NULL',
        reason: `'event_type / sub_event_type: "' || coalesce(${opt('event_type')}, '') || ' / ' || coalesce(${opt('sub_event_type')}, '') || '" is not in data/codebook/acled-mapping.tsv'`,
      },
      ...(has.has('fatalities') ? [{ when: `${col('fatalities')} < 0`, reason: `'fatalities: ' || ${col('fatalities')}::VARCHAR || ' is negative'` }] : []),
    ],
    columns: {
      date_start: `CASE WHEN ${monthly} THEN date_trunc('month', ${day})::DATE ELSE ${day} END`,
      date_end: `CASE WHEN ${monthly} THEN last_day(${day}) ELSE ${day} END`,
      precision: `CASE WHEN ${monthly} THEN 'month' ELSE 'day' END`,
      cameo: 'm.cameo',
      quad: 'm.quad',
      goldstein: 'm.goldstein',
      plover: 'm.plover',
      source_countries: countries('a1.iso3'),
      target_countries: countries('a2.iso3'),
      source_code: 'NULL',
      target_code: 'NULL',
      source_country: 'a1.iso3',
      target_country: 'a2.iso3',
      location: `nullif(concat_ws(', ', ${opt('location')}, ${opt('admin1')}, ${opt('country')}), '')`,
      location_country: 'lc.iso3',
      summary: `concat_ws(' — ', ${opt('actor1')}, coalesce(${opt('sub_event_type')}, ${opt('event_type')}), ${opt('actor2')})`,
      extra: `json_object('fatalities', ${has.has('fatalities') ? col('fatalities') : 'NULL'}, 'event_type', ${opt('event_type')},
        'sub_event_type', ${opt('sub_event_type')}, 'notes', ${opt('notes')}, 'source', ${opt('source')},
        'latitude', ${opt('latitude')}, 'longitude', ${opt('longitude')})`,
    },
    joins: `
      LEFT JOIN acled_coding m ON m.event_type = ${opt('event_type')} AND m.sub_event_type IS NOT DISTINCT FROM ${opt('sub_event_type')}
      LEFT JOIN acled_actor a1 ON a1.name = ${opt('actor1')}
      LEFT JOIN acled_actor a2 ON a2.name = ${opt('actor2')}
      LEFT JOIN acled_country lc ON lc.name = ${opt('country')}`,
    prepare: async (tx: Store) => {
      const pairs = await tx.all<{ t: string; st: string | null }>(
        `SELECT DISTINCT ${opt('event_type')} AS t, ${opt('sub_event_type')} AS st FROM import_stage s WHERE ${opt('event_type')} IS NOT NULL`,
      );
      await createLookup(tx, 'acled_coding', { event_type: 'VARCHAR', sub_event_type: 'VARCHAR', cameo: 'VARCHAR', plover: 'VARCHAR', quad: 'TINYINT', goldstein: 'DOUBLE' },
        pairs.flatMap((p) => {
          const c = acledCoding(p.t, p.st);
          return c ? [{ event_type: p.t, sub_event_type: p.st, cameo: c.cameo, plover: c.plover, quad: c.quad, goldstein: c.goldstein }] : [];
        }));
      const actors = await distinctValues(tx, `SELECT ${opt('actor1')} AS v FROM import_stage s UNION SELECT ${opt('actor2')} FROM import_stage s`);
      await createLookup(tx, 'acled_actor', { name: 'VARCHAR', iso3: 'VARCHAR' }, actors.map((name) => ({ name, iso3: acledActorCountry(name) })));
      const places = await distinctValues(tx, `SELECT ${opt('country')} AS v FROM import_stage s`);
      await createLookup(tx, 'acled_country', { name: 'VARCHAR', iso3: 'VARCHAR' }, places.map((name) => ({ name, iso3: findCountry(name)?.iso3 ?? null })));
    },
  };
}

/** The ACLED importer. */
export const ACLED: DatasetFormat = { origin: 'acled', module: MODULE, detect: (path, shownAs) => detectAcled(path, shownAs) };
