// Resolves gazetteer hits in one sentence into actor mentions: countries, roles joined to their country
// ("Armenian Ministry of Foreign Affairs" → ARMGOV), titled persons, metonyms, media, places and regions.
import { isNounTriggerWord } from './triggers.js';
import { codeOn, type Actor } from '../model/actor.js';
import type { ExtractedActorKind } from './contract.js';
import type { Gazetteer, GazetteerHit } from './gazetteer.js';
import { countryOfActorCode, inOfficeOn, personCodeOn, type DictOrgKind, type DictPerson } from './actor-dictionary.js';
import type { Token } from './tokens.js';

/** One actor (or place) named in a sentence. */
export interface Mention {
  /** Token indexes [from, to) within the sentence. */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly name: string;
  readonly kind: ExtractedActorKind | 'location' | 'region';
  /** CAMEO actor code (AZEGOV, RUSMED, IGOEU) or null. */
  readonly code: string | null;
  /** ISO3 (or IGO code) the mention counts as in dyads. */
  readonly country: string | null;
  /** Countries of a region mention ("South Caucasus" → ARM, AZE, GEO). */
  readonly members: readonly string[];
  /** A bare demonym ("Russian influence"): an actor only when structure makes it one. */
  readonly weak: boolean;
  /** Followed by 's / ’s. */
  readonly possessive: boolean;
  /** From the knowledge base. */
  readonly known: boolean;
  /** A reference back to several actors named before ("the two armies", "both sides"): it stands for them. */
  readonly group?: readonly Mention[];
}

export interface MentionContext {
  /** The day codes are valid on (leaders map to GOV only while in office). */
  readonly day: string | null;
  /** Country to give an unqualified role ("the opposition") when the sentence names none before it. */
  readonly fallbackCountry: string | null;
  /**
   * People named so far in the document, by family name (lower case): a later "Peskov" is the "Dmitry Peskov" named
   * before. The resolver adds to it.
   */
  readonly people?: Map<string, Mention>;
}

// Roles whose bearers in a place are that place's people (not visiting diplomats or envoys).
const LOCAL_ROLES = /^(?:MIL|OPP|CVL|COP|REB|LAB|EDU|SPY)/;

const ORG_KIND: Readonly<Record<DictOrgKind, ExtractedActorKind>> = {
  igo: 'igo', ngo: 'organization', mnc: 'organization', armed: 'military', institution: 'organization', media: 'media', party: 'party',
};
const familyKey = (name: string) => name.split(' ').pop()!.toLowerCase();
// Countries whose names put the family name first, as English-language news writes them.
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK']);
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
const MONTH_CONTEXT = /^(?:in|since|by|until|till|from|of|last|next|early|late|mid|this|before|after|during|through|\d+)$/;

// Knowledge-base actors by code and the state they belong to ("ARMGOV|ARM"), indexed once per gazetteer.
const CODE_INDEX = new WeakMap<Gazetteer, Map<string, Actor>>();
function actorsByCode(gaz: Gazetteer): Map<string, Actor> {
  let m = CODE_INDEX.get(gaz);
  if (!m) {
    m = new Map();
    for (const a of gaz.actors.values()) if (a.code && a.partOf && !m.has(`${a.code}|${a.partOf}`)) m.set(`${a.code}|${a.partOf}`, a);
    CODE_INDEX.set(gaz, m);
  }
  return m;
}

const ROLE_KIND: Readonly<Record<string, ExtractedActorKind>> = {
  GOV: 'organization', MIL: 'military', SPY: 'organization', MED: 'media', OPP: 'party', PTY: 'party', LEG: 'organization',
  JUD: 'organization', COP: 'organization', BUS: 'organization', CVL: 'other', REB: 'military', INS: 'military',
};
// Roles an unqualified definite noun ("the opposition", "the government") may take its country from context for.
const CONTEXT_ROLES = new Set(['GOV', 'OPP', 'MIL', 'SPY', 'LEG', 'JUD', 'COP']);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout']);
const GAP_WORDS = /^(?:the|its|their|new|former|acting|then|current|top|senior|chief|deputy|first|official|civilian|military|main|federal|national|state|foreign|local|regional|ruling|two|three|several|many|some)$/;

