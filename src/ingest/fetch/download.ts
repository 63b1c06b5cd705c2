// Resumable downloads into a cache directory, verified by size and MD5 as GDELT's master list gives them.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../model/errors.js';
import { hashFile } from '../file-hash.js';

const MODULE = 'ingest/fetch';

/** The network edge: `fetch` (the global one by default), so tests can count requests. */
export type Fetcher = (url: string, init?: { headers?: Record<string, string> }) => Promise<Response>;

/** What a download did: fetched it whole, resumed a partial file, or found it complete in the cache. */
export type DownloadOutcome = 'downloaded' | 'resumed' | 'cached';

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

/**
 * Downloads `url` to `<dir>/<name>`, writing to `<name>.part` first. A partial file left by an interrupted run
 * is continued with an HTTP Range request; a complete file is checked against `size` and `md5` and kept only
 * if both match (a mismatch removes it and is reported as a UserError).
 */
export async function downloadVerified(
  url: string,
  dir: string,
  name: string,
  expected: { size: number; md5: string },
  fetcher: Fetcher = fetch,
): Promise<{ path: string; outcome: DownloadOutcome }> {
  const path = join(dir, name);
  const part = `${path}.part`;
  if (existsSync(path) && sizeOf(path) === expected.size && (await hashFile(path, 'md5')) === expected.md5) {
    return { path, outcome: 'cached' };
  }
  let have = sizeOf(part);
  if (have > expected.size) {
    rmSync(part);
    have = 0;
  }
  let outcome: DownloadOutcome = have > 0 ? 'resumed' : 'downloaded';
  if (have < expected.size) {
    const res = await fetcher(url, have > 0 ? { headers: { Range: `bytes=${have}-` } } : undefined);
    if (!res.ok || !res.body) throw new UserError(MODULE, `${url}: HTTP ${res.status} ${res.statusText}`);
    // A server that ignores the Range header sends the whole file again.
    const append = have > 0 && res.status === 206;
    if (!append) outcome = 'downloaded';
    // Each chunk is written before the next is read, so that an interrupted transfer leaves all it received.
    const out = await open(part, append ? 'a' : 'w');
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) await out.write(chunk);
    } finally {
      await out.close();
    }
  }
  const size = sizeOf(part);
  const md5 = await hashFile(part, 'md5');
  if (size !== expected.size || md5 !== expected.md5) {
    rmSync(part, { force: true });
    throw new UserError(MODULE, `${url}: got ${size} bytes with MD5 ${md5}, the master list says ${expected.size} bytes with MD5 ${expected.md5}; the partial file was removed`);
  }
  renameSync(part, path);
  return { path, outcome };
}
