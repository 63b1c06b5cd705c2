// The brief as one self-contained HTML page: bottom line first, every text escaped, charts inline, external links only in the reference list, print rules for A4, and a CSP that allows no script.
import { createHash } from 'node:crypto';
import { safeUrl } from '../model/safe-url.js';
import type { BriefData, Citation } from './brief-data.js';
import { briefFigures, type Figure } from './brief-figures.js';
import { escapeXml as esc } from './brief-svg.js';
import { citationText, confidenceSentence, judgementLead, retroLabel, scenarioModelsText, switchText, verdictLabel } from './brief-text.js';
import { likelihoodPredicate, likelihoodText, ruleTexts } from './estimative.js';
import { bottomLineRule } from './judgements.js';
import { humanDay } from './names.js';

const STYLE = `
body { font: 15px/1.55 Georgia, "Times New Roman", serif; color: #1d2733; max-width: 720px; margin: 40px auto; padding: 0 20px; }
h1 { font: 700 26px/1.2 Helvetica, Arial, sans-serif; margin: 0 0 4px; }
h2 { font: 700 13px Helvetica, Arial, sans-serif; text-transform: uppercase; letter-spacing: .06em; border-bottom: 2px solid #1d2733; padding-bottom: 4px; margin-top: 36px; }
h3 { font: 700 16px Helvetica, Arial, sans-serif; margin: 22px 0 4px; }
h4 { font: 700 14px Helvetica, Arial, sans-serif; margin: 16px 0 4px; }
.meta { color: #52606d; font: 13px Helvetica, Arial, sans-serif; }
.gap { border-left: 3px solid #d99a3e; padding: 4px 10px; background: #fbf5ea; }
sup a { text-decoration: none; font: 11px Helvetica, Arial, sans-serif; }
a { color: #2f5d8a; }
figure { margin: 12px 0 20px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font: 12px/1.4 Helvetica, Arial, sans-serif; color: #52606d; margin-top: 4px; }
ol.bluf { padding-left: 22px; } ol.bluf > li { margin-bottom: 14px; }
ol.bluf p { margin: 2px 0; }
.judgement { font-weight: bold; }
.conf, .basis, .change { font-size: 14px; }
.change { font-style: italic; }
.verdict { font: 700 11px Helvetica, Arial, sans-serif; text-transform: uppercase; letter-spacing: .05em; padding: 2px 7px; border-radius: 2px; background: #e4e7eb; vertical-align: middle; }
.supported { background: #dcefe3; color: #23704a; } .contradicted { background: #f6dcd9; color: #b3362b; }
.status { font: 700 11px Helvetica, Arial, sans-serif; text-transform: uppercase; color: #b3362b; }
.warning { font: 700 13px Helvetica, Arial, sans-serif; color: #b3362b; }
ul.ind { font-size: 14px; } .consistent { color: #23704a; } .inconsistent { color: #b3362b; } .not-evaluated { color: #52606d; }
table { border-collapse: collapse; font: 12px/1.35 Helvetica, Arial, sans-serif; margin: 8px 0 16px; width: 100%; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 3px 6px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ol.refs { font-size: 13px; } ol.refs li { margin-bottom: 3px; word-break: break-word; }
@page { size: A4; margin: 15mm; }
@media print { body { max-width: none; margin: 0; padding: 0; font-size: 11pt; } figure, table, ol.bluf > li { break-inside: avoid; } h2, h3 { break-after: avoid; } a { color: inherit; } }
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

const refs = (ns: readonly number[]) => (ns.length ? `<sup>${ns.map((n) => `<a href="#ref-${n}">[${n}]</a>`).join('')}</sup>` : '');
const figure = (f: Figure | undefined) => (f ? `<figure>${f.svg}<figcaption>${esc(f.caption)}</figcaption></figure>` : '');
const num = (x: number, d = 1) => x.toFixed(d);

function citation(c: Citation): string {
  const link = safeUrl(c.url);
  return `<li id="ref-${c.n}">${esc(citationText(c))}${link ? ` <a href="${esc(link)}" rel="noopener noreferrer">${esc(link)}</a>` : ''}</li>`;
}

/** The brief as HTML. */
export function renderBriefHtml(d: BriefData): string {
  const figs = briefFigures(d);
  const fig = (anchor: string) => figure(figs.find((f) => f.anchor === anchor));
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src data:">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">');
  out.push(`<title>${esc(d.region.name)}: regional brief</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${esc(d.region.name)}: regional brief</h1>`);
  out.push(`<p class="meta">Written ${esc(humanDay(d.generated))} by Faultline from ${d.counts.events} events in scope (${esc(d.counts.first ? humanDay(d.counts.first) : '—')} to ${esc(d.counts.last ? humanDay(d.counts.last) : '—')}; ${esc(d.counts.originText || 'none')}).</p>`);
  out.push(`<p class="meta scope">Evidence scope: ${esc(d.scopeText)}.</p>`);
  out.push(`<p>${esc(d.region.description)}</p>`);

  out.push('<section id="bluf"><h2>Bottom line up front</h2>');
  if (d.judgements.length) {
    out.push('<ol class="bluf">');
    for (const j of d.judgements) {
      out.push('<li>');
      out.push(`<p class="judgement">${esc(judgementLead(j))}${refs(j.cites)}</p>`);
      out.push(`<p class="conf">${esc(confidenceSentence(j))}</p>`);
      out.push(`<p class="basis">${esc(j.basis)} Evidence: ${esc(j.evidence)}. <a href="#${esc(j.section)}">Detail below.</a></p>`);
      out.push(`<p class="change">What would change this judgement: ${esc(j.change)}</p>`);
      out.push('</li>');
    }
    out.push('</ol>');
  } else out.push('<p class="gap">No judgement meets the rules for the bottom line with the evidence in scope.</p>');
  out.push(`<p class="meta">Likelihood is worded on the scale of Intelligence Community Directive 203${refs([d.scale.cite])}: ${esc(d.scale.terms.map((t) => likelihoodText({ p: 0, word: t.word, range: t.range })).join(', '))}. Confidence (low, moderate, high) says how broad and robust the evidence is, and is stated apart from the likelihood. ${esc(bottomLineRule())}</p>`);
  out.push('<table><thead><tr><th>Kind</th><th>Likelihood from</th><th>Confidence</th></tr></thead><tbody>');
  for (const r of ruleTexts()) out.push(`<tr><td>${esc(r.kind)}</td><td>${esc(r.likelihood)}</td><td>${esc(r.confidence)}</td></tr>`);
  out.push('</tbody></table></section>');

  if (d.notJudged.length || d.gaps.length) {
    out.push('<section id="not-judged"><h2>Not judged</h2>');
    for (const g of d.gaps) out.push(`<p class="gap">${esc(g)}</p>`);
    if (d.notJudged.length) {
      out.push('<p>The evidence in scope does not decide these hypotheses:</p><ul>');
      for (const t of d.notJudged) out.push(`<li>${esc(t)}</li>`);
      out.push('</ul>');
    }
    out.push('</section>');
  }

  if (d.questions.length) {
    out.push('<section id="theses"><h2>Competing hypotheses</h2>');
    if (d.achRule) out.push(`<p class="meta">Each question of the paper is set against rival readings (Analysis of Competing Hypotheses). ${esc(d.achRule)}</p>`);
    for (const q of d.questions) {
      out.push(`<div id="${esc(q.anchor)}">`);
      out.push(`<h3>${q.hypotheses.map((h) => esc(h.title)).join(' <span class="meta">or</span> ')}</h3>`);
      for (const h of q.hypotheses) {
        const cls = h.verdict === 'supported' || h.verdict === 'contradicted' ? ` ${h.verdict}` : '';
        out.push(`<h4>${esc(h.title)} <span class="verdict${cls}">${esc(verdictLabel(h.verdict))}</span> <span class="meta">${h.role === 'paper' ? "the paper's thesis" : 'a rival reading'}</span></h4>`);
        out.push(`<p>${esc(h.statement)}${refs(h.cites)}</p>`);
        out.push(`<p class="meta">${esc(h.reason)}${h.likelihood ? `. On this score the hypothesis ${esc(likelihoodPredicate(h.likelihood))}.` : '.'}</p>`);
        out.push('<ul class="ind">');
        for (const i of h.indicators) out.push(`<li><span class="${esc(i.consistency.replace(/\s+/g, '-'))}">${esc(i.consistency)}</span>: ${esc(i.description)} <span class="meta">— ${esc(i.finding)}${i.diagnostic ? '' : ' (not diagnostic: every hypothesis reads it alike)'}</span></li>`);
        out.push('</ul>');
        if (h.sensitivity) out.push(`<p class="meta">${esc(h.sensitivity)}</p>`);
      }
      out.push('</div>');
    }
    out.push('</section>');
  }

  if (d.shifts.length) {
    out.push('<section id="shifts"><h2>Key shifts</h2>');
    for (const s of d.shifts) {
      out.push(`<div id="${esc(s.anchor)}"><h3>${esc(s.title)}</h3>`);
      out.push(`<p>${esc(s.sentence)}${refs(s.cites)}</p>${fig(s.anchor)}</div>`);
    }
    out.push('</section>');
  }

  if (d.structural) {
    out.push('<section id="structural"><h2>Structural indicators</h2>');
    if (d.structural.alignment.length) {
      out.push('<h3>Alignment in UN General Assembly votes</h3>');
      out.push('<p>The distance between two states’ ideal points, estimated from all their votes in a session, measures how far apart they vote; it says nothing about who moved, which the judgements above state separately.</p>');
      for (const a of d.structural.alignment) out.push(`<div id="${esc(a.anchor)}">${fig(a.anchor)}</div>`);
    }
    if (d.structural.arms.length) {
      out.push('<h3>Arms suppliers</h3>');
      out.push('<p>Shares of each supplier in the trend-indicator value (TIV) of the arms delivered in a five-year block; a share of few deliveries moves with single deals.</p>');
      for (const a of d.structural.arms) out.push(`<div id="${esc(a.anchor)}">${fig(a.anchor)}</div>`);
    }
    out.push('</section>');
  }

  if (d.balance) {
    const b = d.balance;
    out.push('<section id="balance"><h2>Balance over time</h2>');
    out.push('<p>One signed network of the region per year (Goldstein sums of events between parties plus curated alignment and hostility relations), split into the two camps that leave the fewest ties frustrated; the line index of balance is 1 − 2 × frustrated ties / ties. A camp change is shown only where every optimal split found requires it.</p>');
    out.push(fig('balance'));
    out.push('<table><thead><tr><th>Year</th><th class="num">Index</th><th class="num">Ties (hostile)</th><th class="num">Events</th><th>Camp changes</th></tr></thead><tbody>');
    for (const y of b.years) {
      const sw = y.switches.map(switchText);
      out.push(`<tr><td>${y.year}</td><td class="num">${num(y.lineIndex, 2)}${y.exact ? '' : ' (bound)'}</td><td class="num">${y.edges} (${y.negative})</td><td class="num">${y.events}</td><td>${esc(sw.join('; ') || '—')}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (b.thin.length) out.push(`<p class="meta">Left out for fewer ties: ${esc(b.thin.join(', '))}.</p>`);
    out.push('</section>');
  }

  if (d.scenarios) {
    const sc = d.scenarios;
    out.push('<section id="scenarios"><h2>Scenarios</h2>');
    out.push(`<p>Bargaining models on dated, cited inputs: the KTAB Spatial Model of Politics (SMP), Bueno de Mesquita’s expected utility model, and two baselines. Bands: ${sc.runs} SMP runs with every input jittered by up to ±${sc.perturb} points.</p>`);
    for (const s of sc.scenarios) {
      out.push(`<div id="${esc(s.anchor)}"><h3>${esc(s.title)}</h3>`);
      out.push(`<p>${esc(s.description)} <span class="meta">Inputs as of ${esc(humanDay(s.asOf))}${s.recorded ? '; the outcome is recorded and retrodicted below' : '; no outcome recorded yet'}.</span>${refs(s.cites)}</p>`);
      for (const e of s.excluded) out.push(`<p class="meta">Left out of the bargaining: ${esc(e.name)} — ${esc(e.reason)}.</p>`);
      for (const x of s.dimensions) {
        out.push('<table><thead><tr><th>Model</th><th class="num">Prediction (0–100)</th></tr></thead><tbody>');
        for (const p of x.predictions) out.push(`<tr><td>${esc(p.label)}</td><td class="num">${num(p.value)}</td></tr>`);
        if (x.band) out.push(`<tr><td>SMP band, 10–90% of runs (mean)</td><td class="num">${num(x.band.p10)}–${num(x.band.p90)} (${num(x.band.mean)})</td></tr>`);
        out.push('</tbody></table>');
        out.push(`<p class="meta">${esc(scenarioModelsText(x))}</p>`);
        if (x.warning) out.push(`<p class="warning">${esc(x.warning)}</p>`);
      }
      out.push(`${fig(s.anchor)}</div>`);
    }
    if (sc.retrodiction.length) {
      out.push('<h3 id="retrodiction">Retrodiction: the models against recorded outcomes</h3>');
      const labels = sc.retrodiction[0].models.map((m) => m.label);
      out.push(`<table><thead><tr><th>Scenario (inputs as of)</th><th class="num">Outcome</th>${labels.map((l) => `<th class="num">${esc(l)}</th>`).join('')}<th>SMP band</th></tr></thead><tbody>`);
      for (const r of sc.retrodiction) {
        out.push(
          `<tr><td>${esc(retroLabel(r))}</td><td class="num">${num(r.outcome, 0)}</td>` +
            r.models.map((m) => `<td class="num">${num(m.prediction)} <span class="meta">(±${num(m.error)})</span></td>`).join('') +
            `<td>${r.band ? `${num(r.band.p10)}–${num(r.band.p90)}${r.band.outcomeInBand ? ', holds the outcome' : ', misses the outcome'}${r.band.pointInBand ? '' : '; point outside band'}` : '—'}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
      out.push(`<p class="meta">Mean absolute error over ${sc.scores[0]?.rows ?? 0} recorded outcome${sc.scores[0]?.rows === 1 ? '' : 's'}, points of the 0–100 scale: ${esc(sc.scores.map((s) => `${s.label} ${num(s.meanError)}${s.kind === 'baseline' ? ' (baseline)' : ''}`).join('; '))}.</p>`);
    }
    out.push('</section>');
  }

  out.push('<section id="claims"><h2>Contested claims</h2>');
  if (!d.claims.length) out.push('<p>No claim in the knowledge base is denied or disputed.</p>');
  else {
    out.push('<ul>');
    for (const c of d.claims) {
      const by = `claimed by ${c.claimants.map(esc).join(', ')}${c.deniedBy.length ? `; denied by ${c.deniedBy.map(esc).join(', ')}` : ''}`;
      out.push(`<li><span class="status">${esc(c.status)}</span>${c.date ? ` (${esc(humanDay(c.date))})` : ''}: ${esc(c.statement)} — ${by}.${refs(c.cites)}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section id="sources"><h2>Sources</h2><ol class="refs">');
  for (const c of d.citations) out.push(citation(c));
  out.push('</ol></section></body></html>', '');
  return out.join('\n');
}
