// Streams the single data member of a .zip archive (as GDELT ships its exports), refusing archives that expand too far.
import { Transform, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { UserError } from '../model/errors.js';

/** How far an archive may expand: zip bombs are refused before, or as soon as, they pass either bound. */
export interface ZipLimits {
  /** Largest uncompressed member, in bytes. */
  readonly maxBytes: number;
  /** Largest uncompressed / compressed size ratio. */
  readonly maxRatio: number;
}

/** Real dataset exports compress 5–15×; a ratio of 200 leaves room and stops a bomb within 200× its size. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxBytes: 16 * 1024 ** 3, maxRatio: 200 };

/** The one file of an archive, opened for streaming; `close` releases the archive. */
export interface ZipMember {
  readonly name: string;
  /** Uncompressed size as the archive declares it (checked while streaming). */
  readonly size: number;
  readonly compressedSize: number;
  /** A fresh stream of the member's bytes, failing with a UserError once it passes the limits. */
  open(): Promise<Readable>;
  close(): void;
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

const mib = (n: number) => `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`;

/**
 * Opens the one file inside `zipPath`. An archive with no file or several, a damaged one, or one whose member
 * declares more than the limits allow, is a user error naming the archive; nothing is extracted to disk.
 */
export async function openZipMember(zipPath: string, module: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipMember> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (err) {
    throw new UserError(module, `not a readable zip archive (${(err as Error).message})`, { file: zipPath });
  }
  try {
    const files = await entries(zip);
    if (files.length !== 1) {
      throw new UserError(module, `a zip archive must hold exactly one data file, found ${files.length}`, { file: zipPath });
    }
    const entry = files[0];
    const cap = Math.min(limits.maxBytes, Math.max(1, entry.compressedSize) * limits.maxRatio);
    const refuse = (size: number) => {
      const what = size > limits.maxBytes
        ? `more than ${mib(limits.maxBytes)}, the limit for one archive member`
        : `${Math.round(size / Math.max(1, entry.compressedSize)).toLocaleString('en-US')}× its compressed size (${mib(size)} from ${mib(entry.compressedSize)}), over the limit of ${limits.maxRatio}×`;
      return new UserError(module, `${entry.fileName} expands to ${what}; refused as a possible zip bomb, nothing past the limit was expanded`, { file: zipPath });
    };
    if (entry.uncompressedSize > cap) throw refuse(entry.uncompressedSize);
    const open = async (): Promise<Readable> => {
      let stream: Readable;
      try {
        stream = await openEntry(zip, entry);
      } catch (err) {
        throw new UserError(module, `cannot extract from the zip archive (${(err as Error).message})`, { file: zipPath });
      }
      let seen = 0;
      let crc = 0;
      // yauzl checks the declared size but not the CRC-32; this bound holds even if a header lies.
      const guard = new Transform({
        transform(chunk: Buffer, _enc, done) {
          seen += chunk.length;
          if (seen > cap) return done(refuse(seen));
          crc = crc32(chunk, crc);
          done(null, chunk);
        },
        flush(done) {
          if (crc >>> 0 !== entry.crc32 >>> 0) return done(new UserError(module, `${entry.fileName} is damaged (its CRC-32 does not match); download it again`, { file: zipPath }));
          done();
        },
      });
      stream.on('error', (err) => guard.destroy(err instanceof UserError ? err : new UserError(module, `cannot extract from the zip archive (${err.message})`, { file: zipPath })));
      return stream.pipe(guard);
    };
    return {
      name: entry.fileName,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
      open,
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}
