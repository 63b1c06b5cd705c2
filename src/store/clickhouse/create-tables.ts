// Entry point: creates Faultline's ClickHouse tables on each shard given (used by scripts/clickhouse-cluster.sh).
//   node --import tsx src/store/clickhouse/create-tables.ts [--database faultline] [--cluster NAME] SHARD_URL...
import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE } from './connection.js';
import { createTables } from './schema.js';

const { values, positionals } = parseArgs({
  options: { database: { type: 'string', default: DEFAULT_DATABASE }, cluster: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  process.stderr.write('usage: create-tables.ts [--database NAME] [--cluster NAME] SHARD_HTTP_URL...\n');
  process.exit(2);
}
await createTables(positionals, { database: values.database!, cluster: values.cluster ?? null });
process.stderr.write(`store/clickhouse: tables of ${values.database} ready on ${positionals.length} server(s)\n`);
