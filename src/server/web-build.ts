// Builds the dashboard with Vite when dist/web is missing or older than its sources, so a fresh clone serves it without a separate step.
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_SOURCE_DIR = join(REPO, 'src', 'web');
export const WEB_DIST_DIR = join(REPO, 'dist', 'web');
const CONFIG = join(REPO, 'vite.config.ts');
const STAMP = '.built';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Whether dist/web holds a build at least as new as src/web and vite.config.ts. */
export function webBuildIsCurrent(dist = WEB_DIST_DIR): boolean {
  const stamp = join(dist, STAMP);
  if (!existsSync(stamp) || !existsSync(join(dist, 'index.html'))) return false;
  if (!existsSync(WEB_SOURCE_DIR)) return true;
  return statSync(stamp).mtimeMs >= Math.max(newestMtime(WEB_SOURCE_DIR), newestMtime(CONFIG));
}

/** Returns the dashboard directory, building it first when needed; `log` hears about a build. */
export async function ensureWebBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<string> {
  if (!options.force && webBuildIsCurrent()) return WEB_DIST_DIR;
  options.log?.('building the dashboard with Vite (dist/web) …');
  const { build } = await import('vite');
  // Build beside the target and swap it in, so that a concurrent reader never sees half a build.
  const tmp = `${WEB_DIST_DIR}.tmp-${process.pid}-${Date.now()}`;
  await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
  writeFileSync(join(tmp, STAMP), `${new Date().toISOString()}\n`);
  const old = `${WEB_DIST_DIR}.old-${process.pid}-${Date.now()}`;
  if (existsSync(WEB_DIST_DIR)) renameSync(WEB_DIST_DIR, old);
  try {
    renameSync(tmp, WEB_DIST_DIR);
  } catch (err) {
    // Another process swapped in its build first; ours is redundant.
    if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return WEB_DIST_DIR;
}
