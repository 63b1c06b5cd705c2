// The brief as Markdown: text escaped so that nothing in the data turns into markup, charts as inline SVG blocks.
import { safeUrl } from '../model/safe-url.js';
import type { BriefData, Citation } from './brief-data.js';
import { bandChartSvg, dyadChartSvg } from './brief-svg.js';
import { shiftSentence, verdictLabel } from './brief-text.js';

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

const refs = (ns: readonly number[]) => ns.map((n) => `[\\[${n}\\]](#ref-${n})`).join('');


function citation(c: Citation): string {
  const href = safeUrl(c.url);
  const text = [escapeMarkdown(c.label), c.title ? `“${escapeMarkdown(c.title)}”` : null].filter(Boolean).join(', ');
  return `${c.n}. <a id="ref-${c.n}"></a>${text}${href ? ` — <${href}>` : ''}`;
}

export function renderBriefMarkdown(d: BriefData): string {
  const out: string[] = [];
  const e = escapeMarkdown;
  out.push(`# ${e(d.region.name)}: regional brief`, '');
  out.push(`*Written ${d.generated} by Faultline from ${d.counts.events} events in scope (${d.counts.first ?? '—'} to ${d.counts.last ?? '—'}).*`, '');
  out.push(`*Evidence scope: ${escapeMarkdown(d.scopeText)}.*`, '');
  out.push(e(d.region.description), '');
  for (const g of d.gaps) out.push(`> ${e(g)}`, '');

  out.push('## Key shifts', '');
  for (const s of d.shifts) {
    out.push(`### ${e(s.names[0])} – ${e(s.names[1])}`, '');
    out.push(`${e(shiftSentence(s))} ${refs(s.cites)}`, '');
    out.push(dyadChartSvg(s.series, { title: `${s.names[0]} – ${s.names[1]}, per year` }), '');
  }

  out.push('## Contested claims', '');
  if (!d.claims.length) out.push('No claim in the knowledge base is denied or disputed.', '');
  for (const c of d.claims) {
    const by = `claimed by ${c.claimants.map(e).join(', ')}${c.deniedBy.length ? `; denied by ${c.deniedBy.map(e).join(', ')}` : ''}`;
    out.push(`- **${e(c.status)}**${c.date ? ` (${c.date})` : ''}: ${e(c.statement)} — ${by}. ${refs(c.cites)}`);
  }
  out.push('');

  out.push('## Thesis verdicts', '');
  for (const t of d.theses) {
    out.push(`### ${e(t.title)} — ${verdictLabel(t.verdict)}`, '');
    out.push(`${e(t.statement)} ${refs(t.cites)}`, '');
    out.push(`${t.consistent} indicator${t.consistent === 1 ? '' : 's'} consistent, ${t.inconsistent} inconsistent:`, '');
    for (const i of t.indicators) out.push(`- *${e(i.consistency)}*: ${e(i.description)}${i.note ? ` — ${e(i.note)}` : ''}`);
    out.push('');
  }

  out.push('## Scenario outlooks', '');
  for (const s of d.scenarios) {
    out.push(`### ${e(s.title)}`, '');
    out.push(`${e(s.description)} (inputs as of ${s.asOf}) ${refs(s.cites)}`, '');
    for (const dim of s.dimensions) {
      const band = dim.band ? `; ${s.runs} runs with inputs jittered by ±${s.perturb} points put it between ${dim.band.p10.toFixed(1)} and ${dim.band.p90.toFixed(1)} (p10–p90)` : '';
      out.push(`- **${e(dim.dimension)}**: the KTAB Spatial Model of Politics predicts ${dim.outcome.toFixed(1)} on a scale from 0 (${e(dim.low)}) to 100 (${e(dim.high)})${band}.`);
    }
    out.push('', bandChartSvg(s.dimensions, { title: `${s.title}: predicted outcome and band` }), '');
  }

  out.push('## Sources', '');
  for (const c of d.citations) out.push(citation(c));
  out.push('');
  return out.join('\n');
}
