// The brief's competing-hypotheses section: every question of the paper with its hypotheses, verdicts and indicators in words, and a judgement per decided hypothesis.
import type { Source, Thesis } from '../model/index.js';
import type { EvidenceFamily, IndicatorResult, ThesesReport, ThesisResult, Verdict } from '../measure/theses.js';
import { listSources, listTheses } from '../store/queries.js';
import { readEventLabels } from '../store/brief-reads.js';
import type { BriefContext } from './brief-context.js';
import { DATASETS, uniqueNumbers } from './citations.js';
import { likelihoodOf, logistic, type Likelihood } from './estimative.js';
import { indicatorSubject, thesisJudgement, type Judgement } from './judgements.js';
import { humanDay } from './names.js';

/** An indicator as the brief shows it. */
export interface IndicatorView {
  readonly description: string;
  readonly consistency: 'consistent' | 'inconsistent' | 'not evaluated';
  /** What was measured, in words (names, not codes or ids). */
  readonly finding: string;
  readonly diagnostic: boolean;
}

/** A hypothesis of a question as the brief shows it. */
export interface HypothesisView {
  readonly title: string;
  readonly statement: string;
  readonly role: 'paper' | 'rival';
  readonly verdict: Verdict;
  readonly score: number;
  /** The ICD 203 term of the score, for verdicts other than "insufficient evidence". */
  readonly likelihood: Likelihood | null;
  readonly reason: string;
  readonly indicators: readonly IndicatorView[];
  /** What leaving out single items would do. */
  readonly sensitivity: string;
  readonly cites: readonly number[];
}

/** One question of the paper and its competing hypotheses. */
export interface QuestionView {
  readonly anchor: string;
  readonly hypotheses: readonly HypothesisView[];
}

export interface ThesesSection {
  readonly questions: readonly QuestionView[];
  /** Hypotheses the evidence does not decide, in words. */
  readonly notJudged: readonly string[];
  readonly candidates: readonly Judgement[];
  /** The ACH rule, as the engine states it. */
  readonly rule: string;
}

const DATASET_OF_FAMILY: Partial<Record<EvidenceFamily, keyof typeof DATASETS>> = { arms: 'arms', alignment: 'unga', capability: 'milex', conflict: 'ucdp' };
const RELIABILITY = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5 } as Record<string, number>;
/** Sources cited per hypothesis: its driver's first, the most reliable and newest first. */
const CITES_PER_HYPOTHESIS = 6;

