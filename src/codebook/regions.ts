// CAMEO international region codes (Schrodt, CAMEO codebook v1.1b3, table 3.3), which GDELT puts where a country code would go.
import { lazy, readDataFile, splitList } from './data-file.js';
import { normalizeName } from './normalize-name.js';

/** A CAMEO region such as EUR (Europe), CAU (Caucasus) or WST (the West). */
export interface CameoRegion {
  cameo: string;
  name: string;
  aliases: string[];
}

const table = lazy(() => {
  const t = readDataFile('regions.tsv', ['cameo', 'name', 'aliases']);
  const all: CameoRegion[] = [];
  const byCode = new Map<string, CameoRegion>();
  const byName = new Map<string, CameoRegion>();
  for (const { line, cells } of t.rows) {
    if (!/^[A-Z]{3}$/.test(cells.cameo)) t.fail(line, `cameo "${cells.cameo}" is not three capital letters`);
    if (byCode.has(cells.cameo)) t.fail(line, `cameo ${cells.cameo} listed twice`);
    const region: CameoRegion = Object.freeze({ cameo: cells.cameo, name: cells.name, aliases: Object.freeze(splitList(cells.aliases)) as string[] });
    byCode.set(region.cameo, region);
    for (const spelling of [region.name, ...region.aliases]) {
      const key = normalizeName(spelling);
      const other = byName.get(key);
      if (other && other !== region) t.fail(line, `name "${spelling}" already belongs to ${other.cameo}`);
      byName.set(key, region);
    }
    all.push(region);
  }
  return { all: Object.freeze(all), byCode, byName };
});

/** Every CAMEO region code. */
export function cameoRegions(): readonly CameoRegion[] {
  return table().all;
}

/** The region with this CAMEO code (case-insensitive), e.g. "EUR"; undefined for country codes. */
export function regionByCameo(code: string): CameoRegion | undefined {
  return table().byCode.get(code.trim().toUpperCase());
}

/** Finds a region by name or alias, e.g. "the Caucasus" → CAU. */
export function findRegion(name: string): CameoRegion | undefined {
  const key = normalizeName(name);
  return key === '' ? undefined : table().byName.get(key);
}
