// Extracts the single data member of a .zip archive (as GDELT ships its exports) to a temporary file, streaming.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { UserError } from '../model/errors.js';

/** A file extracted from an archive; `dispose` removes it. */
export interface ExtractedMember {
  readonly path: string;
  readonly member: string;
  dispose(): void;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

function entries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) found.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
  });
}

/**
 * Streams the one file inside `zipPath` to a temporary directory. An archive with no file or with several is a
 * user error, as is a damaged one.
 */
export async function extractSingleMember(zipPath: string, module: string): Promise<ExtractedMember> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (err) {
    throw new UserError(module, `not a readable zip archive (${(err as Error).message})`, { file: zipPath });
  }
  const dir = mkdtempSync(join(tmpdir(), 'faultline-zip-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const files = await entries(zip);
    if (files.length !== 1) {
      throw new UserError(module, `a zip archive must hold exactly one data file, found ${files.length}`, { file: zipPath });
    }
    const member = files[0].fileName;
    const out = join(dir, basename(member));
    // yauzl checks the entry's CRC-32 and size while streaming and fails the stream on a mismatch.
    await pipeline(await openEntry(zip, files[0]), createWriteStream(out));
    return { path: out, member, dispose };
  } catch (err) {
    dispose();
    if (err instanceof UserError) throw err;
    throw new UserError(module, `cannot extract from the zip archive (${(err as Error).message})`, { file: zipPath });
  } finally {
    zip.close();
  }
}
