// Referential integrity of a curated region: every id an entry names must exist in the directory.
import type { Actor, Claim, Corridor, Event, Format, Relation, Source, Thesis, ValidationIssue } from '../../model/index.js';
import type { Located } from './read-region.js';
import { Indicator } from '../../model/index.js';

const INDICATOR_KINDS: readonly string[] = Indicator.options.map((o) => o.shape.kind.value);

interface Parsed {
  sources: Array<{ value: Source; at: Located }>;
  actors: Array<{ value: Actor; at: Located }>;
  events: Array<{ value: Event; at: Located }>;
  claims: Array<{ value: Claim; at: Located }>;
  relations: Array<{ value: Relation; at: Located }>;
  formats: Array<{ value: Format; at: Located }>;
  corridors: Array<{ value: Corridor; at: Located }>;
  theses: Array<{ value: Thesis; at: Located }>;
}

type Kind = 'source' | 'actor' | 'event' | 'claim' | 'relation' | 'format' | 'party';

/** Records that failed their schema are checked too, so fields may be missing or of the wrong type. */
const arr = <T,>(v: readonly T[] | undefined): T[] => (Array.isArray(v) ? (v as T[]) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Lists every reference to an unknown id, with the file, line and field that holds it. */
export function checkReferences(p: Parsed): ValidationIssue[] {
  const ids: Record<Exclude<Kind, 'party'>, Set<string>> = {
    source: new Set(p.sources.map((x) => x.value.id)),
    actor: new Set(p.actors.map((x) => x.value.id)),
    event: new Set(p.events.map((x) => x.value.id)),
    claim: new Set(p.claims.map((x) => x.value.id)),
    relation: new Set(p.relations.map((x) => x.value.id)),
    format: new Set(p.formats.map((x) => x.value.id)),
  };
  const countries = new Set(p.actors.map((x) => x.value.country).filter((c): c is string => !!c));
  const codes = new Set(p.actors.map((x) => x.value.code).filter((c): c is string => !!c));
  const issues: ValidationIssue[] = [];

  const check = (collection: string, at: Located, path: PropertyKey[], kind: Kind, id: unknown) => {
    if (id === undefined) return;
    if (typeof id !== 'string') return;
    const known = kind === 'party' ? ids.actor.has(id) || countries.has(id) || codes.has(id) : ids[kind].has(id);
    if (known) return;
    const full = [at.index, ...path];
    issues.push({
      file: at.file.file,
      line: at.file.lineOf(full),
      field: collection + full.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join(''),
      message: kind === 'party' ? `unknown actor id or country "${id}"` : `unknown ${kind} id "${id}"`,
    });
  };
  const each = (collection: string, at: Located, field: string, kind: Kind, list: readonly string[] | undefined) =>
    arr(list).forEach((id, i) => check(collection, at, [field, i], kind, id));

  for (const { value: s, at } of p.sources) check('sources', at, ['citedIn', 'source'], 'source', s.citedIn?.source);
  for (const { value: a, at } of p.actors) {
    check('actors', at, ['partOf'], 'actor', a.partOf);
    arr(a.roles).forEach((r, i) => check('actors', at, ['roles', i, 'of'], 'actor', r.of));
    each('actors', at, 'sources', 'source', a.sources);
  }
  for (const { value: e, at } of p.events) {
    each('events', at, 'source', 'actor', e.source);
    each('events', at, 'target', 'actor', e.target);
    each('events', at, 'third', 'actor', e.third);
    each('events', at, 'sources', 'source', e.sources);
  }
  for (const { value: c, at } of p.claims) {
    each('claims', at, 'claimant', 'actor', c.claimant);
    arr(c.about?.actors).forEach((id, i) => check('claims', at, ['about', 'actors', i], 'actor', id));
    arr(c.about?.events).forEach((id, i) => check('claims', at, ['about', 'events', i], 'event', id));
    each('claims', at, 'deniedBy', 'actor', c.deniedBy);
    each('claims', at, 'confirmedBy', 'actor', c.confirmedBy);
    each('claims', at, 'contradicts', 'claim', c.contradicts);
    each('claims', at, 'sources', 'source', c.sources);
  }
  for (const { value: r, at } of p.relations) {
    check('relations', at, ['from'], 'actor', r.from);
    check('relations', at, ['to'], 'actor', r.to);
    each('relations', at, 'sources', 'source', r.sources);
  }
  for (const { value: f, at } of p.formats) {
    each('formats', at, 'proposedBy', 'actor', f.proposedBy);
    arr(f.participation).forEach((m, i) => check('formats', at, ['participation', i, 'actor'], 'actor', m.actor));
    each('formats', at, 'sources', 'source', f.sources);
  }
  for (const { value: c, at } of p.corridors) {
    arr(c.stakeholders).forEach((s, i) => {
      check('corridors', at, ['stakeholders', i, 'actor'], 'actor', s.actor);
      arr(s.sources).forEach((id, j) => check('corridors', at, ['stakeholders', i, 'sources', j], 'source', id));
    });
    each('corridors', at, 'sources', 'source', c.sources);
  }
  for (const { value: t, at } of p.theses) {
    each('theses', at, 'sources', 'source', t.sources);
    arr(t.indicators).forEach((ind, i) => {
      const here = (field: string, kind: Kind, id: string | undefined) => check('theses', at, ['indicators', i, field], kind, id);
      switch (ind?.kind) {
        case 'dyad-trend':
        case 'mediation-share':
          here('a', 'party', ind.a);
          here('b', 'party', ind.b);
          break;
        case 'influence-share':
          here('actor', 'party', ind.actor);
          arr(ind.partners).forEach((id, j) => check('theses', at, ['indicators', i, 'partners', j], 'party', id));
          break;
        case 'event-count':
          arr(ind.source).forEach((id, j) => check('theses', at, ['indicators', i, 'source', j], 'party', id));
          arr(ind.target).forEach((id, j) => check('theses', at, ['indicators', i, 'target', j], 'party', id));
          break;
        case 'event-share':
          arr(ind.of?.source).forEach((id, j) => check('theses', at, ['indicators', i, 'of', 'source', j], 'party', id));
          arr(ind.of?.target).forEach((id, j) => check('theses', at, ['indicators', i, 'of', 'target', j], 'party', id));
          break;
        case 'relation':
          here('from', 'actor', ind.from);
          here('to', 'actor', ind.to);
          here('relation', 'relation', ind.relation);
          break;
        case 'format-participation':
          here('format', 'format', ind.format);
          here('actor', 'actor', ind.actor);
          break;
        case 'claim-status':
          here('claim', 'claim', ind.claim);
          break;
        case 'alignment-trend':
        case 'alignment-shift':
        case 'supplier-share':
        case 'military-burden':
        case 'conflict-intensity':
          // Structural indicators name ISO3 states of the structural data, not actors of the knowledge base.
          break;
        default: {
          // Unknown kinds were reported by the schema; a known kind without a case is a bug.
          const never: never = ind;
          if (typeof (never as { kind?: unknown })?.kind === 'string' && INDICATOR_KINDS.includes((never as { kind: string }).kind)) {
            throw new Error(`check-references: unhandled indicator kind ${(never as { kind: string }).kind}`);
          }
        }
      }
    });
  }
  return issues;
}
