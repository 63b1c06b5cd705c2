// Splits a dataset file into records by physical line before any CSV reader sees it, refusing each line no reader
// should be trusted with (too long, blank, NUL, bare CR, invalid UTF-8, stray or unterminated quote) by its own line.
import { isUtf8 } from 'node:buffer';
import type { Hash } from 'node:crypto';

/** Bounds on one record, so that a hostile line costs bounded memory and is reported rather than lost. */
export interface FrameLimits {
  /** Longest record, in bytes. */
  readonly maxRecordBytes: number;
  /** Most physical lines one quoted record may span. */
  readonly maxRecordLines: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = { maxRecordBytes: 1 << 20, maxRecordLines: 200 };

/** Characters of a refused line kept with its reject. */
export const EXCERPT_CHARS = 200;

/** A line (or a quoted record) refused before parsing, with its physical line number. */
export interface FrameReject {
  readonly line: number;
  readonly reason: string;
  readonly excerpt: string;
}

export interface FrameOptions {
  readonly delim: string;
  readonly quote: '"' | '';
  /** Physical lines before the first record; they are counted but neither checked nor passed on. */
  readonly headerLines: number;
  /** Column labels in file order, to name the column a fault is in. */
  readonly labels: readonly string[];
  readonly limits?: Partial<FrameLimits>;
  /** Receives the accepted records as `<physical line><delim><record>\n`, in order; the chunk is reused after the call returns. */
  readonly sink?: (chunk: Buffer) => void;
  readonly onReject?: (r: FrameReject) => void;
  /** Fed every byte read, for the file's content hash. */
  readonly hash?: Hash;
}

export interface FrameSummary {
  /** Physical lines of the file, the header included. */
  readonly lines: number;
  /** Records accepted: one physical line each, or a quoted record spanning several. */
  readonly records: number;
  /** Lines or records refused. */
  readonly rejected: number;
  /** Physical lines that continue a multi-line quoted record: counted in `lines`, not as rows. */
  readonly joinedLines: number;
  readonly bom: boolean;
  /** Nothing refused, no BOM and one record per line: a CSV reader may read the file as it is. */
  readonly plain: boolean;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const NUL = 0;
const OUT_BYTES = 4 << 20;

type Quoted =
  | { readonly kind: 'more' }
  | { readonly kind: 'record'; readonly contentEnd: number; readonly next: number; readonly lines: number }
  | { readonly kind: 'bad'; readonly at: number; readonly what: string };

const fmt = (n: number) => n.toLocaleString('en-US');

/** Text of `bytes` for a reject: at most EXCERPT_CHARS characters, control characters shown as \uXXXX. */
export function excerptOf(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, EXCERPT_CHARS * 4));
  const chars = [...text];
  const cut = chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Offset of the first byte of `b` that does not start or continue a valid UTF-8 sequence. */
function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    if (n > 1 && !isUtf8(b.subarray(i, i + n))) return i;
    i += n;
  }
  return -1;
}

class Framer {
  private data: Buffer = Buffer.alloc(0);
  private pos = 0;
  private started = false;
  private headerLeft: number;
  private readonly limits: FrameLimits;
  private readonly delim: number;
  private readonly quoted: boolean;
  /** Bytes before this offset are known to be valid UTF-8. */
  private validTo = 0;
  private readonly next = new Map<number, number>();
  private readonly out = Buffer.allocUnsafe(OUT_BYTES);
  private outLen = 0;
  private skipping: { line: number; bytes: number; excerpt: string } | null = null;
  lines = 0;
  records = 0;
  rejected = 0;
  joinedLines = 0;
  bom = false;

  constructor(private readonly o: FrameOptions) {
    this.limits = { ...DEFAULT_FRAME_LIMITS, ...o.limits };
    this.delim = o.delim.charCodeAt(0);
    this.quoted = o.quote === '"';
    this.headerLeft = o.headerLines;
  }

