// Paths tests share: the repository root, ../shared (absent on a fresh clone), fresh temp dirs.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
/** False, or a skip message, for `it(name, { skip: SKIP_NO_SHARED }, …)`. */
export const SKIP_NO_SHARED: false | string = existsSync(SHARED_DIR) ? false : '../shared is absent (fresh clone)';

/** A new empty temporary directory. */
export function tempDir(prefix = 'faultline-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
