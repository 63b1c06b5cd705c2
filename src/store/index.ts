export * from './store.js';
export * from './duckdb-store.js';
export * from './migrations.js';
export * from './load-knowledge-base.js';
export * from './queries.js';
export * from './event-years.js';
export * from './dataset-import.js';
