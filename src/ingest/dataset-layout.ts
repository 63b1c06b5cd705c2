// What an importer tells the shared pipeline about one file: how DuckDB reads it and how its rows become events.
import type { Store } from '../store/store.js';

/** How DuckDB's `read_csv` reads the file: explicit columns and types, no sniffing. */
export interface CsvLayout {
  /** Column names (as the mapping refers to them) and DuckDB types, in file order. */
  readonly columns: ReadonlyArray<readonly [name: string, type: string]>;
  readonly delim: string;
  /** Quote character, or '' for files without quoting (GDELT's native exports). */
  readonly quote: string;
  /** Header lines to skip before the first row. */
  readonly skip: number;
  /** Cell texts that mean "no value". */
  readonly nullstr: readonly string[];
  /** strptime format for the DATE columns. */
  readonly dateformat?: string;
}

/** The columns of the `events` table an importer fills, each a SQL expression over the staged row `s` and its lookups. */
export type EventColumn =
  | 'date_start' | 'date_end' | 'precision' | 'cameo' | 'quad' | 'goldstein' | 'plover'
  | 'source_countries' | 'target_countries' | 'source_code' | 'target_code' | 'source_country' | 'target_country'
  | 'location' | 'location_country' | 'summary' | 'extra';

/** A row the mapping refuses, with the reason as a SQL string expression (`'QuadClass: ' || s.QuadClass || ' is not 1–4'`). */
export interface RowCheck {
  readonly when: string;
  readonly reason: string;
}

/** One detected layout of a dataset file. */
export interface DatasetLayout {
  /** Human description, printed per file: "GDELT 2.0 export (61 columns, tab-separated)". */
  readonly variant: string;
  readonly csv: CsvLayout;
  /** SQL for the dataset's own row id (VARCHAR), the key duplicates are found by. */
  readonly id: string;
  readonly checks: readonly RowCheck[];
  readonly columns: Readonly<Record<EventColumn, string>>;
  /** LEFT JOIN clauses on the lookup tables `prepare` creates. */
  readonly joins: string;
  /** Builds the lookup tables from the staged rows (temp table `import_stage`); runs inside the file's transaction. */
  prepare(tx: Store): Promise<void>;
}

/** A dataset importer: its origin and how it recognises a file's layout. */
export interface DatasetFormat {
  /** `origin` of the events it writes: gdelt, icews, acled. */
  readonly origin: string;
  /** Module name for messages: ingest/gdelt. */
  readonly module: string;
  /** Reads the start of `path` and returns its layout, or throws a UserError naming `shownAs`. */
  detect(path: string, shownAs: string, store: Store): Promise<DatasetLayout>;
}
