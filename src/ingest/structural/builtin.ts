// Loads the fact tables of data/structural into the store: once per content, a new release of a table replacing its rows.
import { join } from 'node:path';
import type { Store } from '../../store/store.js';
import { BUILTIN_TABLES, STRUCTURAL_DIR } from './builtin-tables.js';
import { importStructuralFile, type StructuralReport } from './import-structural.js';

/** Loads every built-in structural table not loaded with the same content before; returns one report per table. */
export async function loadBuiltinStructural(store: Store, dir: string = STRUCTURAL_DIR): Promise<StructuralReport[]> {
  const out: StructuralReport[] = [];
  for (const t of BUILTIN_TABLES) {
    out.push(await importStructuralFile(store, t.format, join(dir, t.file), { origin: `builtin:${t.file}`, replaceOrigin: true }));
  }
  return out;
}
