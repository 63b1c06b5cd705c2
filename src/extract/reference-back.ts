// References back to actors named earlier in the paragraph: "the two armies", "both sides", "the three governments",
// "the bloc", "the group" become mentions standing for those actors (with the role the noun gives: armies → MIL).
import type { Mention } from './mentions.js';
import type { Token } from './tokens.js';

/** What a paragraph has named so far: states (most recent last) and IGOs. */
export interface ParagraphMemory {
  paragraph: number;
  /** Distinct countries of the paragraphs before, most recent last (used when the paragraph names too few). */
  earlier: string[];
  /** Distinct countries in order of their latest mention. */
  countries: string[];
  igos: Mention[];
  /** Non-state armed groups the paragraph named, most recent last ("the group", "the movement" point back to them). */
  groups: Mention[];
  /** Those the paragraph before named: a dispatch later in a round-up is about other people. */
  groupsBefore: Mention[];
}

/** The memory of a new paragraph, carrying what the previous paragraphs named as a fallback. */
export function newParagraphMemory(paragraph: number, previous?: ParagraphMemory): ParagraphMemory {
  const earlier = previous ? [...previous.earlier.filter((c) => !previous.countries.includes(c)), ...previous.countries] : [];
  return { paragraph, earlier, countries: [], igos: previous?.igos.slice(-3) ?? [], groups: [], groupsBefore: previous ? (previous.groups.length ? previous.groups : previous.groupsBefore).slice(-1) : [] };
}

const COUNT: Readonly<Record<string, number>> = { two: 2, both: 2, three: 3, four: 4, five: 5, six: 6 };
const GROUP_NOUN: Readonly<Record<string, string | null>> = {
  countries: null, states: null, nations: null, sides: 'GOV', parties: 'GOV', governments: 'GOV', capitals: 'GOV', leaders: 'GOV',
  presidents: 'GOV', ministers: 'GOV', neighbours: null, neighbors: null, rivals: null, allies: null, armies: 'MIL', militaries: 'MIL',
  forces: 'MIL', delegations: 'GOV', foes: null, adversaries: null, republics: null, administrations: 'GOV',
};
// States that news prose calls "the island" (or "the archipelago"): sovereign island and archipelago states (ISO3).
const ISLAND_STATES = new Set(['TWN', 'JPN', 'PHL', 'IDN', 'LKA', 'CUB', 'CYP', 'MLT', 'ISL', 'IRL', 'GBR', 'NZL', 'MDG', 'SGP', 'BHR',
  'HTI', 'DOM', 'JAM', 'TTO', 'BHS', 'BRB', 'FJI', 'PNG', 'SLB', 'VUT', 'MDV', 'MUS', 'SYC', 'CPV', 'COM', 'STP', 'TLS', 'TON', 'WSM']);
const NEIGHBOUR = /^(?:neighbour|neighbor)$/;
const DIRECTION = /^(?:northern|southern|eastern|western|western|smaller|larger|bigger|poorer|richer|coastal|landlocked)$/;
const GROUP_ADJECTIVE = /^(?:military|civilian|neighbouring|neighboring|rival|allied|coastal|landlocked|junta-led|sahelian|member|western|african|asian|gulf|nordic|baltic|central|southern|northern|eastern)$/;
const BLOC = /^(?:bloc|alliance|organi[sz]ation|union|grouping|body|commission|community)$/;
const ARMED_GROUP = /^(?:group|movement|militia)$/;
// a dictionary organisation that fights (the Houthis, the Taliban, Al-Shabaab): what "the group" points back to
const armedGroup = (m: Mention) => m.kind === 'military' && m.id.startsWith('org:');

