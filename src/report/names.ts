// Names instead of codes and ids in the brief's prose: parties (ISO3, CAMEO and IGO codes), actors, and the evidence items of the thesis engine.
import { countryByCameo, countryByIso3, igoByCode, igos } from '../codebook/index.js';
import type { Actor, Claim, Format, Relation } from '../model/index.js';

/** What an event id stands for in prose: its day and summary. */
export interface EventLabel {
  readonly id: string;
  readonly day: string | null;
  readonly summary: string;
}

/** Everything the brief needs to say a thing by name. */
export interface NameBookInput {
  readonly actors: readonly Actor[];
  readonly claims?: readonly Claim[];
  readonly relations?: readonly Relation[];
  readonly formats?: readonly Format[];
  readonly events?: readonly EventLabel[];
}

// Country and organisation names that read with "the" in running English ("the United States", "the European Union").
const ARTICLE = /^(United |Russian Federation|Netherlands|Philippines|Bahamas|Gambia|Czech Republic|Dominican Republic|Central African Republic|Democratic Republic|Republic of |Holy See)|\b(Union|Organization|Organisation|Court|Council|Assembly|Alliance|Community|Federation|Emirates|Kingdom|States|Islands|Programme|Forum|Bank|Fund|Commission|Party|Group)\b/;

