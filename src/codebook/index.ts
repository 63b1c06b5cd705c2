export * from './quad-class.js';
export * from './cameo-events.js';
export * from './countries.js';
export * from './igos.js';
export * from './regions.js';
export * from './actor-roles.js';
export { normalizeName } from './normalize-name.js';
export { CODEBOOK_DIR } from './data-file.js';
export * from './gleditsch-ward.js';
