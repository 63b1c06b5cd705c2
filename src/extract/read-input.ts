// Reads an article file safely: size guard, binary and encoding checks, format by extension or content, HTML stripped.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { UserError } from '../model/errors.js';
import { stripHtml } from './strip-html.js';

export type InputFormat = 'text' | 'markdown' | 'html';

/** The article as the pipeline sees it: text offsets are counted in `text`. */
export interface ArticleInput {
  readonly kind: 'article-input';
  readonly file: string;
  readonly format: InputFormat;
  readonly sha256: string;
  /** Plain text: the input itself for .txt/.md, the text after markup removal for HTML. */
  readonly text: string;
  /** `<title>` of an HTML page or the first Markdown heading. */
  readonly title: string | null;
  /** A publication date the page declares in its metadata, if any. */
  readonly published: string | null;
}

/** Files above this size are refused: an article is far smaller, and the coder's cost grows with length. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Reads `file` into an ArticleInput; unreadable, empty, binary or oversized input throws a one-line UserError. */
export function readArticleFile(file: string, options: { maxBytes?: number } = {}): ArticleInput {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError('extract', 'is not a regular file', { file });
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('extract', `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  if (size > maxBytes) {
    throw new UserError('extract', `${size} bytes is larger than the limit of ${maxBytes} bytes for one article`, { file });
  }
  return articleFromBytes(readFileSync(file), file);
}

/** Decodes and classifies raw bytes (exported for tests and for callers that already hold the bytes). */
export function articleFromBytes(bytes: Uint8Array, file: string): ArticleInput {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) throw new UserError('extract', 'the file is empty', { file });
  const binary = binaryReason(bytes);
  if (binary) throw new UserError('extract', `not a text file (${binary})`, { file });
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('extract', 'not valid UTF-8 text', { file });
  }
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  const format = detectFormat(file, raw);
  if (format === 'html') {
    const page = stripHtml(raw);
    if (page.text.trim() === '') throw new UserError('extract', 'the page has no text once markup and scripts are removed', { file });
    return { kind: 'article-input', file, format, sha256, text: page.text, title: page.title, published: page.published };
  }
  if (raw.trim() === '') throw new UserError('extract', 'the file holds only white space', { file });
  const heading = format === 'markdown' ? /^#\s+(.+)$/m.exec(raw) : null;
  return { kind: 'article-input', file, format, sha256, text: raw, title: heading ? heading[1].trim() : null, published: null };
}

function detectFormat(file: string, raw: string): InputFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.txt' || ext === '.text') return 'text';
  const head = raw.slice(0, 2000).toLowerCase();
  if (/<!doctype html|<html[\s>]|<body[\s>]|<p[\s>]/.test(head)) return 'html';
  return 'text';
}

/** Why the bytes look binary (a NUL byte anywhere, many control characters early on), or null for text. */
function binaryReason(bytes: Uint8Array): string | null {
  // NUL is never text: the whole input is checked, not only its beginning
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `it contains a NUL byte at offset ${nul}`;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > n * 0.01 ? `${control} control characters in the first ${n} bytes` : null;
}
