// The dataset half of every evidence read (GDELT, ICEWS, ACLED rows: one country a side, aggregated in SQL), behind one
// interface so that the rows can live in the DuckDB store or on a ClickHouse cluster and give the same answers.
import type { ImportCounts } from './dataset-import.js';
import { z } from 'zod';
import { DATASET_ORIGIN_KINDS, type EvidenceOrigin } from '../model/index.js';
import type { ResolvedScope } from './evidence.js';
import type { Store } from './store.js';

import type { PeriodUnit } from '../model/period.js';
export type { PeriodUnit };

const num = z.coerce.number();
const int = z.coerce.number().int();

export const DatasetPeriod = z.object({ period: z.string(), origin: z.string(), events: int, q1: int, q2: int, q3: int, q4: int, gsum: num });
/** Dataset events between two parties in one period, from one origin: counts per quad class and the Goldstein sum. */
export type DatasetPeriod = z.infer<typeof DatasetPeriod>;

export const DatasetPair = z.object({ a: z.string(), b: z.string(), origin: z.string(), events: int, goldstein: num });
/** Dataset events between an unordered pair (a < b) from one origin, with their Goldstein sum. */
export type DatasetPair = z.infer<typeof DatasetPair>;

export const DatasetWindow = z.object({ a: z.string(), b: z.string(), w: int, origin: z.string(), n: int, q4: int, g: num });
/** Dataset events of an unordered pair in window `w` (0 = the window ending at the as-of day), from one origin. */
export type DatasetWindow = z.infer<typeof DatasetWindow>;

export const DatasetPartner = z.object({ period: z.string(), partner: z.string(), origin: z.string(), n: int });
/** Dataset events of an actor with one partner in one period ("all" when no unit is asked for), from one origin. */
export type DatasetPartner = z.infer<typeof DatasetPartner>;

export const DatasetDay = z.object({ day: z.string(), n: int, origin: z.string() });
/** Dataset events of a dyad on one day (YYYY-MM-DD), from one origin. */
export type DatasetDay = z.infer<typeof DatasetDay>;

export const Meeting = z.object({ day: z.string(), side: z.enum(['a', 'b']), other: z.string() });
/** A consultation on `day` between side a or b of a dyad and some other party. */
export type Meeting = z.infer<typeof Meeting>;

export const DatasetSpan = z.object({ origin: z.string(), n: int, first: z.string().nullable(), last: z.string().nullable() });
/** The dataset events in scope of one origin (with a source country) and their first and last day. */
export type DatasetSpan = z.infer<typeof DatasetSpan>;

export const DatasetTotal = z.object({ period: z.string(), n: int });
/** Dataset events in one period between two different parties of the scope. */
export type DatasetTotal = z.infer<typeof DatasetTotal>;

export const DatasetOriginCount = z.object({ origin: z.string(), n: int });
export const DatasetId = z.object({ id: z.string() });

