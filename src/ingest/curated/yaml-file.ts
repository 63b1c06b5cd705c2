// Reads a YAML file keeping the offset of every node, so that validation issues can name file:line; hostile YAML
// (invalid UTF-8, alias bombs, deep nesting, duplicate keys) ends in one issue naming the file, never an exception.
import { isUtf8 } from 'node:buffer';
import { EVENT_ID, YAMLException, constructFromEvents, getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { ValidationIssue } from '../../model/index.js';

export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** The 1-based line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Nodes that aliases may add to a document in all (a "billion laughs" file adds billions). */
export const MAX_ALIAS_NODES = 10_000;

/** Deepest nesting of lists and maps a curated file may have; real records nest four or five levels. */
export const MAX_DEPTH = 64;

type Parsed = { ok: true; value: YamlFile } | { ok: false; issues: ValidationIssue[] };

const issue = (file: string, line: number, message: string, field = '(yaml)'): ValidationIssue => ({ file, line, field, message });

/** Decodes a file's bytes: a leading byte-order mark is dropped, invalid UTF-8 is an issue at its line. */
export function decodeYaml(file: string, bytes: Buffer): { ok: true; text: string } | { ok: false; issues: ValidationIssue[] } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { ok: true, text: body.toString('utf8') };
  let line = 1;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 10) continue;
    if (!isUtf8(body.subarray(start, i))) return { ok: false, issues: [issue(file, line, 'invalid UTF-8; save the file as UTF-8', '(encoding)')] };
    line++;
    start = i + 1;
  }
  return { ok: false, issues: [issue(file, 1, 'invalid UTF-8; save the file as UTF-8', '(encoding)')] };
}

/** Offset → 1-based line, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= Math.max(0, offset)) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const startOf = (e: Event): number =>
  e.type === EVENT_ID.SCALAR ? e.valueStart : e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING ? e.start : e.type === EVENT_ID.ALIAS ? e.anchorStart : -1;

const anchorName = (text: string, start: number, end: number) => text.slice(start, end).replace(/^[&*]/, '');

/** Nodes the document's aliases add when expanded (capped), from the event stream. */
function aliasExpansion(text: string, events: readonly Event[]): number {
  const sizes = new Map<string, number>();
  const stack: Array<{ size: number; anchor: string | null }> = [];
  let added = 0;
  const close = (size: number, anchor: string | null) => {
    if (anchor) sizes.set(anchor, size);
    if (stack.length) stack[stack.length - 1].size = Math.min(1e12, stack[stack.length - 1].size + size);
  };
  for (const e of events) {
    if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) {
      stack.push({ size: 1, anchor: e.anchorStart >= 0 ? anchorName(text, e.anchorStart, e.anchorEnd) : null });
    } else if (e.type === EVENT_ID.POP) {
      const top = stack.pop();
      if (top) close(top.size, top.anchor);
    } else if (e.type === EVENT_ID.SCALAR) {
      close(1, e.anchorStart >= 0 ? anchorName(text, e.anchorStart, e.anchorEnd) : null);
    } else if (e.type === EVENT_ID.ALIAS) {
      const size = sizes.get(anchorName(text, e.anchorStart, e.anchorEnd)) ?? 1;
      added = Math.min(1e12, added + size);
      close(size, null);
    }
  }
  return added;
}

type Frame = { readonly map: boolean; index: number; key: PropertyKey | null; expectKey: boolean };

/**
 * Walks events[from, to) (one node and its contents) and reports each value node down to `maxDepth` with its path
 * and start offset; `visit` returns true to stop.
 */
function walkNodes(
  text: string,
  events: readonly Event[],
  from: number,
  to: number,
  base: readonly PropertyKey[],
  maxDepth: number,
  visit: (path: PropertyKey[], offset: number, event: number) => boolean,
): void {
  const stack: Frame[] = [];
  const path = (): PropertyKey[] => [...base, ...stack.map((f) => (f.map ? f.key! : f.index))];
  for (let i = from; i < to; i++) {
    const e = events[i];
    if (e.type === EVENT_ID.DOCUMENT) continue;
    if (e.type === EVENT_ID.POP) {
      stack.pop();
      const top = stack[stack.length - 1];
      if (top) advance(top);
      continue;
    }
    const top = stack[stack.length - 1];
    if (top?.map && top.expectKey) {
      const shallow = base.length + stack.length <= maxDepth;
      top.key = !shallow ? null : e.type === EVENT_ID.SCALAR ? getScalarValue(text, e) : `(key ${top.index})`;
      top.expectKey = false;
      if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) stack.push({ map: e.type === EVENT_ID.MAPPING, index: 0, key: null, expectKey: true }); // complex key
      continue;
    }
    // Paths are built only down to maxDepth: building one per node of a large file costs more than the parse.
    if (base.length + stack.length <= maxDepth && visit(path(), startOf(e), i)) return;
    if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) stack.push({ map: e.type === EVENT_ID.MAPPING, index: 0, key: null, expectKey: true });
    else if (top) advance(top);
  }
}

