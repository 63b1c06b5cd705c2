// Reads a YAML file keeping the line of every node, so that validation issues can name file:line; hostile YAML
// (invalid UTF-8, alias bombs, deep nesting) ends in one issue naming the file, never an exception.
import { isUtf8 } from 'node:buffer';
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ValidationIssue } from '../../model/index.js';

export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** The 1-based line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Alias expansions one document may make (a "billion laughs" file makes millions). */
export const MAX_ALIAS_COUNT = 100;

/** Deepest nesting of lists and maps a curated file may have; real records nest four or five levels. */
export const MAX_DEPTH = 64;

type Parsed = { ok: true; value: YamlFile } | { ok: false; issues: ValidationIssue[] };

const issue = (file: string, line: number, message: string, field = '(yaml)'): ValidationIssue => ({ file, line, field, message });

/** Decodes a file's bytes: a leading byte-order mark is dropped, invalid UTF-8 is an issue at its line. */
export function decodeYaml(file: string, bytes: Buffer): { ok: true; text: string } | { ok: false; issues: ValidationIssue[] } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { ok: true, text: body.toString('utf8') };
  // Find the first bad byte: decoding with a fatal decoder line by line keeps this linear.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 10) continue;
    try {
      decoder.decode(body.subarray(start, i));
    } catch {
      return { ok: false, issues: [issue(file, line, 'invalid UTF-8; save the file as UTF-8', '(encoding)')] };
    }
    line++;
    start = i + 1;
  }
  return { ok: false, issues: [issue(file, line - 1, 'invalid UTF-8; save the file as UTF-8', '(encoding)')] };
}

/** The path to the first value nested deeper than `max` levels, or null. */
function tooDeep(value: unknown, max: number): PropertyKey[] | null {
  const stack: Array<{ v: unknown; path: PropertyKey[] }> = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (path.length >= max) return path;
    for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) stack.push({ v: child, path: [...path, k] });
  }
  return null;
}

/** Parses YAML text; syntax errors, alias bombs and excessive nesting come back as issues with their line. */
export function parseYamlFile(file: string, text: string): Parsed {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, issues: [issue(file, 1, `nested too deeply to read (more than ${MAX_DEPTH} levels of lists and maps)`)] };
    throw err;
  }
  if (doc.errors.length > 0) {
    if (doc.errors.some((e) => /call stack/i.test(e.message))) {
      return { ok: false, issues: [issue(file, 1, `nested too deeply to read (more than ${MAX_DEPTH} levels of lists and maps)`)] };
    }
    return {
      ok: false,
      issues: doc.errors.map((e) => issue(file, e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, e.message.split('\n')[0])),
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : (doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined);
      const at = nodeStart(node);
      if (at !== undefined) return lineCounter.linePos(at).line;
    }
    return 1;
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, issues: [issue(file, 1, `nested too deeply to read (more than ${MAX_DEPTH} levels of lists and maps)`)] };
    if (err instanceof ReferenceError) {
      return { ok: false, issues: [issue(file, 1, `aliases expand more than ${MAX_ALIAS_COUNT} times (a YAML alias bomb?); write the values out or use fewer aliases`)] };
    }
    throw err;
  }
  const deep = tooDeep(data, MAX_DEPTH);
  if (deep) return { ok: false, issues: [issue(file, lineOf(deep), `nested more than ${MAX_DEPTH} levels deep`)] };
  return { ok: true, value: { file, data, lineOf } };
}

function nodeStart(node: unknown): number | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const range = (node as { range?: [number, number, number] }).range;
  return range ? range[0] : undefined;
}
