// ISO 3166-1 code tables (alpha-2, alpha-3, numeric) from the i18n-iso-countries package's data, for the map and country names.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };

const rows = codes as unknown as [string, string, string, ...string[]][];

/** ISO alpha-3 → alpha-2 (ARM → AM). */
export const ISO3_TO_ISO2: ReadonlyMap<string, string> = new Map(rows.map((r) => [r[1], r[0]]));
/** ISO numeric (as world-atlas writes feature ids, "051") → alpha-3. */
export const NUMERIC_TO_ISO3: ReadonlyMap<string, string> = new Map(rows.map((r) => [r[2], r[1]]));

const display = typeof Intl !== 'undefined' && 'DisplayNames' in Intl ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** The English name of an ISO alpha-3 country from the browser's own tables; undefined when unknown. */
export function countryName(iso3: string): string | undefined {
  const two = ISO3_TO_ISO2.get(iso3);
  if (!two || !display) return undefined;
  try {
    const n = display.of(two);
    return n && n !== two ? n : undefined;
  } catch {
    return undefined;
  }
}
