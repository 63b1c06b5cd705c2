// Readings of mentions that need the whole document: a bare "Congo" in a text about the Democratic Republic, the
// first person plural of a briefing's speaker ("we condemn …" from a ministry spokesperson is that government), and a
// sentence-initial "He"/"She" that continues the sentence before.
import type { Mention } from './mentions.js';
import type { Token } from './tokens.js';

/** What the document as a whole says about who its mentions are. */
export interface DocumentContext {
  /** The text names the Democratic Republic of the Congo (or its places and leaders) and not the Republic (Brazzaville). */
  readonly congoIsDrc: boolean;
}

// the Democratic Republic named, or its capital, eastern provinces and cities, its president, M23 or the UN mission
const DRC = /\b(?:Democratic Republic of (?:the )?Congo|DR ?Congo|DRC|Kinshasa|(?:eastern|north-eastern|northeastern) Congo|(?:North|South) Kivu|Kivu|Goma|Bukavu|Ituri|Lubumbashi|Kisangani|Tshisekedi|Kabila|M23|MONUSCO)\b/;
const ROC = /\b(?:(?<!Democratic )Republic of (?:the )?Congo|Brazzaville|Congo-Brazzaville)\b/;
// A transcript turn: "QUESTION (Reuters):", "Q:", "SPOKESPERSON:", "MAJED AL-ANSARI:" at the start of a paragraph.
const QUESTION_TURN = /^\s*(?:Q|QUESTION|REPORTER|JOURNALIST|QUESTIONER)\b[^:\n]{0,60}:/;
const SPEAKER_TURN = /^\s*(?:[\p{Lu}][\p{Lu}.'’ -]{1,40})(?:\s*\([^)\n]{0,60}\))?\s*:/u;
const BRIEFING = /\b(?:briefing|press conference|news conference|press point|press encounter|transcript|remarks to the press)\b/i;
const WE = /^(?:we|our|us|ours|i|me|my)$/;
const TITLE = /^(?:secretary|president|chancellor|premier|emir|king|queen)$/;

/** The document-level facts `text` gives. */
export function documentContext(text: string): DocumentContext {
  return { congoIsDrc: DRC.test(text) && !ROC.test(text) };
}

/** Whether a paragraph's first sentence opens a question turn, a speaker's turn, or no turn of a transcript. */
export function transcriptTurn(sentence: string): 'question' | 'answer' | null {
  if (QUESTION_TURN.test(sentence)) return 'question';
  return SPEAKER_TURN.test(sentence) ? 'answer' : null;
}

/**
 * "QUESTION (Reuters): …": the outlet in a question turn's label only says who asked; it is no actor of the text.
 * Returns the mentions without those inside such a label.
 */
export function withoutTurnLabel(sentence: string, tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  if (!QUESTION_TURN.test(sentence)) return [...mentions];
  const colon = tokens.findIndex((t) => t.text === ':');
  return colon < 0 ? [...mentions] : mentions.filter((m) => m.from > colon);
}

/** The country a briefing's title names as the speaker's ("Briefing by the Kazakh Foreign Ministry spokesperson"). */
export function briefingSpeaker(sentence: string, mentions: readonly Mention[]): string | null {
  if (!BRIEFING.test(sentence)) return null;
  const m = mentions.find((x) => x.country && !x.weak && x.kind !== 'location' && !x.country.startsWith('IGO'))
    ?? mentions.find((x) => x.country && x.kind !== 'location' && !x.country.startsWith('IGO'));
  return m ? m.country!.slice(0, 3) : null;
}

const government = (country: string, from: number, t: Token, possessive: boolean): Mention => ({
  from, to: from + 1, start: t.start, end: t.end, id: `${country}GOV`, name: `${country}GOV`, kind: 'organization', code: `${country}GOV`,
  country, members: [], weak: false, possessive, known: false,
});

/**
 * Adds the document's readings to one sentence's mentions: "Congo" → COD when the text is about the Democratic
 * Republic; "we"/"our" in a briefing speaker's turn → that government; a sentence-initial "He"/"She" → the first person
 * the sentence before named.
 */
export function applyDocumentContext(tokens: readonly Token[], mentions: readonly Mention[], ctx: DocumentContext, turn: { speaker: string | null; previousPerson: Mention | null; previousSubject?: Mention | null; titled?: Map<string, Mention> }): Mention[] {
  let out = ctx.congoIsDrc ? mentions.map(toDrc) : [...mentions];
  const covered = (i: number) => out.some((m) => i >= m.from && i < m.to);
  if (turn.titled) {
    // "Secretary Blinken … The Secretary met": a capitalised title alone is the person named with it before
    for (const m of out) {
      const t = tokens[m.from - 1];
      if (m.kind === 'person' && m.country && t && t.cap && TITLE.test(t.norm)) turn.titled.set(t.norm, m);
      const own = TITLE.exec(m.name.split(' ')[0]?.toLowerCase() ?? '');
      if (m.kind === 'person' && m.country && own && tokens[m.from]?.cap) turn.titled.set(own[0], m);
    }
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t.cap || !TITLE.test(t.norm) || tokens[i - 1].norm !== 'the' || covered(i)) continue;
      const next = tokens[i + 1];
      if (next && ((next.cap && next.word) || /^(?:of|general)$/.test(next.norm))) continue;
      const p = turn.titled.get(t.norm);
      if (p) out.push({ ...p, from: i - 1, to: i + 1, start: tokens[i - 1].start, end: t.end, possessive: /^['’]s$/.test(next?.text ?? '') });
    }
  }
  if (turn.speaker) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      // "US" is the United States, not "us"
      if (!WE.test(t.norm) || t.text === 'US' || covered(i)) continue;
      // "our Egyptian brothers", "our Chinese partners": the other side, not the speaker
      if (t.norm === 'our' && out.some((m) => m.from === i + 1 || m.from === i + 2)) continue;
      out.push(government(turn.speaker, i, t, t.norm === 'our'));
    }
  }
  const first = tokens.findIndex((t) => t.word);
  const p = turn.previousPerson;
  if (p && first >= 0 && /^(?:He|She)$/.test(tokens[first].text) && !covered(first)) {
    out.push({ ...p, from: first, to: first + 1, start: tokens[first].start, end: tokens[first].end, possessive: false });
  }
  // "The bloc answered … Within days it closed its borders": a clause-initial "it"/"its" before any other actor is the
  // state or organisation the sentence before had as its subject
  const q = turn.previousSubject;
  if (q) {
    for (let i = 0; i < Math.min(tokens.length - 1, 7); i++) {
      const t = tokens[i];
      if (!/^(?:it|its)$/.test(t.norm) || covered(i) || out.some((m) => m.from < i)) continue;
      const next = tokens[i + 1];
      if (!next.word || next.cap || (t.norm === 'it' && IT_EXPLETIVE.test(next.norm))) break;
      if (i > 3 && !tokens.slice(0, i).some((x) => x.text === ',')) break;
      // "Its foreign ministry": the role the possessive introduces belongs to the same subject, not to the country
      // named last
      const role = t.norm === 'its' ? out.findIndex((m) => m.from === i + 1 && m.code && m.country && !m.group && (m.kind === 'organization' || m.kind === 'military')) : -1;
      // "Its leader, X,": a titled person whose title named no country is the subject's own
      const person = t.norm === 'its' ? out.findIndex((m) => m.from === i + 1 && m.kind === 'person' && !m.code) : -1;
      if (role < 0 && person >= 0 && q.code) {
        const code = q.code.startsWith('IGO') || q.id.startsWith('org:') ? q.code : `${q.country!.slice(0, 3)}GOV`;
        out[person] = { ...out[person], code, country: q.country };
        break;
      }
      if (role >= 0) {
        const m = out[role];
        const suffix = m.code!.startsWith('IGO') ? '' : m.code!.slice(3);
        const c = q.country!;
        out[role] = c.startsWith('IGO') ? { ...q, from: m.from, to: m.to, start: m.start, end: m.end, possessive: m.possessive }
          : { ...m, id: `${c.slice(0, 3)}${suffix}`, code: `${c.slice(0, 3)}${suffix}`, country: c.slice(0, 3) };
        break;
      }
      out.push({ ...q, from: i, to: i + 1, start: t.start, end: t.end, possessive: t.norm === 'its' });
      break;
    }
  }
  if (out.length !== mentions.length) out = out.sort((a, b) => a.from - b.from);
  return out;
}

// "it is unclear", "it seems", "it remains to be seen", "it emerged that": no actor.
const IT_EXPLETIVE = /^(?:is|was|will|would|has|had|seems?|seemed|appears?|appeared|remains?|remained|emerged|became|becomes|may|might|could|should|must|can|that|to|'s|’s)$/;
const PREPOSITION_BEFORE = /^(?:of|in|at|from|to|for|with|against|by|on|over|about|into|between|among|under|near|inside|outside|across|after|before|since|during)$/;

/**
 * The subject a clause-initial "it" of the next sentence may stand for: the one state or organisation of the sentence
 * that is not the object of a preposition (people, places and groups are no such subject).
 */
export function sentenceSubject(tokens: readonly Token[], mentions: readonly Mention[]): Mention | null {
  const cands = mentions.filter((m) => (m.kind === 'igo' || m.kind === 'state' || m.kind === 'organization' || (m.kind === 'military' && m.id.startsWith('org:')))
    && !m.weak && !m.group && m.country
    && !PREPOSITION_BEFORE.test(tokens[m.from - 1]?.norm === 'the' ? tokens[m.from - 2]?.norm ?? '' : tokens[m.from - 1]?.norm ?? ''))
    // "Yemen's Houthi movement": the possessive owner only qualifies the subject it stands before
    .filter((m, _, all) => !(m.possessive && all.some((x) => x.from === m.to + 1)));
  const ids = new Set(cands.map((m) => m.id));
  return ids.size === 1 ? cands[0] : null;
}

function toDrc(m: Mention): Mention {
  const drc = (c: string | null) => (c && c.startsWith('COG') ? `COD${c.slice(3)}` : c);
  if (!m.country?.startsWith('COG') && !m.members.includes('COG') && !m.group) return m;
  return {
    ...m, id: m.id.startsWith('COG') ? `COD${m.id.slice(3)}` : m.id, code: drc(m.code), country: drc(m.country),
    members: m.members.map((c) => drc(c)!), group: m.group?.map(toDrc),
  };
}
