// The event-trigger dictionary (data/extract/triggers.tsv): verbs and nouns with their CAMEO code and frame,
// expanded to inflected forms and matched on tokens.
import nlp from 'compromise';
import { once, readDictionary } from './data-file.js';
import type { Token } from './tokens.js';

export type VerbForm = 'base' | 's' | 'ed' | 'ing';

export interface TriggerEntry {
  readonly pos: 'verb' | 'noun';
  readonly phrase: string;
  readonly cameo: string;
  readonly sym: boolean;
  readonly speech: boolean;
  readonly deny: boolean;
  readonly claim: boolean;
  readonly confirm: boolean;
  readonly needArg: boolean;
  /** Only without an object ("protesters demonstrated", not "this demonstrates that"). */
  readonly intransitive: boolean;
  /** Prepositions that mark the target, in order of preference. */
  readonly targetPreps: readonly string[];
  /** Prepositions that mark the source after a noun. */
  readonly sourcePreps: readonly string[];
  readonly forms: ReadonlySet<VerbForm> | null;
  /** A place may be the target ("arrived in Amman"). */
  readonly place: boolean;
  /** A commitment verb: "agreed to V" is the intent to V. */
  readonly intent: boolean;
  /** "refused to V" is a rejection of V. */
  readonly refusal: boolean;
  /** Fires only with an organisation as its object ("left ECOWAS", never "left Kyiv"). */
  readonly igoOnly: boolean;
  /** Fires only when the phrase names its owner inside it ("entered our waters", never "entered waters off X"). */
  readonly owner: boolean;
  /** Fires only when one of these words follows in its own phrase ("removed X from its list", "reopened the crossings"). */
  readonly requires: readonly string[];
  readonly line: number;
}

export interface TriggerHit {
  readonly entry: TriggerEntry;
  /** Token indexes [from, to). */
  readonly from: number;
  readonly to: number;
  /** The token that carries the inflection (a verb's first word, a noun's last word). */
  readonly head: number;
  readonly form: VerbForm | 'noun';
}

interface Form {
  readonly entry: TriggerEntry;
  readonly form: VerbForm | 'noun';
  /** Words of the phrase, the inflected one replaced by this form. */
  readonly words: readonly string[];
  readonly headAt: number;
  /** A base form of a verb whose `forms` leave the base out ("free", "help"): a verb only after a modal or "to". */
  readonly afterModal?: boolean;
  /** A participle the `forms` leave out: a verb only after a form of "be" ("was hit by"). */
  readonly afterAuxiliary?: boolean;
}

const irregular = once(() => {
  const map = new Map<string, { past: string; participle: string }>();
  for (const { cells } of readDictionary('irregular-verbs.tsv', ['base', 'past', 'participle'])) map.set(cells.base, { past: cells.past, participle: cells.participle });
  return map;
});

