// What an importer of a structural dataset knows about its file: preamble, header, columns and their types.

/** The structural datasets the store holds; `unga-votes` arrives as three files. */
export const STRUCTURAL_DATASETS = ['unga-idealpoints', 'unga-votes', 'sipri-arms', 'sipri-milex', 'ucdp-acd'] as const;
export type StructuralDataset = (typeof STRUCTURAL_DATASETS)[number];

/** One file layout: the datasets' own files and the fact tables in data/structural. */
export type FileKind =
  | 'unga-idealpoints'
  | 'unga-votes'
  | 'unga-roll-calls'
  | 'unga-roll-call-issues'
  | 'sipri-arms'
  | 'sipri-milex'
  | 'ucdp-acd'
  | 'builtin-unga-idealpoints'
  | 'builtin-unga-agreement'
  | 'builtin-sipri-arms'
  | 'builtin-sipri-supplier-totals'
  | 'builtin-sipri-milex'
  | 'builtin-ucdp-acd';

/** Column types DuckDB casts to while reading; `unga_vote` is the ENUM of migration 50. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN' | 'unga_vote';

/** How DuckDB's `read_csv` must read a file: every option explicit, nothing sniffed. */
export interface CsvSpec {
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  readonly delim: string;
  /** Empty when the file has no quoting at all (SIPRI). */
  readonly quote: string;
  readonly encoding: 'utf-8' | 'latin-1';
  /** Unquoted values read as NULL; quoted ones never are ("NA" is Namibia in the vote file). */
  readonly nullstr: readonly string[];
  readonly dateformat?: string;
  /** False for files whose lines end in CR LF only in places, which DuckDB's strict mode refuses outright. */
  readonly strict: boolean;
}

export interface FileFormat {
  readonly kind: FileKind;
  readonly dataset: StructuralDataset;
  /** Prefix of messages: `ingest/sipri`. */
  readonly module: string;
  readonly title: string;
  /** The 1-based line of the header; the data start on the next line. A function of the first lines for our own tables, whose citation header varies in length. */
  readonly headerLine: number | ((head: readonly string[]) => number);
  /** The header's cells as the file writes them (unquoted). */
  readonly header: readonly string[];
  readonly csv: CsvSpec;
  /** Records may be broken over two lines by a line break inside an unquoted comment (SIPRI): such runs of rejected lines are joined. */
  readonly joinBrokenLines?: boolean;
  /** A check of the preamble, returning a problem or null. */
  readonly checkPreamble?: (head: readonly string[]) => string | null;
}

/** The header line of a format for a file whose first lines are `head`. */
export function headerLineOf(format: FileFormat, head: readonly string[]): number {
  return typeof format.headerLine === 'number' ? format.headerLine : format.headerLine(head);
}

/** Splits a header line into cells, dropping quotes (the header of every format has no delimiter inside quotes). */
export function headerCells(line: string, format: FileFormat): string[] {
  const cells = line.replace(/\r$/, '').split(format.csv.delim);
  return format.csv.quote ? cells.map((c) => (c.startsWith(format.csv.quote) && c.endsWith(format.csv.quote) && c.length >= 2 ? c.slice(1, -1) : c)) : cells;
}
