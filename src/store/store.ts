// The Store interface every stage talks to; DuckDB is the default implementation.
import type { DatasetEvidence } from './dataset-evidence.js';

/** A value bound to a SQL parameter. Arrays and objects must be passed as JSON strings. */
export type SqlValue = string | number | boolean | null | bigint;

/** A row as read back: DATEs as YYYY-MM-DD strings, lists as arrays, BIGINTs as strings, JSON as strings. */
export type Row = Record<string, unknown>;

export interface Store {
  /** Runs a statement; parameters are `$1`, `$2`, …. */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Runs a query and returns its rows as JSON-friendly objects. */
  all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs `fn` in one transaction: all of it is written, or nothing. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** How far the running statement is (0–100), or a negative number when the engine does not say; for progress bars. */
  progress(): number;
  /** Where the dataset events (GDELT, ICEWS, ACLED) are read: this store's own tables, or a ClickHouse cluster. */
  readonly datasets: DatasetEvidence;
  /** The database file ("" for in-memory). */
  readonly path: string;
  close(): void;
}
