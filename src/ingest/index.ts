export * from './dataset-layout.js';
export * from './import-file.js';
export * from './import-files.js';
export * from './datasets.js';
export { GDELT, detectGdelt } from './gdelt/gdelt-format.js';
export { ICEWS, detectIcews } from './icews/icews-format.js';
export { ACLED, detectAcled, acledActorCountry } from './acled/acled-format.js';
export { acledCoding, type AcledCoding } from './acled/acled-mapping.js';
export { roleOfSectors, ICEWS_SECTOR_ROLES, ROLE_PRECEDENCE } from './icews/sector-roles.js';
