// National capability shares: CINC, the mean of a state's shares of six material components (Singer, Bremer & Stuckey 1972; COW NMC v6.0), and the Herfindahl–Hirschman concentration of the regional system.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../model/errors.js';

export const COMPONENTS = ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop'] as const;
export type Component = (typeof COMPONENTS)[number];

/** One state-year of the NMC fact table; null where the source has −9 (missing). */
export interface NmcRow {
  readonly iso3: string;
  readonly cow: string;
  readonly year: number;
  readonly values: Readonly<Record<Component, number | null>>;
  /** CINC against all states of the world, as COW computes it. */
  readonly cinc: number | null;
}

export const NMC_FILE = fileURLToPath(new URL('../../data/nmc/nmc-v6-1991-2016.csv', import.meta.url));

/** Parses the NMC fact table (comment lines start with #). */
export function parseNmc(text: string, file = NMC_FILE): NmcRow[] {
  const lines = text.split(/\r?\n/);
  const out: NmcRow[] = [];
  let header: string[] | null = null;
  lines.forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const cells = line.split(',');
    if (!header) {
      header = cells;
      return;
    }
    const get = (name: string): string => {
      const k = header!.indexOf(name);
      if (k < 0) throw new UserError('measure/capability', `no column "${name}"`, { file, line: i + 1 });
      return cells[k];
    };
    const num = (name: string): number | null => {
      const v = Number(get(name));
      if (!Number.isFinite(v)) throw new UserError('measure/capability', `"${get(name)}" is not a number`, { file, line: i + 1, field: name });
      return v < 0 ? null : v;
    };
    out.push({
      iso3: get('iso3'),
      cow: get('cow'),
      year: Number(get('year')),
      values: Object.fromEntries(COMPONENTS.map((c) => [c, num(c)])) as Record<Component, number | null>,
      cinc: num('cinc'),
    });
  });
  return out;
}

let cached: NmcRow[] | null = null;
/** The fact table shipped in data/nmc, read once. */
export function nmcTable(): NmcRow[] {
  return (cached ??= parseNmc(readFileSync(NMC_FILE, 'utf8')));
}

export interface CapabilityOptions {
  /** Year of the data; default the last year of the table. */
  readonly year?: number;
  /** States of the system (ISO3); default every state in the table that year. */
  readonly countries?: readonly string[];
  readonly table?: readonly NmcRow[];
}

export interface StateCapability {
  readonly iso3: string;
  /** CINC against the world system (COW). */
  readonly cinc: number | null;
  /** Share of the regional total of each component. */
  readonly shares: Readonly<Record<Component, number | null>>;
  /** Mean of the available regional component shares: CINC within the regional system. */
  readonly regionalCinc: number;
}

export interface Capability {
  readonly year: number;
  readonly states: readonly StateCapability[];
  /** Herfindahl–Hirschman index of the regional CINC shares, from 1/n (equal) to 1 (one state holds all). */
  readonly hhi: number;
  /** Requested states absent from the table that year. */
  readonly missing: readonly string[];
  readonly source: string;
}

/** Capability shares of the states of a system in one year and the concentration of the system. */
export function capability(options: CapabilityOptions = {}): Capability {
  const table = options.table ?? nmcTable();
  const years = table.map((r) => r.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const year = options.year ?? last;
  if (!(year >= first && year <= last)) throw new UserError('measure/capability', `no NMC data for ${year}: the table covers ${first}–${last}`, { field: 'year' });
  const rowsOfYear = table.filter((r) => r.year === year);
  const wanted = options.countries ? [...new Set(options.countries)] : rowsOfYear.map((r) => r.iso3);
  const rows = rowsOfYear.filter((r) => wanted.includes(r.iso3));
  const missing = wanted.filter((c) => !rows.some((r) => r.iso3 === c));
  const totals = Object.fromEntries(COMPONENTS.map((c) => [c, rows.reduce((s, r) => s + (r.values[c] ?? 0), 0)])) as Record<Component, number>;
  const states = rows.map((r) => {
    const shares = Object.fromEntries(COMPONENTS.map((c) => [c, r.values[c] === null || totals[c] === 0 ? null : r.values[c]! / totals[c]])) as Record<Component, number | null>;
    const known = COMPONENTS.map((c) => shares[c]).filter((s): s is number => s !== null);
    return { iso3: r.iso3, cinc: r.cinc, shares, regionalCinc: known.length ? known.reduce((s, v) => s + v, 0) / known.length : 0 };
  });
  // Shares are renormalised so that a missing component in one state does not shrink the index.
  const sum = states.reduce((s, x) => s + x.regionalCinc, 0);
  const normalised = states.map((s) => ({ ...s, regionalCinc: sum ? s.regionalCinc / sum : 0 })).sort((x, y) => y.regionalCinc - x.regionalCinc);
  return {
    year,
    states: normalised,
    hhi: normalised.reduce((s, x) => s + x.regionalCinc ** 2, 0),
    missing,
    source: 'Correlates of War, National Material Capabilities v6.0 (Singer, Bremer & Stuckey 1972; Greig & Enterline)',
  };
}
