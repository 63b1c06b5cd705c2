// Loads the fact tables of data/structural into the store: once per content, a new release of a table replacing its rows.
import { join } from 'node:path';
import type { Store } from '../../store/store.js';
import { importedKinds } from '../../store/structural-reads.js';
import { BUILTIN_TABLES, STRUCTURAL_DIR } from './builtin-tables.js';
import { importStructuralFile, type StructuralReport } from './import-structural.js';

/**
 * Loads every built-in structural table not loaded with the same content before; returns one report per table.
 * With `unlessImported`, a dataset imported from its own files is left as it is (measures then read only that).
 */
export async function loadBuiltinStructural(store: Store, o: { dir?: string; unlessImported?: boolean } = {}): Promise<StructuralReport[]> {
  const dir = o.dir ?? STRUCTURAL_DIR;
  const imported = o.unlessImported ? await importedKinds(store) : new Set<string>();
  const datasets = new Set([...imported].map((k) => (k.startsWith('unga-') && k !== 'unga-idealpoints' ? 'unga-votes' : k)));
  const out: StructuralReport[] = [];
  for (const t of BUILTIN_TABLES) {
    if (datasets.has(t.format.dataset)) continue;
    out.push(await importStructuralFile(store, t.format, join(dir, t.file), { origin: `builtin:${t.file}`, replaceOrigin: true }));
  }
  return out;
}
