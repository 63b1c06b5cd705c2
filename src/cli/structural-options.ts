// What the structural commands share: ISO3 and year arguments, and the built-in tables loaded before a measure reads them.
import type { Command } from 'commander';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { ioOf } from './context.js';

/** An ISO3 code from an argument, upper-cased. */
export function iso3Arg(v: string, field: string): string {
  const c = v.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) throw new UserError('cli', `"${v}" is not an ISO3 country code such as ARM`, { field });
  return c;
}

/** A comma-separated list of ISO3 codes. */
export function iso3List(v: string, field: string): string[] {
  const list = v.split(',').map((x) => x.trim()).filter(Boolean).map((x) => iso3Arg(x, field));
  if (list.length === 0) throw new UserError('cli', 'no country code given', { field });
  return [...new Set(list)];
}

/** A year YYYY, or undefined when the option is absent. */
export function yearArg(v: string | undefined, field: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v.trim())) throw new UserError('cli', `"${v}" is not a year YYYY`, { field });
  return Number(v);
}

/**
 * Loads the data/structural tables when the store lacks them (or holds an older release), except for datasets
 * imported from their own files; a note on stderr when it did.
 */
export async function ensureStructural(store: Store, cmd: Command): Promise<void> {
  const { loadBuiltinStructural } = await import('../ingest/structural/builtin.js');
  const loaded = (await loadBuiltinStructural(store, { unlessImported: true })).filter((r) => !r.skipped);
  if (loaded.length > 0) ioOf(cmd).stderr.write(`structural: loaded ${loaded.map((r) => `${r.imported} rows of ${r.file.split('/').pop()}`).join(', ')}\n`);
}
