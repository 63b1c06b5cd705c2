// The actor gazetteer: codebook countries, demonyms, capitals, IGOs and role nouns, our media/metonym/place lists and
// knowledge-base actors, compiled into one token trie matched longest-first.
import type { Actor } from '../model/actor.js';
import { actorRoles, countries, igos } from '../codebook/index.js';
import { fold, type Token } from './tokens.js';
import { listCell, once, readDictionary } from './data-file.js';
import { outlets } from './media.js';
import { actorDictionary, type DictOrganization, type DictPerson } from './actor-dictionary.js';

/** What a matched phrase stands for. */
export type GazetteerEntry =
  | { readonly kind: 'country'; readonly iso3: string; readonly name: string }
  | { readonly kind: 'demonym'; readonly iso3: string; readonly name: string }
  | { readonly kind: 'nationals'; readonly iso3: string; readonly name: string }
  | { readonly kind: 'capital'; readonly iso3: string; readonly name: string }
  | { readonly kind: 'igo'; readonly code: string; readonly name: string }
  | { readonly kind: 'metonym'; readonly iso3: string; readonly role: string; readonly name: string }
  | { readonly kind: 'media'; readonly iso3: string | null; readonly name: string }
  | { readonly kind: 'place'; readonly iso3: string; readonly name: string }
  | { readonly kind: 'region'; readonly members: readonly string[]; readonly name: string }
  | { readonly kind: 'known'; readonly actor: Actor }
  | { readonly kind: 'person'; readonly person: DictPerson }
  | { readonly kind: 'surname'; readonly persons: readonly DictPerson[]; readonly name: string }
  | { readonly kind: 'org'; readonly org: DictOrganization }
  | { readonly kind: 'role'; readonly role: string; readonly name: string }
  | { readonly kind: 'title'; readonly role: string; readonly name: string };

/** Matching strength: a higher rank wins when two entries have the same spelling. */
const RANK: Record<GazetteerEntry['kind'], number> = {
  known: 10, metonym: 9, media: 8, igo: 7, country: 6, org: 5.5, person: 5.4, region: 5, surname: 4.5, nationals: 4.2, demonym: 4, capital: 3, place: 2, title: 1, role: 0,
};

interface Node {
  next: Map<string, Node>;
  entry?: GazetteerEntry;
  /** Spelling must match case exactly (acronyms such as US, EU). */
  exact?: string;
}

export interface GazetteerOptions {
  /** Knowledge-base actors (names and aliases). */
  readonly actors?: readonly Actor[];
  /** Named groups of countries, e.g. a knowledge-base region { name: "South Caucasus", countries: [ARM, AZE, GEO] }. */
  readonly regions?: ReadonlyArray<{ readonly name: string; readonly countries: readonly string[] }>;
  /** Include the general actor dictionary of data/actors/ (default true). */
  readonly dictionary?: boolean;
}

export interface GazetteerHit {
  readonly entry: GazetteerEntry;
  /** Token indexes [from, to). */
  readonly from: number;
  readonly to: number;
}

/** A compiled gazetteer: `match(tokens)` returns non-overlapping longest hits in order. */
export interface Gazetteer {
  match(tokens: readonly Token[]): GazetteerHit[];
  /** Known actors by id, for codes by date. */
  readonly actors: ReadonlyMap<string, Actor>;
}

// Person titles: lower-case role words that introduce a name ("spokesperson Dmitry Peskov").
const TITLES: ReadonlyArray<[string, string]> = [
  ['president', 'GOV'], ['prime minister', 'GOV'], ['premier', 'GOV'], ['minister', 'GOV'], ['foreign minister', 'GOV'],
  ['defence minister', 'MIL'], ['defense minister', 'MIL'], ['spokesperson', 'GOV'], ['spokesman', 'GOV'], ['spokeswoman', 'GOV'],
  ['press secretary', 'GOV'], ['ambassador', 'GOV'], ['envoy', 'GOV'], ['chancellor', 'GOV'], ['secretary of state', 'GOV'],
  ['deputy director', 'GOV'], ['director', 'GOV'], ['deputy foreign minister', 'GOV'], ['deputy prime minister', 'GOV'],
  ['general', 'MIL'], ['commander', 'MIL'], ['chief of staff', 'MIL'], ['opposition leader', 'OPP'], ['king', 'GOV'], ['emir', 'GOV'],
  ['speaker', 'LEG'], ['senator', 'LEG'], ['lawmaker', 'LEG'], ['mp', 'LEG'], ['mayor', 'GOV'], ['governor', 'GOV'],
  ['leader', 'GOV'], ['counterpart', 'GOV'], ['negotiator', 'GOV'], ['chief negotiator', 'GOV'],
];

