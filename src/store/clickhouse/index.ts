export * from './connection.js';
export * from './day.js';
export * from './literal.js';
export * from './schema.js';
export * from './clickhouse-dataset-evidence.js';
export * from './clickhouse-imports.js';
export * from './open.js';