/** What a listing of dataset events keeps (queries.ts's ListFilter, for dataset rows). */
export interface DatasetListFilter {
  readonly origins?: readonly string[];
  readonly exclude?: readonly string[];
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

/** A filter over dataset rows, its parties already resolved to the codes the scalar country columns hold. */
export interface DatasetMatch {
  readonly source?: readonly string[];
  readonly target?: readonly string[];
  /** Source and target sides may be swapped. */
  readonly either?: boolean;
  readonly quad?: readonly number[];
  readonly cameo?: readonly string[];
}

/**
 * The dataset branch of each named evidence read (`evidence-reads.ts` merges it with the knowledge rows). Every
 * method applies the scope's dataset conditions (origin, confidence, dates) and returns the rows the DuckDB
 * implementation returns, in the same order where an order is stated.
 */
export interface DatasetEvidence {
  /** Which engine holds the dataset rows. */
  readonly kind: 'duckdb' | 'clickhouse';
  /** Events between `a` and `b` per period and origin, ordered by period and origin. */
  dyadPeriods(s: ResolvedScope, o: { a: string; b: string; by: PeriodUnit; directed: boolean }): Promise<DatasetPeriod[]>;
  /** Ids of the events between `a` and `b` (oldest first, then by id, at most `limit`) and their total. */
  dyadIds(s: ResolvedScope, o: { a: string; b: string; directed: boolean; from?: string; to?: string; limit: number }): Promise<{ ids: string[]; count: number }>;
  /** Events between two different parties of the scope per unordered pair and origin, ordered by a, b, origin. */
  ties(s: ResolvedScope): Promise<DatasetPair[]>;
  /** As `ties`, per window of `days` counted back from `asOf` (the scope is already bounded by `asOf`), ordered by a, b, w, origin (alerts keep the order of equal scores). */
  windows(s: ResolvedScope, o: { asOf: string; days: number }): Promise<DatasetWindow[]>;
  /** Events with `actor` on one side and another party on the other, per period, partner and origin, ordered by period and partner. */
  partners(s: ResolvedScope, o: { actor: string; by?: PeriodUnit }): Promise<DatasetPartner[]>;
  /** Events between `a` and `b` (either direction) per day and origin, ordered by day. */
  mediationDays(s: ResolvedScope, o: { a: string; b: string }): Promise<DatasetDay[]>;
  /** Distinct same-day consultations (CAMEO prefixes `meetingCameo`) of a or b with a third party, ordered by day, side, other. */
  meetings(s: ResolvedScope, o: { a: string; b: string; meetingCameo: readonly string[] }): Promise<Meeting[]>;
  /** Events matching `m` (with a source country): their count per origin and up to `limit` ids, oldest first. */
  matching(s: ResolvedScope, m: DatasetMatch, limit: number): Promise<{ origins: { origin: string; n: number }[]; ids: string[] }>;
  /** Events per origin with a source country, and their first and last day; unordered. */
  span(s: ResolvedScope): Promise<DatasetSpan[]>;
  /** Events per period between two different parties of the scope; unordered. */
  periodTotals(s: ResolvedScope, by: PeriodUnit): Promise<DatasetTotal[]>;
  /**
   * Dataset events as rows of the DuckDB `events` table (`SELECT *`), for listings: origins by prefix (`origins`
   * kept, `exclude` left out), an actor's country on either side, overlapping [from, to]; oldest first, at most `limit`.
   */
  list(f: DatasetListFilter): Promise<Record<string, unknown>[]>;
  /** How many dataset events the backend holds (all origins, in scope or not). */
  count(): Promise<number>;
  /** Where dataset imports are written when the rows live outside the DuckDB store; null when `importFile` writes them itself. */
  readonly imports: DatasetImports | null;
  close(): Promise<void>;
}

/** What an earlier import of the same content under the same filter reported: the counts that import gave. */
export type PreviousImport = ImportCounts;

/** The filter of an import, as `ImportOptions` gives it (kept here so the store does not depend on ingest). */
export interface ImportFilter {
  readonly countries?: readonly string[];
  readonly from?: string;
  readonly to?: string;
}

/** One file's import into an external dataset backend: the parsed rows sit in a staging DuckDB store. */
export interface StagedImport {
  readonly origin: string;
  readonly file: string;
  readonly hash: string;
  /** The canonical filter string (`filterKey`). */
  readonly filterKey: string;
  readonly filter: ImportFilter;
  readonly variant: string;
  readonly lines: number;
  readonly joinedLines: number;
  readonly rows: number;
  /** Repeats within the file, found while staging. */
  readonly duplicates: number;
  /** Malformed rows (the staging store's `import_rejects` holds their lines and reasons). */
  readonly malformed: number;
}

/** Imports into a dataset backend outside the DuckDB store, idempotent without transactions. */
export interface DatasetImports {
  /** The newest completed import of `hash` for `origin` under `filterKey`, or null. */
  previous(origin: string, hash: string, filterKey: string): Promise<PreviousImport | null>;
  /**
   * Copies the staged events (`staged.events`, the whole file unfiltered) into the backend: ids already there are
   * duplicates, rows failing the filter are filtered out, the rest are written in batches; then the import is
   * recorded. Returns the counts of the file.
   */
  write(staged: Store, file: StagedImport, onProgress?: (fraction: number) => void): Promise<{ imported: number; duplicates: number; filtered: number }>;
}

/** The dataset origins a scope takes (empty: the dataset branch of every read is empty). */
export function datasetOrigins(s: ResolvedScope): EvidenceOrigin[] {
  return DATASET_ORIGIN_KINDS.filter((o) => s.origins.includes(o));
}

/** Parses rows at the store's edge, naming the read in the error. */
export function parseRows<T extends z.ZodType>(schema: T, rows: readonly unknown[], what: string): z.output<T>[] {
  return rows.map((r, i) => {
    const parsed = schema.safeParse(r);
    if (!parsed.success) throw new Error(`store/evidence: ${what} row ${i}: ${parsed.error.issues[0].message}`);
    return parsed.data;
  });
}
