// The brief as one self-contained HTML page: every text escaped, charts inline, and a CSP that allows no script at all.
import { safeUrl } from '../model/safe-url.js';
import { createHash } from 'node:crypto';
import type { BriefData, Citation } from './brief-data.js';
import { bandChartSvg, dyadChartSvg, escapeXml as esc } from './brief-svg.js';
import { shiftSentence, verdictLabel } from './brief-text.js';

const STYLE = `
body { font: 15px/1.55 Georgia, "Times New Roman", serif; color: #1d2733; max-width: 760px; margin: 40px auto; padding: 0 20px; }
h1 { font: 700 26px/1.2 Helvetica, Arial, sans-serif; margin: 0 0 4px; }
h2 { font: 700 13px Helvetica, Arial, sans-serif; text-transform: uppercase; letter-spacing: .06em; border-bottom: 2px solid #1d2733; padding-bottom: 4px; margin-top: 36px; }
h3 { font: 700 16px Helvetica, Arial, sans-serif; margin: 22px 0 4px; }
.meta { color: #7b8794; font: 13px Helvetica, Arial, sans-serif; }
.gap { border-left: 3px solid #d99a3e; padding: 4px 10px; background: #fbf5ea; }
sup a { text-decoration: none; font: 11px Helvetica, Arial, sans-serif; }
a { color: #2f5d8a; }
figure { margin: 10px 0 18px; }
.verdict { font: 700 11px Helvetica, Arial, sans-serif; text-transform: uppercase; letter-spacing: .05em; padding: 2px 7px; border-radius: 2px; background: #e4e7eb; vertical-align: middle; }
.supported { background: #dcefe3; color: #23704a; } .contradicted { background: #f6dcd9; color: #b3362b; }
.status { font: 700 11px Helvetica, Arial, sans-serif; text-transform: uppercase; color: #b3362b; }
ul.ind { font-size: 14px; } .consistent { color: #23704a; } .inconsistent { color: #b3362b; } .not-evaluated { color: #7b8794; }
ol.refs { font-size: 13px; } ol.refs li { margin-bottom: 3px; word-break: break-word; }
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');


const refs = (ns: readonly number[]) => (ns.length ? `<sup>${ns.map((n) => `<a href="#ref-${n}">[${n}]</a>`).join('')}</sup>` : '');

function citation(c: Citation): string {
  const link = safeUrl(c.url);
  const text = [esc(c.label), c.title ? `“${esc(c.title)}”` : null].filter(Boolean).join(', ');
  return `<li id="ref-${c.n}">${text}${link ? ` — <a href="${esc(link)}" rel="noopener noreferrer">${esc(link)}</a>` : ''}</li>`;
}

export function renderBriefHtml(d: BriefData): string {
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src data:">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">');
  out.push(`<title>${esc(d.region.name)}: regional brief</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${esc(d.region.name)}: regional brief</h1>`);
  out.push(`<p class="meta">Written ${esc(d.generated)} by Faultline from ${d.counts.events} events in scope (${esc(d.counts.first ?? '—')} to ${esc(d.counts.last ?? '—')}).</p>`);
  out.push(`<p class="meta scope">Evidence scope: ${esc(d.scopeText)}.</p>`);
  out.push(`<p>${esc(d.region.description)}</p>`);
  for (const g of d.gaps) out.push(`<p class="gap">${esc(g)}</p>`);

  out.push('<h2>Key shifts</h2>');
  for (const s of d.shifts) {
    out.push(`<h3>${esc(s.names[0])} – ${esc(s.names[1])}</h3>`);
    out.push(`<p>${esc(shiftSentence(s))}${refs(s.cites)}</p>`);
    out.push(`<figure>${dyadChartSvg(s.series, { title: `${s.names[0]} – ${s.names[1]}, per year` })}</figure>`);
  }

  out.push('<h2>Contested claims</h2>');
  if (!d.claims.length) out.push('<p>No claim in the knowledge base is denied or disputed.</p>');
  else out.push('<ul>');
  for (const c of d.claims) {
    const by = `claimed by ${c.claimants.map(esc).join(', ')}${c.deniedBy.length ? `; denied by ${c.deniedBy.map(esc).join(', ')}` : ''}`;
    out.push(`<li><span class="status">${esc(c.status)}</span>${c.date ? ` (${esc(c.date)})` : ''}: ${esc(c.statement)} — ${by}.${refs(c.cites)}</li>`);
  }
  if (d.claims.length) out.push('</ul>');

  out.push('<h2>Thesis verdicts</h2>');
  for (const t of d.theses) {
    const cls = t.verdict === 'supported' || t.verdict === 'contradicted' ? ` ${t.verdict}` : '';
    out.push(`<h3>${esc(t.title)} <span class="verdict${cls}">${esc(verdictLabel(t.verdict))}</span></h3>`);
    out.push(`<p>${esc(t.statement)}${refs(t.cites)}</p>`);
    out.push(`<p class="meta">${t.consistent} indicator${t.consistent === 1 ? '' : 's'} consistent, ${t.inconsistent} inconsistent</p><ul class="ind">`);
    for (const i of t.indicators) out.push(`<li><span class="${esc(i.consistency.replace(/\s+/g, '-'))}">${esc(i.consistency)}</span>: ${esc(i.description)}${i.note ? ` — ${esc(i.note)}` : ''}</li>`);
    out.push('</ul>');
  }

  out.push('<h2>Scenario outlooks</h2>');
  for (const s of d.scenarios) {
    out.push(`<h3>${esc(s.title)}</h3>`);
    out.push(`<p>${esc(s.description)} <span class="meta">(inputs as of ${esc(s.asOf)})</span>${refs(s.cites)}</p><ul>`);
    for (const dim of s.dimensions) {
      const band = dim.band ? `; ${s.runs} runs with inputs jittered by ±${s.perturb} points put it between ${dim.band.p10.toFixed(1)} and ${dim.band.p90.toFixed(1)} (p10–p90)` : '';
      out.push(`<li><b>${esc(dim.dimension)}</b>: the KTAB Spatial Model of Politics predicts ${dim.outcome.toFixed(1)} on a scale from 0 (${esc(dim.low)}) to 100 (${esc(dim.high)})${band}.</li>`);
    }
    out.push(`</ul><figure>${bandChartSvg(s.dimensions, { title: `${s.title}: predicted outcome and band` })}</figure>`);
  }

  out.push('<h2>Sources</h2><ol class="refs">');
  for (const c of d.citations) out.push(citation(c));
  out.push('</ol></body></html>', '');
  return out.join('\n');
}
