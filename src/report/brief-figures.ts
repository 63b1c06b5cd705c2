// The brief's charts, built once from its data for both renderers: each with a file name, its SVG and a caption stating scope, n and data vintage.
import type { BriefData } from './brief-data.js';
import type { ChartCaption } from './brief-context.js';
import { bandChartSvg, dyadChartSvg, shareBarsSvg, yearLinesSvg } from './brief-svg.js';

export interface Figure {
  /** The anchor of the section it belongs to. */
  readonly anchor: string;
  /** File name when written beside a Markdown brief (figure-01-….svg). */
  readonly file: string;
  readonly title: string;
  readonly svg: string;
  /** "Scope: … · n = … · Data: …". */
  readonly caption: string;
}

/** One line stating scope, n and vintage. */
export const captionText = (c: ChartCaption): string => `Scope: ${c.scope}. ${c.n.replace(/^n = /, 'n = ')}. Data: ${c.vintage}.`;

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');

/** Every chart of the brief, in reading order. */
export function briefFigures(d: BriefData): Figure[] {
  const figs: Omit<Figure, 'file'>[] = [];
  for (const s of d.shifts) {
    const title = `${s.title}: events per year`;
    figs.push({ anchor: s.anchor, title, svg: dyadChartSvg(s.series, { title }), caption: captionText(s.caption) });
  }
  for (const a of d.structural?.alignment ?? []) {
    const title = `${a.name}: distance of UN General Assembly voting positions`;
    figs.push({
      anchor: a.anchor,
      title,
      svg: yearLinesSvg(
        a.lines.map((l) => ({ label: l.name, points: l.points.map((p) => ({ year: p.year, value: p.distance })) })),
        { title, yLabel: 'ideal-point distance', yMin: 0, note: 'Higher: further apart in their votes. Ideal points estimated from all roll calls of each session.' },
      ),
      caption: captionText(a.caption),
    });
  }
  for (const a of d.structural?.arms ?? []) {
    const title = `${a.name}: suppliers' shares of arms deliveries`;
    const legend = [...a.suppliers.map((s) => ({ key: s.code, label: s.name })), ...(a.blocks.some((b) => b.shares.some((s) => s.supplier === 'others')) ? [{ key: 'others', label: 'all others' }] : [])];
    figs.push({
      anchor: a.anchor,
      title,
      svg: shareBarsSvg(
        a.blocks.map((b) => ({ label: b.label.replace('-', '–'), total: `${Math.round(b.tiv)} m TIV`, note: b.partial ? '(part)' : undefined, parts: b.shares.map((s) => ({ key: s.supplier, share: s.share })) })),
        { title, legend },
      ),
      caption: captionText(a.caption),
    });
  }
  if (d.balance) {
    const title = 'Structural balance of the regional network per year';
    figs.push({
      anchor: 'balance',
      title,
      svg: yearLinesSvg([{ label: 'line index of balance (1 = fully balanced)', points: d.balance.years.map((y) => ({ year: y.year, value: y.lineIndex })), marks: d.balance.years.map((y) => y.exact) }], {
        title,
        yLabel: 'line index of balance',
        yMin: 0,
        yMax: 1,
        note: 'Years with fewer signed ties are left out; a hollow point is a bound, not a proven optimum.',
      }),
      caption: captionText(d.balance.caption),
    });
  }
  for (const s of d.scenarios?.scenarios ?? []) {
    const title = `${s.title}: predicted outcome and band`;
    figs.push({
      anchor: s.anchor,
      title,
      svg: bandChartSvg(s.dimensions.map((x) => ({ low: x.low, high: x.high, point: x.point, band: x.band })), { title }),
      caption: captionText({
        scope: `${s.actors.length} actors (${s.actors.join(', ')})${s.excluded.length ? `; left out: ${s.excluded.map((e) => e.name).join(', ')}` : ''}`,
        n: `n = ${d.scenarios!.runs} Monte Carlo runs with inputs jittered by ±${d.scenarios!.perturb} points; triangle: the KTAB SMP's point; shaded: 10–90% of the runs; bar: their mean`,
        vintage: `inputs as of ${s.asOf}`,
      }),
    });
  }
  return figs.map((f, i) => ({ ...f, file: `figure-${String(i + 1).padStart(2, '0')}-${slug(f.title)}.svg` }));
}