/** Inflected forms of a verb: base, 3rd person, past/participle (regular and irregular), -ing. */
export function verbForms(base: string): Array<[string, VerbForm]> {
  const out: Array<[string, VerbForm]> = [[base, 'base']];
  const cons = /[^aeiou]$/.test(base);
  out.push([/(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`, 's']);
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  out.push([ed, 'ed']);
  out.push([base.endsWith('ie') ? `${base.slice(0, -2)}ying` : base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`, 'ing']);
  // a doubled final consonant ("banned", "admitted"): harmless when the language does not double it
  if (cons && /[aeiou][bdgklmnprt]$/.test(base) && !/[aeiou]{2}[a-z]$/.test(base)) {
    const last = base[base.length - 1];
    out.push([`${base}${last}ed`, 'ed'], [`${base}${last}ing`, 'ing']);
  }
  const irr = irregular().get(base);
  if (irr) out.push([irr.past, 'ed'], [irr.participle, 'ed']);
  return out;
}

const plural = (w: string) => (/(s|sh|ch|x|z)$/.test(w) ? [w, `${w}es`] : /[^aeiou]y$/.test(w) ? [w, `${w.slice(0, -1)}ies`] : [w, `${w}s`]);

const index = once(() => {
  const byFirst = new Map<string, Form[]>();
  const put = (f: Form) => {
    const k = f.words[0];
    const list = byFirst.get(k) ?? [];
    list.push(f);
    byFirst.set(k, list);
  };
  for (const { line, cells } of readDictionary('triggers.tsv', ['pos', 'phrase', 'cameo', 'frame'])) {
    const flags = cells.frame ? cells.frame.split(',').map((s) => s.trim()) : [];
    const opt = (k: string) => flags.find((f) => f.startsWith(`${k}=`))?.slice(k.length + 1).split('|') ?? [];
    if (cells.pos !== 'verb' && cells.pos !== 'noun') throw new Error(`extract: data/extract/triggers.tsv:${line}: pos must be verb or noun`);
    if (!/^\d{2,4}$/.test(cells.cameo)) throw new Error(`extract: data/extract/triggers.tsv:${line}: cameo "${cells.cameo}" is not a code`);
    const forms = opt('forms');
    const entry: TriggerEntry = {
      pos: cells.pos, phrase: cells.phrase, cameo: cells.cameo, line,
      sym: flags.includes('sym'), speech: flags.includes('speech'), deny: flags.includes('deny'), claim: flags.includes('claim'),
      confirm: flags.includes('confirm'), needArg: flags.includes('need-arg'), intransitive: flags.includes('intransitive'), targetPreps: opt('by'), sourcePreps: opt('src'),
      forms: forms.length ? new Set(forms as VerbForm[]) : null,
      place: flags.includes('place'), intent: flags.includes('intent'), refusal: flags.includes('refusal'), igoOnly: flags.includes('igo-only'), owner: flags.includes('owner'),
      requires: opt('with'),
    };
    const words = cells.phrase.split(/\s+/);
    if (entry.pos === 'verb') {
      for (const [form, kind] of verbForms(words[0])) {
        if (entry.forms && !entry.forms.has(kind)) {
          // "would free the prisoners", "to help Kyiv": after a modal or "to" the base form can only be the verb
          if (kind === 'base' && !entry.speech) put({ entry, form: kind, words: [form, ...words.slice(1)], headAt: 0, afterModal: true });
          // "was hit by", "had been hit": after a form of "be" the participle can only be the verb
          if (kind === 'ed' && !entry.speech) put({ entry, form: kind, words: [form, ...words.slice(1)], headAt: 0, afterAuxiliary: true });
          continue;
        }
        put({ entry, form: kind, words: [form, ...words.slice(1)], headAt: 0 });
      }
    } else {
      for (const form of plural(words[words.length - 1])) put({ entry, form: 'noun', words: [...words.slice(0, -1), form], headAt: words.length - 1 });
    }
  }
  return byFirst;
});

/** Whether a lower-case word heads a one-word noun trigger ("agreements", "cooperation", "sanctions"). */
export function isNounTriggerWord(norm: string): boolean {
  return (index().get(norm) ?? []).some((f) => f.entry.pos === 'noun' && f.words.length === 1);
}

/** Trigger entries, for checks of the dictionary. */
export function triggerEntries(): TriggerEntry[] {
  const seen = new Set<TriggerEntry>();
  for (const list of index().values()) for (const f of list) seen.add(f.entry);
  return [...seen];
}

// A count or possessive between a verb and its noun ("sent two frigates", "cut its electricity exports").
const COUNT_WORD = /^(?:\d+|its|their|our|two|three|four|five|six|seven|eight|nine|ten|twelve|several|more|additional|extra|hundred|hundreds|thousand|thousands|dozen|dozens)$/;

/** Longest non-overlapping trigger matches over the tokens. */
export function findTriggers(tokens: readonly Token[]): TriggerHit[] {
  const idx = index();
  const out: TriggerHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const forms = idx.get(tokens[i].norm);
    if (!forms) continue;
    let best: TriggerHit | null = null;
    for (const f of forms) {
      if (i + f.words.length > tokens.length) continue;
      if (f.afterModal && !MODAL_OR_TO.test(tokens[i - 1]?.norm ?? '')) continue;
      if (f.afterAuxiliary && !BE_FORM.test(tokens[i - 1]?.norm ?? '')) continue;
      // "declared the attache persona non grata" (166) beside "declared that …" (010): of two entries for one phrase, the
      // one that needs its noun counts only when that noun follows
      if (f.entry.requires.length && !wordsAhead(tokens, i + f.words.length, f.entry.requires)
        && forms.some((g) => g !== f && !g.entry.requires.length && g.words.join(' ') === f.words.join(' '))) continue;
      // "lodged a formal protest", "issued a strong warning": one modifier may follow the phrase's article
      let extra = 0;
      let ok = true;
      for (let k = 1; k < f.words.length && ok; k++) {
        const tok = tokens[i + k + extra];
        if (!tok) ok = false;
        else if (tok.norm !== f.words[k]) {
          const modifier = extra === 0 && k < f.words.length && tokens[i + k + 1]?.norm === f.words[k] && tok.word && !DETERMINER.test(tok.norm) && !PARTICLE.test(tok.norm)
            && ((/^(?:a|an|the)$/.test(f.words[k - 1]) && !tok.cap) || (k === f.words.length - 1 && isModifier(tok, false)));
          // "sent two frigates", "sent several hundred additional troops", "entered Guyanese waters": a count (up to
          // three words) or one capitalised adjective may stand between the verb and its noun
          let n = 0;
          if (extra === 0 && k === 1 && f.entry.pos === 'verb') {
            while (n < 3 && tokens[i + k + n] && COUNT_WORD.test(tokens[i + k + n].norm)) n++;
            if (n === 0 && tok.cap && tok.word) n = 1;
          }
          // "staged large-scale exercises", "fired two short-range missiles": one hyphenated modifier before the noun
          if (extra === 0 && f.entry.pos === 'verb') {
            const c = hyphenated(tokens, i + k + n);
            if (c && tokens[i + k + n + c]?.norm === f.words[k]) n += c;
          }
          const count = n > 0 && tokens[i + k + n]?.norm === f.words[k];
          if (modifier) extra = 1;
          else if (count) extra = n;
          else ok = false;
        }
      }
      if (!ok) continue;
      const len = f.words.length + extra;
      if (!best || len > best.to - best.from || (len === best.to - best.from && preferred(f, tokens, i, best))) {
        best = { entry: f.entry, from: i, to: i + len, head: i + f.headAt, form: f.form };
      }
    }
    // a verb entry in base form after a determiner ("their immediate release") is a noun the dictionary does not list
    if (best && best.entry.pos === 'verb' && (best.form === 'base' || best.form === 's')) {
      const p1 = tokens[i - 1]?.norm ?? '';
      const p2 = tokens[i - 2]?.norm ?? '';
      if (DETERMINER.test(p1) || (DETERMINER.test(p2) && /^[a-z]+$/.test(p1) && !/^(?:to|not|will|would|can|could|may|might|should|must|also|then)$/.test(p1))) best = null;
    }
    // a base-form verb right after another verb trigger is its object noun ("provide support", "offer help")
    if (best && best.entry.pos === 'verb' && (best.form === 'base' || best.form === 's') && out.length) {
      const prev = out[out.length - 1];
      if (prev.to === i && prev.entry.pos === 'verb' && !/^(?:to)$/.test(tokens[i - 1]?.norm ?? '')) {
        const noun = forms.find((f) => f.form === 'noun' && f.words.length === 1);
        best = noun ? { entry: noun.entry, from: i, to: i + 1, head: i, form: 'noun' } : null;
      }
    }
    // "enjoyed support", "received backing": a base form right after a past-tense verb is that verb's object noun
    // ("helped build" keeps its bare infinitive)
    if (best && best.entry.pos === 'verb' && best.form === 'base' && i > 0) {
      const p1 = tokens[i - 1];
      if (p1.word && !p1.cap && /[a-z]{3,}ed$/.test(p1.norm) && !/^(?:helped|dared|needed|used)$/.test(p1.norm)) {
        const noun = forms.find((f) => f.form === 'noun' && f.words.length === 1);
        if (noun) best = { entry: noun.entry, from: i, to: i + 1, head: i, form: 'noun' };
      }
    }
    // a participle used as an adjective ("Ousted President X", "the banned movement", "Israeli-occupied territory")
    if (best && best.form === 'ed' && best.entry.pos === 'verb' && best.to - best.from === 1) {
      const p1 = tokens[i - 1];
      const next = tokens[best.to];
      const p2 = tokens[i - 2];
      // "its list of banned organisations", "Yemen's internationally recognised government": after "of" or a
      // determiner and an adverb, the participle qualifies the noun
      const before = !p1 || DETERMINER.test(p1.norm) || p1.text === '-' || /^(?:newly|recently|formerly|long|self|jointly|illegally|of)$/.test(p1.norm)
        || (/[a-z]{3,}ly$/.test(p1.norm) && !!p2 && (DETERMINER.test(p2.norm) || p2.norm === 'of'));
      const nominal = !!next && next.word && !PARTICLE.test(next.norm) && (next.cap || !/(?:ed|ly)$/.test(next.norm));
      // "after closed consultations", "with armed groups": between a preposition and its noun as well ("by" makes it
      // the verb's agent; "into alleged crimes" stays an allegation)
      const afterPreposition = !!p1 && AFTER_PREPOSITION.test(p1.norm) && p1.norm !== 'by' && !best.entry.claim && !best.entry.speech && !next?.cap;
      if ((before || afterPreposition) && nominal && !(p1 && /^(?:the|a|an)$/.test(p1.norm) && next.norm === 'by')) best = null;
    }
    // "the negotiating table", "a visiting delegation": a participle of talks before its noun is an adjective
    if (best && best.form === 'ing' && best.entry.cameo.startsWith('04') && DETERMINER.test(tokens[i - 1]?.norm ?? '')) {
      const next = tokens[best.to];
      if (next && next.word && !next.cap && !PARTICLE.test(next.norm) && !/(?:ed|ly)$/.test(next.norm) && !/^(?:near|between|among|inside|across|against|on|about|over)$/.test(next.norm)) best = null;
    }
    if (best && best.entry.intransitive && /^(?:that|how|the|a|an|its|their|his|her|this|these|our|what|why)$/.test(tokens[best.to]?.norm ?? '')) best = null;
    if (best) {
      out.push(best);
      i = best.to - 1;
    }
  }
  return out;
}

