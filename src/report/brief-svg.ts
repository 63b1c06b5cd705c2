// SVG charts of the brief, written as strings (inline in HTML, files beside Markdown): dyad bars and Goldstein line, alignment lines, supplier-share bars, balance index, scenario bands. Every text is escaped.

/** Escapes text for XML/HTML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Chart geometry. Width 680 user units is the printable width of an A4 page with 15 mm margins at 96 px per inch
 * (180 mm), so one unit prints as one CSS pixel and the smallest font (11) stays 11 px on paper; the HTML never
 * scales a chart up and the print stylesheet keeps it at that width.
 */
export const CHART = { width: 680, font: 11, title: 13, family: 'Helvetica, Arial, sans-serif' } as const;

const QUAD_COLORS = ['#6aa87f', '#23704a', '#d99a3e', '#b3362b'] as const;
const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
/** Series colours, distinguishable in greyscale print too (dark to light). */
const PALETTE = ['#1d2733', '#b3362b', '#2f5d8a', '#d99a3e', '#6aa87f', '#7b5ea7', '#9aa5b1'] as const;
const FONT = `font-family="${CHART.family}"`;
const f1 = (x: number) => (Math.round(x * 10) / 10).toString();

const open = (w: number, h: number, title: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>` +
  `<text x="0" y="15" ${FONT} font-size="${CHART.title}" font-weight="bold" fill="#1d2733">${escapeXml(title)}</text>`;
const text = (x: number, y: number, s: string, o: { anchor?: 'start' | 'middle' | 'end'; fill?: string; size?: number; weight?: string } = {}) =>
  `<text x="${f1(x)}" y="${f1(y)}" ${FONT} font-size="${o.size ?? CHART.font}"${o.weight ? ` font-weight="${o.weight}"` : ''} fill="${o.fill ?? '#3e4c59'}"${o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''}>${escapeXml(s)}</text>`;
/** Label positions that do not crowd: every k-th of n labels, k chosen so that labels of `chars` characters fit `room` units. */
const labelStep = (n: number, room: number, chars: number) => Math.max(1, Math.ceil((n * chars * CHART.font * 0.62) / Math.max(1, room)));

export interface DyadChartPeriod {
  readonly period: string;
  readonly events: number;
  readonly quad: { readonly '1': number; readonly '2': number; readonly '3': number; readonly '4': number };
  /** Null in a period without events (no point is drawn; the line breaks there). */
  readonly goldstein_mean: number | null;
}

/** Stacked quad-class counts (left scale) and the Goldstein mean (right scale, −10…+10) per period. */
export function dyadChartSvg(series: readonly DyadChartPeriod[], options: { title: string }): string {
  const W = CHART.width;
  const H = 240;
  const m = { l: 40, r: 40, t: 30, b: 50 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const n = Math.max(series.length, 1);
  const step = pw / n;
  const maxEvents = Math.max(1, ...series.map((p) => p.events));
  const yCount = (v: number) => m.t + ph - (v / maxEvents) * ph;
  const yGold = (g: number) => m.t + ph / 2 - (g / 10) * (ph / 2);
  const out: string[] = [open(W, H, options.title)];
  for (const g of [-10, -5, 0, 5, 10]) {
    const y = yGold(g);
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f1(y)}" y2="${f1(y)}" stroke="${g === 0 ? '#9aa5b1' : '#e4e7eb'}" stroke-width="1"${g === 0 ? ' stroke-dasharray="3 3"' : ''}/>`);
    out.push(text(W - m.r + 5, y + 4, `${g > 0 ? '+' : ''}${g}`, { fill: '#52606d' }));
  }
  out.push(text(m.l - 5, m.t + 4, String(maxEvents), { anchor: 'end', fill: '#52606d' }));
  out.push(text(m.l - 5, m.t + ph, '0', { anchor: 'end', fill: '#52606d' }));
  const bw = Math.max(2, Math.min(26, step * 0.6));
  const every = labelStep(n, pw, 4);
  series.forEach((p, i) => {
    const cx = m.l + step * (i + 0.5);
    let base = 0;
    (['1', '2', '3', '4'] as const).forEach((q, k) => {
      const v = p.quad[q];
      if (!v) return;
      const y0 = yCount(base);
      const y1 = yCount(base + v);
      out.push(`<rect x="${f1(cx - bw / 2)}" y="${f1(y1)}" width="${f1(bw)}" height="${f1(y0 - y1)}" fill="${QUAD_COLORS[k]}"><title>${escapeXml(`${p.period}: ${v} ${QUAD_NAMES[k]}`)}</title></rect>`);
      base += v;
    });
    if (i % every === 0) out.push(text(cx, H - m.b + 16, p.period, { anchor: 'middle', fill: '#3e4c59' }));
  });
  // The line breaks at periods without events: a mean of nothing is not zero.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="#1d2733" stroke-width="1.8"/>`);
    run = [];
  };
  series.forEach((p, i) => {
    if (p.goldstein_mean === null) return flush();
    run.push(`${f1(m.l + step * (i + 0.5))},${f1(yGold(p.goldstein_mean))}`);
  });
  flush();
  series.forEach((p, i) => {
    if (p.goldstein_mean === null) return;
    out.push(`<circle cx="${f1(m.l + step * (i + 0.5))}" cy="${f1(yGold(p.goldstein_mean))}" r="3" fill="#1d2733"><title>${escapeXml(`${p.period}: Goldstein mean ${f1(p.goldstein_mean)} over ${p.events} events`)}</title></circle>`);
  });
  out.push(text(0, H - 20, 'Bars: events per year by quad class (left scale; green cooperation, orange and red conflict).', { fill: '#52606d' }));
  out.push(text(0, H - 5, 'Line: mean Goldstein score of the year’s events (right scale, −10 conflict … +10 cooperation).', { fill: '#52606d' }));
  out.push('</svg>');
  return out.join('');
}