const kindOfActor = (a: Actor): ExtractedActorKind => (a.kind === 'location' ? 'other' : a.kind);
const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Turns the hits of one sentence into mentions. */
// Nouns a role word modifies as an adjective ("the military presence", "the security situation").
const ROLE_AS_ADJECTIVE_BEFORE = /^(?:bases?|presence|equipment|hardware|spending|budgets?|doctrine|facilit(?:y|ies)|installations?|assets|situation|exercises?|drills?|cooperation|ties|relations|agreements?|pacts?|deals?|accords?|aid|assistance|support|supplies|contracts?|purchases?|sales?|imports?|exports?)$/;

export function resolveMentions(tokens: readonly Token[], allHits: readonly GazetteerHit[], gaz: Gazetteer, ctx: MentionContext): Mention[] {
  // "USS Harry S. Truman", "HMS Diamond": a navy's ship prefix makes the name that navy's ship, whatever it spells;
  // a role noun just before ("the aircraft carrier USS …") is the same ship
  const ships = shipNames(tokens);
  const inShip = (x: GazetteerHit) => ships.some((sh) => x.from < sh.to && sh.from < x.to + (x.entry.kind === 'role' ? 2 : 0));
  // "Abdul-Malik al-Houthi", "Abdel Fattah el-Sisi": a name after "al-"/"el-" is part of a person's name
  const hits = allHits.filter((x) => !particleJoined(tokens, x.from) && !inShip(x));
  const out: Mention[] = [];
  const used = new Set<number>();
  let lastCountry: string | null = null;
  // "Yemen's", and the plural "the Houthis'" (an apostrophe right after a word ending in s)
  const possessiveAt = (i: number) => i < tokens.length && (/^['’]s$/.test(tokens[i].text) || pluralPossessive(tokens, i));
  const span = (from: number, to: number) => ({ from, to, start: tokens[from].start, end: tokens[to - 1].end });
  const surface = (from: number, to: number) => tokens.slice(from, to).map((t, k) => (k > 0 && tokens[from + k - 1].end < t.start ? ` ${t.text}` : t.text)).join('');
  const byCode = (code: string, iso3: string): Actor | undefined => actorsByCode(gaz).get(`${code}|${iso3}`);

  // gap between two token indexes holds only filler words (no punctuation except a hyphen or 's)
  const fillerBetween = (a: number, b: number, max = 2): boolean => {
    if (b - a > max + 1) return false;
    for (let i = a; i < b; i++) {
      const t = tokens[i];
      if (t.text === '-' || /^['’]s$/.test(t.text) || pluralPossessive(tokens, i)) continue;
      if (!t.word || !GAP_WORDS.test(t.norm)) return false;
    }
    return true;
  };

  const countryOf = (h: GazetteerHit): { iso3: string; role?: string } | null => {
    const e = h.entry;
    switch (e.kind) {
      case 'country':
      case 'demonym':
      case 'nationals':
      case 'capital':
        return { iso3: e.iso3 };
      case 'metonym':
        return { iso3: e.iso3, role: e.role };
      case 'known':
        return e.actor.country ? { iso3: e.actor.country } : null;
      default:
        return null;
    }
  };

  const roleMention = (from: number, to: number, iso3: string, role: string, name: string): Mention => {
    const code = `${iso3}${role}`;
    const kb = byCode(code, iso3);
    return {
      ...span(from, to), id: kb?.id ?? code, name: kb?.name ?? name, kind: kb ? kindOfActor(kb) : ROLE_KIND[role] ?? 'other',
      code, country: iso3, members: [], weak: false, possessive: possessiveAt(to), known: !!kb,
    };
  };

  const personMention = (from: number, to: number, p: DictPerson, titleCode?: string): Mention => {
    let code = personCodeOn(p, ctx.day);
    // a title with a country ("Armenian Prime Minister X") speaks for the day of the text when the dictionary has no term then
    if (titleCode && (!code || !inOfficeOn(p, ctx.day)) && (!p.country || titleCode.startsWith(p.country))) code = titleCode;
    return { ...span(from, to), id: p.id, name: p.name, kind: 'person', code, country: countryOfActorCode(code) ?? p.country, members: [], weak: false, possessive: possessiveAt(to), known: false };
  };
  // a family name alone: the person named before in the text, else the one dictionary person it can be
  const surnameMention = (h: GazetteerHit, persons: readonly DictPerson[], titled: boolean, titleCountry: string | null): Mention | null => {
    if (monthAt(h)) return null;
    if (!titled && otherGivenName(h.from)) return null;
    const seen = ctx.people?.get(h.entry.kind === 'surname' ? h.entry.name.toLowerCase() : '');
    if (seen) return { ...seen, ...span(h.from, h.to), possessive: possessiveAt(h.to) };
    let pool = persons.filter((p) => inOfficeOn(p, ctx.day));
    if (titleCountry) pool = pool.filter((p) => p.country === titleCountry || personCodeOn(p, ctx.day)?.startsWith(titleCountry));
    if (pool.length > 1) {
      const leaders = pool.filter((p) => p.leader);
      if (leaders.length >= 1) pool = leaders;
    }
    if (pool.length !== 1) return null;
    // untitled, the family name must stand on its own: not sentence-initial before a capitalised word ("Brown Street")
    if (!titled && h.to < tokens.length && tokens[h.to].cap && tokens[h.to].word) return null;
    return personMention(h.from, h.to, pool[0]);
  };
  // "Bakhtiyor Saidov", "Abdul-Malik": a given name the dictionary does not pair with this family name (or a hyphenated
  // first part) makes it someone else's
  // the end of an appositive name: a comma, the sentence's end or a clause break
  const closesApposition = (i: number) => i >= tokens.length || /^[,.;:)]$/.test(tokens[i].text);
  // where a name stands after a title: right after it, or after a comma when a comma or the sentence's end closes it
  const nameAfterTitle = (to: number): number => {
    if (tokens[to]?.text !== ',') return to;
    const name = personNameAt(tokens, to + 1);
    return name && closesApposition(name.to) ? to + 1 : to;
  };
  const otherGivenName = (i: number): boolean => {
    const p = tokens[i - 1];
    if (!p) return false;
    if (p.text === '-' && p.end === tokens[i].start) return tokens[i - 2]?.cap ?? false;
    if (!p.word || !/^\p{Lu}\p{Ll}+$/u.test(p.text) || hitTo.has(i) || HONORIFIC.test(p.norm) || MONTH.test(p.norm) || WEEKDAY.test(p.norm)) return false;
    return !(i - 1 === 0 && SENTENCE_OPENER.test(p.norm));
  };
  // hits by the token they start and end at (hits do not overlap), so that lookups stay constant-time
  const hitFrom = new Map<number, number>();
  const hitTo = new Map<number, number>();
  hits.forEach((x, k) => {
    hitFrom.set(x.from, k);
    hitTo.set(x.to, k);
  });
  const startsHit = (i: number) => hitFrom.has(i);
  const hitStartingIn = (a: number, b: number, ok: (x: GazetteerHit) => boolean = () => true) => {
    for (let i = a; i < b; i++) {
      const k = hitFrom.get(i);
      if (k !== undefined && ok(hits[k])) return true;
    }
    return false;
  };
  const titleBefore = (i: number): GazetteerHit | undefined => {
    const k = hitTo.get(i);
    return k !== undefined && hits[k].entry.kind === 'title' ? hits[k] : undefined;
  };
  // "in May", "by June 2024": a month, not the person of that name
  const monthAt = (h: GazetteerHit) => h.to - h.from === 1 && MONTH.test(tokens[h.from].norm) && (MONTH_CONTEXT.test(tokens[h.from - 1]?.norm ?? '') || /^\d/.test(tokens[h.to]?.text ?? ''));
  const remember = (m: Mention) => {
    if (m.kind !== 'person' || !m.name.includes(' ') || !ctx.people) return;
    if (!ctx.people.has(familyKey(m.name))) ctx.people.set(familyKey(m.name), m);
    // "Xi Jinping … Xi", "Yoon Suk Yeol … Yoon": Chinese and Korean names put the family name first
    const first = m.name.split(' ')[0].toLowerCase();
    if (FAMILY_FIRST.has(m.country?.slice(0, 3) ?? '') && first.length >= 2 && !ctx.people.has(first)) ctx.people.set(first, m);
  };

  for (let k = 0; k < hits.length; k++) {
    if (used.has(k)) continue;
    const h = hits[k];
    const e = h.entry;
    const next = hits[k + 1];
    // (country|demonym|capital|metonym) + role/title within a short gap: "Armenian Ministry of Foreign Affairs", "Kremlin spokesperson"
    const c = countryOf(h);
    if (c && e.kind !== 'known' && next && (next.entry.kind === 'role' || next.entry.kind === 'title') && fillerBetween(h.to, next.from)) {
      const role = next.entry.role;
      let to = next.to;
      const titleLike = next.entry.kind === 'title' || TITLE_HEAD.test(next.entry.name);
      // "his Uzbek counterpart, Bakhtiyor Saidov,": the name set off by commas after its title
      const at = titleLike ? nameAfterTitle(to) : to;
      // a title followed by a person: the person carries the title's code
      const after = hits[k + 2];
      if (titleLike && after && after.from === at && after.entry.kind === 'known' && after.entry.actor.kind === 'person') {
        const a = after.entry.actor;
        out.push(knownMention(after.from === to ? h.from : after.from, after.to, a));
        used.add(k + 1).add(k + 2);
        lastCountry = c.iso3;
        continue;
      }
      if (titleLike && after && after.from === at && (after.entry.kind === 'person' || after.entry.kind === 'surname')) {
        const titleCode = `${c.iso3}${role}`;
        const m = after.entry.kind === 'person' ? personMention(h.from, after.to, after.entry.person, titleCode)
          : surnameMention(after, after.entry.persons, true, c.iso3);
        if (m) {
          const full = { ...m, ...span(h.from, after.to) };
          out.push(full);
          remember(full);
          used.add(k + 1).add(k + 2);
          lastCountry = c.iso3;
          continue;
        }
      }
      if (titleLike) {
        const name = personNameAt(tokens, at);
        if (name && !hitStartingIn(at, name.to, (x) => x.entry.kind !== 'surname') && (at === to || closesApposition(name.to))) {
          to = name.to;
          const code = `${c.iso3}${role}`;
          const m: Mention = { ...span(h.from, to), id: `person:${slug(name.text)}`, name: name.text, kind: 'person', code, country: c.iso3, members: [], weak: false, possessive: possessiveAt(to), known: false };
          out.push(m);
          remember(m);
          used.add(k + 1);
          lastCountry = c.iso3;
          continue;
        }
      }
      // "… of Foreign Affairs": capitalised continuation belongs to the institution's name
      while (to + 1 < tokens.length && tokens[to].norm === 'of' && tokens[to + 1].cap && !hitStartingIn(to + 1, to + 2, (x) => x.entry.kind !== 'role')) {
        to += 2;
        while (to < tokens.length && tokens[to].cap && tokens[to].word) to++;
      }
      out.push(roleMention(h.from, to, c.iso3, c.role && role === 'GOV' ? c.role : role, surface(h.from, to)));
      used.add(k + 1);
      lastCountry = c.iso3;
      continue;
    }
    switch (e.kind) {
      case 'person': {
        if (monthAt(h)) break;
        const title = titleBefore(h.from);
        const m = personMention(title && !used.has(hitTo.get(h.from)!) ? title.from : h.from, h.to, e.person);
        out.push(m);
        remember(m);
        if (m.country) lastCountry = m.country;
        break;
      }
      case 'surname': {
        const title = titleBefore(h.from);
        const m = surnameMention(h, e.persons, !!title, null);
        if (m) {
          out.push(m);
          if (m.country) lastCountry = m.country;
        }
        break;
      }
      case 'org': {
        const code = e.org.code;
        const country = countryOfActorCode(code);
        out.push({ ...span(h.from, h.to), id: code.startsWith('IGO') ? code : `org:${slug(e.org.name)}`, name: e.org.name, kind: ORG_KIND[e.org.kind], code, country, members: [], weak: false, possessive: possessiveAt(h.to), known: false });
        if (country && !code.startsWith('IGO')) lastCountry = country.slice(0, 3);
        break;
      }
      case 'known': {
        out.push(knownMention(h.from, h.to, e.actor));
        if (e.actor.country) lastCountry = e.actor.country;
        break;
      }
      case 'country':
        out.push({ ...span(h.from, h.to), id: e.iso3, name: e.name, kind: 'state', code: e.iso3, country: e.iso3, members: [], weak: false, possessive: possessiveAt(h.to), known: false });
        lastCountry = e.iso3;
        break;
      case 'nationals':
        out.push({ ...span(h.from, h.to), id: e.iso3, name: e.name, kind: 'state', code: e.iso3, country: e.iso3, members: [], weak: false, possessive: possessiveAt(h.to), known: false });
        break;
      case 'demonym':
        out.push({ ...span(h.from, h.to), id: e.iso3, name: e.name, kind: 'state', code: e.iso3, country: e.iso3, members: [], weak: true, possessive: false, known: false });
        break;
      case 'capital': {
        const prev = tokens[h.from - 1];
        if (prev && LOCATIVE.has(prev.norm)) {
          out.push({ ...span(h.from, h.to), id: `place:${slug(e.name)}`, name: e.name, kind: 'location', code: null, country: e.iso3, members: [], weak: true, possessive: false, known: false });
        } else {
          out.push(roleMention(h.from, h.to, e.iso3, 'GOV', surface(h.from, h.to)));
          lastCountry = e.iso3;
        }
        break;
      }
      case 'metonym':
        out.push(roleMention(h.from, h.to, e.iso3, e.role, e.name));
        lastCountry = e.iso3;
        break;
      case 'place':
        out.push({ ...span(h.from, h.to), id: `place:${slug(e.name)}`, name: e.name, kind: 'location', code: null, country: e.iso3, members: [], weak: true, possessive: false, known: false });
        break;
      case 'region':
        out.push({ ...span(h.from, h.to), id: `region:${slug(e.name)}`, name: e.name, kind: 'region', code: null, country: null, members: e.members, weak: true, possessive: false, known: false });
        break;
      case 'igo':
        out.push({ ...span(h.from, h.to), id: e.code, name: e.name, kind: 'igo', code: e.code, country: e.code, members: [], weak: false, possessive: possessiveAt(h.to), known: false });
        break;
      case 'media':
        out.push({ ...span(h.from, h.to), id: `media:${slug(e.name)}`, name: e.name, kind: 'media', code: e.iso3 ? `${e.iso3}MED` : null, country: e.iso3, members: [], weak: false, possessive: possessiveAt(h.to), known: false });
        break;
      case 'title':
      case 'role': {
        // "the opposition in Azerbaijan", "the Ministry of Foreign Affairs of Armenia"
        let to = h.to;
        while (to + 1 < tokens.length && tokens[to].norm === 'of' && tokens[to + 1].cap && !startsHit(to + 1)) {
          to += 2;
          while (to < tokens.length && tokens[to].cap && tokens[to].word) to++;
        }
        const nextAt = hitFrom.get(to + 1) ?? hitFrom.get(to + 2);
        const nextHit = nextAt === undefined ? undefined : hits[nextAt];
        const prep = tokens[to]?.norm;
        const of = nextHit && (prep === 'in' || prep === 'of') && nextHit.from === to + 1 ? countryOf(nextHit) : null;
        if (of && nextHit && (nextHit.entry.kind === 'country' || nextHit.entry.kind === 'known')) {
          out.push(roleMention(h.from, nextHit.to, of.iso3, e.role, surface(h.from, nextHit.to)));
          used.add(nextAt!);
          lastCountry = of.iso3;
          break;
        }
        // "soldiers in Niamey", "protesters in Manila": people of a place in their own city are that country's
        if (of && nextHit && prep === 'in' && e.kind === 'role' && (nextHit.entry.kind === 'capital' || nextHit.entry.kind === 'place') && LOCAL_ROLES.test(e.role)) {
          out.push(roleMention(h.from, h.to, of.iso3, e.role, surface(h.from, h.to)));
          break;
        }
        if (e.kind === 'title') {
          // "President X" without a country: X is a person whose country the title does not tell (never the
          // nearest country word); an appositive may (", Kenya's foreign minister,")
          const at = nameAfterTitle(h.to);
          const name = personNameAt(tokens, at);
          if (name && !hitStartingIn(at, name.to, (x) => x.entry.kind !== 'surname') && (at === h.to || closesApposition(name.to))) {
            // "the Houthis' chief negotiator, X", "NATO's spokesperson X": the organisation's own person
            const owner = k > 0 ? hits[k - 1] : undefined;
            const ownerCode = owner && (owner.entry.kind === 'org' || owner.entry.kind === 'igo') && possessiveAt(owner.to) && fillerBetween(owner.to, h.from)
              ? (owner.entry.kind === 'org' ? owner.entry.org.code : owner.entry.code) : null;
            const m: Mention = { ...span(h.from, name.to), id: `person:${slug(name.text)}`, name: name.text, kind: 'person', code: ownerCode, country: ownerCode ? countryOfActorCode(ownerCode) : null, members: [], weak: false, possessive: possessiveAt(name.to), known: false };
            out.push(appositive(m) ?? m);
            remember(out[out.length - 1]);
            break;
          }
        }
        const definite = h.from > 0 && /^(the|its|their)$/.test(tokens[h.from - 1].norm);
        // "its warships", "their troops": a possessive pronoun names the side whatever the role
        const possessed = h.from > 0 && /^(its|their)$/.test(tokens[h.from - 1].norm);
        // "Yemen's Houthi movement released … after its fighters seized …": "its" is the armed group that opened the
        // sentence as its subject
        const opener = possessed ? out.find((m) => !m.weak && m.kind !== 'location' && !(m.possessive && out.some((x) => x.from === m.to + 1))) : undefined;
        if (opener && opener.kind === 'military' && opener.id.startsWith('org:') && e.kind === 'role' && /^(?:MIL|REB)/.test(e.role)) {
          out.push({ ...opener, ...span(h.from, to), possessive: possessiveAt(to) });
          break;
        }
        const iso3 = lastCountry ?? ctx.fallbackCountry;
        // "the military agreements with France", "the security cooperation": a role word before a noun is an adjective
        const attributive = !possessed && to === h.to && to - h.from === 1 && !!tokens[to]?.word && !tokens[to].cap
          && (isNounTriggerWord(tokens[to].norm) || ROLE_AS_ADJECTIVE_BEFORE.test(tokens[to].norm));
        // "the authorities in Tiraspol", "the officials in Kyiv": the place names their side, not the last country
        // named (only the place's own country may stand)
        const placeNamed = prep === 'in' && !!tokens[to + 1]?.cap && tokens[to + 1].word;
        const unknownPlace = placeNamed && (!nextHit || nextHit.from !== to + 1 || countryOf(nextHit)?.iso3 !== iso3);
        if (definite && !attributive && !unknownPlace && (CONTEXT_ROLES.has(e.role.slice(0, 3)) || possessed) && iso3 && tokens[h.from].word) {
          out.push(roleMention(h.from, to, iso3, e.role, surface(h.from, to)));
        }
        break;
      }
    }
  }
  // "Ukrainian and Polish officials": a bare demonym joined to a demonym + role takes the same role
  for (let k = out.length - 2; k >= 0; k--) {
    const d = out[k];
    const r = out[k + 1];
    if (!d.weak || d.kind !== 'state' || !r.code || r.code.length <= 3 || r.country === d.country) continue;
    const gap = tokens.slice(d.to, r.from).map((t) => t.norm);
    if (gap.length !== 1 || !/^(?:and|or|,)$/.test(gap[0])) continue;
    const role = r.code.slice(3);
    out[k] = { ...d, id: `${d.country}${role}`, name: `${d.name} ${role}`, kind: r.kind, code: `${d.country}${role}`, weak: false };
  }

  // names the gazetteer does not know: "Name, Kenya's foreign minister," and family names named earlier in the text
  const coveredAt = new Uint8Array(tokens.length);
  for (const m of out) coveredAt.fill(1, m.from, m.to);
  // a family name that resolved is in `out`; one that did not ("Okafor" of several) may still start a name
  for (const x of hits) if (x.entry.kind !== 'role' && x.entry.kind !== 'title' && x.entry.kind !== 'surname') coveredAt.fill(1, x.from, x.to);
  const covered = (i: number) => coveredAt[i] === 1;
  for (let i = 0; i < tokens.length; i++) {
    if (covered(i) || !tokens[i].cap || !tokens[i].word) continue;
    const name = personNameAt(tokens, i);
    // "in the northern Red Sea, a spokesman said": after an article or a preposition the words name a place
    const placeLike = i > 0 && (/^(?:the|in|at|on|near|across|off|from|into|through|over)$/.test(tokens[i - 1].norm) || (i > 1 && tokens[i - 2].norm === 'the' && tokens[i - 1].word && !tokens[i - 1].cap));
    if (name && !placeLike && !Array.from({ length: name.to - i }, (_, d) => i + d).some(covered) && tokens[name.to]?.text === ',' && !(i > 0 && tokens[i - 1].cap && tokens[i - 1].word)) {
      const bare: Mention = { ...span(i, name.to), id: `person:${slug(name.text)}`, name: name.text, kind: 'person', code: null, country: null, members: [], weak: false, possessive: false, known: false };
      const m = titledBefore(bare) ?? appositive(bare);
      if (m) {
        out.push(m);
        remember(m);
        i = name.to - 1;
        continue;
      }
    }
    const seen = ctx.people?.get(tokens[i].norm);
    if (seen && /^\p{Lu}\p{Ll}/u.test(tokens[i].text) && !(tokens[i + 1]?.cap && tokens[i + 1]?.word)) {
      // "President Ali" after "President Irfaan Ali": the title belongs to the mention
      const title = titleBefore(i);
      out.push({ ...seen, ...span(title && !covered(title.from) ? title.from : i, i + 1), possessive: possessiveAt(i + 1) });
    }
  }
  for (const sh of ships) {
    const code = `${sh.iso3}MIL`;
    out.push({ ...span(sh.from, sh.to), id: code, name: surface(sh.from, sh.to), kind: 'military', code, country: sh.iso3, members: [], weak: false, possessive: possessiveAt(sh.to), known: false });
  }
  out.sort((a, b) => a.from - b.from);
  return ownedBodies(tokens, out);

  /** "Guyana's foreign minister, Hugh Todd," / "the Minister of Foreign Affairs of Guyana, Hugh Todd,": the title before. */
  function titledBefore(m: Mention): Mention | null {
    if (tokens[m.from - 1]?.text !== ',') return null;
    const role = out.find((x) => x.to === m.from - 1 && x.kind !== 'person' && x.kind !== 'state' && x.code && x.code.length > 3 && x.country && !x.country.startsWith('IGO'));
    if (!role || !PERSON_ROLE.test(surface(role.from, role.to))) return null;
    return { ...m, code: role.code, country: role.country };
  }

  /** "X, Kenya's foreign minister" / "X, the Kenyan president" / "X, Deputy Director of …": the title after the name. */
  function appositive(m: Mention): Mention | null {
    const comma = m.to;
    if (tokens[comma]?.text !== ',') return null;
    const end = (() => {
      for (let j = comma + 1; j < tokens.length && j < comma + 22; j++) if (tokens[j].text === ',' || tokens[j].text === '.' || tokens[j].text === ';') return j;
      return Math.min(tokens.length, comma + 22);
    })();
    const inside = hits.filter((x) => x.from > comma && x.to <= end);
    const title = inside.find((x) => x.entry.kind === 'title');
    if (!title || title.from > comma + 5) return null;
    const c = inside.map((x) => countryOf(x)).find((x) => x) ?? null;
    const role = title.entry.kind === 'title' ? title.entry.role : 'GOV';
    const code = c ? `${c.iso3}${role}` : null;
    return { ...m, code, country: c ? c.iso3 : null };
  }

  function knownMention(from: number, to: number, a: Actor): Mention {
    return {
      ...span(from, to), id: a.id, name: a.name, kind: kindOfActor(a), code: codeOn(a, ctx.day), country: a.country ?? a.code,
      members: [], weak: false, possessive: possessiveAt(to), known: true,
    };
  }
}

// Navy ship prefixes, written in capitals before the ship's name.
const SHIP_PREFIX: Readonly<Record<string, string>> = {
  USS: 'USA', USNS: 'USA', HMS: 'GBR', HMAS: 'AUS', HMCS: 'CAN', HMNZS: 'NZL', HNLMS: 'NLD', HDMS: 'DNK', FGS: 'DEU', ROKS: 'KOR', BRP: 'PHL', TCG: 'TUR', KRI: 'IDN', RSS: 'SGP',
};

/** Ships named with a navy's prefix: the prefix and the capitalised words (and initials) of the name. */
function shipNames(tokens: readonly Token[]): Array<{ from: number; to: number; iso3: string }> {
  const out: Array<{ from: number; to: number; iso3: string }> = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const iso3 = SHIP_PREFIX[tokens[i].text];
    if (!iso3 || !tokens[i + 1].cap || !tokens[i + 1].word) continue;
    let j = i + 1;
    while (j < tokens.length && ((tokens[j].cap && tokens[j].word) || (tokens[j].text === '.' && /^\p{Lu}$/u.test(tokens[j - 1].text) && tokens[j + 1]?.cap))) j++;
    out.push({ from: i, to: j, iso3 });
    i = j - 1;
  }
  return out;
}

/** Whether token `i` follows a name particle and a hyphen with no space ("al-Houthi"). */
function particleJoined(tokens: readonly Token[], i: number): boolean {
  const h = tokens[i - 1];
  const p = tokens[i - 2];
  return !!h && !!p && h.text === '-' && h.end === tokens[i].start && p.end === h.start && NAME_PARTICLE.test(p.text);
}

/** Whether token `i` is the apostrophe of a plural possessive ("the Philippines' navy", "the Houthis' negotiator"). */
export function pluralPossessive(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const p = tokens[i - 1];
  return !!t && !!p && /^['’]$/.test(t.text) && p.end === t.start && /s$/i.test(p.text) && p.word && tokens[i + 1]?.word === true && tokens[i + 1].start > t.end;
}

/**
 * A person's name: two to four capitalised words ("Dmitry Peskov"), with name particles before a capitalised word
 * ("Alberto van Klaveren", "Abdel Fattah el-Sisi") and hyphenated parts ("Jean-Yves") kept in it.
 */
function personNameAt(tokens: readonly Token[], i: number): { text: string; to: number } | null {
  const capital = (t: Token | undefined) => !!t && t.cap && t.word && /^\p{Lu}\p{Ll}/u.test(t.text);
  let j = i;
  let text = '';
  let words = 0;
  while (j < tokens.length && words < 5) {
    const t = tokens[j];
    if (capital(t)) {
      text += (text && !text.endsWith('-') ? ' ' : '') + t.text;
      words++;
      j++;
    } else if (words > 0 && t.text === '-' && capital(tokens[j + 1]) && tokens[j + 1].start === t.end) {
      text += '-';
      j++;
    } else if (words > 0 && NAME_PARTICLE.test(t.text) && (capital(tokens[j + 1]) || (tokens[j + 1]?.text === '-' && capital(tokens[j + 2])))) {
      text += ` ${t.text}`;
      j++;
    } else break;
  }
  return words >= 2 ? { text, to: j } : null;
}

// A role borne by one person ("foreign minister", "Minister of Foreign Affairs"), not a body ("the foreign ministry").
const PERSON_ROLE = /\b(?:minister|secretary|president|prime minister|chancellor|spokes(?:man|woman|person)|ambassador|envoy|governor|general|commander|chief|director|premier|king|emir|speaker)\b/i;

const NAME_PARTICLE = /^(?:al|el|bin|ibn|bint|de|da|das|dos|du|van|von|der|den|la|le|di|del|ter|ould|ag)$/;
const HONORIFIC = /^(?:mr|mrs|ms|dr|sir|dame|lord|lady|sheikh|mullah|imam|ayatollah|general|gen|colonel|col|captain|president|minister|premier|king|queen|prince|emir)$/;
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
// capitalised only because they open the sentence: "Then Lavrov said", "Meanwhile Putin …"
const SENTENCE_OPENER = /^(?:then|but|and|when|after|before|meanwhile|later|earlier|yesterday|today|so|also|now|here|there|while|as|if|since|however|still|thus|instead|even|only|once|until|unlike|like|for|with|without|under|by|on|in|at)$/;
// a role whose last word is a title ("information minister", "foreign ministry spokesman"): it may head a name too
const TITLE_HEAD = /(?:^|\s)(?:minister|president|secretary|spokesman|spokeswoman|spokesperson|ambassador|envoy|chief|commander|governor|adviser|advisor|negotiator|leader|counterpart)$/;

/**
 * "The African Union's Peace and Security Council", "NATO's military committee": a body named after an organisation's
 * possessive belongs to that organisation, whatever else its own name matches.
 */
function ownedBodies(tokens: readonly Token[], mentions: Mention[]): Mention[] {
  const drop = new Set<Mention>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const owner = mentions[k];
    if (!owner.possessive || (owner.kind !== 'igo' && owner.kind !== 'organization')) continue;
    const body = mentions[k + 1];
    if (body.kind !== 'igo' && body.kind !== 'organization') continue;
    // only the possessive and capitalised words of the body's name ("Peace and") stand between
    const gap = tokens.slice(owner.to + 1, body.from);
    if (gap.length > 4 || !gap.every((t) => (t.word && t.cap) || t.norm === 'and' || t.norm === 'of')) continue;
    drop.add(body);
  }
  return drop.size ? mentions.filter((m) => !drop.has(m)) : mentions;
}

