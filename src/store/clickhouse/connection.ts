// A connection to a ClickHouse server or cluster through the official client: the URL Faultline is given, queries
// that return parsed JSON rows, and errors a user can fix turned into one line.
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { createReadStream } from 'node:fs';
import { UserError } from '../../model/errors.js';

/** Where Faultline's dataset tables are: a server, its database, and the cluster its Distributed tables span (if any). */
export interface ClickHouseTarget {
  /** Base URL of one server's HTTP interface (any shard of the cluster), without the query string. */
  readonly url: string;
  readonly database: string;
  /** Cluster name in the servers' `remote_servers`; null for a single server with plain MergeTree tables. */
  readonly cluster: string | null;
  readonly username?: string;
  readonly password?: string;
}

/** The database used when the URL names none. */
export const DEFAULT_DATABASE = 'faultline';

/** Reads `http://host:8123/?database=faultline&cluster=faultline` (user and password may be given as `user:pass@`). */
export function parseClickHouseUrl(text: string): ClickHouseTarget {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new UserError('store/clickhouse', `"${text}" is not a URL such as http://127.0.0.1:8123/?database=faultline&cluster=faultline`, { field: '--clickhouse' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UserError('store/clickhouse', `"${text}": the URL must start with http:// or https://`, { field: '--clickhouse' });
  const database = u.searchParams.get('database') ?? DEFAULT_DATABASE;
  const cluster = u.searchParams.get('cluster') || null;
  for (const [field, v] of [['database', database], ['cluster', cluster]] as const) {
    if (v !== null && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) throw new UserError('store/clickhouse', `${field} "${v}" is not a plain identifier`, { field: '--clickhouse' });
  }
  const username = u.username ? decodeURIComponent(u.username) : undefined;
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  return { url: `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`, database, cluster, ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

/** The URL of `t` as Faultline takes it (FAULTLINE_CLICKHOUSE), without credentials. */
export function formatClickHouseUrl(t: ClickHouseTarget): string {
  return `${t.url}/?database=${t.database}${t.cluster ? `&cluster=${t.cluster}` : ''}`;
}

/** Settings every query runs with: numbers as JSON numbers, synchronous inserts through Distributed tables, room for long IN lists. */
const SETTINGS: ClickHouseSettings = {
  output_format_json_quote_64bit_integers: 0,
  max_query_size: '67108864',
};

/** One server (or cluster entry point): run statements, read rows, insert JSONEachRow batches. */
export class ClickHouse {
  private readonly client: ClickHouseClient;
  constructor(
    readonly target: ClickHouseTarget,
    options: { useDatabase?: boolean } = {},
  ) {
    this.client = createClient({
      url: target.url,
      ...(options.useDatabase === false ? {} : { database: target.database }),
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      // Errors become Faultline's own messages (explain); the client's log would repeat them on stderr.
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: { ...SETTINGS, ...(target.cluster ? { insert_distributed_sync: 1 } : {}) } as ClickHouseSettings,
    });
  }

  /** Rows of a SELECT (the client adds `FORMAT JSONEachRow`). */
  async rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    try {
      const r = await this.client.query({ query: sql, format: 'JSONEachRow' });
      return await r.json<T>();
    } catch (err) {
      throw this.explain(err, sql);
    }
  }

  /** Runs a statement that returns no rows (DDL). */
  async command(sql: string): Promise<void> {
    try {
      await this.client.command({ query: sql });
    } catch (err) {
      throw this.explain(err, sql);
    }
  }

  /** Inserts `values` into `table` as JSONEachRow. */
  async insert(table: string, values: readonly Record<string, unknown>[]): Promise<void> {
    if (values.length === 0) return;
    try {
      await this.client.insert({ table, values: values as Record<string, unknown>[], format: 'JSONEachRow' });
    } catch (err) {
      throw this.explain(err, `INSERT INTO ${table}`);
    }
  }

  /** Inserts the JSONEachRow lines of the file at `path` into `table`, streamed. */
  async insertFile(table: string, path: string): Promise<void> {
    try {
      const r = await this.client.exec({ query: `INSERT INTO ${table} FORMAT JSONEachRow`, values: createReadStream(path) });
      for await (const _ of r.stream) void _;
    } catch (err) {
      throw this.explain(err, `INSERT INTO ${table} (from ${path})`);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** The server's message without the old releases' wrapping ("Code: 81, e.displayText() = DB::Exception: …, e.what() = …"). */
  private static message(e: Error): string {
    const first = e.message.split('\n')[0];
    return /DB::Exception: (.*?)(?:, e\.what\(\) = .*)?$/.exec(first)?.[1] ?? first;
  }

  /** A user error for what a user can fix (server down, tables missing), else the server's error as a bug. */
  private explain(err: unknown, sql: string): Error {
    const e = err instanceof Error ? err : new Error(String(err));
    // Old servers' error text ("Code: 81, e.displayText() = …") is not parsed into a code by the client.
    const code = (e as { code?: string }).code ?? /\bCode: (\d+)/.exec(e.message)?.[1];
    const where = formatClickHouseUrl(this.target);
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || /ECONNREFUSED|socket hang up/.test(e.message)) {
      return new UserError('store/clickhouse', `cannot reach ClickHouse at ${where} (${code ?? e.message}); start it (scripts/clickhouse-cluster.sh start) or give --clickhouse URL`, { field: '--clickhouse' });
    }
    if (code === '60' || code === '81') {
      return new UserError('store/clickhouse', `${ClickHouse.message(e)} at ${where}; create Faultline's tables first (scripts/clickhouse-cluster.sh does; for an existing cluster see README "Scaling out")`, { field: '--clickhouse' });
    }
    if (code === '516' || code === '192' || code === '193' || code === '194') {
      return new UserError('store/clickhouse', `ClickHouse at ${where} refused the credentials: ${ClickHouse.message(e)}`, { field: '--clickhouse' });
    }
    return new Error(`store/clickhouse: ${ClickHouse.message(e)} (in: ${sql.replace(/\s+/g, ' ').slice(0, 300)})`);
  }
}
