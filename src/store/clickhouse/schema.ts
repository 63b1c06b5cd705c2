// Faultline's ClickHouse tables: dataset events, imports and their rejects, as MergeTree tables on each shard with a
// Distributed table over the cluster (or plain MergeTree tables on a single server). SQL both 18.16 and current accept.
import { ClickHouse, type ClickHouseTarget } from './connection.js';

/** Columns of the dataset events: the DuckDB `events` row of a dataset, days as integers (day.ts). */
const EVENTS_COLUMNS = `
  id String, origin String, origin_row String,
  import_id String,
  day_num Int32, day_ymd Int32, end_num Nullable(Int32), end_ymd Nullable(Int32),
  precision String, cameo String, quad Int8, goldstein Float64, plover Nullable(String),
  source_countries Array(String), target_countries Array(String),
  source_code Nullable(String), target_code Nullable(String),
  source_country Nullable(String), target_country Nullable(String),
  location Nullable(String), location_country Nullable(String),
  summary String, confidence Float64, extra Nullable(String)`;

const IMPORTS_COLUMNS = `
  origin String, file String, hash String, filter String, import_id String, run_id String, variant String,
  imported_ms UInt64, lines UInt64, joined_lines UInt64, rows UInt64, imported UInt64, duplicates UInt64, malformed UInt64, filtered UInt64`;

const REJECTS_COLUMNS = `origin String, hash String, run_id String, line Nullable(Int64), reason String`;

interface TableSpec {
  readonly name: string;
  readonly columns: string;
  readonly orderBy: string;
  /** The Distributed table's sharding key: rows with the same dataset id always land on the same shard. */
  readonly shardBy: string;
}

/** The tables, by the name queries use. */
export const TABLES: readonly TableSpec[] = [
  { name: 'events', columns: EVENTS_COLUMNS, orderBy: '(origin, origin_row)', shardBy: 'cityHash64(origin_row)' },
  { name: 'imports', columns: IMPORTS_COLUMNS, orderBy: '(origin, hash, imported_ms)', shardBy: 'cityHash64(hash)' },
  { name: 'import_rejects', columns: REJECTS_COLUMNS, orderBy: '(origin, hash, run_id)', shardBy: 'cityHash64(run_id)' },
];

/** The suffix of the per-shard table behind a Distributed one. */
export const LOCAL_SUFFIX = '_local';

/** The DDL for one server of `t`: its database, per-shard tables, and (with a cluster) the Distributed tables over them. */
export function schemaStatements(t: Pick<ClickHouseTarget, 'database' | 'cluster'>): string[] {
  const db = t.database;
  const out = [`CREATE DATABASE IF NOT EXISTS ${db}`];
  for (const tab of TABLES) {
    const local = t.cluster ? `${tab.name}${LOCAL_SUFFIX}` : tab.name;
    out.push(`CREATE TABLE IF NOT EXISTS ${db}.${local} (${tab.columns}\n) ENGINE = MergeTree() ORDER BY ${tab.orderBy}`);
    if (t.cluster) {
      out.push(`CREATE TABLE IF NOT EXISTS ${db}.${tab.name} (${tab.columns}\n) ENGINE = Distributed(${t.cluster}, ${db}, ${local}, ${tab.shardBy})`);
    }
  }
  return out;
}

/** The DDL to drop what `schemaStatements` creates (for tests and benchmarks). */
export function dropStatements(t: Pick<ClickHouseTarget, 'database'>): string[] {
  return [`DROP DATABASE IF EXISTS ${t.database}`];
}

/**
 * Creates Faultline's tables on every server of a cluster (`shards`: each shard's HTTP URL) or on one server.
 * Idempotent. Without ZooKeeper there is no `ON CLUSTER`, so each shard is sent the DDL itself.
 */
export async function createTables(shards: readonly string[], t: Pick<ClickHouseTarget, 'database' | 'cluster'>): Promise<void> {
  for (const url of shards) {
    const ch = new ClickHouse({ url, database: t.database, cluster: t.cluster }, { useDatabase: false });
    try {
      for (const sql of schemaStatements(t)) await ch.command(sql);
    } finally {
      await ch.close();
    }
  }
}

/** Drops Faultline's database on every given server. */
export async function dropTables(shards: readonly string[], t: Pick<ClickHouseTarget, 'database'>): Promise<void> {
  for (const url of shards) {
    const ch = new ClickHouse({ url, database: t.database, cluster: null }, { useDatabase: false });
    try {
      for (const sql of dropStatements(t)) await ch.command(sql);
    } finally {
      await ch.close();
    }
  }
}