/** A sentence's worth of text, shortened on a word boundary. */
export function shorten(s: string, max = 110): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[,;:.]$/, '')}…`;
}

/** Days as people read them: 2025-07-11 → 11 July 2025 (months and years as given). */
export function humanDay(day: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(day);
  if (!m) return day;
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m[2]) - 1];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Turns party codes, actor ids and knowledge-base ids into names. */
export class NameBook {
  private readonly parties = new Map<string, string>();
  private readonly actors = new Map<string, string>();
  private readonly claims = new Map<string, Claim>();
  private readonly relations = new Map<string, Relation>();
  private readonly formats = new Map<string, Format>();
  private readonly events = new Map<string, EventLabel>();

  constructor(input: NameBookInput) {
    for (const a of input.actors) {
      this.actors.set(a.id, a.name);
      if (a.kind === 'state' && a.country) this.parties.set(a.country, a.name);
      if (a.kind === 'igo' && a.code) this.parties.set(a.code, a.name);
    }
    // IGOs as CAMEO codes them (IGOEUREEC) and as we code them (IGOEU), when no actor names them.
    for (const igo of igos()) {
      const name = [...this.parties.entries()].find(([code]) => code === igo.code || code === igo.cameo)?.[1] ?? igo.name;
      for (const code of [igo.code, igo.cameo]) if (code && !this.parties.has(code)) this.parties.set(code, name);
    }
    for (const c of input.claims ?? []) this.claims.set(c.id, c);
    for (const r of input.relations ?? []) this.relations.set(r.id, r);
    for (const f of input.formats ?? []) this.formats.set(f.id, f);
    for (const e of input.events ?? []) this.events.set(e.id, e);
  }

  /** Adds labels of events read later (for sensitivity items). */
  addEvents(events: readonly EventLabel[]): void {
    for (const e of events) this.events.set(e.id, e);
  }

  /** The name of a party code or actor id; null when none is known. */
  known(code: string): string | null {
    return this.parties.get(code) ?? this.actors.get(code) ?? countryByIso3(code)?.name ?? countryByCameo(code)?.name ?? igoByCode(code)?.name ?? null;
  }

  /** The name of a party code or actor id, for labels (no article); the code itself when nothing names it. */
  name(code: string): string {
    return this.known(code) ?? code;
  }

  /** The name as running text has it: "the European Union", "Armenia". */
  the(code: string): string {
    const n = this.name(code);
    return this.known(code) && ARTICLE.test(n) && !/^The /.test(n) ? `the ${n}` : n;
  }

  /** "Armenia, Azerbaijan and the United States". */
  list(codes: readonly string[]): string {
    const ns = codes.map((c) => this.the(c));
    return ns.length <= 1 ? (ns[0] ?? '') : `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
  }

  /** A relation in words: "the Armenia–India defence cooperation". */
  relation(id: string): string {
    const r = this.relations.get(id);
    if (!r) return 'a curated relation';
    return `the ${this.name(r.from)}–${this.name(r.to)} ${r.type.replace(/-/g, ' ')} relation`;
  }

  /** A claim in words: its statement, shortened. */
  claim(id: string): string {
    const c = this.claims.get(id);
    return c ? `the claim “${shorten(c.statement, 90)}”` : 'a claim of the knowledge base';
  }

  /** A format by name. */
  format(id: string): string {
    return this.formats.get(id)?.name ?? 'a format of the knowledge base';
  }

  /** An event in words: “summary” (day). */
  event(id: string): string {
    const e = this.events.get(id);
    if (!e) return /^(gdelt|icews|acled):/.test(id) ? `a ${id.split(':')[0].toUpperCase()} event record` : 'an event of the knowledge base';
    return `the event “${shorten(e.summary, 90)}”${e.day ? ` (${humanDay(e.day)})` : ''}`;
  }

  /**
   * An evidence item of the thesis engine in words. Item ids are event ids, `claim:…`, `relation:…`,
   * `format:<format>/<actor>`, `dataset:…`, and structural rows `unga:A-B:year`, `sipri:R<S:year`,
   * `milex:X:year`, `ucdp:id:year`.
   */
  item(id: string): string {
    let m: RegExpExecArray | null;
    if (id.startsWith('claim:')) return this.claim(id.slice(6));
    if (id.startsWith('relation:')) return this.relation(id.slice(9));
    if ((m = /^format:([^/]+)\/(.+)$/.exec(id))) return `${this.the(m[2])}'s part in ${this.format(m[1])}`;
    if ((m = /^unga:([A-Z]{3})-([A-Z]{3}):(\d{4})$/.exec(id))) return `the ${m[3]} UN General Assembly positions of ${this.the(m[1])} and ${this.the(m[2])}`;
    if ((m = /^sipri:(.+)<(.+):(\d{4})$/.exec(id))) return `SIPRI's record of ${this.the(m[2])}'s ${m[3]} arms deliveries to ${this.the(m[1])}`;
    if ((m = /^milex:([A-Z]{3}):(\d{4})$/.exec(id))) return `${this.the(m[1])}'s ${m[2]} military-burden figure`;
    if ((m = /^ucdp:[^:]+:(\d{4})$/.exec(id))) return `a ${m[1]} conflict-year of the UCDP/PRIO dataset`;
    if (id.startsWith('dataset:')) return 'the imported dataset events';
    return this.event(id);
  }

  /**
   * Text written by a measure for programs (notes such as "IND's share of ARM's deliveries … at-least 0.3"), made
   * readable: party codes become names, comparison keywords become words. Ids are not translated here; callers
   * build sentences for the kinds whose notes carry ids.
   */
  prose(text: string): string {
    return text
      .replace(/\b(IGO[A-Z]+|[A-Z]{3}(?:[A-Z]{3})?)\b('s)?/g, (all, code: string, poss: string | undefined, offset: number, whole: string) => {
        const n = this.known(code);
        if (!n) return all;
        const atStart = offset === 0 || /[.:;]\s*$/.test(whole.slice(0, offset));
        const named = this.the(code);
        return `${atStart ? named.charAt(0).toUpperCase() + named.slice(1) : named}${poss ?? ''}`;
      })
      .replace(/\bat-least\b/g, 'at least')
      .replace(/\bat-most\b/g, 'at most')
      .replace(/(\d{4}-\d{2}-\d{2})…(\d{4}-\d{2}-\d{2})/g, (_a, x: string, y: string) => `${humanDay(x)} to ${humanDay(y)}`)
      .replace(/\b(\d{4})–\1\b/g, '$1');
  }
}
