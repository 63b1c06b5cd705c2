// Gathers what the regional brief says: the bottom line of key judgements, competing hypotheses, shifts, structural indicators, balance, scenarios and contested claims, with one numbered reference list.
import type { ScopeInput } from '../model/scope.js';
import { EVIDENCE_ORIGINS, type Source } from '../model/index.js';
import type { Store } from '../store/store.js';
import { listActors, listClaims, listFormats, listRegions, listRelations, listSources } from '../store/queries.js';
import { describeScope, resolveScope, scopeJson } from '../store/evidence.js';
import { readSpan } from '../store/evidence-reads.js';
import type { BriefContext } from './brief-context.js';
import { gatherBalance, type BalanceSection } from './brief-balance.js';
import { gatherScenarios, type ScenariosSection } from './brief-scenarios.js';
import { gatherShifts, SHIFT_DEFAULTS, type KeyShift } from './brief-shifts.js';
import { gatherStructural, type StructuralSection } from './brief-structural.js';
import { gatherTheses, type QuestionView } from './brief-theses.js';
import { CitationRegister, DATASETS, uniqueNumbers, type Citation } from './citations.js';
import { ICD203_LIKELIHOOD, JUDGEMENT_DEFAULTS, type LikelihoodTerm } from './estimative.js';
import { bottomLine, type Judgement } from './judgements.js';
import { NameBook } from './names.js';

export type { Citation } from './citations.js';

export interface ContestedClaim {
  readonly statement: string;
  readonly date: string | null;
  readonly status: string;
  readonly claimants: readonly string[];
  readonly deniedBy: readonly string[];
  readonly cites: readonly number[];
}

export interface BriefData {
  readonly kind: 'brief';
  readonly region: { readonly id: string; readonly name: string; readonly description: string };
  readonly generated: string;
  readonly counts: { readonly events: number; readonly first: string | null; readonly last: string | null; readonly byOrigin: Readonly<Record<string, number>>; readonly originText: string };
  /** What counts as evidence in every figure of the brief, stated at its top. */
  readonly scope: ReturnType<typeof scopeJson>;
  readonly scopeText: string;
  /** The bottom line: three to five key judgements (fewer only when fewer meet the rules). */
  readonly judgements: readonly Judgement[];
  /** Every judgement the measures gave, the bottom line's among them. */
  readonly candidates: readonly Judgement[];
  /** The ICD 203 scale, and the citation number of the directive. */
  readonly scale: { readonly terms: readonly LikelihoodTerm[]; readonly cite: number };
  readonly questions: readonly QuestionView[];
  readonly achRule: string | null;
  /** Hypotheses the evidence does not decide. */
  readonly notJudged: readonly string[];
  readonly shifts: readonly KeyShift[];
  readonly structural: StructuralSection | null;
  readonly balance: BalanceSection | null;
  readonly scenarios: ScenariosSection | null;
  readonly claims: readonly ContestedClaim[];
  readonly citations: readonly Citation[];
  /** Parts left out for want of evidence, said plainly. */
  readonly gaps: readonly string[];
}

export interface BriefOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** Region id; the first loaded region when absent. */
  readonly region?: string;
  /** How many dyads to show as key shifts. */
  readonly shifts?: number;
  /** Directories holding the region's scenario YAML files. */
  readonly scenarioDirs?: readonly string[];
  /** Monte Carlo runs per scenario (0 for none). */
  readonly runs?: number;
  readonly perturb?: number;
  readonly seed?: string;
  /** The date the brief is written, YYYY-MM-DD. */
  readonly today?: string;
}

export const BRIEF_DEFAULTS = { shifts: SHIFT_DEFAULTS.shifts, runs: 100, perturb: 5, seed: '1' } as const;

