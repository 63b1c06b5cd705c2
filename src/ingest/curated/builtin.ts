// Where the built-in regions live in the repository.
import { fileURLToPath } from 'node:url';

/** The repository's data/regions folder. */
export const REGIONS_DIR = fileURLToPath(new URL('../../../data/regions/', import.meta.url));

/** The region `npm start` loads when none is named. */
export const DEFAULT_REGION = 'south-caucasus';

/** Directory of a built-in region. */
export function builtinRegionDir(id: string = DEFAULT_REGION): string {
  return `${REGIONS_DIR}${id}`;
}
