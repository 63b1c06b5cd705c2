// DuckDB implementation of Store: one database file, migrations applied on open.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../model/errors.js';
import type { Row, SqlValue, Store } from './store.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { defaultDbPath } from './db-path.js';
import type { DatasetEvidence } from './dataset-evidence.js';
import { DuckDbDatasetEvidence } from './duckdb-dataset-evidence.js';

export { defaultDbPath } from './db-path.js';

class DuckDbStore implements Store {
  private depth = 0;
  readonly datasets: DatasetEvidence;
  constructor(
    readonly connection: DuckDBConnection,
    readonly path: string,
    private readonly instance: DuckDBInstance,
    datasets?: (store: Store) => DatasetEvidence,
  ) {
    this.datasets = datasets ? datasets(this) : new DuckDbDatasetEvidence(this);
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    await this.connection.run(sql, params ? [...params] : undefined);
  }

  async all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params ? [...params] : undefined);
    return reader.getRowObjectsJson() as T[];
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    // Nested calls join the outer transaction: DuckDB has no savepoints.
    if (this.depth > 0) return fn(this);
    this.depth++;
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn(this);
      await this.connection.run('COMMIT');
      return result;
    } catch (err) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      this.depth--;
    }
  }

  progress(): number {
    return this.connection.progress.percentage;
  }

  close(): void {
    // A remote backend's client only has sockets to end; nothing waits on it.
    void this.datasets.close().catch(() => undefined);
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export interface OpenOptions {
  /** Create the file (and its directory) when it does not exist (default true); otherwise a missing store is a UserError. */
  readonly create?: boolean;
  /** Open for reading only, so that several readers may share the file (migrations still run if any are pending). */
  readonly readOnly?: boolean;
  /** Where the dataset events are read (default: the store's own tables; `--backend clickhouse` gives a cluster). */
  readonly datasets?: (store: Store) => DatasetEvidence;
}

/** The options of openStore (the name the ClickHouse code uses). */
export type OpenStoreOptions = OpenOptions;

/**
 * Opens a DuckDB store and applies pending migrations. Pass ":memory:" for a throwaway store. A missing file
 * (without `create`), a directory, a file that is not a database and a file another process holds are UserErrors
 * naming the file or the process.
 */
export async function openStore(path: string = defaultDbPath(), options: OpenOptions = {}): Promise<Store> {
  const memory = path === ':memory:';
  if (!memory) {
    const kind = statKind(path);
    if (kind === 'directory') throw new UserError('store', `${path} is a directory, not a store file (--db and FAULTLINE_DB name a file)`);
    if (kind === 'missing') {
      if (options.create === false) throw new UserError('store', `no store at ${path} — run \`faultline load DIR\` or \`npm start\``);
      mkdirSync(dirname(path), { recursive: true });
    }
  }
  const readOnly = !memory && options.readOnly === true && statKind(path) === 'file';
  let store = await connect(path, memory, readOnly, options.datasets);
  if (readOnly && (await pendingMigrations(store, MIGRATIONS)) > 0) {
    // A store written by an older version: migrate it once with write access, then carry on.
    store.close();
    store = await connect(path, memory, false, options.datasets);
  }
  if (!readOnly) await migrate(store, MIGRATIONS);
  return store;
}

function statKind(path: string): 'missing' | 'directory' | 'file' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

async function connect(path: string, memory: boolean, readOnly: boolean, datasets?: (store: Store) => DatasetEvidence): Promise<DuckDbStore> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(memory ? ':memory:' : path, readOnly ? { access_mode: 'READ_ONLY' } : undefined);
  } catch (err) {
    throw openError(path, err);
  }
  const connection = await instance.connect();
  return new DuckDbStore(connection, memory ? '' : path, instance, datasets);
}

/** DuckDB's open failures a user can act on, as one line naming the file or the process that holds it. */
function openError(path: string, err: unknown): unknown {
  const message = err instanceof Error ? err.message : String(err);
  const lock = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(message);
  if (lock) {
    const pid = Number(lock[2]);
    const what = processCommandLine(pid) ?? lock[1];
    return new UserError('store', `${path} is in use by another process (PID ${pid}: ${what}); wait for it to finish or stop it`);
  }
  if (/not a valid DuckDB database file|Is a directory/i.test(message)) return new UserError('store', `${path} is not a DuckDB database file`);
  if (/Permission denied/i.test(message)) return new UserError('store', `${path}: permission denied`);
  return err;
}

/** The command line of a running process (Linux /proc), shortened; undefined when it cannot be read. */
export function processCommandLine(pid: number): string | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return line ? (line.length > 160 ? `${line.slice(0, 159)}…` : line) : undefined;
  } catch {
    return undefined;
  }
}

/** How many migrations the store has not yet applied (all of them for an empty file). */
async function pendingMigrations(store: Store, migrations: readonly Migration[]): Promise<number> {
  const [{ n }] = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'",
  );
  if (n === 0) return migrations.length;
  const done = new Set((await store.all<{ v: number }>('SELECT version AS v FROM schema_migrations')).map((r) => r.v));
  return migrations.filter((m) => !done.has(m.version)).length;
}

/**
 * Applies every migration not yet recorded, in version order, each in its own transaction. Areas
 * own version ranges, so a store may have a higher version applied before a lower one lands.
 */
export async function migrate(store: Store, migrations: readonly Migration[]): Promise<number> {
  await store.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)');
  const done = new Set((await store.all<{ v: number }>('SELECT version AS v FROM schema_migrations')).map((r) => r.v));
  let applied = 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await store.transaction(async (tx) => {
      await tx.run(m.sql);
      await tx.run('INSERT INTO schema_migrations VALUES ($1, $2, now())', [m.version, m.name]);
    });
    applied++;
  }
  return applied;
}
