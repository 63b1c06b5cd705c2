// The DuckDB mapping of each dataset's rows to events, by dataset.
import type { DatasetKind } from '../../ingest/dataset-layout.js';
import { acledSql } from './acled.js';
import { gdeltSql } from './gdelt.js';
import { icewsSql } from './icews.js';
import type { DatasetMapping } from './layout-sql.js';

export const DATASET_SQL: Readonly<Record<DatasetKind, DatasetMapping>> = { gdelt: gdeltSql, icews: icewsSql, acled: acledSql };
export * from './layout-sql.js';
