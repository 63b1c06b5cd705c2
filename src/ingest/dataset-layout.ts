// What an importer tells the shared pipeline about one file: its dialect, its columns and their types; no SQL.
import type { FrameLimits } from './record-frames.js';

/** The bulk event datasets; each has a mapping to events in `src/store/dataset-layouts/`. */
export type DatasetKind = 'gdelt' | 'icews' | 'acled';

/** Types a column is read as; every value is staged as text and converted by the mapping, so a bad value rejects only its row. */
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'INTEGER' | 'TINYINT' | 'DOUBLE' | 'DATE';

/** How the file is written: given explicitly by the importer, never sniffed. */
export interface Dialect {
  readonly delim: ',' | '\t' | ';';
  /** Quote character, or '' for files without quoting (GDELT's native exports, ICEWS). */
  readonly quote: '"' | '';
  /** Physical lines before the first record (the header). */
  readonly headerLines: number;
  /** Cell texts that mean "no value". */
  readonly nullstr: readonly string[];
}

/** One column of the file, in file order. */
export interface DatasetColumn {
  /** The name the mapping refers to (`GLOBALEVENTID`, `event_id`). */
  readonly name: string;
  readonly type: ColumnType;
  /** How messages name it: the file's own header text, or the codebook's name. */
  readonly label: string;
  /** strptime format of a DATE column. */
  readonly format?: string;
}

/** One detected layout of a dataset file. */
export interface DatasetLayout {
  readonly dataset: DatasetKind;
  /** Human description, printed per file: "GDELT 2.0 export (61 columns, tab-separated)". */
  readonly variant: string;
  readonly dialect: Dialect;
  readonly columns: readonly DatasetColumn[];
}

/** A dataset importer: its origin, and how it recognises a file's layout from the file's first lines. */
export interface DatasetFormat {
  readonly dataset: DatasetKind;
  /** `origin` of the events it writes: gdelt, icews, acled. */
  readonly origin: string;
  /** Module name for messages: ingest/gdelt. */
  readonly module: string;
  /** The layout of a file whose first complete lines (BOM removed, line ends stripped) are `head`; throws a UserError naming `shownAs`. */
  detect(head: readonly string[], shownAs: string): DatasetLayout;
  /** Limits that differ from the defaults (ACLED notes may be long). */
  readonly limits?: Partial<FrameLimits>;
}
