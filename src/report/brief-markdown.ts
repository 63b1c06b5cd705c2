// The brief as Markdown: text escaped so that nothing in the data turns into markup, charts as SVG files written beside it and linked as images.
import { safeUrl } from '../model/safe-url.js';
import type { BriefData, Citation } from './brief-data.js';
import { briefFigures, type Figure } from './brief-figures.js';
import { citationText, confidenceSentence, judgementLead, retroLabel, scenarioModelsText, switchText, verdictLabel } from './brief-text.js';
import { likelihoodPredicate, likelihoodText, ruleTexts } from './estimative.js';
import { bottomLineRule } from './judgements.js';
import { humanDay } from './names.js';

/** Escapes Markdown punctuation and HTML's specials in text taken from data. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([#+-]|\d+\.)/, '\\$1');
}

/** A Markdown brief and the chart files it links (relative names, to be written in the same directory). */
export interface MarkdownBrief {
  readonly text: string;
  readonly files: readonly { readonly name: string; readonly content: string }[];
}

const refs = (ns: readonly number[]) => ns.map((n) => `[\\[${n}\\]](#ref-${n})`).join('');
const num = (x: number, d = 1) => x.toFixed(d);
const cell = (s: string) => escapeMarkdown(s);

function citation(c: Citation): string {
  const href = safeUrl(c.url);
  return `${c.n}. <a id="ref-${c.n}"></a>${escapeMarkdown(citationText(c))}${href ? ` <${href}>` : ''}`;
}

/**
 * The brief as Markdown. Charts are not inlined (most Markdown viewers do not render inline SVG): each is returned
 * as a file, `prefix` + its name, and linked as an image with its caption below.
 */
