// CAMEO event codes (Schrodt, CAMEO codebook v1.1b3) with Goldstein weights (GDELT/ICEWS) and PLOVER types (CAMEO2PLOVER 2021).
import type { QuadClass } from '../model/index.js';
import { lazy, readDataFile } from './data-file.js';
import { quadOfRoot } from './quad-class.js';

/** What the codebook knows about one CAMEO event code. */
export interface CameoEventInfo {
  code: string;
  name: string;
  goldstein: number;
  quad: QuadClass;
  plover: string | null;
  root: string;
}

/** A codebook row with the PLOVER detail and the origin of its Goldstein weight. */
export interface CameoEventRow extends CameoEventInfo {
  ploverMode: string | null;
  ploverContext: string | null;
  goldsteinSource: 'gdelt' | 'icews' | 'parent';
}

const FILE = 'cameo-events.tsv';
const GOLDSTEIN_SOURCES = ['gdelt', 'icews', 'parent'] as const;

const table = lazy(() => {
  const t = readDataFile(FILE, ['code', 'name', 'goldstein', 'goldstein_source', 'quad', 'plover', 'plover_mode', 'plover_context']);
  const byCode = new Map<string, CameoEventRow>();
  for (const { line, cells } of t.rows) {
    const code = cells.code;
    if (!/^\d{2,4}$/.test(code)) t.fail(line, `code "${code}" is not 2–4 digits`);
    if (byCode.has(code)) t.fail(line, `code ${code} listed twice`);
    const root = code.slice(0, 2);
    const quad = quadOfRoot(root);
    if (quad === undefined) t.fail(line, `code ${code} has no CAMEO root 01–20`);
    const parent = code.length === 4 ? code.slice(0, 3) : code.length === 3 ? root : null;
    if (parent !== null && !byCode.has(parent)) t.fail(line, `code ${code} is not preceded by its parent ${parent}`);
    if (Number(cells.quad) !== quad) t.fail(line, `quad ${cells.quad} disagrees with root ${root} (quad ${quad})`);
    const goldstein = Number(cells.goldstein);
    if (cells.goldstein === '' || !Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10) {
      t.fail(line, `goldstein "${cells.goldstein}" is not a number in [-10, 10]`);
    }
    const source = cells.goldstein_source;
    if (!(GOLDSTEIN_SOURCES as readonly string[]).includes(source)) t.fail(line, `goldstein_source "${source}" is not gdelt, icews or parent`);
    if (cells.name === '') t.fail(line, `code ${code} has no name`);
    byCode.set(code, Object.freeze({
      code,
      name: cells.name,
      goldstein,
      quad: quad as QuadClass,
      plover: cells.plover || null,
      root,
      ploverMode: cells.plover_mode || null,
      ploverContext: cells.plover_context || null,
      goldsteinSource: source as CameoEventRow['goldsteinSource'],
    }));
  }
  return { byCode, all: Object.freeze([...byCode.values()]) };
});

/**
 * Looks up a CAMEO event code as written ("036", "1823"). A well-formed code without its own row takes its
 * nearest listed ancestor's name, Goldstein weight and PLOVER type, keeping `code` as given; codes whose root
 * is not 01–20 give undefined.
 */
export function cameoEvent(code: string): CameoEventInfo | undefined {
  const c = code.trim();
  if (!/^\d{2,4}$/.test(c)) return undefined;
  const { byCode } = table();
  for (let k = c.length; k >= 2; k--) {
    const row = byCode.get(c.slice(0, k));
    if (row) return { code: c, name: row.name, goldstein: row.goldstein, quad: row.quad, plover: row.plover, root: row.root };
  }
  return undefined;
}

/** The codebook row of a listed code, with PLOVER mode/context and the origin of its Goldstein weight. */
export function cameoEventRow(code: string): CameoEventRow | undefined {
  return table().byCode.get(code.trim());
}

/** The quad class (1–4) of a CAMEO event code, or undefined if it is not one. */
export function quadClassOf(code: string): QuadClass | undefined {
  return cameoEvent(code)?.quad;
}

/** The Goldstein weight (−10 … +10) of a CAMEO event code, or undefined if it is not one. */
export function goldsteinOf(code: string): number | undefined {
  return cameoEvent(code)?.goldstein;
}

/** The PLOVER event type of a CAMEO event code; null when unknown or unmapped (roots 01 and 02 have no PLOVER type). */
export function ploverOf(code: string): string | null {
  return cameoEvent(code)?.plover ?? null;
}

/** Every listed CAMEO event code (2, 3 and 4 digits), ordered by root then code. */
export function allCameoEvents(): readonly CameoEventInfo[] {
  return table().all;
}
