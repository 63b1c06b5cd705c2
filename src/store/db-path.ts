// Where the store lives when no path is given, and the file beside it through which a running server can be reached.
import { resolve } from 'node:path';

/** The database path: an explicit one, else FAULTLINE_DB, else ./.faultline/faultline.duckdb (relative to `cwd`). */
export function defaultDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolve(cwd, explicit ?? env.FAULTLINE_DB ?? '.faultline/faultline.duckdb');
}

/** The file `faultline serve` writes beside the store it holds: its loopback address, PID and a per-start secret. */
export function serverFilePath(dbPath: string): string {
  return `${dbPath}.server.json`;
}
