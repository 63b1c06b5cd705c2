// The first lines of a file, for recognising its layout before DuckDB reads it.
import { closeSync, openSync, readSync } from 'node:fs';

/** The non-blank lines within the first `bytes` of a file, without a cut-off last line. */
export function readHead(path: string, bytes = 65536): string[] {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    const lines = buf.subarray(0, n).toString('utf8').split(/\r?\n/);
    if (n === bytes && lines.length > 1) lines.pop();
    return lines.filter((l) => l.trim() !== '');
  } finally {
    closeSync(fd);
  }
}
