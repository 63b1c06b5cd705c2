// ICEWS coded event data (Boschee et al., Harvard Dataverse), tab-separated with a header, mapped to events.
import { countryByIso3, findCountry, findIgo } from '../../codebook/index.js';
import { UserError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { createCameoLookup } from '../cameo-lookup.js';
import type { DatasetFormat, DatasetLayout } from '../dataset-layout.js';
import { readHead } from '../read-head.js';
import { col } from '../import-file.js';
import { createLookup, distinctValues } from '../lookup-table.js';
import { roleOfSectors } from './sector-roles.js';

const MODULE = 'ingest/icews';

const TYPES: Readonly<Record<string, string>> = { event_id: 'BIGINT', event_date: 'DATE', intensity: 'DOUBLE' };
const REQUIRED = ['event_id', 'event_date', 'source_name', 'source_country', 'cameo_code', 'target_name', 'target_country'];

/** "Event ID" → event_id. */
const key = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** Recognises the Dataverse layout by its header and reads every column, typed where the importer relies on it. */
export async function detectIcews(path: string, shownAs: string): Promise<DatasetLayout> {
  const [first] = readHead(path);
  if (!first) throw new UserError(MODULE, 'the file is empty', { file: shownAs });
  const names = first.split('\t').map(key);
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) {
    throw new UserError(MODULE, `the header lacks ${missing.join(', ')}; expected the tab-separated Dataverse layout ("Event ID", "Event Date", …)`, { file: shownAs, line: 1 });
  }
  const has = new Set(names);
  const opt = (c: string) => (has.has(c) ? `nullif(trim(${col(c)}), '')` : 'NULL');
  const countries = (alias: string) => `CASE WHEN ${alias} IS NULL THEN []::VARCHAR[] ELSE [${alias}] END`;
  const code = (c: string, i: string, r: string) =>
    `nullif(coalesce(${c}.cameo, ${i}.cameo, '') || coalesce(${r}.role, ''), '')`;
  return {
    variant: `ICEWS Dataverse events (${names.length} columns, tab-separated)`,
    csv: {
      columns: names.map((n) => [n, TYPES[n] ?? 'VARCHAR'] as const),
      delim: '\t',
      quote: '',
      skip: 1,
      nullstr: ['', 'NA'],
      dateformat: '%Y-%m-%d',
    },
    id: col('event_id'),
    checks: [
      { when: `${col('event_id')} IS NULL`, reason: `'Event ID: missing'` },
      { when: `${col('event_date')} IS NULL`, reason: `'Event Date: missing'` },
      { when: 'cam.code IS NULL', reason: `'CAMEO Code: "' || coalesce(${col('cameo_code')}, '') || '" is not a CAMEO event code'` },
      ...(has.has('intensity') ? [{ when: `abs(${col('intensity')}) > 10`, reason: `'Intensity: ' || ${col('intensity')}::VARCHAR || ' is outside -10…10'` }] : []),
    ],
    columns: {
      date_start: col('event_date'),
      date_end: col('event_date'),
      precision: `'day'`,
      cameo: 'cam.code',
      quad: 'cam.quad',
      goldstein: has.has('intensity') ? `coalesce(${col('intensity')}, cam.goldstein)` : 'cam.goldstein',
      plover: 'cam.plover',
      source_countries: countries('coalesce(sc.iso3, si.code)'),
      target_countries: countries('coalesce(tc.iso3, ti.code)'),
      source_code: code('sc', 'si', 'sr'),
      target_code: code('tc', 'ti', 'tr'),
      source_country: 'coalesce(sc.iso3, si.code)',
      target_country: 'coalesce(tc.iso3, ti.code)',
      location: `nullif(concat_ws(', ', ${opt('city')}, ${opt('district')}, ${opt('province')}, ${opt('country')}), '')`,
      location_country: 'lc.iso3',
      summary: `concat_ws(' — ', ${opt('source_name')}, coalesce(${opt('event_text')}, cam.name), ${opt('target_name')})`,
      extra: `json_object('story', ${opt('story_id')}, 'sentence', ${opt('sentence_number')}, 'publisher', ${opt('publisher')},
        'source_sectors', ${opt('source_sectors')}, 'target_sectors', ${opt('target_sectors')},
        'latitude', ${opt('latitude')}, 'longitude', ${opt('longitude')})`,
    },
    joins: `
      LEFT JOIN icews_cameo cam ON cam.raw = ${opt('cameo_code')}
      LEFT JOIN icews_country sc ON sc.name = ${opt('source_country')}
      LEFT JOIN icews_country tc ON tc.name = ${opt('target_country')}
      LEFT JOIN icews_country lc ON lc.name = ${opt('country')}
      LEFT JOIN icews_igo si ON sc.iso3 IS NULL AND si.name = ${opt('source_name')}
      LEFT JOIN icews_igo ti ON tc.iso3 IS NULL AND ti.name = ${opt('target_name')}
      LEFT JOIN icews_role sr ON sr.sectors = ${opt('source_sectors')}
      LEFT JOIN icews_role tr ON tr.sectors = ${opt('target_sectors')}`,
    prepare: async (tx: Store) => {
      await createCameoLookup(tx, 'icews_cameo', `SELECT ${opt('cameo_code')} AS v FROM import_stage s`);
      const names = await distinctValues(tx, `SELECT ${opt('source_country')} AS v FROM import_stage s UNION SELECT ${opt('target_country')} FROM import_stage s UNION SELECT ${opt('country')} FROM import_stage s`);
      await createLookup(tx, 'icews_country', { name: 'VARCHAR', iso3: 'VARCHAR', cameo: 'VARCHAR' }, names.map((name) => {
        const c = findCountry(name);
        return { name, iso3: c?.iso3 ?? null, cameo: c ? (countryByIso3(c.iso3)?.cameo ?? c.iso3) : null };
      }));
      // Actors without a country are often international organisations ("United Nations", "NATO").
      const stateless = await distinctValues(tx, `SELECT ${opt('source_name')} AS v FROM import_stage s WHERE ${opt('source_country')} IS NULL
        UNION SELECT ${opt('target_name')} FROM import_stage s WHERE ${opt('target_country')} IS NULL`);
      await createLookup(tx, 'icews_igo', { name: 'VARCHAR', code: 'VARCHAR', cameo: 'VARCHAR' }, stateless.flatMap((name) => {
        const igo = findIgo(name);
        return igo ? [{ name, code: igo.code, cameo: igo.cameo ?? igo.code }] : [];
      }));
      const sectors = await distinctValues(tx, `SELECT ${opt('source_sectors')} AS v FROM import_stage s UNION SELECT ${opt('target_sectors')} FROM import_stage s`);
      await createLookup(tx, 'icews_role', { sectors: 'VARCHAR', role: 'VARCHAR' }, sectors.map((s) => ({ sectors: s, role: roleOfSectors(s) })));
    },
  };
}

/** The ICEWS importer. */
export const ICEWS: DatasetFormat = { origin: 'icews', module: MODULE, detect: (path, shownAs) => detectIcews(path, shownAs) };
