// Opens the ClickHouse dataset backend named by a URL: evidence reads and imports over one connection.
import type { DatasetEvidence } from '../dataset-evidence.js';
import { ClickHouseDatasetEvidence } from './clickhouse-dataset-evidence.js';
import { ClickHouseImports } from './clickhouse-imports.js';
import { ClickHouse, parseClickHouseUrl, type ClickHouseTarget } from './connection.js';

/** The dataset backend on the ClickHouse server or cluster at `url` (FAULTLINE_CLICKHOUSE's form) or `target`. */
export function clickHouseDatasets(url: string | ClickHouseTarget): DatasetEvidence {
  const ch = new ClickHouse(typeof url === 'string' ? parseClickHouseUrl(url) : url);
  return new ClickHouseDatasetEvidence(ch, new ClickHouseImports(ch));
}
