// What every command action shares: the global options, the process streams it writes to, and a store opened for the action.
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

/** The outside world of one CLI run: its streams, environment and working directory. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** The real process's streams, environment and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

const IO = new WeakMap<Command, CliIo>();

/** Attaches `io` to the root program, so that every command's action can find it with `ioOf(cmd)`. */
export function attachIo(program: Command, io: CliIo): void {
  IO.set(program, io);
}

/** The io of the run `cmd` belongs to (the process's when none was attached). */
export function ioOf(cmd: Command): CliIo {
  let c: Command | null = cmd;
  while (c) {
    const io = IO.get(c);
    if (io) return io;
    c = c.parent;
  }
  return processIo();
}

/** The options given before or after the command name (`faultline --db x events` or `faultline events --db x`). */
export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/**
 * Opens the store named by --db / FAULTLINE_DB / the default path, runs `fn`, and closes it. With
 * `--backend clickhouse` its dataset events are read from and imported into the ClickHouse at --clickhouse.
 */
export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore, defaultDbPath } = await import('../store/duckdb-store.js');
  const io = ioOf(cmd);
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
  const store = await openStore(defaultDbPath(g.db, io.env, io.cwd), datasets);
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