/** A line chart of several series over years, with a legend; gaps in a series' years break its line. */
export function yearLinesSvg(
  lines: readonly { readonly label: string; readonly points: readonly { readonly year: number; readonly value: number }[]; readonly marks?: readonly boolean[] }[],
  options: { title: string; yLabel: string; yMin?: number; yMax?: number; note?: string },
): string {
  const W = CHART.width;
  const legendRows = Math.ceil(lines.length / 4);
  const H = 250 + legendRows * 16;
  const m = { l: 48, r: 16, t: 30, b: 44 + legendRows * 16 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const years = lines.flatMap((l) => l.points.map((p) => p.year));
  const values = lines.flatMap((l) => l.points.map((p) => p.value));
  const x0 = Math.min(...years);
  const x1 = Math.max(...years);
  const yMin = options.yMin ?? Math.min(0, ...values);
  const yMax = options.yMax ?? Math.max(...values) * 1.05;
  const x = (yr: number) => m.l + (x1 === x0 ? pw / 2 : ((yr - x0) / (x1 - x0)) * pw);
  const y = (v: number) => m.t + ph - ((v - yMin) / (yMax - yMin || 1)) * ph;
  const out: string[] = [open(W, H, options.title)];
  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const v = yMin + ((yMax - yMin) * i) / ticks;
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f1(y(v))}" y2="${f1(y(v))}" stroke="#e4e7eb"/>`);
    out.push(text(m.l - 5, y(v) + 4, v.toFixed(yMax - yMin < 2 ? 2 : 1), { anchor: 'end', fill: '#52606d' }));
  }
  out.push(`<text transform="translate(12 ${f1(m.t + ph / 2)}) rotate(-90)" ${FONT} font-size="${CHART.font}" fill="#3e4c59" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  const span = x1 - x0 + 1;
  const every = labelStep(span, pw, 4);
  for (let yr = x0; yr <= x1; yr++) {
    out.push(`<line x1="${f1(x(yr))}" x2="${f1(x(yr))}" y1="${m.t + ph}" y2="${m.t + ph + 4}" stroke="#9aa5b1"/>`);
    if ((yr - x0) % every === 0) out.push(text(x(yr), m.t + ph + 17, String(yr), { anchor: 'middle' }));
  }
  lines.forEach((l, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const dash = k >= PALETTE.length ? ' stroke-dasharray="4 3"' : '';
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
      run = [];
    };
    l.points.forEach((p, i) => {
      if (i > 0 && p.year !== l.points[i - 1].year + 1) flush();
      run.push(`${f1(x(p.year))},${f1(y(p.value))}`);
    });
    flush();
    l.points.forEach((p, i) => {
      const hollow = l.marks?.[i] === false;
      out.push(`<circle cx="${f1(x(p.year))}" cy="${f1(y(p.value))}" r="${hollow ? 3.5 : 2.5}" fill="${hollow ? '#fff' : colour}" stroke="${colour}"><title>${escapeXml(`${l.label}, ${p.year}: ${p.value.toFixed(3)}`)}</title></circle>`);
    });
    const lx = (k % 4) * (W / 4);
    const ly = H - m.b + 34 + Math.floor(k / 4) * 16;
    out.push(`<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2.5"${dash}/>`);
    out.push(text(lx + 23, ly, l.label));
  });
  if (options.note) out.push(text(0, H - 3, options.note, { fill: '#52606d' }));
  out.push('</svg>');
  return out.join('');
}