/** Evaluates the theses with sensitivity and turns them into the section and its judgements. */
export async function gatherTheses(ctx: BriefContext): Promise<ThesesSection | null> {
  const m = await import('../measure/index.js');
  const defs = await listTheses(ctx.store);
  if (!defs.length) {
    ctx.gaps.push('The knowledge base holds no theses, so there is no competing-hypotheses section.');
    return null;
  }
  const report: ThesesReport = await m.evaluateTheses(ctx.store, { scope: ctx.scopeInput, sensitivity: true });
  const sources = new Map<string, Source>((await listSources(ctx.store)).map((s) => [s.id, s]));
  const byId = new Map<string, Thesis>(defs.map((t) => [t.id, t]));
  // Name the events that sensitivity and the indicators point at.
  const eventIds = [...new Set([...(report.sensitivity ?? []).flatMap((s) => s.changes.map((c) => c.item)), ...report.ach.evidence.filter((e) => e.kind === 'event').map((e) => e.id)])];
  ctx.names.addEvents(await readEventLabels(ctx.store, eventIds.filter((id) => !id.includes(':'))));

  const datasetOrigins = (['gdelt', 'icews', 'acled'] as const).filter((o) => ctx.scope.origins.includes(o));
  const order = (ids: readonly string[]) =>
    [...ids].sort((a, b) => {
      const x = sources.get(a);
      const y = sources.get(b);
      return (RELIABILITY[x?.reliability ?? 'F'] ?? 5) - (RELIABILITY[y?.reliability ?? 'F'] ?? 5) || (y?.published ?? '').localeCompare(x?.published ?? '') || a.localeCompare(b);
    });
  const citesOf = (t: ThesisResult): number[] => {
    const driver = t.indicators.find((i) => i.id === t.driver);
    const ids = [...order(driver?.evidence.sources ?? []), ...order(t.indicators.flatMap((i) => i.evidence.sources)), ...order(t.sources)];
    const kb = uniqueNumbers([...new Set(ids)].map((id) => ctx.cite.source(id))).slice(0, CITES_PER_HYPOTHESIS);
    const families = new Set(t.indicators.filter((i) => i.holds !== null).map((i) => i.family));
    const data = [...families].flatMap((f) => (DATASET_OF_FAMILY[f] ? [ctx.cite.dataset(DATASETS[DATASET_OF_FAMILY[f]!])] : []));
    const scored = report.ach.evidence.some((e) => e.kind === 'dataset' && (e.cells[t.id] === 'C' || e.cells[t.id] === 'I'));
    const events = scored ? datasetOrigins.map((o) => ctx.cite.dataset(DATASETS[o])) : [];
    return uniqueNumbers([...kb, ...data, ...events]);
  };
  const sourceCount = (t: ThesisResult) => {
    const families = new Set(t.indicators.filter((i) => i.holds !== null).map((i) => i.family));
    const datasets = [...families].filter((f) => DATASET_OF_FAMILY[f]).length;
    return new Set(t.indicators.flatMap((i) => i.evidence.sources)).size + datasets;
  };

  const questions = new Map<string, ThesisResult[]>();
  for (const t of report.theses) questions.set(t.question, [...(questions.get(t.question) ?? []), t]);
  const views: QuestionView[] = [];
  const notJudged: string[] = [];
  const candidates: Judgement[] = [];
  let q = 0;
  for (const [, hs] of questions) {
    const anchor = `question-${++q}`;
    const decided = hs.filter((h) => h.verdict !== 'insufficient evidence');
    for (const h of hs.filter((x) => x.verdict === 'insufficient evidence')) notJudged.push(`${h.title}: ${reasonText(h, byId.get(h.id), ctx)}.`);
    if (!decided.length) continue;
    views.push({
      anchor,
      hypotheses: hs.map((h) => {
        const s = report.sensitivity?.find((x) => x.thesis === h.id);
        return {
          title: h.title,
          statement: h.statement,
          role: h.role,
          verdict: h.verdict,
          score: h.score,
          likelihood: h.verdict === 'insufficient evidence' ? null : likelihoodOf(logistic(h.score)),
          reason: reasonText(h, byId.get(h.id), ctx),
          indicators: h.indicators.map((i) => ({ description: i.description, consistency: i.consistency, finding: findingText(i, byId.get(h.id), ctx), diagnostic: i.diagnostic })),
          sensitivity: !s
            ? ''
            : s.changes.length
              ? `Leaving out ${s.changes.length === 1 ? 'this item' : `any one of these ${s.changes.length} items`} alone changes the verdict: ${s.changes.slice(0, 3).map((c) => `${ctx.names.item(c.item)} (→ ${c.verdict})`).join('; ')}${s.changes.length > 3 ? `; and ${s.changes.length - 3} more` : ''}.`
              : 'No single item changes the verdict when left out.',
          cites: citesOf(h),
        };
      }),
    });
    for (const h of decided) {
      const def = byId.get(h.id);
      const items: Record<string, number> = {};
      for (const e of report.ach.evidence) if (e.cells[h.id] === 'C' || e.cells[h.id] === 'I') items[e.kind] = (items[e.kind] ?? 0) + 1;
      const diagnosticIds = new Set(h.indicators.filter((i) => i.diagnostic && i.holds !== null).map((i) => i.id));
      const subjects = [...new Set((def?.indicators ?? []).filter((i) => diagnosticIds.has(i.id)).map((i) => indicatorSubject(i as never)).filter((x): x is string => x !== null))];
      candidates.push(
        thesisJudgement({ thesis: h, sensitivity: report.sensitivity?.find((x) => x.thesis === h.id), items, sources: sourceCount(h), cites: citesOf(h).slice(0, 5), section: anchor, subjects }, ctx.names),
      );
    }
  }
  return { questions: views, notJudged, candidates, rule: report.ach.rule };
}

/** Why a verdict is what it is, without indicator ids. */
function reasonText(t: ThesisResult, def: Thesis | undefined, ctx: BriefContext): string {
  let text = t.reason;
  for (const i of def?.indicators ?? []) text = text.split(i.id).join(`“${i.description.replace(/[.]$/, '')}”`);
  const said = ctx.names.prose(text);
  return said.charAt(0).toUpperCase() + said.slice(1);
}

/** What an indicator measured, in words: notes of kinds that carry ids are rebuilt from the indicator and its value. */
function findingText(i: IndicatorResult, def: Thesis | undefined, ctx: BriefContext): string {
  const d = def?.indicators.find((x) => x.id === i.id);
  const n = ctx.names;
  if (d?.kind === 'relation') {
    const rels = [...new Set(i.evidence.relations.map((r) => n.relation(r)))];
    if (!rels.length) return `no ${d.type.replace(/-/g, ' ')} relation between ${n.the(d.from)} and ${n.the(d.to)} is recorded`;
    return `${rels.join(' and ')} ${i.value === true ? 'holds' : 'does not hold'} on ${humanDay(d.on)}`;
  }
  if (d?.kind === 'claim-status') return `${n.claim(d.claim)} stands ${String(i.value ?? 'unknown')}`;
  if (d?.kind === 'format-participation') return `${n.the(d.actor)} in ${n.format(d.format)} on ${humanDay(d.on)}: ${String(i.value ?? 'no entry')}`;
  return n.prose(i.note);
}
