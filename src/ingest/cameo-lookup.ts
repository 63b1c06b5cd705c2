// The CAMEO codebook as a lookup table over the event codes a staged file actually uses.
import { cameoEvent } from '../codebook/index.js';
import type { Store } from '../store/store.js';
import { createLookup, distinctValues } from './lookup-table.js';

/**
 * Creates temp table `name` (raw, code, name, quad, goldstein, plover) for the distinct codes `valuesSql` yields
 * (one column `v`); codes the codebook does not know are left out, so a LEFT JOIN gives NULL for them.
 */
export async function createCameoLookup(tx: Store, name: string, valuesSql: string): Promise<void> {
  const rows = [];
  for (const raw of await distinctValues(tx, valuesSql)) {
    const e = cameoEvent(raw);
    if (e) rows.push({ raw, code: e.code, name: e.name, quad: e.quad, goldstein: e.goldstein, plover: e.plover });
  }
  await createLookup(tx, name, { raw: 'VARCHAR', code: 'VARCHAR', name: 'VARCHAR', quad: 'TINYINT', goldstein: 'DOUBLE', plover: 'VARCHAR' }, rows);
}
