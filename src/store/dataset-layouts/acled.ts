// ACLED rows as events through data/codebook/acled-mapping.tsv; actor countries from ACLED's actor names.
import { findCountry } from '../../codebook/index.js';
import type { DatasetLayout } from '../../ingest/dataset-layout.js';
import { acledActorCountry } from '../../ingest/acled/acled-format.js';
import { acledCoding } from '../../ingest/acled/acled-mapping.js';
import { clip, col, oneOrNone, textOf, type DatasetSql } from './layout-sql.js';

/** ACLED dates come as 2023-05-14 (API, recent exports) or 14 May 2023 (older website exports). */
const date = (c: string) =>
  `coalesce(try_strptime(${c}, '%Y-%m-%d'), try_strptime(${c}, '%d %B %Y'), try_strptime(${c}, '%d-%B-%Y'), try_strptime(${c}, '%d/%m/%Y'))::DATE`;

/** The ACLED mapping for the columns a file has. */
export function acledSql(layout: DatasetLayout): DatasetSql {
  const has = new Set(layout.columns.map((c) => c.name));
  const opt = textOf(layout);
  const day = date(opt('event_date'));
  // time_precision 3 means ACLED only knows the month.
  const monthly = has.has('time_precision') ? `${opt('time_precision')} = '3'` : 'false';
  return {
    id: opt('event_id_cnty'),
    checks: [
      { when: `${opt('event_id_cnty')} IS NULL`, reason: `'event_id_cnty: missing'` },
      { when: `${day} IS NULL`, reason: `'event_date: "' || ${clip(`coalesce(${opt('event_date')}, '')`)} || '" is not a date'` },
      {
        when: 'm.cameo IS NULL',
        reason: `'event_type / sub_event_type: "' || ${clip(`coalesce(${opt('event_type')}, '') || ' / ' || coalesce(${opt('sub_event_type')}, '')`)} || '" is not in data/codebook/acled-mapping.tsv'`,
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
      source_countries: oneOrNone('a1.iso3'),
      target_countries: oneOrNone('a2.iso3'),
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
    lookups: [
      {
        table: 'acled_coding',
        columns: { event_type: 'VARCHAR', sub_event_type: 'VARCHAR', cameo: 'VARCHAR', plover: 'VARCHAR', quad: 'TINYINT', goldstein: 'DOUBLE' },
        values: `SELECT ${opt('event_type')} AS t, ${opt('sub_event_type')} AS st FROM import_stage s WHERE ${opt('event_type')} IS NOT NULL`,
        build: (rows) => rows.flatMap((p) => {
          const c = acledCoding(p.t!, p.st);
          return c ? [{ event_type: p.t, sub_event_type: p.st, cameo: c.cameo, plover: c.plover, quad: c.quad, goldstein: c.goldstein }] : [];
        }),
      },
      {
        table: 'acled_actor',
        columns: { name: 'VARCHAR', iso3: 'VARCHAR' },
        values: `SELECT ${opt('actor1')} AS v FROM import_stage s UNION SELECT ${opt('actor2')} FROM import_stage s`,
        build: (rows) => rows.flatMap(({ v }) => (v === null ? [] : [{ name: v, iso3: acledActorCountry(v) }])),
      },
      {
        table: 'acled_country',
        columns: { name: 'VARCHAR', iso3: 'VARCHAR' },
        values: `SELECT ${opt('country')} AS v FROM import_stage s`,
        build: (rows) => rows.flatMap(({ v }) => (v === null ? [] : [{ name: v, iso3: findCountry(v)?.iso3 ?? null }])),
      },
    ],
  };
}
