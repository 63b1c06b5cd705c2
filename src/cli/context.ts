// What every command action shares: the global options, the streams it writes to, its exit code, and the store it works on.
import type { Command } from 'commander';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';

export interface GlobalOptions {
  readonly db?: string;
  readonly debug?: boolean;
  readonly backend?: string;
  readonly clickhouse?: string;
}

/** A stream the CLI writes to: process.stdout in real use, a string collector in tests. */
export interface CliStream {
  write(text: string): unknown;
  /** True when it is a terminal (progress bars and colour only then). */
  readonly isTTY?: boolean;
}

/** A store another part of the process holds open (the running server's), lent to one command under its lock. */
export interface SharedStore {
  /** The database file it has open. */
  readonly path: string;
  /** Runs `fn` on the store: alone when `write`, beside other readers otherwise. */
  use<T>(write: boolean, fn: (store: Store) => Promise<T>): Promise<T>;
}

/** The outside world of one CLI run: its streams, environment and working directory. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The store to use instead of opening one: set when the running server executes a command sent to it. */
  readonly store?: SharedStore;
}

/** The real process's streams, environment and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Commands that may create a store where none exists; every other command exits 2 on a missing store. */
export const CREATES_STORE: ReadonlySet<string> = new Set(['load', 'start', 'import', 'ingest', 'fetch', 'serve']);

/**
 * Commands that only read the store: opened read-only (so several can run at once) and, through a running
 * server, run beside its readers. Any command not listed is treated as a writer, which is always safe.
 */
export const READS_STORE: ReadonlySet<string> = new Set([
  'actors', 'events', 'claims', 'relations', 'timeline', 'export',
  'dyad', 'mediation', 'influence', 'balance', 'alerts',
  // capability, theses and brief are writers: on first use they load the built-in structural tables.
]);

/** Commands that never open the store, so they run here even while a server holds it. */
export const NO_STORE: ReadonlySet<string> = new Set(['validate', 'extract', 'simulate', 'help']);

interface RunState {
  readonly io: CliIo;
  exitCode?: number;
}

const RUNS = new WeakMap<Command, RunState>();

/** Attaches `io` to the root program, so that every command's action can find it with `ioOf(cmd)`. */
export function attachIo(program: Command, io: CliIo): void {
  RUNS.set(program, { io });
}

function runOf(cmd: Command): RunState | undefined {
  let c: Command | null = cmd;
  while (c) {
    const run = RUNS.get(c);
    if (run) return run;
    c = c.parent;
  }
  return undefined;
}

/** The io of the run `cmd` belongs to (the process's when none was attached). */
export function ioOf(cmd: Command): CliIo {
  return runOf(cmd)?.io ?? processIo();
}

/** Sets the exit code of this run (a run ends 0 unless a command sets one or throws); never `process.exitCode`, which in-process runs would share. */
export function setExitCode(cmd: Command, code: number): void {
  const run = runOf(cmd);
  if (run) run.exitCode = code;
  else process.exitCode = code;
}

/** The exit code a command of this run has set, if any. */
export function exitCodeOf(program: Command): number | undefined {
  return RUNS.get(program)?.exitCode;
}

/** The name of the top-level command `cmd` is or belongs to (`review` for `review accept`). */
export function commandName(cmd: Command): string {
  let c = cmd;
  while (c.parent && c.parent.parent) c = c.parent;
  return c.name();
}

/** The options given before or after the command name (`faultline --db x events` or `faultline events --db x`). */
export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/** The database file this run works on: --db, else FAULTLINE_DB, else ./.faultline/faultline.duckdb, against the run's cwd. */
export async function dbPathOf(cmd: Command): Promise<string> {
  const { defaultDbPath } = await import('../store/db-path.js');
  const io = ioOf(cmd);
  return defaultDbPath(globals(cmd).db, io.env, io.cwd);
}

/**
 * Runs `fn` on the store named by --db / FAULTLINE_DB / the default path: the server's when this run was sent
 * to it, else one opened for the action (read-only for reading commands; created only by those that may) and
 * closed afterwards.
 */
export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const io = ioOf(cmd);
  const name = commandName(cmd);
  const write = !READS_STORE.has(name);
  if (io.store) {
    const path = await dbPathOf(cmd);
    if (path !== io.store.path) throw new UserError('cli', `this server holds ${io.store.path}, not ${path}`, { field: '--db' });
    return io.store.use(write, fn);
  }
  const { openStore } = await import('../store/duckdb-store.js');
  // With `--backend clickhouse` the store's dataset events are read from and imported into the ClickHouse at --clickhouse.
  const g = globals(cmd);
  const backend = g.backend ?? (io.env.FAULTLINE_BACKEND || 'duckdb');
  let datasets: Parameters<typeof openStore>[1] = {};
  if (backend === 'clickhouse') {
    const url = g.clickhouse ?? io.env.FAULTLINE_CLICKHOUSE;
    if (!url) throw new UserError('cli', '--backend clickhouse needs --clickhouse URL or FAULTLINE_CLICKHOUSE', { field: '--clickhouse' });
    const { clickHouseDatasets } = await import('../store/clickhouse/open.js');
    const ds = clickHouseDatasets(url);
    datasets = { datasets: () => ds };
  } else if (backend !== 'duckdb') {
    throw new UserError('cli', `unknown backend "${backend}"; expected duckdb or clickhouse`, { field: '--backend' });
  }
  const store = await openStore(await dbPathOf(cmd), { ...datasets, create: CREATES_STORE.has(name), readOnly: !write });
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** Writes `value` as pretty JSON to the run's stdout (the process's when no command is given). */
export function printJson(value: unknown, cmd?: Command): void {
  (cmd ? ioOf(cmd) : processIo()).stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
