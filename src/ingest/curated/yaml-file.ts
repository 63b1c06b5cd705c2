// Reads a YAML file keeping the line of every node, so that validation issues can name file:line.
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { ValidationIssue } from '../../model/index.js';

export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** The 1-based line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Parses YAML text; syntax errors come back as issues with their line. */
export function parseYamlFile(file: string, text: string): { ok: true; value: YamlFile } | { ok: false; issues: ValidationIssue[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        field: '(yaml)',
        message: e.message.split('\n')[0],
      })),
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
  return { ok: true, value: { file, data: doc.toJS({ maxAliasCount: 100 }), lineOf } };
}

function nodeStart(node: unknown): number | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const range = (node as { range?: [number, number, number] }).range;
  if (range) return range[0];
  if (isMap(node) || isSeq(node)) return undefined;
  return undefined;
}
