// Key judgements of the brief, each derived by a stated rule from one measure (ACH thesis scores, event and UN-vote trends, arms-supply shifts, scenario bands), worded on the ICD 203 scale, and the bottom-line selection.
import type { Sensitivity, ThesisResult } from '../measure/theses.js';
import { mannKendall } from '../measure/mann-kendall.js';
import { theilSen } from '../measure/theil-sen.js';
import type { Rng } from '../simulate/rng.js';
import {
  JUDGEMENT_DEFAULTS as D,
  capConfidence,
  likelihoodOf,
  likelihoodText,
  logistic,
  trendProbabilityBound,
  type ConfidenceLevel,
  type Likelihood,
} from './estimative.js';
import { humanDay, type NameBook } from './names.js';

export type JudgementKind = 'thesis' | 'dyad-trend' | 'alignment-trend' | 'arms-shift' | 'scenario';

/** The order in which the bottom line takes the best judgement of each kind (theses weigh several measures at once). */
export const JUDGEMENT_KINDS: readonly JudgementKind[] = ['thesis', 'dyad-trend', 'alignment-trend', 'arms-shift', 'scenario'];

/** One key judgement: a statement in ICD 203 words, its confidence, the rule and figures behind it, its evidence and sources. */
export interface Judgement {
  readonly kind: JudgementKind;
  /** What it is about (pairs, recipients): two judgements on one subject do not both enter the bottom line. */
  readonly subjects: readonly string[];
  /** Whether the measure's own rule calls it (a decisive thesis verdict, a significant trend, a large shift). */
  readonly decisive: boolean;
  readonly likelihood: Likelihood;
  readonly confidence: ConfidenceLevel;
  /** "It is very likely (80–95%) that …" — the likelihood only (ICD 203 keeps confidence out of this sentence). */
  readonly statement: string;
  /** Why the confidence is what it is. */
  readonly confidenceReason: string;
  /** The rule applied and the figures it read. */
  readonly basis: string;
  /** "n = 17 events, 27 sources". */
  readonly evidence: string;
  readonly cites: readonly number[];
  /** What would change this judgement. */
  readonly change: string;
  /** Anchor of the section with the detail. */
  readonly section: string;
}

const CONF_ORDER: Record<ConfidenceLevel, number> = { low: 0, moderate: 1, high: 2 };
const signed = (x: number, d = 2) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(d)}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "It is likely (55–80%) that …" / "There is a roughly even chance (45–55%) that …". */
export function estimativeSentence(l: Likelihood, clause: string): string {
  const lead = l.word === 'roughly even chance' ? `There is a ${likelihoodText(l)}` : l.word === 'almost no chance' ? `There is ${likelihoodText(l)}` : `It is ${likelihoodText(l)}`;
  return `${lead} that ${clause}.`;
}