/** Whether one of `words` (parts joined by "+" in sequence) starts within eight tokens from `from`. */
function wordsAhead(tokens: readonly Token[], from: number, words: readonly string[]): boolean {
  for (let j = from; j < Math.min(tokens.length, from + 8); j++) if (words.some((w) => w.split('+').every((p, k) => tokens[j + k]?.norm === p))) return true;
  return false;
}

const AFTER_PREPOSITION = /^(?:against|amid|despite|after|over|about|of|for|from|with|without|by|following|during|since)$/;
const BE_FORM = /^(?:was|were|been|being|is|are|be)$/;
const MODAL_OR_TO = /^(?:would|will|shall|could|can|may|might|should|must|'ll|to|not|n't)$/;
const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|any|no|every|each|such|'s|’s)$/;
const PARTICLE = /^(?:by|to|from|in|on|at|with|for|of|into|out|off|up|down|over|back|away|that|the|a|an|its|their|his|her|and|or|but|as|after|before|since|when|while|if|last|this|yesterday|today|tonight|earlier|later|again|not|is|was|were|are|has|have|had|will|would)$/;

// A word that is both verb and noun ("attack", "visit"): after a determiner it is the noun, after "to" the verb.
function preferred(f: Form, tokens: readonly Token[], i: number, current: TriggerHit): boolean {
  const prev = tokens[i - 1]?.norm ?? '';
  // "meeting": the noun, unless a form of "to be" makes it a progressive verb, or (as in "…, backing Kyiv", "meeting
  // the president") it has a direct object and no determiner before it
  const next = tokens[current.to];
  const verbal = /^(?:is|are|was|were|be|been)$/.test(prev)
    || (!!next && !DETERMINER.test(prev) && (next.cap || /^(?:the|its|their|his|her|this|these|those)$/.test(next.norm)) && f.words.length === 1 && current.to - current.from === 1);
  if (f.form === 'noun' && current.form === 'ing') return !verbal;
  if (f.form === 'ing' && current.form === 'noun') return verbal;
  // between a noun and a third-person verb ("strikes", "talks"):
  const nounOrS = [f.form, current.form].some((x) => x === 's' || x === 'noun');
  // "protested against Turkish strikes", "amid attacks": a finite verb never follows a preposition
  const prev2 = tokens[i - 2]?.norm ?? '';
  const afterPreposition = nounOrS && (AFTER_PREPOSITION.test(prev) || (AFTER_PREPOSITION.test(prev2) && !!tokens[i - 1]?.word && !/^(?:it|they|he|she|we)$/.test(prev)));
  // "hosted indirect talks", "Turkish strikes": after an adjective, a demonym or a number the word is the noun
  const afterModifier = nounOrS && i > 0 && tokens[i - 1].word && isModifier(tokens[i - 1], i - 1 === 0);
  const nounContext = DETERMINER.test(prev) || afterPreposition || afterModifier || (/^(?:and|of)$/.test(prev) && current.entry.pos === 'verb');
  return f.entry.pos === 'noun' ? nounContext : !nounContext;
}