export function renderBriefMarkdown(d: BriefData, options: { prefix?: string } = {}): MarkdownBrief {
  const prefix = options.prefix ?? '';
  const figs = briefFigures(d);
  const e = escapeMarkdown;
  const out: string[] = [];
  const fig = (anchor: string) => {
    const f: Figure | undefined = figs.find((x) => x.anchor === anchor);
    if (f) out.push(`![${e(f.title)}](${encodeURI(prefix + f.file)})`, '', `*${e(f.caption)}*`, '');
  };
  const anchor = (id: string) => out.push(`<a id="${id}"></a>`, '');
  out.push(`# ${e(d.region.name)}: regional brief`, '');
  out.push(`*Written ${humanDay(d.generated)} by Faultline from ${d.counts.events} events in scope (${d.counts.first ? humanDay(d.counts.first) : '—'} to ${d.counts.last ? humanDay(d.counts.last) : '—'}; ${e(d.counts.originText || 'none')}).*`, '');
  out.push(`*Evidence scope: ${e(d.scopeText)}.*`, '');
  out.push(e(d.region.description), '');

  out.push('## Bottom line up front', '');
  if (!d.judgements.length) out.push('> No judgement meets the rules for the bottom line with the evidence in scope.', '');
  d.judgements.forEach((j, i) => {
    out.push(`${i + 1}. **${e(judgementLead(j))}** ${refs(j.cites)}`, '');
    out.push(`   ${e(confidenceSentence(j))}`, '');
    out.push(`   ${e(j.basis)} Evidence: ${e(j.evidence)}. [Detail below.](#${j.section})`, '');
    out.push(`   *What would change this judgement: ${e(j.change)}*`, '');
  });
  out.push(
    `Likelihood is worded on the scale of Intelligence Community Directive 203 ${refs([d.scale.cite])}: ${e(d.scale.terms.map((t) => likelihoodText({ p: 0, word: t.word, range: t.range })).join(', '))}. ` +
      `Confidence (low, moderate, high) says how broad and robust the evidence is, and is stated apart from the likelihood. ${e(bottomLineRule())}`,
    '',
  );
  out.push('| Kind | Likelihood from | Confidence |', '|---|---|---|');
  for (const r of ruleTexts()) out.push(`| ${cell(r.kind)} | ${cell(r.likelihood)} | ${cell(r.confidence)} |`);
  out.push('');

  if (d.notJudged.length || d.gaps.length) {
    out.push('## Not judged', '');
    for (const g of d.gaps) out.push(`> ${e(g)}`, '');
    if (d.notJudged.length) {
      out.push('The evidence in scope does not decide these hypotheses:', '');
      for (const t of d.notJudged) out.push(`- ${e(t)}`);
      out.push('');
    }
  }

  if (d.questions.length) {
    out.push('## Competing hypotheses', '');
    if (d.achRule) out.push(`*Each question of the paper is set against rival readings (Analysis of Competing Hypotheses). ${e(d.achRule)}*`, '');
    for (const q of d.questions) {
      anchor(q.anchor);
      out.push(`### ${q.hypotheses.map((h) => e(h.title)).join(' — or — ')}`, '');
      for (const h of q.hypotheses) {
        out.push(`#### ${e(h.title)} — ${verdictLabel(h.verdict)} (${h.role === 'paper' ? "the paper's thesis" : 'a rival reading'})`, '');
        out.push(`${e(h.statement)} ${refs(h.cites)}`, '');
        out.push(`*${e(h.reason)}${h.likelihood ? `. On this score the hypothesis ${e(likelihoodPredicate(h.likelihood))}.` : '.'}*`, '');
        for (const i of h.indicators) out.push(`- *${e(i.consistency)}*: ${e(i.description)} — ${e(i.finding)}${i.diagnostic ? '' : ' (not diagnostic: every hypothesis reads it alike)'}`);
        out.push('');
        if (h.sensitivity) out.push(`*${e(h.sensitivity)}*`, '');
      }
    }
  }

  if (d.shifts.length) {
    out.push('## Key shifts', '');
    for (const s of d.shifts) {
      anchor(s.anchor);
      out.push(`### ${e(s.title)}`, '', `${e(s.sentence)} ${refs(s.cites)}`, '');
      fig(s.anchor);
    }
  }

  if (d.structural) {
    out.push('## Structural indicators', '');
    if (d.structural.alignment.length) {
      out.push('### Alignment in UN General Assembly votes', '');
      out.push('The distance between two states’ ideal points, estimated from all their votes in a session, measures how far apart they vote; it says nothing about who moved, which the judgements above state separately.', '');
      for (const a of d.structural.alignment) {
        anchor(a.anchor);
        fig(a.anchor);
      }
    }
    if (d.structural.arms.length) {
      out.push('### Arms suppliers', '');
      out.push('Shares of each supplier in the trend-indicator value (TIV) of the arms delivered in a five-year block; a share of few deliveries moves with single deals.', '');
      for (const a of d.structural.arms) {
        anchor(a.anchor);
        fig(a.anchor);
      }
    }
  }

  if (d.balance) {
    anchor('balance');
    out.push('## Balance over time', '');
    out.push('One signed network of the region per year (Goldstein sums of events between parties plus curated alignment and hostility relations), split into the two camps that leave the fewest ties frustrated; the line index of balance is 1 − 2 × frustrated ties / ties. A camp change is shown only where every optimal split found requires it.', '');
    fig('balance');
    out.push('| Year | Index | Ties (hostile) | Events | Camp changes |', '|---|---:|---:|---:|---|');
    for (const y of d.balance.years) out.push(`| ${y.year} | ${num(y.lineIndex, 2)}${y.exact ? '' : ' (bound)'} | ${y.edges} (${y.negative}) | ${y.events} | ${cell(y.switches.map(switchText).join('; ') || '—')} |`);
    out.push('');
    if (d.balance.thin.length) out.push(`*Left out for fewer ties: ${d.balance.thin.join(', ')}.*`, '');
  }

  if (d.scenarios) {
    const sc = d.scenarios;
    out.push('## Scenarios', '');
    out.push(`Bargaining models on dated, cited inputs: the KTAB Spatial Model of Politics (SMP), Bueno de Mesquita’s expected utility model, and two baselines. Bands: ${sc.runs} SMP runs with every input jittered by up to ±${sc.perturb} points.`, '');
    for (const s of sc.scenarios) {
      anchor(s.anchor);
      out.push(`### ${e(s.title)}`, '');
      out.push(`${e(s.description)} *Inputs as of ${humanDay(s.asOf)}${s.recorded ? '; the outcome is recorded and retrodicted below' : '; no outcome recorded yet'}.* ${refs(s.cites)}`, '');
      for (const x of s.excluded) out.push(`*Left out of the bargaining: ${e(x.name)} — ${e(x.reason)}.*`, '');
      for (const x of s.dimensions) {
        out.push('| Model | Prediction (0–100) |', '|---|---:|');
        for (const p of x.predictions) out.push(`| ${cell(p.label)} | ${num(p.value)} |`);
        if (x.band) out.push(`| SMP band, 10–90% of runs (mean) | ${num(x.band.p10)}–${num(x.band.p90)} (${num(x.band.mean)}) |`);
        out.push('', e(scenarioModelsText(x)), '');
        if (x.warning) out.push(`> **${e(x.warning)}**`, '');
      }
      fig(s.anchor);
    }
    if (sc.retrodiction.length) {
      out.push('### Retrodiction: the models against recorded outcomes', '');
      const labels = sc.retrodiction[0].models.map((m) => m.label);
      out.push(`| Scenario (inputs as of) | Outcome | ${labels.map(cell).join(' | ')} | SMP band |`, `|---|---:|${labels.map(() => '---:').join('|')}|---|`);
      for (const r of sc.retrodiction) {
        const band = r.band ? `${num(r.band.p10)}–${num(r.band.p90)}${r.band.outcomeInBand ? ', holds the outcome' : ', misses the outcome'}${r.band.pointInBand ? '' : '; point outside band'}` : '—';
        out.push(`| ${cell(retroLabel(r))} | ${num(r.outcome, 0)} | ${r.models.map((m) => `${num(m.prediction)} (±${num(m.error)})`).join(' | ')} | ${band} |`);
      }
      out.push('', `*Mean absolute error over ${sc.scores[0]?.rows ?? 0} recorded outcome${sc.scores[0]?.rows === 1 ? '' : 's'}, points of the 0–100 scale: ${e(sc.scores.map((s) => `${s.label} ${num(s.meanError)}${s.kind === 'baseline' ? ' (baseline)' : ''}`).join('; '))}.*`, '');
    }
  }

  out.push('## Contested claims', '');
  if (!d.claims.length) out.push('No claim in the knowledge base is denied or disputed.', '');
  for (const c of d.claims) {
    const by = `claimed by ${c.claimants.map(e).join(', ')}${c.deniedBy.length ? `; denied by ${c.deniedBy.map(e).join(', ')}` : ''}`;
    out.push(`- **${e(c.status)}**${c.date ? ` (${humanDay(c.date)})` : ''}: ${e(c.statement)} — ${by}. ${refs(c.cites)}`);
  }
  out.push('');

  out.push('## Sources', '');
  for (const c of d.citations) out.push(citation(c));
  out.push('');
  return { text: out.join('\n'), files: figs.map((f) => ({ name: prefix + f.file, content: `<?xml version="1.0" encoding="UTF-8"?>\n${f.svg}\n` })) };
}
