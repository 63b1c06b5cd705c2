// Codebook lookups for the distinct names and codes of a staged structural file, and warnings for those left unresolved.
import { countryByIso2, findCountry } from '../../codebook/countries.js';
import { gwState } from '../../codebook/gleditsch-ward.js';
import type { SqlValue } from '../../store/store.js';
import type { FileKind } from './format.js';

/** A lookup table for the store to join: its name, column types and rows. */
export interface Lookup {
  readonly table: string;
  readonly columns: Readonly<Record<string, 'VARCHAR' | 'INTEGER'>>;
  readonly rows: ReadonlyArray<Readonly<Record<string, SqlValue>>>;
}

interface Value {
  readonly value: string;
  readonly second: string | null;
  readonly rows: number;
}

const rowsWord = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

/**
 * SIPRI's party names: a trailing `*` marks a non-state actor, `**` an international organisation (neither gets
 * a country code); "unknown supplier(s)" and "unknown recipient(s)" are kept by name.
 */
export function sipriPartyCode(name: string): string | null {
  if (/\*$/.test(name) || /^unknown /i.test(name)) return null;
  return SIPRI_NAMES[name] ?? findCountry(name)?.iso3 ?? null;
}

/** SIPRI spellings of dissolved states the country codebook does not know, coded as the Gleditsch–Ward table codes their lines. */
const SIPRI_NAMES: Readonly<Record<string, string>> = {
  'East Germany (GDR)': 'DDR',
  'North Yemen': 'YEM',
  'Yemen Arab Republic (North Yemen)': 'YEM',
};

/** The lookups the mapping of `kind` joins, built from the file's distinct values, and what could not be resolved. */
export function lookupsFor(kind: FileKind, values: readonly Value[]): { lookups: Lookup[]; warnings: string[] } {
  const warnings: string[] = [];
  switch (kind) {
    case 'unga-idealpoints': {
      const rows = values.map((v) => ({ name: v.value, iso3: findCountry(v.value)?.iso3 ?? null }));
      for (const r of rows.filter((x) => !x.iso3)) warnings.push(`"${r.name}": no ISO3 code in the file (NA) nor in the codebook; its ${rowsWord(values.find((v) => v.value === r.name)!.rows)} keep the COW code only`);
      return { lookups: [{ table: 'lk_names', columns: { name: 'VARCHAR', iso3: 'VARCHAR' }, rows }], warnings };
    }
    case 'unga-votes': {
      const rows = values.map((v) => ({ country: v.value, code: v.second, iso3: (v.second ? countryByIso2(v.second)?.iso3 : undefined) ?? findCountry(v.value)?.iso3 ?? null }));
      for (const r of rows.filter((x) => !x.iso3)) warnings.push(`"${r.country}" (${r.code ?? 'NA'}): no ISO3 code; its ${rowsWord(values.find((v) => v.value === r.country && v.second === r.code)!.rows)} are kept under its name`);
      return { lookups: [{ table: 'lk_voters', columns: { country: 'VARCHAR', code: 'VARCHAR', iso3: 'VARCHAR' }, rows }], warnings };
    }
    case 'sipri-arms': {
      const rows = values.map((v) => ({ name: v.value, code: sipriPartyCode(v.value) }));
      for (const r of rows.filter((x) => !x.code && !/\*$/.test(x.name) && !/^unknown /i.test(x.name))) {
        warnings.push(`"${r.name}": no country code in the codebook; its ${rowsWord(values.find((v) => v.value === r.name)!.rows)} are kept under its name`);
      }
      return { lookups: [{ table: 'lk_parties', columns: { name: 'VARCHAR', code: 'VARCHAR' }, rows }], warnings };
    }
    case 'ucdp-acd': {
      const rows = values.filter((v) => /^\d+$/.test(v.value)).map((v) => ({ gwno: Number(v.value), iso3: gwState(Number(v.value))?.iso3 ?? null }));
      for (const v of values.filter((x) => /^\d+$/.test(x.value))) {
        const s = gwState(Number(v.value));
        if (!s) warnings.push(`Gleditsch–Ward code ${v.value} is not in data/codebook/gleditsch-ward.tsv (${v.rows} mentions): kept as a code without ISO3`);
        else if (!s.iso3) warnings.push(`Gleditsch–Ward code ${v.value} (${s.name}) has no ISO3 code (${v.rows} mentions)`);
      }
      return { lookups: [{ table: 'lk_gw', columns: { gwno: 'INTEGER', iso3: 'VARCHAR' }, rows }], warnings };
    }
    default:
      return { lookups: [], warnings };
  }
}
