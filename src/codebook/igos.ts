// Inter-governmental organisations with Faultline's short codes and the CAMEO actor codes (Schrodt, CAMEO codebook v1.1b3, ch. 3).
import { lazy, readDataFile, splitList } from './data-file.js';
import { normalizeName } from './normalize-name.js';

/** An inter-governmental organisation: our code (IGOEU), its CAMEO code (IGOEUREEC) if CAMEO has one, names. */
export interface Igo {
  code: string;
  cameo: string | null;
  name: string;
  aliases: string[];
}

const table = lazy(() => {
  const t = readDataFile('igos.tsv', ['code', 'cameo', 'name', 'aliases']);
  const all: Igo[] = [];
  const byCode = new Map<string, Igo>();
  const byName = new Map<string, Igo>();
  for (const { line, cells } of t.rows) {
    if (!/^IGO[A-Z0-9]+$/.test(cells.code)) t.fail(line, `code "${cells.code}" does not start with IGO`);
    if (cells.cameo !== '' && !/^IG[OA-Z][A-Z]*$/.test(cells.cameo)) t.fail(line, `cameo "${cells.cameo}" is not a CAMEO IGO code`);
    if (cells.name === '') t.fail(line, 'name is empty');
    const igo: Igo = Object.freeze({
      code: cells.code,
      cameo: cells.cameo || null,
      name: cells.name,
      aliases: Object.freeze(splitList(cells.aliases)) as string[],
    });
    for (const code of new Set([igo.code, ...(igo.cameo ? [igo.cameo] : [])])) {
      const other = byCode.get(code);
      if (other) t.fail(line, `code ${code} already belongs to ${other.code}`);
      byCode.set(code, igo);
    }
    for (const spelling of [igo.name, ...igo.aliases]) {
      const key = normalizeName(spelling);
      const other = byName.get(key);
      if (other && other !== igo) t.fail(line, `name "${spelling}" already belongs to ${other.code}`);
      byName.set(key, igo);
    }
    all.push(igo);
  }
  return { all: Object.freeze(all), byCode, byName };
});

/** Every IGO in the codebook. */
export function igos(): readonly Igo[] {
  return table().all;
}

/** The IGO with this code, ours (IGONATO) or CAMEO's (IGOWSTNAT), case-insensitive. */
export function igoByCode(code: string): Igo | undefined {
  return table().byCode.get(code.trim().toUpperCase());
}

/** Finds an IGO by name, acronym or alias, ignoring case, diacritics, punctuation and a leading "the": "the EU", "N.A.T.O.". */
export function findIgo(name: string): Igo | undefined {
  const key = normalizeName(name);
  return key === '' ? undefined : table().byName.get(key);
}