/** Adds group mentions to `mentions` for references back; updates `memory` with what the sentence names. */
export function resolveReferenceBack(tokens: readonly Token[], mentions: readonly Mention[], memory: ParagraphMemory): Mention[] {
  const out = [...mentions];
  const covered = (i: number) => mentions.some((m) => i >= m.from && i < m.to);
  const sorted = [...mentions].sort((a, b) => a.from - b.from);
  let next = 0;
  const remember = (m: Mention) => {
    if (m.weak || !m.country) return;
    if (armedGroup(m)) memory.groups = [...memory.groups.filter((x) => x.id !== m.id), m];
    // "after the Belgrade visit", "the Doha talks": a place name used attributively names no party
    if (m.kind !== 'igo' && tokens[m.from - 1]?.norm === 'the' && tokens[m.to]?.word && !tokens[m.to].cap && /^[a-z]{3,}$/.test(tokens[m.to].text)) return;
    if (m.kind === 'igo') {
      memory.igos.push(m);
      return;
    }
    if (m.country.startsWith('IGO') || /^(?:NGO|MNC|IMG)/.test(m.country)) return;
    const c = m.country.slice(0, 3);
    memory.countries = [...memory.countries.filter((x) => x !== c), c];
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    while (next < sorted.length && sorted[next].to <= i) remember(sorted[next++]);
    if (covered(i)) continue;
    const w = tokens[i].norm;
    // "the two armies", "both sides", "both countries' leaders"
    let n: number | undefined;
    let nounAt = -1;
    if (w === 'both' && tokens[i + 1] && GROUP_NOUN[tokens[i + 1].norm] !== undefined) {
      n = 2;
      nounAt = i + 1;
    } else if (w === 'the' && COUNT[tokens[i + 1]?.norm ?? ''] && tokens[i + 2] && GROUP_NOUN[tokens[i + 2].norm] !== undefined && tokens[i + 1].norm !== 'both') {
      n = COUNT[tokens[i + 1].norm];
      nounAt = i + 2;
    } else if (w === 'the' && COUNT[tokens[i + 1]?.norm ?? ''] && tokens[i + 1].norm !== 'both' && GROUP_ADJECTIVE.test(tokens[i + 2]?.norm ?? '') && !covered(i + 2)
      && tokens[i + 3] && GROUP_NOUN[tokens[i + 3].norm] !== undefined) {
      // "the three military governments", "the two neighbouring states": one plain adjective between
      n = COUNT[tokens[i + 1].norm];
      nounAt = i + 3;
    }
    // the paragraph's states, else those named before it — leaving out the sentence's own subject ("Kenya offered
    // to mediate between the two governments")
    const ownList = sorted.filter((m) => m.to <= i && m.country && !m.country.startsWith('IGO') && m.kind !== 'location').map((m) => m.country!.slice(0, 3)).filter((c, k, all) => all.lastIndexOf(c) === k);
    const own = new Set(sorted.filter((m) => m.to <= i && m.country).map((m) => m.country!.slice(0, 3)));
    // "Modi met Xi …, and the two leaders agreed", "urged Caracas and Georgetown to respect the accord both governments
    // signed": when the sentence itself has named enough states, the group is the last of them
    const pool = n !== undefined && ownList.length >= n ? ownList
      : memory.countries.length >= (n ?? 0) + own.size ? memory.countries.filter((c) => !own.has(c))
      : [...memory.earlier, ...memory.countries].filter((c, k, all) => !own.has(c) && all.lastIndexOf(c) === k);
    // "its northern neighbour": the one other state the paragraph named last
    if (n === undefined && /^(?:its|their)$/.test(w)) {
      const k = NEIGHBOUR.test(tokens[i + 1]?.norm ?? '') ? i + 1 : DIRECTION.test(tokens[i + 1]?.norm ?? '') && NEIGHBOUR.test(tokens[i + 2]?.norm ?? '') ? i + 2 : -1;
      if (k > 0 && !covered(k) && !tokens[k + 1]?.cap && pool.length) {
        n = 1;
        nounAt = k;
      }
    }
    if (n !== undefined && nounAt >= 0 && !covered(nounAt) && pool.length >= n) {
      const role = GROUP_NOUN[tokens[nounAt].norm];
      const members = pool.slice(-n).map((c): Mention => ({
        from: i, to: nounAt + 1, start: tokens[i].start, end: tokens[nounAt].end, id: role ? `${c}${role}` : c, name: role ? `${c}${role}` : c,
        kind: role ? 'organization' : 'state', code: role ? `${c}${role}` : c, country: c, members: [], weak: false, possessive: false, known: false,
      }));
      out.push({
        from: i, to: nounAt + 1, start: tokens[i].start, end: tokens[nounAt].end, id: `group:${members.map((m) => m.id).join('+')}`,
        name: tokens.slice(i, nounAt + 1).map((t) => t.text).join(' '), kind: 'region', code: null, country: null,
        members: members.map((m) => m.country!), weak: false, possessive: /^['’]s?$/.test(tokens[nounAt + 1]?.text ?? ''), known: false, group: members,
      });
      i = nounAt;
      continue;
    }
    // "the island's accusation", "the island nation": the island state the paragraph named last
    if (w === 'the' && /^(?:island|archipelago)$/.test(tokens[i + 1].norm) && !covered(i + 1) && !(tokens[i + 2]?.cap && tokens[i + 2]?.word)) {
      const c = [...memory.countries, ...ownList.filter((x) => !memory.countries.includes(x))].filter((x) => ISLAND_STATES.has(x)).pop();
      if (c) {
        const to = tokens[i + 2]?.norm === 'nation' ? i + 3 : i + 2;
        out.push({
          from: i, to, start: tokens[i].start, end: tokens[to - 1].end, id: c, name: c, kind: 'state', code: c, country: c,
          members: [], weak: false, possessive: /^['’]s$/.test(tokens[to]?.text ?? ''), known: false,
        });
        i = to - 1;
        continue;
      }
    }
    // "the bloc", "the alliance": the IGO named last in the paragraph
    if (w === 'the' && BLOC.test(tokens[i + 1].norm) && !covered(i + 1) && memory.igos.length && !(tokens[i + 2]?.cap)) {
      const igo = memory.igos[memory.igos.length - 1];
      out.push({ ...igo, from: i, to: i + 2, start: tokens[i].start, end: tokens[i + 1].end, possessive: /^['’]s$/.test(tokens[i + 2]?.text ?? '') });
      ownPerson(out, i + 2, igo);
      i += 1;
      continue;
    }
    // "the group", "the movement's leader": the armed group named last
    const groups = memory.groups.length ? memory.groups : memory.groupsBefore;
    if (w === 'the' && ARMED_GROUP.test(tokens[i + 1].norm) && !covered(i + 1) && groups.length && !(tokens[i + 2]?.cap && tokens[i + 2]?.word)) {
      const g = groups[groups.length - 1];
      out.push({ ...g, from: i, to: i + 2, start: tokens[i].start, end: tokens[i + 1].end, possessive: /^['’]s$/.test(tokens[i + 2]?.text ?? '') });
      ownPerson(out, i + 2, g);
      i += 1;
    }
  }
  while (next < sorted.length) remember(sorted[next++]);
  return out.sort((a, b) => a.from - b.from);
}

/** "the movement's spokesman, X,": a titled person of no known side right after the possessive is the owner's. */
function ownPerson(out: Mention[], at: number, owner: Mention): void {
  if (!out[out.length - 1].possessive) return;
  const k = out.findIndex((m) => m.kind === 'person' && !m.code && m.from >= at && m.from <= at + 3);
  if (k >= 0 && owner.code) out[k] = { ...out[k], code: owner.code, country: owner.country };
}
