// Military burden: military expenditure as a share of GDP (SIPRI Military Expenditure Database, processed by Our World in Data).
import type { MilexRow } from '../store/structural-reads.js';

/** One state's burden in the year asked for, with the change over the years before it. */
export interface StateBurden {
  readonly iso3: string;
  /** Military expenditure, % of GDP, in `year`; null when the source has no figure for that year. */
  readonly share_gdp: number | null;
  /** The latest year with a figure, at or before the year asked for. */
  readonly latest_year: number | null;
  readonly latest_share_gdp: number | null;
  /** Percentage points of change against `baseline_year`; null without both figures. */
  readonly change: number | null;
  readonly baseline_year: number;
  readonly baseline_share_gdp: number | null;
}

export interface MilitaryBurden {
  readonly year: number;
  readonly states: readonly StateBurden[];
  /** States asked for without a figure in `year`. */
  readonly missing: readonly string[];
  /** First and last year of figures among the states. */
  readonly span: { readonly first: number | null; readonly last: number | null };
}

export interface BurdenOptions {
  readonly countries: readonly string[];
  /** Default: the last year with a figure for any of the states. */
  readonly year?: number;
  /** Years back for the change (default 5). */
  readonly baselineYears?: number;
}

export const BURDEN_DEFAULTS = { baselineYears: 5 } as const;

/** Military burden of states in a year, from the rows of readMilex, largest first. */
export function militaryBurden(rows: readonly MilexRow[], o: BurdenOptions): MilitaryBurden {
  const wanted = [...new Set(o.countries)];
  const mine = rows.filter((r) => wanted.includes(r.iso3));
  const years = mine.map((r) => r.year);
  const span = { first: years.length ? Math.min(...years) : null, last: years.length ? Math.max(...years) : null };
  const year = o.year ?? span.last ?? new Date().getUTCFullYear();
  const at = (c: string, y: number) => mine.find((r) => r.iso3 === c && r.year === y)?.share_gdp ?? null;
  const base = year - (o.baselineYears ?? BURDEN_DEFAULTS.baselineYears);
  const states = wanted.map((iso3) => {
    const latest = mine.filter((r) => r.iso3 === iso3 && r.year <= year).sort((a, b) => b.year - a.year)[0];
    const now = at(iso3, year);
    const then = at(iso3, base);
    return {
      iso3,
      share_gdp: now,
      latest_year: latest?.year ?? null,
      latest_share_gdp: latest?.share_gdp ?? null,
      change: now === null || then === null ? null : now - then,
      baseline_year: base,
      baseline_share_gdp: then,
    };
  });
  states.sort((a, b) => (b.share_gdp ?? -Infinity) - (a.share_gdp ?? -Infinity) || a.iso3.localeCompare(b.iso3));
  return { year, states, missing: states.filter((s) => s.share_gdp === null).map((s) => s.iso3), span };
}
