// What every command action shares: the global options and a store opened for the duration of the action.
import type { Command } from 'commander';
import type { Store } from '../store/store.js';

export interface GlobalOptions {
  readonly db?: string;
  readonly debug?: boolean;
}

/** The options given before or after the command name (`faultline --db x events` or `faultline events --db x`). */
export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/** Opens the store named by --db / FAULTLINE_DB / the default path, runs `fn`, and closes it. */
export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore, defaultDbPath } = await import('../store/duckdb-store.js');
  const store = await openStore(defaultDbPath(globals(cmd).db));
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** Writes `value` as pretty JSON to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
