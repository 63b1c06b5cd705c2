// Reads and validates a curated region directory (region.yaml, sources.yaml, actors.yaml, …) into a KnowledgeBase.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  Actor,
  Claim,
  Corridor,
  EventInput,
  Format,
  Region,
  Relation,
  Source,
  Thesis,
  COLLECTIONS,
  type CollectionName,
  type Event,
  type KnowledgeBase,
  type ValidationIssue,
} from '../../model/index.js';
import { decodeYaml, parseYamlFile, type YamlFile } from './yaml-file.js';
import { unknownFields } from './unknown-fields.js';
import { codeEvent } from './code-event.js';
import { checkReferences } from './check-references.js';

const SCHEMAS = {
  sources: Source,
  actors: Actor,
  events: EventInput,
  claims: Claim,
  relations: Relation,
  formats: Format,
  corridors: Corridor,
  theses: Thesis,
} as const satisfies Record<CollectionName, z.ZodType>;

/** Where a record is curated: file (as displayed) and the line of its id. */
export interface RecordLocation {
  readonly file: string;
  readonly line: number;
}

/** Each collection's records by id, with their file and line. */
export type RecordLocations = Readonly<Record<CollectionName, ReadonlyMap<string, RecordLocation>>>;

export type ReadRegionResult =
  | { ok: true; kb: KnowledgeBase; hash: string; files: string[]; warnings: ValidationIssue[]; locations: RecordLocations }
  | { ok: false; issues: ValidationIssue[]; warnings: ValidationIssue[] };

/** Where each record came from, so that reference checks can name file and line. */
export interface Located {
  readonly file: YamlFile;
  readonly index: number;
}

/**
 * Reads `dir`: every collection file is a YAML list, region.yaml a map. Returns the coded knowledge
 * base and a hash of the files' contents, or every schema and reference issue found.
 */
