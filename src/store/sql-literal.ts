// One escaping function for values written into SQL text: DuckDB plans literals into its scans (zone maps,
// filter pushdown), which prepared parameters do not get, and ClickHouse's old releases take no parameters at all.
import { UserError } from '../model/errors.js';

/** A value as an SQL literal: strings single-quoted with quotes doubled, finite numbers as written, booleans, NULL. */
export function sqlLiteral(v: string | number | boolean | bigint | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`store/sql: ${v} is not a finite number`);
    return String(v);
  }
  // A NUL byte would end the string in some drivers; backslashes are plain characters in standard SQL strings,
  // but ClickHouse reads them as escapes, so they are doubled there by its dialect (see clickhouse code).
  if (v.includes('\u0000')) throw new UserError('store/sql', 'a value contains a NUL byte', { field: 'value' });
  return `'${v.replace(/'/g, "''")}'`;
}