  push(chunk: Buffer): void {
    if (this.skipping) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.skipping.bytes += chunk.length;
        return;
      }
      this.skipping.bytes += nl;
      this.endSkip();
      chunk = chunk.subarray(nl + 1);
    }
    const rest = this.data.subarray(this.pos);
    this.data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    this.pos = 0;
    if (!this.started && this.data.length >= 3) {
      this.started = true;
      if (this.data[0] === 0xef && this.data[1] === 0xbb && this.data[2] === 0xbf) {
        this.bom = true;
        this.pos = 3;
      }
    }
    this.next.clear();
    const last = this.data.lastIndexOf(LF);
    this.validTo = last >= this.pos && isUtf8(this.data.subarray(this.pos, last + 1)) ? last + 1 : this.pos;
  }

  /** Frames every complete record in the buffer; at the end of input, the rest too. */
  drain(eof: boolean): void {
    if (eof) {
      this.started = true;
      if (this.skipping) this.endSkip();
    }
    while (this.pos < this.data.length && !this.skipping) {
      if (!this.step(eof)) break;
    }
  }

  finish(): FrameSummary {
    this.flush();
    return {
      lines: this.lines,
      records: this.records,
      rejected: this.rejected,
      joinedLines: this.joinedLines,
      bom: this.bom,
      plain: !this.bom && this.rejected === 0 && this.joinedLines === 0,
    };
  }

  /** The next offset of `byte` at or after `from`, or -1; cached until the buffer changes. */
  private nextOf(byte: number, from: number): number {
    const at = this.next.get(byte);
    if (at === -1) return -1;
    if (at !== undefined && at >= from) return at;
    const found = this.data.indexOf(byte, from);
    this.next.set(byte, found);
    return found;
  }

  /** Handles one record at `pos`; false when more input is needed. */
  private step(eof: boolean): boolean {
    const d = this.data;
    const start = this.pos;
    const nl = d.indexOf(LF, start);
    if (nl < 0 && !eof) {
      if (d.length - start > this.limits.maxRecordBytes) this.startSkip();
      return false;
    }
    const lineEnd = nl < 0 ? d.length : nl;
    const after = nl < 0 ? d.length : nl + 1;
    if (this.headerLeft > 0) {
      this.headerLeft--;
      this.lines++;
      this.pos = after;
      return true;
    }
    if (this.quoted) {
      const q = this.nextOf(QUOTE, start);
      if (q >= 0 && q < lineEnd) return this.quotedRecord(eof, lineEnd, after);
    }
    let contentEnd = lineEnd;
    if (contentEnd > start && d[contentEnd - 1] === CR) contentEnd--;
    const line = ++this.lines;
    const length = contentEnd - start;
    if (length > this.limits.maxRecordBytes) {
      this.reject(line, `line is ${fmt(length)} bytes long, over the limit of ${fmt(this.limits.maxRecordBytes)}`, start, contentEnd);
    } else if (length === 0) {
      this.reject(line, 'blank line', start, contentEnd);
    } else {
      const fault = this.fault(start, contentEnd, true);
      if (fault) this.reject(line, `${this.columnAt(start, fault.at)}: ${fault.what}`, start, contentEnd);
      else this.accept(line, start, contentEnd);
    }
    this.pos = after;
    return true;
  }

  /** A NUL byte, a bare carriage return (when `cr`) or invalid UTF-8 within [start, stop). */
  private fault(start: number, stop: number, cr: boolean): { at: number; what: string } | null {
    const nul = this.nextOf(NUL, start);
    if (nul >= 0 && nul < stop) return { at: nul, what: 'NUL byte' };
    if (cr) {
      const c = this.nextOf(CR, start);
      if (c >= 0 && c < stop) return { at: c, what: 'carriage return inside the value' };
    }
    if (stop > this.validTo) {
      const bytes = this.data.subarray(start, stop);
      if (!isUtf8(bytes)) return { at: start + Math.max(0, invalidUtf8At(bytes)), what: 'invalid UTF-8' };
    }
    return null;
  }

  /** A record containing a quote: fields may be quoted ("" inside), and quoted fields may span lines. */
  private quotedRecord(eof: boolean, lineEnd: number, after: number): boolean {
    const start = this.pos;
    const r = this.parseQuoted(start, eof);
    if (r.kind === 'more') {
      if (this.data.length - start > this.limits.maxRecordBytes) {
        this.rejectLine(start, lineEnd, after, `${this.columnAt(start, start)}: quoted value runs past ${fmt(this.limits.maxRecordBytes)} bytes (unterminated quote?)`);
        return true;
      }
      return false;
    }
    if (r.kind === 'bad') {
      // Only the first physical line is refused; framing resumes on the next line, so no later line is swallowed.
      this.rejectLine(start, lineEnd, after, `${this.columnAt(start, r.at)}: ${r.what}`);
      return true;
    }
    const line = this.lines + 1;
    this.lines += r.lines;
    this.joinedLines += r.lines - 1;
    const length = r.contentEnd - start;
    const fault = length > this.limits.maxRecordBytes ? null : this.fault(start, r.contentEnd, false);
    if (length > this.limits.maxRecordBytes) {
      this.reject(line, `record is ${fmt(length)} bytes long, over the limit of ${fmt(this.limits.maxRecordBytes)}`, start, r.contentEnd);
    } else if (fault) {
      this.reject(line, `${this.columnAt(start, fault.at)}: ${fault.what}`, start, r.contentEnd);
    } else {
      this.accept(line, start, r.contentEnd);
    }
    this.pos = r.next;
    return true;
  }

  private rejectLine(start: number, lineEnd: number, after: number, reason: string): void {
    this.reject(++this.lines, reason, start, lineEnd);
    this.pos = after;
  }

  /** RFC 4180 framing from `start`: a quote opens a field only at its start, and a closing quote ends the field. */
  private parseQuoted(start: number, eof: boolean): Quoted {
    const d = this.data;
    const end = d.length;
    let i = start;
    let fieldStart = true;
    let lines = 1;
    for (;;) {
      if (i >= end) return eof ? { kind: 'record', contentEnd: end, next: end, lines } : { kind: 'more' };
      const b = d[i];
      if (b === QUOTE) {
        if (!fieldStart) return { kind: 'bad', at: i, what: 'stray quote inside an unquoted value' };
        i++;
        for (;;) {
          const q = d.indexOf(QUOTE, i);
          const stop = q < 0 ? end : q;
          for (let n = d.indexOf(LF, i); n >= 0 && n < stop; n = d.indexOf(LF, n + 1)) {
            if (++lines > this.limits.maxRecordLines) {
              return { kind: 'bad', at: start, what: `quoted value runs past ${fmt(this.limits.maxRecordLines)} lines (unterminated quote?)` };
            }
          }
          if (q < 0) return eof ? { kind: 'bad', at: start, what: 'unterminated quote at the end of the file' } : { kind: 'more' };
          if (q + 1 >= end && !eof) return { kind: 'more' };
          if (d[q + 1] === QUOTE) {
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (i >= end) return eof ? { kind: 'record', contentEnd: end, next: end, lines } : { kind: 'more' };
        const c = d[i];
        if (c === this.delim) {
          fieldStart = true;
          i++;
          continue;
        }
        if (c === LF) return { kind: 'record', contentEnd: i, next: i + 1, lines };
        if (c === CR) {
          if (i + 1 >= end && !eof) return { kind: 'more' };
          if (i + 1 >= end) return { kind: 'record', contentEnd: i, next: end, lines };
          if (d[i + 1] === LF) return { kind: 'record', contentEnd: i, next: i + 2, lines };
        }
        return { kind: 'bad', at: i, what: 'text after a closing quote' };
      }
      if (b === this.delim) {
        fieldStart = true;
      } else if (b === LF) {
        const crlf = i > start && d[i - 1] === CR;
        return { kind: 'record', contentEnd: crlf ? i - 1 : i, next: i + 1, lines };
      } else if (b === CR) {
        if (i + 1 >= end && !eof) return { kind: 'more' };
        if (i + 1 < end && d[i + 1] !== LF) return { kind: 'bad', at: i, what: 'carriage return inside the value' };
        fieldStart = false;
      } else {
        fieldStart = false;
      }
      i++;
    }
  }

  /** The label of the column that byte `at` of the record starting at `start` falls in. */
  private columnAt(start: number, at: number): string {
    const d = this.data;
    let col = 0;
    let inQuote = false;
    for (let i = start; i < at && i < d.length; i++) {
      const b = d[i];
      if (this.quoted && b === QUOTE) inQuote = !inQuote;
      else if (b === this.delim && !inQuote) col++;
    }
    return this.o.labels[col] ?? `column ${col + 1}`;
  }

  private accept(line: number, start: number, stop: number): void {
    this.records++;
    if (!this.o.sink) return;
    const prefix = `${line}${this.o.delim}`;
    const need = prefix.length + (stop - start) + 1;
    if (this.outLen + need > OUT_BYTES) this.flush();
    if (need > OUT_BYTES) {
      this.o.sink(Buffer.concat([Buffer.from(prefix, 'latin1'), this.data.subarray(start, stop), Buffer.from('\n')]));
      return;
    }
    this.outLen += this.out.write(prefix, this.outLen, 'latin1');
    this.outLen += this.data.copy(this.out, this.outLen, start, stop);
    this.out[this.outLen++] = LF;
  }

  private flush(): void {
    if (this.outLen > 0 && this.o.sink) this.o.sink(this.out.subarray(0, this.outLen));
    this.outLen = 0;
  }

  private reject(line: number, reason: string, start: number, stop: number): void {
    this.rejected++;
    this.o.onReject?.({ line, reason, excerpt: excerptOf(this.data.subarray(start, Math.min(stop, start + EXCERPT_CHARS * 4))) });
  }

  /** A line longer than the limit with no end in sight: keep its start for the reject, drop the rest as it streams by. */
  private startSkip(): void {
    const d = this.data;
    const counted = this.headerLeft > 0;
    if (counted) this.headerLeft--;
    this.skipping = { line: counted ? -1 : this.lines + 1, bytes: d.length - this.pos, excerpt: excerptOf(d.subarray(this.pos, this.pos + EXCERPT_CHARS * 4)) };
    this.lines++;
    this.data = Buffer.alloc(0);
    this.pos = 0;
  }

  private endSkip(): void {
    const s = this.skipping!;
    this.skipping = null;
    if (s.line < 0) return;
    this.rejected++;
    this.o.onReject?.({ line: s.line, reason: `line is ${fmt(s.bytes)} bytes long, over the limit of ${fmt(this.limits.maxRecordBytes)}`, excerpt: s.excerpt });
  }
}

/**
 * Reads `source` to its end and frames it into records: every physical line is counted, and each one either
 * belongs to an accepted record (passed to `sink` with its line number) or is refused through `onReject`.
 */
export async function frameRecords(source: AsyncIterable<Buffer | Uint8Array | string>, options: FrameOptions): Promise<FrameSummary> {
  const framer = new Framer(options);
  for await (const chunk of source) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    options.hash?.update(b);
    framer.push(b);
    framer.drain(false);
  }
  framer.drain(true);
  return framer.finish();
}
