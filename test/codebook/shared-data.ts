// Locates ../shared/data for the codebook tests, which skip with a message when a fresh clone has none.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared/data relative to the repository root. */
export const SHARED_DATA = path.resolve(repoRoot, '..', 'shared', 'data');

/** A node:test `skip` value: false when ../shared/data exists, otherwise the reason. */
export const skipWithoutShared: string | false = existsSync(SHARED_DATA) ? false : `no ${SHARED_DATA}: shared reference data absent`;
