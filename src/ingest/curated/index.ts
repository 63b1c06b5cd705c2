export * from './read-region.js';
export * from './code-event.js';
export * from './yaml-file.js';
export * from './builtin.js';