// Role nouns beyond the codebook's that news prose uses for a state's institutions.
const EXTRA_ROLES: ReadonlyArray<[string, string]> = [
  ['ministry of foreign affairs', 'GOV'], ['foreign ministry', 'GOV'], ['foreign affairs ministry', 'GOV'], ['authorities', 'GOV'],
  ['leadership', 'GOV'], ['presidency', 'GOV'], ['military intelligence', 'SPY'], ['intelligence service', 'SPY'],
  ['military intelligence service', 'SPY'], ['intelligence', 'SPY'], ['security service', 'SPY'], ['troops', 'MIL'], ['forces', 'MIL'],
  ['armed forces', 'MIL'], ['defence ministry', 'MIL'], ['defense ministry', 'MIL'], ['ministry of defence', 'MIL'], ['ministry of defense', 'MIL'],
  ['interior ministry', 'COP'], ['citizens', 'CVL'], ['nationals', 'CVL'], ['civilians', 'CVL'], ['civilian', 'CVL'], ['peoples', 'CVL'],
  ['side', 'GOV'], ['state media', 'MED'], ['media', 'MED'], ['parliament', 'LEG'], ['officials', 'GOV'], ['diplomats', 'GOV'],
  // "Saudi and Iranian deputy foreign ministers": a plural title is a role, and "deputy" before one is no lawmaker
  ['foreign minister', 'GOV'], ['deputy foreign minister', 'GOV'], ['deputy minister', 'GOV'], ['deputy prime minister', 'GOV'],
  ['opposition', 'OPP'], ['ruling party', 'PTY'], ['protesters', 'OPP'], ['police', 'COP'], ['court', 'JUD'], ['prosecutors', 'JUD'],
  // what a side fights with names the side: "Turkish drones", "its warships"
  ['drone', 'MIL'], ['warplane', 'MIL'], ['jet', 'MIL'], ['fighter jet', 'MIL'], ['warship', 'MIL'], ['navy', 'MIL'], ['tank', 'MIL'],
  ['artillery', 'MIL'], ['helicopter', 'MIL'], ['gunboat', 'MIL'], ['air force', 'MIL'], ['coast guard', 'MIL'], ['border guards', 'MIL'],
  ['missile', 'MIL'], ['frigate', 'MIL'], ['submarine', 'MIL'], ['aircraft', 'MIL'], ['battalion', 'MIL'], ['units', 'MIL'],
];

function add(root: Node, spelling: string, entry: GazetteerEntry, caseSensitive: boolean): void {
  // split as the text is ("People's" → "People" "'s"), so that a name with a possessive inside still matches
  const words = spelling.match(/(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?<!['’]s)|['’]s\b|[^\s\p{L}\p{N}]/gu);
  if (!words || words.length === 0) return;
  let node = root;
  for (const w of words) {
    const k = fold(w);
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = { next: new Map() }));
    node = n;
  }
  if (!node.entry || RANK[entry.kind] > RANK[node.entry.kind]) {
    node.entry = entry;
    node.exact = caseSensitive ? spelling : undefined;
  }
}

const isAcronym = (s: string) => /^[\p{Lu}0-9.&+-]{1,6}$/u.test(s) && /\p{Lu}/u.test(s);

const places = once(() =>
  readDictionary('places.tsv', ['name', 'iso3', 'aliases']).map(({ cells }) => ({ iso3: cells.iso3, names: [cells.name, ...listCell(cells.aliases)] })),
);
const metonyms = once(() => readDictionary('metonyms.tsv', ['name', 'iso3', 'role']).map(({ cells }) => cells));

