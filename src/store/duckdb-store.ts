// DuckDB implementation of Store: one database file, migrations applied on open.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Row, SqlValue, Store } from './store.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { DatasetEvidence } from './dataset-evidence.js';
import { DuckDbDatasetEvidence } from './duckdb-dataset-evidence.js';

/** The database path: an explicit one, else FAULTLINE_DB, else ./.faultline/faultline.duckdb (relative to `cwd`). */
export function defaultDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolve(cwd, explicit ?? env.FAULTLINE_DB ?? '.faultline/faultline.duckdb');
}

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

  close(): void {
    // A remote backend's client only has sockets to end; nothing waits on it.
    void this.datasets.close().catch(() => undefined);
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** How to open a store: where its dataset events are read (default: its own tables). */
export interface OpenStoreOptions {
  readonly datasets?: (store: Store) => DatasetEvidence;
}

/** Opens (creating if needed) a DuckDB store and applies pending migrations. Pass ":memory:" for a throwaway store. */
export async function openStore(path: string = defaultDbPath(), options: OpenStoreOptions = {}): Promise<Store> {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(memory ? ':memory:' : path);
  const connection = await instance.connect();
  const store = new DuckDbStore(connection, memory ? '' : path, instance, options.datasets);
  await migrate(store, MIGRATIONS);
  return store;
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
