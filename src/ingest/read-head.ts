// The first lines of a dataset file, for recognising its layout before the pipeline reads it; no sniffing by a reader.
import { closeSync, openSync, readSync } from 'node:fs';

/** How much of a file detection looks at. */
export const HEAD_BYTES = 1 << 20;

/** The complete lines at the start of `bytes` (BOM removed, line ends stripped); `whole` when `bytes` is the entire file. */
export function headLines(bytes: Buffer, whole: boolean): string[] {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lines = bytes.subarray(start).toString('utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  // The last piece is cut off (or, after a final newline, empty).
  if (!whole || lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The complete lines within the first `bytes` of a file. */
export function readHead(path: string, bytes = HEAD_BYTES): string[] {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return headLines(buf.subarray(0, n), n < bytes);
  } finally {
    closeSync(fd);
  }
}

/** Splits one line into fields, honouring double quotes when `quote` is set (for detection only; the pipeline frames records). */
export function splitFields(line: string, delim: string, quote: '"' | ''): string[] {
  if (!quote || !line.includes('"')) return line.split(delim);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === delim) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The most frequent value (the smallest on ties); 0 for none. */
export function mode(xs: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Makes column names unique by numbering repeats (`notes`, `notes_2`). */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}
