// Gleditsch–Ward state codes with ISO3 codes (data/codebook/gleditsch-ward.tsv), for the UCDP/PRIO conflict data.
import { lazy, readDataFile } from './data-file.js';

/** One Gleditsch–Ward state; `iso3` is null for states without an ISO code. */
export interface GwState {
  readonly gwno: number;
  readonly abbreviation: string;
  readonly name: string;
  readonly iso3: string | null;
}

const table = lazy(() => {
  const t = readDataFile('gleditsch-ward.tsv', ['gwno', 'gw_abb', 'name', 'iso3']);
  const byCode = new Map<number, GwState>();
  for (const { line, cells } of t.rows) {
    if (!/^\d{1,4}$/.test(cells.gwno)) t.fail(line, `gwno "${cells.gwno}" is not a number`);
    if (cells.iso3 !== '' && !/^[A-Z]{3}$/.test(cells.iso3)) t.fail(line, `iso3 "${cells.iso3}" is not three capital letters`);
    const gwno = Number(cells.gwno);
    if (byCode.has(gwno)) t.fail(line, `gwno ${gwno} listed twice`);
    byCode.set(gwno, Object.freeze({ gwno, abbreviation: cells.gw_abb, name: cells.name, iso3: cells.iso3 || null }));
  }
  return byCode;
});

/** The state with this Gleditsch–Ward code, or undefined. */
export function gwState(gwno: number): GwState | undefined {
  return table().get(gwno);
}

/** Every state of the table, in code order. */
export function gwStates(): readonly GwState[] {
  return [...table().values()].sort((a, b) => a.gwno - b.gwno);
}