export function readRegionDir(dir: string, options: { display?: (path: string) => string } = {}): ReadRegionResult {
  const display = options.display ?? ((p: string) => {
    const rel = relative(process.cwd(), p);
    return rel && !rel.startsWith('..') ? rel : p;
  });
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, issues: [{ file: display(dir), line: 0, field: '(dir)', message: 'is not a directory' }], warnings };
  }
  /** Fields the schema would drop without a word: reported as warnings, since a typo (`sorces:`) silently loses data. */
  const warnUnknown = (file: YamlFile, schema: z.ZodType, value: unknown, prefix: PropertyKey[], label: string) => {
    for (const u of unknownFields(schema, value)) {
      const path = [...prefix, ...u.path];
      warnings.push({ file: file.file, line: file.lineOf(path), field: label + fieldName(path), message: `unknown field, ignored; expected one of ${u.known.join(', ')}` });
    }
  };
  const hash = createHash('sha256');
  const files: string[] = [];
  const read = (name: string): YamlFile | null => {
    const path = join(dir, name);
    if (!existsSync(path)) return null;
    if (statSync(path).isDirectory()) {
      issues.push({ file: display(path), line: 0, field: '(file)', message: 'is a directory, expected a YAML file' });
      return null;
    }
    const bytes = readFileSync(path);
    hash.update(name).update('\0').update(bytes).update('\0');
    files.push(path);
    const decoded = decodeYaml(display(path), bytes);
    if (!decoded.ok) {
      issues.push(...decoded.issues);
      return null;
    }
    const parsed = parseYamlFile(display(path), decoded.text);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      return null;
    }
    return parsed.value;
  };

  const regionFile = read('region.yaml');
  let region: Region | null = null;
  if (!regionFile) {
    if (!existsSync(join(dir, 'region.yaml'))) issues.push({ file: display(join(dir, 'region.yaml')), line: 0, field: '(file)', message: 'is missing' });
  } else {
    const r = Region.safeParse(regionFile.data);
    warnUnknown(regionFile, Region, regionFile.data, [], '');
    if (r.success) region = r.data;
    else issues.push(...zodIssues(regionFile, [], r.error));
  }

  const locations = {} as Record<CollectionName, Map<string, RecordLocation>>;
  const invalid = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as Array<{ value: unknown; at: Located }>])) as Record<
    CollectionName,
    Array<{ value: unknown; at: Located }>
  >;
  const parsed = {} as { [K in CollectionName]: Array<{ value: z.infer<(typeof SCHEMAS)[K]>; at: Located }> };
  for (const name of COLLECTIONS) {
    parsed[name] = [] as never;
    // A collection is `<name>.yaml` and, for large regions, any `<name>/*.yaml` fragments (read in name order).
    const sub = join(dir, name);
    const fragments = existsSync(sub) && statSync(sub).isDirectory()
      ? readdirSync(sub).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${name}/${f}`)
      : [];
    const seen = new Map<string, { file: string; line: number }>();
    locations[name] = seen;
    for (const fileName of [`${name}.yaml`, ...fragments]) {
      const file = read(fileName);
      if (!file) continue;
      if (file.data === null || file.data === undefined) continue;
      if (!Array.isArray(file.data)) {
        issues.push({ file: file.file, line: 1, field: '(file)', message: 'must be a YAML list of records' });
        continue;
      }
      file.data.forEach((item: unknown, index: number) => {
        const r = SCHEMAS[name].safeParse(item);
        warnUnknown(file, SCHEMAS[name], item, [index], name);
        if (!r.success) {
          issues.push(...zodIssues(file, [index], r.error, name));
          // Keep the raw record for reference checks, so one bad field does not hide another or cascade.
          if (item && typeof item === 'object') invalid[name].push({ value: item, at: { file, index } });
          return;
        }
        const id = (r.data as { id: string }).id;
        const prev = seen.get(id);
        const line = file.lineOf([index, 'id']);
        if (prev !== undefined) {
          const where = prev.file === file.file ? `line ${prev.line}` : `${prev.file}:${prev.line}`;
          issues.push({ file: file.file, line, field: `${name}[${index}].id`, message: `duplicate id "${id}" (first at ${where})` });
          return;
        }
        seen.set(id, { file: file.file, line });
        (parsed[name] as Array<{ value: unknown; at: Located }>).push({ value: r.data, at: { file, index } });
      });
    }
  }
  // Files other than the known ones are probably typos; scenario subfolders are allowed.
  for (const entry of readdirSync(dir)) {
    if (entry.endsWith('.yaml') && entry !== 'region.yaml' && !COLLECTIONS.includes(entry.slice(0, -5) as CollectionName)) {
      issues.push({ file: display(join(dir, entry)), line: 1, field: '(file)', message: `unknown file; expected region.yaml or one of ${COLLECTIONS.map((c) => c + '.yaml').join(', ')}` });
    }
  }

  const events: Array<{ value: Event; at: Located }> = [];
  for (const { value, at } of parsed.events) {
    const coded = codeEvent(value, `curated:${region?.id ?? 'unknown'}`);
    if (!coded.ok) {
      issues.push({ file: at.file.file, line: at.file.lineOf([at.index, coded.field]), field: `events[${at.index}].${coded.field}`, message: coded.message });
      continue;
    }
    events.push({ value: coded.event, at });
  }

  const all = <K extends CollectionName>(k: K, valid: Array<{ value: unknown; at: Located }>) => [...valid, ...invalid[k]] as never;
  issues.push(
    ...checkReferences({
      sources: all('sources', parsed.sources),
      actors: all('actors', parsed.actors),
      events: all('events', events),
      claims: all('claims', parsed.claims),
      relations: all('relations', parsed.relations),
      formats: all('formats', parsed.formats),
      corridors: all('corridors', parsed.corridors),
      theses: all('theses', parsed.theses),
    }),
  );
  issues.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  warnings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  if (issues.length > 0 || !region) return { ok: false, issues, warnings };
  const take = <T>(xs: Array<{ value: T }>) => xs.map((x) => x.value);
  const kb: KnowledgeBase = {
    region,
    sources: take(parsed.sources),
    actors: take(parsed.actors),
    events: take(events),
    claims: take(parsed.claims),
    relations: take(parsed.relations),
    formats: take(parsed.formats),
    corridors: take(parsed.corridors),
    theses: take(parsed.theses),
  };
  return { ok: true, kb, hash: hash.digest('hex'), files, warnings, locations };
}

function zodIssues(file: YamlFile, prefix: PropertyKey[], error: z.ZodError, label = ''): ValidationIssue[] {
  return error.issues.map((i) => {
    const path = [...prefix, ...i.path];
    return { file: file.file, line: file.lineOf(path), field: label + fieldName(path), message: i.message };
  });
}

/** `events[3].date.start` from a path. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}
