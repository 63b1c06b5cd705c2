// Words of estimative probability and confidence levels of ICD 203 (ODNI, Analytic Standards, 2 January 2015, §D.6.e(2)), and the rules that turn a measure's figures into them.

/*
 * ICD 203, Intelligence Community Directive 203 "Analytic Standards" (Office of the Director of National
 * Intelligence, 2 January 2015), https://www.dni.gov/files/documents/ICD/ICD-203.pdf, section D.6.e(2)(a): a
 * product expresses likelihood with one of seven terms, each with its range — almost no chance (01–05%), very
 * unlikely (05–20%), unlikely (20–45%), roughly even chance (45–55%), likely (55–80%), very likely (80–95%),
 * almost certain(ly) (95–99%) — and (b) it must not combine a confidence level with a degree of likelihood in the
 * same sentence. Confidence is stated as low, moderate or high, for the quality and breadth of the basis.
 * Consulted 2026-12-01 through the stored reference table at https://github.com/wesinator/ICD203-intel-analysis,
 * which quotes the directive's text version (https://fas.org/irp/dni/icd/icd-203.pdf).
 */

/** One term of the ICD 203 likelihood scale and the probabilities it stands for. */
export interface LikelihoodTerm {
  readonly word: string;
  /** Lowest and highest probability of the term, as ICD 203 gives them. */
  readonly range: readonly [number, number];
}

/** The seven terms of ICD 203, lowest first (the first row of its table; the other row's synonyms are not used). */
export const ICD203_LIKELIHOOD: readonly LikelihoodTerm[] = [
  { word: 'almost no chance', range: [0.01, 0.05] },
  { word: 'very unlikely', range: [0.05, 0.2] },
  { word: 'unlikely', range: [0.2, 0.45] },
  { word: 'roughly even chance', range: [0.45, 0.55] },
  { word: 'likely', range: [0.55, 0.8] },
  { word: 'very likely', range: [0.8, 0.95] },
  { word: 'almost certain', range: [0.95, 0.99] },
];

export type ConfidenceLevel = 'low' | 'moderate' | 'high';
export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = ['low', 'moderate', 'high'];

/** A probability with its ICD 203 term. */
export interface Likelihood {
  /** The probability the rule gives, clamped to ICD 203's 1–99%. */
  readonly p: number;
  readonly word: string;
  readonly range: readonly [number, number];
}

/**
 * How the brief turns measures into likelihoods and confidence levels. Each value is a judgement about evidence, not
 * a fit to this region; the reasons are given beside them, and the brief prints the rules it applied.
 */
export const JUDGEMENT_DEFAULTS = {
  /** The bottom line holds three to five judgements (the bounds; fewer only when fewer meet the rules). */
  minJudgements: 3,
  maxJudgements: 5,
  /** At most this many of one kind, so that the bottom line speaks of more than one measure when it can. */
  maxPerKind: 2,
  thesis: {
    /**
     * Score → probability: the ACH score is a sum of log-likelihood ratios in nats (theses.yaml declares each
     * indicator's weight as one), so with even prior odds between a thesis and its negation the posterior is the
     * logistic of the score. Verdicts that the ACH engine calls decisive enter the bottom line; a mixed verdict only
     * when too few decisive judgements exist, and "insufficient evidence" never (it is listed as not judged).
     */
    decisive: ['supported', 'contradicted'] as readonly string[],
    fallback: ['mixed'] as readonly string[],
    /** High confidence: this many diagnostic evidence families (relations aside), nothing unevaluated, robust. */
    highFamilies: 3,
    /** Moderate: two independent families and no single item that changes the verdict when left out. */
    moderateFamilies: 2,
  },
  trend: {
    /**
     * p-value → probability: the upper bound on the posterior probability of a real trend with even prior odds,
     * 1 / (1 + B) with B = −e·p·ln p (Sellke, Bayarri & Berger 2001, "Calibration of p values for testing precise
     * null hypotheses", The American Statistician 55(1): 62–71). A p of 0.05 is then at most 71% ("likely"), not 95%.
     */
    alpha: 0.05,
    /** Years with data for a trend to be judged at all (more than the trend test's own minimum of 5). */
    minPeriods: 8,
    /** High confidence for an event trend: this many years, two or more origins, and robust to leaving out any year. */
    highPeriods: 10,
    /** Last years of the UN vote series read for alignment trends. */
    alignmentYears: 10,
  },
  arms: {
    /**
     * Bootstrap of the weapon-system deliveries within each five-year block (seeded): the probability is the share
     * of resamples in which the supplier's share moves the way it did. One register, so moderate at most.
     */
    resamples: 1000,
    seed: 'brief-arms',
    /** A share change smaller than this (fraction of the import mix) is not a judgement. */
    minChange: 0.2,
    /** Moderate confidence: at least this many systems delivered in each block, and the direction survives the largest one left out. */
    moderateSystems: 5,
  },
  scenario: {
    /**
     * Probability that the outcome lies on the side of the scale's midpoint the SMP points to:
     * h·s + (1 − h)·(1 − s), where s is the share of Monte Carlo runs on jittered inputs on that side (how stable the
     * call is) and h the SMP's record of calling the side right in retrodiction, (hits + 1) / (rows + 2) (Laplace's
     * rule, so an untested model stays at even chance). The jitter alone measures the model, not the world; the
     * record is what ties it to outcomes. Confidence: moderate at most, and only when the point lies in its band, the
     * models agree and the SMP beat every baseline in retrodiction with a mean error under `maxRetrodictionError`
     * points of the 0–100 scale.
     */
    maxRetrodictionError: 15,
  },
} as const;

