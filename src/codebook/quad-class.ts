// CAMEO quad classes (Schrodt, CAMEO codebook v1.1b3): the four-way split of event roots by cooperation/conflict and verbal/material.
import type { QuadClass } from '../model/index.js';

const QUAD_NAMES: Record<QuadClass, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

/** The quad class of a CAMEO root code ("01"–"20"): 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4. */
export function quadOfRoot(root: string): QuadClass | undefined {
  if (!/^\d{2}$/.test(root)) return undefined;
  const r = Number(root);
  if (r < 1 || r > 20) return undefined;
  return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}

/** The English name of a quad class, e.g. 4 → "material conflict". */
export function quadName(q: QuadClass): string {
  return QUAD_NAMES[q];
}
