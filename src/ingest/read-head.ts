// The first lines of a dataset file, for recognising its layout before the pipeline reads it; no sniffing by a reader.
/** Lines detection looks at. */
export const HEAD_LINES = 200;

/** A line longer than this is no header and no sample row: it stands in the head as an empty line. */
export const HEAD_LINE_BYTES = 1 << 20;

/**
 * The first HEAD_LINES lines of a byte stream (BOM removed, line ends stripped). An overlong line is streamed past
 * and given as '' so that the lines after it keep their places.
 */
export async function headOf(source: AsyncIterable<Buffer | Uint8Array | string>): Promise<string[]> {
  const lines: string[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let skipping = false;
  let first = true;
  const push = (bytes: Buffer) => lines.push(bytes.length > HEAD_LINE_BYTES ? '' : bytes.toString('utf8').replace(/\r$/, ''));
  for await (const raw of source) {
    let chunk: Buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (skipping) {
      const nl = chunk.indexOf(10);
      if (nl < 0) continue;
      skipping = false;
      chunk = chunk.subarray(nl + 1);
    }
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10)) {
      push(buf.subarray(0, nl));
      buf = buf.subarray(nl + 1);
      if (lines.length >= HEAD_LINES) return lines;
    }
    if (buf.length > HEAD_LINE_BYTES) {
      lines.push('');
      buf = Buffer.alloc(0);
      skipping = true;
    }
  }
  if (buf.length && !skipping) push(buf);
  return lines;
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
