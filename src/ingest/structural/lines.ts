// Physical lines of an input file (plain or gzip): how many, which are blank, and which line a byte offset or record falls on.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

const NL = 0x0a;
const CR = 0x0d;

/** The bytes of a file, decompressed when its name ends in .gz (DuckDB reads those directly too). */
export function openBytes(path: string): Readable {
  const raw = createReadStream(path);
  return path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/** The first `n` lines of a file (fewer if it is shorter), without line ends; decodes Latin-1 when asked. */
export async function headLines(path: string, n: number, encoding: 'utf-8' | 'latin-1' = 'utf-8'): Promise<string[]> {
  const stream = openBytes(path);
  const chunks: Buffer[] = [];
  let lines = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      chunks.push(b);
      for (let i = 0; i < b.length; i++) if (b[i] === NL) lines++;
      if (lines >= n) break;
    }
  } finally {
    stream.destroy();
  }
  const text = Buffer.concat(chunks).toString(encoding === 'latin-1' ? 'latin1' : 'utf8');
  return text.split('\n').slice(0, n).map((l) => l.replace(/\r$/, ''));
}

export interface LineScan {
  /** Physical lines: line breaks, plus one for a last line without a break. */
  readonly lines: number;
  /** Empty (or CR-only) lines after the first `skip`. */
  readonly blank: number;
  /** The 1-based line on which each asked-for offset falls. */
  readonly lineAt: ReadonlyMap<number, number>;
}

/**
 * Counts the lines of a file and finds the lines of `offsets`, which are 0-based byte offsets in the text as
 * DuckDB decodes it (UTF-8: a Latin-1 byte above 0x7F counts two).
 */
export async function scanLines(path: string, o: { skip: number; encoding: 'utf-8' | 'latin-1'; offsets?: readonly number[] }): Promise<LineScan> {
  const targets = [...new Set(o.offsets ?? [])].sort((a, b) => a - b);
  const lineAt = new Map<number, number>();
  let next = 0;
  let pos = 0; // decoded offset of the current byte
  let line = 1;
  let lineLength = 0; // bytes on the current line other than CR
  let lines = 0;
  let blank = 0;
  const latin1 = o.encoding === 'latin-1';
  for await (const chunk of openBytes(path)) {
    const b = chunk as Buffer;
    for (let i = 0; i < b.length; i++) {
      while (next < targets.length && targets[next] <= pos) lineAt.set(targets[next++], line);
      const c = b[i];
      pos += latin1 && c > 0x7f ? 2 : 1;
      if (c === NL) {
        lines++;
        if (line > o.skip && lineLength === 0) blank++;
        line++;
        lineLength = 0;
      } else if (c !== CR) {
        lineLength++;
      }
    }
  }
  while (next < targets.length) lineAt.set(targets[next++], line);
  if (lineLength > 0) lines++;
  return { lines, blank, lineAt };
}

/**
 * Maps 1-based ordinals of the records a reader accepted to their lines: accepted records are the non-blank lines
 * after the first `skip`, minus `rejected` lines, in order (one record per line, as in every structural file).
 */
export async function linesOfRecords(path: string, ordinals: readonly number[], skip: number, rejected: ReadonlySet<number>): Promise<Map<number, number>> {
  const wanted = new Set(ordinals);
  const last = Math.max(0, ...ordinals);
  const out = new Map<number, number>();
  if (last === 0) return out;
  let line = 1;
  let ordinal = 0;
  let lineLength = 0;
  const stream = openBytes(path);
  try {
    outer: for await (const chunk of stream) {
      const b = chunk as Buffer;
      for (let i = 0; i < b.length; i++) {
        const c = b[i];
        if (c !== NL) {
          if (c !== CR) lineLength++;
          continue;
        }
        if (line > skip && lineLength > 0 && !rejected.has(line)) {
          ordinal++;
          if (wanted.has(ordinal)) out.set(ordinal, line);
          if (ordinal >= last) break outer;
        }
        line++;
        lineLength = 0;
      }
    }
    if (ordinal < last && line > skip && lineLength > 0 && !rejected.has(line)) {
      ordinal++;
      if (wanted.has(ordinal)) out.set(ordinal, line);
    }
  } finally {
    stream.destroy();
  }
  return out;
}
