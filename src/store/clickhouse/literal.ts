// The one escaping function for values written into ClickHouse SQL text (old releases take no query parameters).
import { UserError } from '../../model/errors.js';

/**
 * A value as a ClickHouse literal: strings single-quoted with backslashes and quotes escaped by a backslash
 * (ClickHouse reads backslash escapes in every string literal), finite numbers as written, booleans as 1 and 0.
 */
export function chLiteral(v: string | number | boolean | bigint | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`store/clickhouse: ${v} is not a finite number`);
    return String(v);
  }
  if (v.includes('\u0000')) throw new UserError('store/clickhouse', 'a value contains a NUL byte', { field: 'value' });
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Values as a comma-separated list of literals, for `IN (…)`. */
export function chList(vs: readonly (string | number)[]): string {
  return vs.map(chLiteral).join(', ');
}
