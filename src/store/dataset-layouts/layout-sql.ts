// What the DuckDB import needs from a dataset mapping: SQL for the row id, row checks, event columns and lookup joins.
import { cameoEvent } from '../../codebook/index.js';
import type { DatasetLayout } from '../../ingest/dataset-layout.js';
import type { SqlValue, Store } from '../store.js';

/** The columns of the `events` table a mapping fills. */
export type EventColumn =
  | 'date_start' | 'date_end' | 'precision' | 'cameo' | 'quad' | 'goldstein' | 'plover'
  | 'source_countries' | 'target_countries' | 'source_code' | 'target_code' | 'source_country' | 'target_country'
  | 'location' | 'location_country' | 'summary' | 'extra';

export const EVENT_COLUMNS: readonly EventColumn[] = [
  'date_start', 'date_end', 'precision', 'cameo', 'quad', 'goldstein', 'plover',
  'source_countries', 'target_countries', 'source_code', 'target_code', 'source_country', 'target_country',
  'location', 'location_country', 'summary', 'extra',
];

/** A row the mapping refuses, with the reason as a SQL string expression. */
export interface RowCheck {
  readonly when: string;
  readonly reason: string;
}

export type LookupType = 'VARCHAR' | 'DOUBLE' | 'TINYINT';

/** A small table built in JS from the distinct values of a staged file (codebook lookups), so that the bulk mapping stays in SQL. */
export interface Lookup {
  readonly table: string;
  readonly columns: Readonly<Record<string, LookupType>>;
  /** A query over the staged rows `import_stage s` giving the distinct inputs, as text columns. */
  readonly values: string;
  readonly build: (rows: ReadonlyArray<Record<string, string | null>>) => ReadonlyArray<Record<string, SqlValue | undefined>>;
}

/** How one dataset's rows become events; expressions read the typed row `s` and the lookups. */
export interface DatasetSql {
  readonly id: string;
  readonly checks: readonly RowCheck[];
  readonly columns: Readonly<Record<EventColumn, string>>;
  readonly joins: string;
  readonly lookups: readonly Lookup[];
}

export type DatasetMapping = (layout: DatasetLayout) => DatasetSql;

/** Quotes a string as a SQL literal. */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Quotes a SQL identifier. */
export const sqlName = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** The column `name` of row `s`. */
export const col = (name: string): string => `s.${sqlName(name)}`;

/** Characters of a value quoted in a reason. */
export const CLIP_CHARS = 80;

/** A text expression cut to CLIP_CHARS characters (with "…"), so that a reject never carries a huge value. */
export const clip = (expr: string): string =>
  `(CASE WHEN length(${expr}) > ${CLIP_CHARS} THEN left(${expr}, ${CLIP_CHARS}) || '…' ELSE ${expr} END)`;

/** Text cell, trimmed, empty as NULL; NULL when the file has no such column. */
export const textOf = (layout: DatasetLayout) => {
  const has = new Set(layout.columns.map((c) => c.name));
  return (name: string): string => (has.has(name) ? `nullif(trim(${col(name)}), '')` : 'NULL');
};

/** A list of one country, or empty. */
export const oneOrNone = (expr: string): string => `CASE WHEN ${expr} IS NULL THEN []::VARCHAR[] ELSE [${expr}] END`;

/** The CAMEO codebook over the distinct codes `values` yields (column `v`); unknown codes are left out, so a LEFT JOIN gives NULL. */
export function cameoLookup(table: string, values: string): Lookup {
  return {
    table,
    columns: { raw: 'VARCHAR', code: 'VARCHAR', name: 'VARCHAR', quad: 'TINYINT', goldstein: 'DOUBLE', plover: 'VARCHAR' },
    values,
    build: (rows) => rows.flatMap(({ v }) => {
      const e = v === null ? undefined : cameoEvent(v);
      return e ? [{ raw: v, code: e.code, name: e.name, quad: e.quad, goldstein: e.goldstein, plover: e.plover }] : [];
    }),
  };
}

/** (Re)creates temporary table `lookup.table` from the distinct values of the staged file, in one statement. */
export async function createLookup(tx: Store, lookup: Lookup): Promise<void> {
  const names = Object.keys(lookup.columns);
  const inputs = await tx.all<Record<string, string | null>>(`SELECT DISTINCT * FROM (${lookup.values})`);
  const rows = lookup.build(inputs);
  const struct = `{${names.map((c) => `"${c}": "${lookup.columns[c]}"`).join(', ')}}`;
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((c) => [c, r[c] ?? null]))));
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${sqlName(lookup.table)} AS
     SELECT ${names.map((c) => `e.${sqlName(c)}`).join(', ')}
     FROM (SELECT unnest(from_json($1::JSON, '[${struct}]')) AS e)`,
    [json],
  );
}