/** Horizontal stacked bars of shares, one bar per block, with a legend of the named parts. */
export function shareBarsSvg(
  blocks: readonly { readonly label: string; readonly total: string; readonly note?: string; readonly parts: readonly { readonly key: string; readonly share: number }[] }[],
  options: { title: string; legend: readonly { readonly key: string; readonly label: string }[] },
): string {
  const W = CHART.width;
  const barH = 20;
  const gap = 9;
  const legendRows = Math.ceil(options.legend.length / 4);
  const m = { l: 92, r: 118, t: 30 };
  const H = m.t + blocks.length * (barH + gap) + 14 + legendRows * 17 + 4;
  const pw = W - m.l - m.r;
  const colour = (key: string) => (key === 'others' ? '#cbd2d9' : PALETTE[options.legend.findIndex((l) => l.key === key) % PALETTE.length]);
  const out: string[] = [open(W, H, options.title)];
  blocks.forEach((b, i) => {
    const y = m.t + i * (barH + gap);
    out.push(text(m.l - 8, y + barH / 2 + 4, b.label, { anchor: 'end' }));
    let x = m.l;
    for (const p of b.parts) {
      if (p.share <= 0) continue;
      const w = p.share * pw;
      const name = options.legend.find((l) => l.key === p.key)?.label ?? p.key;
      out.push(`<rect x="${f1(x)}" y="${y}" width="${f1(w)}" height="${barH}" fill="${colour(p.key)}"><title>${escapeXml(`${b.label}: ${name} ${(p.share * 100).toFixed(1)}%`)}</title></rect>`);
      if (w >= 34) out.push(text(x + w / 2, y + barH / 2 + 4, `${Math.round(p.share * 100)}%`, { anchor: 'middle', fill: colour(p.key) === '#cbd2d9' || colour(p.key) === '#d99a3e' || colour(p.key) === '#9aa5b1' || colour(p.key) === '#6aa87f' ? '#1d2733' : '#ffffff' }));
      x += w;
    }
    out.push(text(W - m.r + 8, y + barH / 2 + 4, `${b.total}${b.note ? ` ${b.note}` : ''}`, { fill: '#52606d' }));
  });
  options.legend.forEach((l, k) => {
    const lx = (k % 4) * (W / 4);
    const ly = m.t + blocks.length * (barH + gap) + 14 + Math.floor(k / 4) * 17;
    out.push(`<rect x="${lx}" y="${ly - 10}" width="13" height="13" fill="${colour(l.key)}"/>`);
    out.push(text(lx + 19, ly + 1, l.label));
  });
  out.push('</svg>');
  return out.join('');
}

export interface BandRow {
  readonly low: string;
  readonly high: string;
  readonly point: number;
  readonly band: { readonly p10: number; readonly p90: number; readonly mean: number; readonly pointInBand: boolean } | null;
}

/** One row per dimension on a 0–100 axis: the p10–p90 band, its mean and the model's point, the point drawn hollow and labelled when it lies outside its band. */
export function bandChartSvg(rows: readonly BandRow[], options: { title: string }): string {
  const W = CHART.width;
  const rowH = 62;
  const m = { l: 8, r: 8, t: 34 };
  const H = m.t + rows.length * rowH + 6;
  const x = (v: number) => m.l + (Math.min(100, Math.max(0, v)) / 100) * (W - m.l - m.r);
  const out: string[] = [open(W, H, options.title)];
  rows.forEach((r, i) => {
    const y = m.t + i * rowH + 18;
    out.push(`<line x1="${x(0)}" x2="${x(100)}" y1="${y}" y2="${y}" stroke="#9aa5b1"/>`);
    for (const t of [0, 25, 50, 75, 100]) {
      out.push(`<line x1="${f1(x(t))}" x2="${f1(x(t))}" y1="${y - 4}" y2="${y + 4}" stroke="#9aa5b1"/>`);
      if (t > 0 && t < 100) out.push(text(x(t), y + 18, String(t), { anchor: 'middle', fill: '#52606d' }));
    }
    out.push(text(x(0), y + 34, `0 = ${r.low}`, { fill: '#3e4c59' }));
    out.push(text(x(100), y + 34, `100 = ${r.high}`, { anchor: 'end', fill: '#3e4c59' }));
    if (r.band) {
      out.push(`<rect x="${f1(x(r.band.p10))}" y="${y - 7}" width="${f1(Math.max(2, x(r.band.p90) - x(r.band.p10)))}" height="14" fill="#2f5d8a" fill-opacity="0.25"><title>${escapeXml(`10–90% band: ${f1(r.band.p10)} – ${f1(r.band.p90)}`)}</title></rect>`);
      out.push(`<line x1="${f1(x(r.band.mean))}" x2="${f1(x(r.band.mean))}" y1="${y - 8}" y2="${y + 8}" stroke="#2f5d8a" stroke-width="2"/>`);
    }
    const outside = r.band !== null && !r.band.pointInBand;
    out.push(`<path d="M${f1(x(r.point))},${y - 10} l-6,-8 h12 z" fill="${outside ? '#ffffff' : '#b3362b'}" stroke="#b3362b" stroke-width="1.5"><title>${escapeXml(`point estimate ${f1(r.point)}${outside ? ', outside its own band' : ''}`)}</title></path>`);
    if (outside) out.push(text(x(r.point) + (r.point > 60 ? -10 : 10), y - 12, 'point outside its band', { anchor: r.point > 60 ? 'end' : 'start', fill: '#b3362b', weight: 'bold' }));
  });
  out.push('</svg>');
  return out.join('');
}
