// Countries with ISO 3166-1 and CAMEO codes, names, aliases, demonyms and capitals (data/codebook/countries.tsv).
import { lazy, readDataFile, splitList } from './data-file.js';
import { normalizeName } from './normalize-name.js';

/** A country (or a historic state or partially recognised one that event data still codes). */
export interface Country {
  iso3: string;
  iso2: string | null;
  cameo: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capital: string | null;
  capitalAliases: string[];
  /** Older or alternative CAMEO codes that mean this country (ROM for Romania, ZAR for Zaire). */
  cameoAliases: string[];
  /** True for states that no longer exist (Soviet Union, Yugoslavia, …). */
  historic: boolean;
}

const FILE = 'countries.tsv';

// Shared, cached rows: frozen so that no caller can change what the next one sees.
const frozenList = (cell: string): string[] => Object.freeze(splitList(cell)) as string[];

// Lower tiers win: a name beats a demonym beats a capital. Within one tier a spelling may mean one country only.
const TIERS = [
  { label: 'name or alias', spellings: (c: Country) => [c.name, ...c.aliases] },
  { label: 'demonym', spellings: (c: Country) => c.demonyms },
  { label: 'capital', spellings: (c: Country) => (c.capital ? [c.capital, ...c.capitalAliases] : c.capitalAliases) },
] as const;

const table = lazy(() => {
  const t = readDataFile(FILE, ['iso3', 'iso2', 'cameo', 'cameo_alt', 'name', 'aliases', 'demonyms', 'capital', 'capital_aliases', 'historic']);
  const all: Country[] = [];
  const byIso3 = new Map<string, Country>();
  const byCameo = new Map<string, Country>();
  const byIso2 = new Map<string, Country>();
  const tiers = TIERS.map(() => new Map<string, Country>());
  for (const { line, cells } of t.rows) {
    if (!/^[A-Z]{3}$/.test(cells.iso3)) t.fail(line, `iso3 "${cells.iso3}" is not three capital letters`);
    if (cells.iso2 !== '' && !/^[A-Z]{2}$/.test(cells.iso2)) t.fail(line, `iso2 "${cells.iso2}" is not two capital letters`);
    if (!/^[A-Z]{3}$/.test(cells.cameo)) t.fail(line, `cameo "${cells.cameo}" is not three capital letters`);
    if (cells.name === '') t.fail(line, 'name is empty');
    if (cells.historic !== 'yes' && cells.historic !== 'no') t.fail(line, `historic "${cells.historic}" is not yes or no`);
    const country: Country = Object.freeze({
      iso3: cells.iso3,
      iso2: cells.iso2 || null,
      cameo: cells.cameo,
      name: cells.name,
      aliases: frozenList(cells.aliases),
      demonyms: frozenList(cells.demonyms),
      capital: cells.capital || null,
      capitalAliases: frozenList(cells.capital_aliases),
      cameoAliases: frozenList(cells.cameo_alt),
      historic: cells.historic === 'yes',
    });
    if (byIso3.has(country.iso3)) t.fail(line, `iso3 ${country.iso3} listed twice`);
    byIso3.set(country.iso3, country);
    if (country.iso2) {
      if (byIso2.has(country.iso2)) t.fail(line, `iso2 ${country.iso2} listed twice`);
      byIso2.set(country.iso2, country);
    }
    for (const code of [country.cameo, ...country.cameoAliases]) {
      const other = byCameo.get(code);
      if (other) t.fail(line, `CAMEO code ${code} already belongs to ${other.iso3}`);
      byCameo.set(code, country);
    }
    TIERS.forEach((tier, k) => {
      for (const spelling of tier.spellings(country)) {
        const key = normalizeName(spelling);
        if (key === '') t.fail(line, `${tier.label} "${spelling}" is empty once normalised`);
        const other = tiers[k].get(key);
        if (other && other !== country) t.fail(line, `${tier.label} "${spelling}" already belongs to ${other.iso3}`);
        tiers[k].set(key, country);
      }
    });
    all.push(country);
  }
  return { all: Object.freeze(all), byIso3, byIso2, byCameo, tiers };
});

/** Every country in the codebook: all ISO 3166-1 entries, Kosovo, and historic states that event data codes. */
export function countries(): readonly Country[] {
  return table().all;
}

/** The country with this ISO 3166-1 alpha-3 code (case-insensitive), e.g. "ARM". */
export function countryByIso3(code: string): Country | undefined {
  return table().byIso3.get(code.trim().toUpperCase());
}

/** The country with this ISO 3166-1 alpha-2 code (case-insensitive), e.g. "AM". */
export function countryByIso2(code: string): Country | undefined {
  return table().byIso2.get(code.trim().toUpperCase());
}

/** The country with this CAMEO country code or an older CAMEO form of it (case-insensitive), e.g. "KSV", "ROM". */
export function countryByCameo(code: string): Country | undefined {
  return table().byCameo.get(code.trim().toUpperCase());
}

/**
 * Finds a country by name, alias, demonym or capital, ignoring case, diacritics, punctuation and a leading
 * "the": "the United States", "Türkiye", "Turkiye", "Azeri", "Yerevan". Names win over demonyms over capitals.
 */
export function findCountry(nameOrDemonymOrCapital: string): Country | undefined {
  const key = normalizeName(nameOrDemonymOrCapital);
  if (key === '') return undefined;
  for (const tier of table().tiers) {
    const hit = tier.get(key);
    if (hit) return hit;
  }
  return undefined;
}