/** A title as the clause of a sentence: "The talks changed broker" → "the talks changed broker"; names keep their capital. */
export function asClause(title: string): string {
  const t = title.trim().replace(/[.]$/, '');
  return /^(The|A|An) /.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

// --- Theses -------------------------------------------------------------------------------------------------------

/** What a thesis judgement reads: the thesis's result, its sensitivity, and its evidence in the ACH matrix. */
export interface ThesisJudgementInput {
  readonly thesis: ThesisResult;
  readonly sensitivity: Sensitivity | undefined;
  /** Items of the ACH matrix this thesis scores C or I, counted by kind. */
  readonly items: Readonly<Record<string, number>>;
  /** Distinct sources of the thesis's evidence (articles and datasets). */
  readonly sources: number;
  readonly cites: readonly number[];
  readonly section: string;
  /** Subjects of its diagnostic indicators (indicatorSubject of their definitions). */
  readonly subjects: readonly string[];
}

/** The subject of an indicator, for telling two judgements on the same thing apart. */
export function indicatorSubject(i: { kind: string } & Record<string, unknown>): string | null {
  const pair = (a: unknown, b: unknown) => `pair:${[String(a), String(b)].sort().join('~')}`;
  switch (i.kind) {
    case 'supplier-share':
      return `arms:${String(i.recipient)}`;
    case 'alignment-shift':
    case 'alignment-trend':
      return `alignment:${[String(i.a), String(i.b)].sort().join('~')}`;
    case 'dyad-trend':
    case 'mediation-share':
      return pair(i.a, i.b);
    default:
      return null;
  }
}

/** The families of a thesis's evaluated diagnostic indicators, relations aside (as the ACH verdict counts them). */
const familiesOf = (t: ThesisResult) => [...new Set(t.indicators.filter((i) => i.holds !== null && i.diagnostic && i.family !== 'relations').map((i) => i.family))];

/**
 * A thesis as a judgement. Likelihood: logistic of the ACH score (nats). Confidence: high with three or more
 * families, nothing unevaluated and no single item that changes the verdict; moderate with two families and no such
 * item; low otherwise, and low for any verdict that is not decisive.
 */
export function thesisJudgement(x: ThesisJudgementInput, names: NameBook): Judgement {
  const t = x.thesis;
  const likelihood = likelihoodOf(logistic(t.score));
  const decisive = D.thesis.decisive.includes(t.verdict);
  const families = familiesOf(t);
  const unevaluated = t.indicators.filter((i) => i.holds === null).length;
  const changes = x.sensitivity?.changes ?? [];
  let confidence: ConfidenceLevel;
  let why: string;
  const fam = `${plural(families.length, 'evidence family', 'evidence families')}${families.length ? ` (${families.join(', ')})` : ''}`;
  if (!decisive) {
    confidence = 'low';
    why = `the competing-hypotheses verdict is ${t.verdict}: ${fam}, with diagnostic evidence on both sides`;
  } else if (changes.length) {
    confidence = 'low';
    why = `${fam}, but leaving out a single item (${names.item(changes[0].item)}) changes the verdict`;
  } else if (families.length >= D.thesis.highFamilies && unevaluated === 0) {
    confidence = 'high';
    why = `${fam}, every indicator evaluated, and no single item changes the verdict`;
  } else if (families.length >= D.thesis.moderateFamilies) {
    confidence = 'moderate';
    why = `${fam} and no single item changes the verdict${unevaluated ? `, but ${plural(unevaluated, 'indicator')} could not be evaluated` : ''}`;
  } else {
    confidence = 'low';
    why = `only ${fam} bears on it`;
  }
  const driver = t.indicators.find((i) => i.id === t.driver);
  const counted = t.indicators.filter((i) => i.holds !== null && i.diagnostic);
  const basis =
    `Competing-hypotheses verdict: ${t.verdict}, score ${signed(t.score, 1)} nats (threshold ±${t.threshold}) over ${plural(counted.length, 'diagnostic indicator')}; ` +
    `with even prior odds the score gives ${pct(logistic(t.score))}` + (driver ? `. It rests most on: ${driver.description.replace(/[.]$/, '')}` : '') + '.';
  // Flipping the indicator that moves the score most changes the score by twice its contribution.
  const flipped = driver ? Math.round((t.score - 2 * driver.contribution) * 100) / 100 : null;
  const flipText = driver && flipped !== null ? `if the indicator “${driver.description.replace(/[.]$/, '')}” came out the other way, the score would be ${signed(flipped, 1)} nats` : '';
  const change = changes.length
    ? `Leaving out ${names.item(changes[0].item)} alone would make the verdict ${changes[0].verdict}` +
      (changes.length > 1 ? `; so would ${changes.length - 1 === 1 ? 'one other single item' : `any of ${changes.length - 1} other single items`}` : '') + '.'
    : `No single piece of evidence changes the verdict when left out${x.sensitivity?.untested ? ` (${plural(x.sensitivity.untested, 'dataset aggregate')} could not be tested one by one)` : ''}` +
      (flipText ? `; ${flipText}` : '') + '.';
  return {
    kind: 'thesis',
    subjects: x.subjects,
    decisive,
    likelihood,
    confidence,
    statement: estimativeSentence(likelihood, asClause(t.title)),
    confidenceReason: why,
    basis,
    evidence: evidenceText(x.items, x.sources),
    cites: x.cites,
    change,
    section: x.section,
  };
}

/** "n = 26 events, 1 claim, 12 structural rows; 38 sources". */
export function evidenceText(items: Readonly<Record<string, number>>, sources: number): string {
  const parts: string[] = [];
  const k = (key: string) => items[key] ?? 0;
  if (k('event')) parts.push(plural(k('event'), 'event'));
  if (k('dataset')) parts.push(plural(k('dataset'), 'dataset aggregate'));
  if (k('claim')) parts.push(plural(k('claim'), 'claim'));
  if (k('relation')) parts.push(plural(k('relation'), 'relation'));
  if (k('format')) parts.push(plural(k('format'), 'format state'));
  if (k('structural')) parts.push(plural(k('structural'), 'structural data row'));
  return `n = ${parts.length ? parts.join(', ') : 'no evidence items'}; ${plural(sources, 'source')}`;
}

// --- Trends (event dyads and UN-vote alignment) --------------------------------------------------------------------

/** A yearly series for a trend judgement: the values of the years that have one, in order. */
export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** Mann–Kendall without each year in turn: the largest p, and the year whose removal gives it. */
export function leaveOneOut(points: readonly YearValue[]): { p: number; year: number | null; sameDirection: boolean } {
  const full = mannKendall(points.map((v) => v.value));
  let worst = { p: 0, year: null as number | null, sameDirection: true };
  for (let i = 0; i < points.length; i++) {
    const rest = points.filter((_, j) => j !== i).map((v) => v.value);
    const mk = mannKendall(rest);
    if (!mk) continue;
    const same = full ? Math.sign(mk.s) === Math.sign(full.s) : true;
    if (mk.p > worst.p || !same) worst = { p: mk.p, year: points[i].year, sameDirection: same && worst.sameDirection };
  }
  return worst;
}

/** What an event-trend judgement reads: a dyad's yearly Goldstein means and its evidence. */
export interface DyadTrendInput {
  readonly a: string;
  readonly b: string;
  readonly points: readonly YearValue[];
  readonly events: number;
  readonly sources: number;
  readonly origins: number;
  readonly originText: string;
  readonly cites: readonly number[];
  readonly section: string;
}

/**
 * A dyad's trend as a judgement, when its yearly Goldstein mean has a Mann–Kendall p ≤ α over enough years.
 * Likelihood: the Sellke–Bayarri–Berger bound of the p-value. Confidence: high with many years, two origins and a
 * trend that survives leaving out any single year; moderate when it survives; low otherwise.
 */
export function dyadTrendJudgement(x: DyadTrendInput, names: NameBook): Judgement | null {
  if (x.points.length < D.trend.minPeriods) return null;
  const mk = mannKendall(x.points.map((p) => p.value));
  const line = theilSen(x.points.map((p) => p.year), x.points.map((p) => p.value));
  if (!mk || !line || mk.p > D.trend.alpha || line.slope === 0) return null;
  const likelihood = likelihoodOf(trendProbabilityBound(mk.p));
  const loo = leaveOneOut(x.points);
  const robust = loo.p <= D.trend.alpha && loo.sameDirection;
  const confidence: ConfidenceLevel = robust && x.points.length >= D.trend.highPeriods && x.origins >= 2 ? 'high' : robust ? 'moderate' : 'low';
  const first = x.points[0];
  const last = x.points[x.points.length - 1];
  const toward = line.slope > 0 ? 'more cooperative' : 'more conflictual';
  return {
    kind: 'dyad-trend',
    subjects: [`pair:${[x.a, x.b].sort().join('~')}`],
    decisive: true,
    likelihood,
    confidence,
    statement: estimativeSentence(likelihood, `relations between ${names.the(x.a)} and ${names.the(x.b)} have grown ${toward} since ${first.year}`),
    confidenceReason: robust
      ? `${plural(x.points.length, 'year')} with events from ${x.originText}, and the trend stays significant whichever single year is left out`
      : `the trend loses its significance when ${loo.year} is left out`,
    basis:
      `Goldstein mean of their events per year ${signed(first.value, 1)} (${first.year}) to ${signed(last.value, 1)} (${last.year}); Theil–Sen slope ${signed(line.slope)} per year; ` +
      `Mann–Kendall p = ${mk.p.toFixed(3)} over ${plural(x.points.length, 'year')} with events, which bounds the probability of a real trend at ${pct(trendProbabilityBound(mk.p))}.`,
    evidence: `n = ${plural(x.events, 'event')} in ${plural(x.points.length, 'year')}; ${plural(x.sources, 'source')} (${x.originText})`,
    cites: x.cites,
    change: loo.year !== null
      ? `Without ${loo.year} alone the test gives p = ${loo.p.toFixed(3)}${loo.p > D.trend.alpha ? ', no longer significant' : ''}; a year of ${line.slope > 0 ? 'conflict' : 'cooperation'} like the early ones would weaken it.`
      : 'A further year against the trend would weaken it.',
    section: x.section,
  };
}

/** What an alignment-trend judgement reads: a pair's ideal points per year over the last years of the series. */
export interface AlignmentTrendInput {
  readonly a: string;
  readonly b: string;
  readonly rows: readonly { readonly year: number; readonly distance: number; readonly ideal_a: number; readonly ideal_b: number }[];
  readonly cites: readonly number[];
  readonly vintage: string;
  readonly section: string;
}

/**
 * A pair's UN-vote distance trend as a judgement (last `alignmentYears` years). Likelihood: the Sellke–Bayarri–Berger
 * bound. Confidence: one dataset, so moderate at most; moderate when the trend survives leaving out any single year.
 * The sentence says whose position moved, so that a drift of the reference power is not read as the country's choice.
 */
export function alignmentTrendJudgement(x: AlignmentTrendInput, names: NameBook): Judgement | null {
  const rows = x.rows.slice(-D.trend.alignmentYears);
  if (rows.length < D.trend.minPeriods) return null;
  const points = rows.map((r) => ({ year: r.year, value: r.distance }));
  const mk = mannKendall(points.map((p) => p.value));
  const line = theilSen(points.map((p) => p.year), points.map((p) => p.value));
  if (!mk || !line || mk.p > D.trend.alpha || line.slope === 0) return null;
  const likelihood = likelihoodOf(trendProbabilityBound(mk.p));
  const loo = leaveOneOut(points);
  const robust = loo.p <= D.trend.alpha && loo.sameDirection;
  const confidence = capConfidence(robust ? 'moderate' : 'low', 'moderate');
  const first = rows[0];
  const last = rows[rows.length - 1];
  const movedA = Math.abs(last.ideal_a - first.ideal_a);
  const movedB = Math.abs(last.ideal_b - first.ideal_b);
  const mover = movedA >= movedB ? x.a : x.b;
  const apart = line.slope > 0;
  const moverText = `most of the movement is ${names.the(mover)}'s own (ideal points moved ${movedA.toFixed(2)} for ${names.the(x.a)} and ${movedB.toFixed(2)} for ${names.the(x.b)})`;
  return {
    kind: 'alignment-trend',
    subjects: [`alignment:${[x.a, x.b].sort().join('~')}`],
    decisive: true,
    likelihood,
    confidence,
    statement: estimativeSentence(likelihood, `the UN General Assembly voting positions of ${names.the(x.a)} and ${names.the(x.b)} have ${apart ? 'drifted apart' : 'drawn closer'} since ${first.year}; ${moverText}`),
    confidenceReason: `one dataset (UN General Assembly ideal points) over ${plural(rows.length, 'year')}${robust ? ', and the trend stays significant whichever single year is left out' : `, and the trend loses its significance when ${loo.year} is left out`}`,
    basis:
      `Ideal-point distance ${first.distance.toFixed(2)} (${first.year}) to ${last.distance.toFixed(2)} (${last.year}); Theil–Sen slope ${signed(line.slope, 3)} per year; ` +
      `Mann–Kendall p = ${mk.p.toFixed(3)}, which bounds the probability of a real trend at ${pct(trendProbabilityBound(mk.p))}.`,
    evidence: `n = ${plural(rows.length, 'year')} of ideal points for each of the two states; 1 source (${x.vintage})`,
    cites: x.cites,
    change: loo.year !== null
      ? `Without ${loo.year} alone the test gives p = ${loo.p.toFixed(3)}${loo.p > D.trend.alpha ? ', no longer significant' : ''}; a reversal in the next sessions' votes would weaken it.`
      : "A reversal in the next sessions' votes would weaken it.",
    section: x.section,
  };
}

// --- Arms supply -------------------------------------------------------------------------------------------------

/** One weapon system's delivered TIV from one supplier in one block. */
export interface ArmsUnit {
  readonly supplier: string;
  readonly system: string;
  readonly tiv: number;
}

/** What an arms-shift judgement reads: a recipient's deliveries per system in two five-year blocks. */
export interface ArmsShiftInput {
  readonly recipient: string;
  readonly baseline: { readonly label: string; readonly units: readonly ArmsUnit[] };
  readonly window: { readonly label: string; readonly units: readonly ArmsUnit[] };
  readonly cites: readonly number[];
  readonly vintage: string;
  readonly section: string;
  readonly rng: Rng;
}

const shareOf = (units: readonly ArmsUnit[], supplier: string) => {
  const total = units.reduce((t, u) => t + u.tiv, 0);
  return total > 0 ? units.filter((u) => u.supplier === supplier).reduce((t, u) => t + u.tiv, 0) / total : 0;
};

/**
 * The supplier whose share of a recipient's arms deliveries changed most between two blocks, as a judgement when the
 * change is at least `minChange`. Likelihood: the share of bootstrap resamples of the systems in each block in which
 * the share moves the same way. Confidence: one register, so moderate at most; moderate with enough systems in both
 * blocks and a direction that survives leaving out the largest system; low otherwise.
 */
export function armsShiftJudgement(x: ArmsShiftInput, names: NameBook): Judgement | null {
  const b = x.baseline.units;
  const w = x.window.units;
  if (!b.length || !w.length) return null;
  const suppliers = [...new Set([...b, ...w].map((u) => u.supplier))];
  const changes = suppliers.map((s) => ({ s, before: shareOf(b, s), after: shareOf(w, s) })).map((c) => ({ ...c, change: c.after - c.before }));
  const top = changes.sort((p, q) => Math.abs(q.change) - Math.abs(p.change) || (p.s < q.s ? -1 : 1))[0];
  if (!top || Math.abs(top.change) < D.arms.minChange) return null;
  const dir = Math.sign(top.change);
  const draw = (units: readonly ArmsUnit[]) => Array.from({ length: units.length }, () => units[Math.floor(x.rng.next() * units.length)]);
  let same = 0;
  for (let r = 0; r < D.arms.resamples; r++) if (Math.sign(shareOf(draw(w), top.s) - shareOf(draw(b), top.s)) === dir) same++;
  const likelihood = likelihoodOf(same / D.arms.resamples);
  const largest = [...b, ...w].sort((p, q) => q.tiv - p.tiv)[0];
  const without = (units: readonly ArmsUnit[]) => units.filter((u) => u !== largest);
  const survives = Math.sign(shareOf(without(w), top.s) - shareOf(without(b), top.s)) === dir;
  const enough = b.length >= D.arms.moderateSystems && w.length >= D.arms.moderateSystems;
  const confidence: ConfidenceLevel = survives && enough ? 'moderate' : 'low';
  const verb = dir < 0 ? 'away from' : 'towards';
  const clause =
    `${names.the(x.recipient)}'s arms imports have shifted ${verb} ${names.the(top.s)}: its share of deliveries ${dir < 0 ? 'fell' : 'rose'} from ${pct(top.before)} in ${x.baseline.label} to ${pct(top.after)} in ${x.window.label}`;
  return {
    kind: 'arms-shift',
    subjects: [`arms:${x.recipient}`],
    decisive: true,
    likelihood,
    confidence,
    statement: estimativeSentence(likelihood, clause),
    confidenceReason: `one register (SIPRI)${enough ? '' : `, and few systems delivered (${b.length} and ${w.length})`}${survives ? '' : `, and leaving out the largest system (${largest.system}) reverses the direction`}`,
    basis:
      `Trend-indicator values of delivered systems, ${x.baseline.label} against ${x.window.label}; in ${same} of ${D.arms.resamples} bootstrap resamples of the systems ` +
      `(${b.length} and ${w.length}) the share moved the same way.`,
    evidence: `n = ${plural(b.length + w.length, 'system delivery', 'system deliveries')} (${b.length} and ${w.length}); 1 source (${x.vintage})`,
    cites: x.cites,
    change: survives
      ? `Leaving out the largest single system (${largest.system}, from ${names.the(largest.supplier)}) keeps the direction; a large new delivery from ${names.the(top.s)} would ${dir < 0 ? 'reverse' : 'dilute'} it.`
      : `Leaving out the largest single system (${largest.system}, from ${names.the(largest.supplier)}) reverses the direction.`,
    section: x.section,
  };
}

// --- Scenarios ---------------------------------------------------------------------------------------------------

/** What a scenario judgement reads: the SMP's point and band, the models side by side, and the retrodiction record. */
export interface ScenarioJudgementInput {
  readonly title: string;
  readonly asOf: string;
  readonly low: string;
  readonly high: string;
  readonly point: number;
  readonly band: { readonly p10: number; readonly p90: number; readonly pointInBand: boolean; readonly belowMidpoint: number; readonly aboveMidpoint: number; readonly midpoint: number } | null;
  readonly runs: number;
  readonly perturb: number;
  readonly modelsAgree: boolean;
  readonly spread: number;
  /**
   * The SMP's and the best baseline's mean error over the retrodicted outcomes, and on how many of them the SMP's
   * prediction lay on the same side of the midpoint as the outcome; null when none is recorded.
   */
  readonly retrodiction: { readonly smp: number; readonly bestBaseline: number; readonly rows: number; readonly sideHits: number } | null;
  readonly actors: number;
  readonly inputs: number;
  readonly sources: number;
  readonly cites: readonly number[];
  readonly section: string;
}

/**
 * A forward-looking scenario as a judgement: which end of its scale the outcome lies nearer. Likelihood: the share of
 * Monte Carlo runs on the point's side of the midpoint, discounted by the SMP's retrodiction record of calling the
 * side right (JUDGEMENT_DEFAULTS.scenario). Confidence: moderate at most, and only when the point lies in its band,
 * the models agree and the SMP beat the baselines in retrodiction with a small error; low otherwise.
 */
export function scenarioJudgement(x: ScenarioJudgementInput): Judgement | null {
  if (!x.band || x.point === x.band.midpoint) return null;
  const lowSide = x.point < x.band.midpoint;
  const share = lowSide ? x.band.belowMidpoint : x.band.aboveMidpoint;
  const r = x.retrodiction;
  const record = ((r?.sideHits ?? 0) + 1) / ((r?.rows ?? 0) + 2);
  const likelihood = likelihoodOf(record * share + (1 - record) * (1 - share));
  const retroOk = !!r && r.smp < r.bestBaseline && r.smp <= D.scenario.maxRetrodictionError;
  const confidence: ConfidenceLevel = x.band.pointInBand && x.modelsAgree && retroOk ? 'moderate' : 'low';
  const reasons = [
    'a bargaining model run on judged inputs',
    x.band.pointInBand ? '' : 'its point lies outside its own band',
    x.modelsAgree ? '' : `the models disagree by ${x.spread.toFixed(0)} points`,
    r ? (retroOk ? '' : `in retrodiction it missed recorded outcomes by ${r.smp.toFixed(1)} points on average (best baseline ${r.bestBaseline.toFixed(1)})`) : 'no recorded outcome to test it against',
  ].filter(Boolean);
  const nearer = lowSide ? x.low : x.high;
  const farther = lowSide ? x.high : x.low;
  return {
    kind: 'scenario',
    subjects: [`scenario:${x.title}`],
    decisive: likelihood.p > 0.55,
    likelihood,
    confidence,
    statement: estimativeSentence(likelihood, `the outcome on “${asClause(x.title)}” will lie nearer “${nearer}” than “${farther}”`),
    confidenceReason: reasons.join('; '),
    basis:
      `KTAB Spatial Model of Politics on inputs as of ${humanDay(x.asOf)}: ${x.point.toFixed(1)} on a 0–100 scale; ${Math.round(share * x.runs)} of ${x.runs} runs with inputs jittered by ±${x.perturb} points ` +
      `fall on that side of the midpoint (band ${x.band.p10.toFixed(1)}–${x.band.p90.toFixed(1)}, p10–p90); ` +
      (r ? `in retrodiction the SMP called the side of ${r.sideHits} of ${r.rows} recorded outcome${r.rows === 1 ? '' : 's'} right, a record of ${pct(record)} by Laplace's rule.` : `with no recorded outcome the model's record counts as even (${pct(record)}).`),
    evidence: `n = ${plural(x.actors, 'actor')}, ${plural(x.inputs, 'cited input')}; ${plural(x.sources, 'source')}`,
    cites: x.cites,
    change: `More retrodicted outcomes would move it most: each one the SMP calls right raises its record, each miss lowers it; ${pct(1 - share)} of the jittered runs crossed the midpoint (${x.band.midpoint}).`,
    section: x.section,
  };
}

// --- The bottom line ---------------------------------------------------------------------------------------------

/** Best first within a kind: decisive, then higher confidence, then further from even chance. */
export function rankJudgements(js: readonly Judgement[]): Judgement[] {
  return [...js].sort(
    (a, b) =>
      Number(b.decisive) - Number(a.decisive) ||
      CONF_ORDER[b.confidence] - CONF_ORDER[a.confidence] ||
      Math.abs(b.likelihood.p - 0.5) - Math.abs(a.likelihood.p - 0.5) ||
      (a.statement < b.statement ? -1 : 1),
  );
}

/**
 * The bottom line: rounds over the kinds in JUDGEMENT_KINDS order, each taking that kind's best decisive judgement
 * not about a subject already covered, at most `maxPerKind` of a kind, up to `maxJudgements`; when fewer than
 * `minJudgements` result, non-decisive judgements (mixed verdicts) fill up, again best first.
 */
export function bottomLine(candidates: readonly Judgement[]): Judgement[] {
  const byKind = new Map(JUDGEMENT_KINDS.map((k) => [k, rankJudgements(candidates.filter((j) => j.kind === k))]));
  const chosen: Judgement[] = [];
  const covered = new Set<string>();
  const fits = (j: Judgement) => !j.subjects.some((s) => covered.has(s));
  const take = (j: Judgement) => {
    chosen.push(j);
    j.subjects.forEach((s) => covered.add(s));
  };
  for (let round = 0; round < D.maxPerKind && chosen.length < D.maxJudgements; round++) {
    for (const k of JUDGEMENT_KINDS) {
      if (chosen.length >= D.maxJudgements) break;
      const next = byKind.get(k)!.find((j) => j.decisive && !chosen.includes(j) && fits(j));
      if (next) take(next);
    }
  }
  if (chosen.length < D.minJudgements) {
    for (const j of rankJudgements(candidates.filter((c) => !chosen.includes(c)))) {
      if (chosen.length >= D.minJudgements) break;
      if (fits(j)) take(j);
    }
  }
  return chosen;
}

/** How the bottom line was chosen, in words. */
export function bottomLineRule(): string {
  return (
    `The bottom line takes, round by round, the best decisive judgement of each kind in turn (competing hypotheses, event trends, UN-vote trends, arms supply, scenarios), ` +
    `skipping a subject already covered, at most ${D.maxPerKind} of a kind and ${D.maxJudgements} in all; best means higher confidence, then further from even chance. ` +
    `Mixed verdicts enter only when fewer than ${D.minJudgements} decisive judgements exist.`
  );
}
