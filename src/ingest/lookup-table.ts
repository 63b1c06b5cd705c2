// Small lookup tables built in JS from the distinct values of a staged file, so that the bulk mapping stays in SQL.
import type { SqlValue, Store } from '../store/store.js';

export type LookupType = 'VARCHAR' | 'DOUBLE' | 'TINYINT';

/** Quotes a string as a SQL literal. */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Quotes a SQL identifier. */
export const sqlName = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/**
 * (Re)creates temporary table `name` with `columns` and fills it with `rows` in one statement; the first column
 * should be the join key and unique.
 */
export async function createLookup(
  tx: Store,
  name: string,
  columns: Readonly<Record<string, LookupType>>,
  rows: ReadonlyArray<Readonly<Record<string, SqlValue | undefined>>>,
): Promise<void> {
  const names = Object.keys(columns);
  const struct = `{${names.map((c) => `"${c}": "${columns[c]}"`).join(', ')}}`;
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((c) => [c, r[c] ?? null]))));
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${sqlName(name)} AS
     SELECT ${names.map((c) => `e.${sqlName(c)}`).join(', ')}
     FROM (SELECT unnest(from_json($1::JSON, '[${struct}]')) AS e)`,
    [json],
  );
}

/** The distinct non-null values of a one-column query, as strings. */
export async function distinctValues(tx: Store, sql: string): Promise<string[]> {
  const rows = await tx.all<{ v: string | null }>(`SELECT DISTINCT v FROM (${sql}) WHERE v IS NOT NULL`);
  return rows.map((r) => String(r.v));
}