/** Builds the trie. Proper names need a capital first letter in the text; acronyms must match their case exactly. */
export function buildGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const root: Node = { next: new Map() };
  const proper = (spelling: string, entry: GazetteerEntry) => {
    if (spelling.length < 2) return;
    add(root, spelling, entry, isAcronym(spelling));
  };
  const withPlural = (n: string) => [n, /(s|sh|ch|x)$/.test(n) ? `${n}es` : /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : `${n}s`];
  for (const r of actorRoles()) for (const n of r.nouns) if (!/^[A-Z]+$/.test(n)) for (const f of withPlural(n)) add(root, f, { kind: 'role', role: r.code, name: n }, false);
  for (const [n, role] of EXTRA_ROLES) for (const f of withPlural(n)) add(root, f, { kind: 'role', role, name: n }, false);
  for (const [n, role] of TITLES) add(root, n, { kind: 'title', role, name: n }, false);
  for (const p of places()) for (const n of p.names) proper(n, { kind: 'place', iso3: p.iso3, name: p.names[0] });
  if (options.dictionary !== false) {
    const dict = actorDictionary();
    for (const [n, role] of dict.agents) add(root, n, { kind: 'role', role, name: n }, false);
    for (const p of dict.places) proper(p.name, { kind: 'place', iso3: p.iso3, name: p.name });
    const bySurname = new Map<string, DictPerson[]>();
    // two people of one name ("Mark Rutte" the Dutch premier and the NATO secretary general): the name goes to the one
    // whose latest office began last
    const latest = (p: DictPerson) => p.roles.reduce((a, r) => (r.from && r.from > a ? r.from : a), '');
    for (const p of [...dict.people].sort((a, b) => latest(b).localeCompare(latest(a)))) {
      for (const n of [p.name, ...p.aliases]) proper(n, { kind: 'person', person: p });
    }
    for (const p of dict.people) {
      if (p.surname) {
        const list = bySurname.get(p.surname) ?? [];
        list.push(p);
        bySurname.set(p.surname, list);
      }
    }
    for (const [name, persons] of bySurname) proper(name, { kind: 'surname', persons, name });
    for (const o of dict.organizations) for (const n of [o.name, ...o.aliases]) proper(n, { kind: 'org', org: o });
  }
  for (const c of countries()) {
    if (c.historic) continue;
    for (const cap of [...(c.capital ? [c.capital] : []), ...c.capitalAliases]) proper(cap, { kind: 'capital', iso3: c.iso3, name: c.capital ?? cap });
    for (const d of c.demonyms) {
      proper(d, { kind: 'demonym', iso3: c.iso3, name: c.name });
      // the people themselves ("Albanians demonstrated", "Serbs and Croats"): a noun, so an actor of its own
      if (/(?:n|i|b|k|t|d)$/.test(d) && !/ese$/.test(d)) proper(`${d}s`, { kind: 'nationals', iso3: c.iso3, name: c.name });
    }
    for (const n of [c.name, ...c.aliases]) proper(n, { kind: 'country', iso3: c.iso3, name: c.name });
  }
  for (const r of options.regions ?? []) proper(r.name, { kind: 'region', members: r.countries, name: r.name });
  for (const g of igos()) for (const n of [g.name, ...g.aliases]) proper(n, { kind: 'igo', code: g.code, name: g.name });
  for (const o of outlets()) if (o.iso3) for (const n of [o.name, ...o.aliases]) if (n.length > 2) proper(n, { kind: 'media', iso3: o.iso3, name: o.name });
  for (const m of metonyms()) proper(m.name, { kind: 'metonym', iso3: m.iso3, role: m.role, name: m.name });
  const known = new Map<string, Actor>();
  for (const a of options.actors ?? []) {
    known.set(a.id, a);
    for (const n of [a.name, ...a.aliases]) {
      // lower-case aliases ("opposition in Armenia") still need the capital of their proper-name part
      proper(n, { kind: 'known', actor: a });
    }
  }

  function match(tokens: readonly Token[]): GazetteerHit[] {
    const hits: GazetteerHit[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: Node | undefined = root;
      let best: GazetteerHit | null = null;
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get(tokens[j].norm);
        if (!node) break;
        if (node.entry && accepts(node, tokens, i, j + 1)) best = { entry: node.entry, from: i, to: j + 1 };
      }
      if (best) {
        hits.push(best);
        i = best.to;
      } else i++;
    }
    return hits;
  }

  function accepts(node: Node, tokens: readonly Token[], from: number, to: number): boolean {
    const e = node.entry!;
    if (e.kind === 'role' || e.kind === 'title') return true;
    if (node.exact !== undefined) {
      const written = tokens.slice(from, to).map((t) => t.text).join('');
      return written.replace(/\s/g, '') === node.exact.replace(/\s/g, '');
    }
    // a proper name starts with a capital letter ("Georgia", not "georgia"; "Chad", not "chad")
    return tokens[from].cap;
  }

  return { match, actors: known };
}

/** The gazetteer from the codebook only, built once. */
export const codebookGazetteer = once(() => buildGazetteer());