function advance(f: Frame): void {
  f.index++;
  if (f.map) f.expectKey = true;
}

/** Line lookup for paths: items of the root and their direct fields are indexed once; deeper paths walk their item. */
function locator(text: string, events: readonly Event[]): (path: readonly PropertyKey[]) => number {
  let index: { near: Map<string, number>; items: Map<string, [number, number]>; line: (o: number) => number } | null = null;
  const key = (p: readonly PropertyKey[]) => p.map(String).join('\u0000');
  const build = () => {
    const near = new Map<string, number>();
    const items = new Map<string, [number, number]>();
    // Event index where each depth-1 node starts; its end is found when its parent moves on.
    let open: { path: PropertyKey[]; event: number } | null = null;
    walkNodes(text, events, 0, events.length, [], 2, (p, offset, event) => {
      if (p.length <= 2) near.set(key(p), offset);
      if (p.length === 1) {
        if (open) items.set(key(open.path), [open.event, event]);
        open = { path: p, event };
      }
      return false;
    });
    if (open) items.set(key((open as { path: PropertyKey[] }).path), [(open as { event: number }).event, events.length]);
    return { near, items, line: lineIndex(text) };
  };
  return (path) => {
    index ??= build();
    for (let n = Math.min(path.length, 2); n >= 0; n--) {
      const at = index.near.get(key(path.slice(0, n)));
      if (at === undefined) continue;
      if (n < 2 || path.length <= 2) return index.line(at);
      const range = index.items.get(key(path.slice(0, 1)));
      let best = at;
      let bestDepth = 0;
      if (range) {
        walkNodes(text, events, range[0], range[1], path.slice(0, 1), path.length, (p, offset) => {
          // A node without a position of its own (an implicit null such as `{ a, b }`) reports offset 0: keep its parent's.
          if (offset >= best && p.length > bestDepth && p.length <= path.length && p.every((x, i) => String(x) === String(path[i]))) {
            best = offset;
            bestDepth = p.length;
          }
          return bestDepth === path.length;
        });
      }
      return index.line(best);
    }
    return 1;
  };
}

/** Parses YAML text; syntax errors, duplicate keys, alias bombs and excessive nesting come back as issues with their line. */
export function parseYamlFile(file: string, text: string): Parsed {
  const body = text.replace(/^\uFEFF/, '');
  const fail = (line: number, message: string): Parsed => ({ ok: false, issues: [issue(file, line, message)] });
  const problem = (err: unknown): Parsed => {
    if (err instanceof YAMLException) {
      const line = (err.mark?.line ?? 0) + 1;
      if (/maxDepth/.test(err.reason)) return fail(line, `nested more than ${MAX_DEPTH} levels deep`);
      return fail(line, err.reason);
    }
    if (err instanceof RangeError) return fail(1, `nested too deeply to read (more than ${MAX_DEPTH} levels of lists and maps)`);
    throw err;
  };
  let events: Event[];
  try {
    events = parseEvents(body, { filename: file, maxDepth: MAX_DEPTH });
  } catch (err) {
    return problem(err);
  }
  const added = aliasExpansion(body, events);
  if (added > MAX_ALIAS_NODES) {
    return fail(1, `aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} values (a YAML alias bomb?); write the values out or use fewer aliases`);
  }
  let docs: unknown[];
  try {
    docs = constructFromEvents(events, { source: body, filename: file });
  } catch (err) {
    return problem(err);
  }
  if (docs.length > 1) return fail(1, `holds ${docs.length} YAML documents; a curated file holds one`);
  return { ok: true, value: { file, data: docs[0] ?? null, lineOf: locator(body, events) } };
}