/** The ICD 203 term of a probability (clamped to 1–99%); boundaries go to the term nearer even chance. */
export function likelihoodOf(p: number): Likelihood {
  const q = Math.min(0.99, Math.max(0.01, p));
  const term = q < 0.5
    ? ICD203_LIKELIHOOD.find((t) => q >= t.range[0] && q < t.range[1]) ?? ICD203_LIKELIHOOD[3]
    : [...ICD203_LIKELIHOOD].reverse().find((t) => q > t.range[0] && q <= t.range[1]) ?? ICD203_LIKELIHOOD[3];
  return { p: q, word: term.word, range: term.range };
}

/** Posterior probability of a thesis from its ACH score in nats, with even prior odds. */
export const logistic = (score: number): number => 1 / (1 + Math.exp(-score));

/** Upper bound of the probability that a trend is real given its two-sided p-value (Sellke, Bayarri & Berger 2001). */
export function trendProbabilityBound(p: number): number {
  if (!(p > 0)) return 0.99;
  if (p >= 1 / Math.E) return 0.5;
  const b = -Math.E * p * Math.log(p);
  return 1 / (1 + b);
}

/** "is very likely (80–95%)", "has a roughly even chance (45–55%)": the term as the predicate of a sentence. */
export function likelihoodPredicate(l: Likelihood): string {
  return l.word === 'roughly even chance' ? `has a ${likelihoodText(l)}` : l.word === 'almost no chance' ? `has ${likelihoodText(l)}` : `is ${likelihoodText(l)}`;
}

/** "very likely (80–95%)". */
export function likelihoodText(l: Likelihood): string {
  return `${l.word} (${pct(l.range[0])}–${pct(l.range[1])}%)`;
}

const pct = (x: number) => String(Math.round(x * 100)).padStart(2, '0');

/** The lower of two confidence levels. */
export function capConfidence(a: ConfidenceLevel, b: ConfidenceLevel): ConfidenceLevel {
  return CONFIDENCE_LEVELS[Math.min(CONFIDENCE_LEVELS.indexOf(a), CONFIDENCE_LEVELS.indexOf(b))];
}

/** The rules of JUDGEMENT_DEFAULTS in words, as the brief prints them under its bottom line. */
export function ruleTexts(): { readonly kind: string; readonly likelihood: string; readonly confidence: string }[] {
  const d = JUDGEMENT_DEFAULTS;
  return [
    {
      kind: 'Competing hypotheses',
      likelihood: 'the logistic of the ACH score, a sum of log-likelihood ratios in nats, with even prior odds between a hypothesis and its negation',
      confidence: `high with ${d.thesis.highFamilies} or more evidence families, every indicator evaluated and no single item that changes the verdict when left out; moderate with ${d.thesis.moderateFamilies} families and no such item; low otherwise, and always low for a mixed verdict`,
    },
    {
      kind: 'Trends in events and UN votes',
      likelihood: `the upper bound 1/(1 + B), B = −e·p·ln p, on the probability of a real trend given the Mann–Kendall p-value (Sellke, Bayarri & Berger 2001); judged only with p ≤ ${d.trend.alpha} over at least ${d.trend.minPeriods} years`,
      confidence: `UN votes are one dataset, so moderate at most, when the trend stays significant whichever single year is left out; events: high with ${d.trend.highPeriods} or more years from two or more origins and that robustness, moderate with the robustness alone; low otherwise`,
    },
    {
      kind: 'Arms supply',
      likelihood: `the share of ${d.arms.resamples} bootstrap resamples of the delivered systems in each five-year block in which a supplier's share moves the way it did; judged only for a change of at least ${Math.round(d.arms.minChange * 100)} points of the import mix`,
      confidence: `one register, so moderate at most, with ${d.arms.moderateSystems} or more systems in each block and a direction that survives leaving out the largest system; low otherwise`,
    },
    {
      kind: 'Scenarios',
      likelihood: "h·s + (1 − h)·(1 − s): s the share of Monte Carlo runs on jittered inputs on the side of the scale's midpoint the SMP points to, h its record of calling that side right in retrodiction, (hits + 1)/(outcomes + 2)",
      confidence: `moderate at most, when the point lies in its band, the models agree and the SMP beat every baseline in retrodiction with a mean error under ${d.scenario.maxRetrodictionError} points; low otherwise`,
    },
  ];
}