/** How many tokens a hyphenated word written without spaces ("large-scale", "short-range") spans at `j`, else 0. */
function hyphenated(tokens: readonly Token[], j: number): number {
  const [a, h, b] = [tokens[j], tokens[j + 1], tokens[j + 2]];
  return a?.word && h?.text === '-' && b?.word && a.end === h.start && h.end === b.start && !a.cap ? 3 : 0;
}

// compromise's lexicon: what a word is when it stands alone (adjective, demonym, number)
const lexicon = once(() => (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon);
const MODIFIER_TAG = /^(?:Adjective|Comparative|Superlative|Demonym|Cardinal|Ordinal|TextValue|Value)$/;
/** Whether a word before a noun-or-verb is a modifier, so that the word after it is the noun. */
function isModifier(t: Token, sentenceStart: boolean): boolean {
  if (t.cap && !sentenceStart && !/(?:an|ish|ese|i|ic)$/.test(t.norm)) return false;
  const tag = lexicon()[t.norm];
  const tags = Array.isArray(tag) ? tag : tag ? [tag] : [];
  if (tags.some((x) => MODIFIER_TAG.test(x))) return true;
  if (/^(?:joint|high-level|renewed|fresh|direct|indirect|bilateral|trilateral|multilateral)$/.test(t.norm)) return true;
  return (!t.cap || sentenceStart) && tags.length === 0 && /[a-z]{3,}(?:al|ive|ic|ous)$/.test(t.norm);
}
