export * from './format.js';
export * from './unga.js';
export * from './sipri.js';
export * from './ucdp.js';
export * from './builtin-tables.js';
export * from './builtin.js';
export * from './import-structural.js';
export { sipriPartyCode } from './lookups.js';