/** Reads the store and runs the measures and models the brief reports. */
export async function briefData(store: Store, options: BriefOptions = {}): Promise<BriefData> {
  const o = { ...BRIEF_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<Omit<BriefOptions, 'scope' | 'region' | 'today'>> & BriefOptions;
  const regions = await listRegions(store);
  const region = o.region ? regions.find((r) => r.id === o.region) : regions[0];
  if (!region) throw new Error(o.region ? `report/brief: region ${o.region} is not loaded` : 'report/brief: no region is loaded; run `faultline start` first');
  const sources = new Map<string, Source>((await listSources(store)).map((s) => [s.id, s]));
  const names = new NameBook({ actors: await listActors(store), claims: await listClaims(store), relations: await listRelations(store), formats: await listFormats(store) });
  const scopeInput: ScopeInput = { region: region.id, ...o.scope };
  const scope = await resolveScope(store, scopeInput);
  const ctx: BriefContext = { store, region, scopeInput, scope, scopeText: describeScope(scope), names, cite: new CitationRegister(sources), gaps: [] };
  // The directive comes first in the reference list: the bottom line's words are its terms.
  const icd = ctx.cite.dataset(DATASETS.icd203);

  const theses = await gatherTheses(ctx);
  const shifts = await gatherShifts(ctx, o.shifts);
  const structural = await gatherStructural(ctx);
  const balance = await gatherBalance(ctx);
  const scenarios = await gatherScenarios(ctx, { dirs: o.scenarioDirs ?? [], runs: o.runs, perturb: o.perturb, seed: o.seed });
  const candidates = [...(theses?.candidates ?? []), ...shifts.candidates, ...(structural?.candidates ?? []), ...(scenarios?.candidates ?? [])];
  const judgements = bottomLine(candidates);
  if (judgements.length < JUDGEMENT_DEFAULTS.minJudgements) {
    ctx.gaps.push(`Only ${judgements.length} judgement${judgements.length === 1 ? '' : 's'} met the rules for the bottom line (at least ${JUDGEMENT_DEFAULTS.minJudgements} are wanted); the evidence in scope does not support more.`);
  }

  const claims: ContestedClaim[] = (await listClaims(store))
    .filter((c) => c.status === 'denied' || c.status === 'disputed')
    .map((c) => ({
      statement: c.statement,
      date: c.date ? c.date.start : null,
      status: c.status,
      claimants: c.claimant.map((id) => names.name(id)),
      deniedBy: c.deniedBy.map((id) => names.name(id)),
      cites: uniqueNumbers(c.sources.map((id) => ctx.cite.source(id))),
    }));

  const span = await readSpan(store, scope);
  const total = Object.values(span.byOrigin).reduce((n, k) => n + k, 0);
  return renumberCitations({
    kind: 'brief',
    region: { id: region.id, name: region.name, description: region.description },
    generated: o.today ?? new Date().toISOString().slice(0, 10),
    counts: { events: total, first: span.first, last: span.last, byOrigin: span.byOrigin, originText: EVIDENCE_ORIGINS.filter((x) => span.byOrigin[x]).map((x) => `${x} ${span.byOrigin[x]}`).join(', ') },
    scope: scopeJson(scope),
    scopeText: ctx.scopeText,
    judgements,
    candidates,
    scale: { terms: ICD203_LIKELIHOOD, cite: icd },
    questions: theses?.questions ?? [],
    achRule: theses?.rule ?? null,
    notJudged: theses?.notJudged ?? [],
    shifts: shifts.shifts,
    structural,
    balance,
    scenarios,
    claims,
    citations: ctx.cite.all,
    gaps: ctx.gaps,
  });
}

/**
 * Numbers the reference list in the order a reader meets the citations (bottom line, scale, hypotheses, shifts,
 * structural charts, scenarios, claims) and drops entries that no rendered part cites.
 */
export function renumberCitations(d: BriefData): BriefData {
  const order: number[] = [];
  const see = (ns: readonly number[]) => ns.forEach((n) => order.includes(n) || order.push(n));
  d.judgements.forEach((j) => see(j.cites));
  see([d.scale.cite]);
  d.questions.forEach((q) => q.hypotheses.forEach((h) => see(h.cites)));
  d.shifts.forEach((s) => see(s.cites));
  d.structural?.alignment.forEach((a) => see(a.cites));
  d.structural?.arms.forEach((a) => see(a.cites));
  d.scenarios?.scenarios.forEach((s) => see(s.cites));
  d.claims.forEach((c) => see(c.cites));
  const to = new Map(order.map((n, i) => [n, i + 1]));
  const map = (ns: readonly number[]) => ns.map((n) => to.get(n)!).filter((n) => n !== undefined);
  const byOld = new Map(d.citations.map((c) => [c.n, c]));
  return {
    ...d,
    judgements: d.judgements.map((j) => ({ ...j, cites: map(j.cites) })),
    candidates: d.candidates.map((j) => ({ ...j, cites: map(j.cites.filter((n) => to.has(n))) })),
    scale: { ...d.scale, cite: to.get(d.scale.cite)! },
    questions: d.questions.map((q) => ({ ...q, hypotheses: q.hypotheses.map((h) => ({ ...h, cites: map(h.cites) })) })),
    shifts: d.shifts.map((s) => ({ ...s, cites: map(s.cites) })),
    structural: d.structural && {
      ...d.structural,
      alignment: d.structural.alignment.map((a) => ({ ...a, cites: map(a.cites) })),
      arms: d.structural.arms.map((a) => ({ ...a, cites: map(a.cites) })),
      candidates: d.structural.candidates.map((j) => ({ ...j, cites: map(j.cites.filter((n) => to.has(n))) })),
    },
    scenarios: d.scenarios && {
      ...d.scenarios,
      scenarios: d.scenarios.scenarios.map((s) => ({ ...s, cites: map(s.cites) })),
      retrodiction: d.scenarios.retrodiction.map((r) => ({ ...r, cites: map(r.cites.filter((n) => to.has(n))) })),
      candidates: d.scenarios.candidates.map((j) => ({ ...j, cites: map(j.cites.filter((n) => to.has(n))) })),
    },
    claims: d.claims.map((c) => ({ ...c, cites: map(c.cites) })),
    citations: order.map((n, i) => ({ ...byOld.get(n)!, n: i + 1 })),
  };
}
