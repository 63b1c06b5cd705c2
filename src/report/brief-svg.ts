// Inline SVG charts for the brief, written as strings: dyad bars and Goldstein line, scenario outcome bands. Every text is escaped.

/** Escapes text for XML/HTML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const QUAD_COLORS = ['#6aa87f', '#23704a', '#d99a3e', '#b3362b'] as const;
const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const f1 = (x: number) => (Math.round(x * 10) / 10).toString();

export interface DyadChartPeriod {
  readonly period: string;
  readonly events: number;
  readonly quad: { readonly '1': number; readonly '2': number; readonly '3': number; readonly '4': number };
  /** Null in a period without events (no point is drawn; the line breaks there). */
  readonly goldstein_mean: number | null;
}

/** Stacked quad-class counts (left scale) and the Goldstein mean (right scale, −10…+10) per period. */
export function dyadChartSvg(series: readonly DyadChartPeriod[], options: { title: string; width?: number; height?: number }): string {
  const W = options.width ?? 560;
  const H = options.height ?? 200;
  const m = { l: 34, r: 34, t: 26, b: 30 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const n = Math.max(series.length, 1);
  const step = pw / n;
  const maxEvents = Math.max(1, ...series.map((p) => p.events));
  const yCount = (v: number) => m.t + ph - (v / maxEvents) * ph;
  const yGold = (g: number) => m.t + ph / 2 - (g / 10) * (ph / 2);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(options.title)}">`);
  out.push(`<title>${escapeXml(options.title)}</title>`);
  out.push(`<text x="${m.l}" y="14" ${FONT} font-size="12" font-weight="bold" fill="#1d2733">${escapeXml(options.title)}</text>`);
  // Grid: zero line of the Goldstein scale and the ±5 lines.
  for (const g of [-10, -5, 0, 5, 10]) {
    const y = yGold(g);
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f1(y)}" y2="${f1(y)}" stroke="${g === 0 ? '#9aa5b1' : '#e4e7eb'}" stroke-width="1"${g === 0 ? ' stroke-dasharray="3 3"' : ''}/>`);
    out.push(`<text x="${W - m.r + 4}" y="${f1(y + 3)}" ${FONT} font-size="9" fill="#7b8794">${g > 0 ? '+' : ''}${g}</text>`);
  }
  out.push(`<text x="${m.l - 4}" y="${m.t + 3}" ${FONT} font-size="9" fill="#7b8794" text-anchor="end">${maxEvents}</text>`);
  out.push(`<text x="${m.l - 4}" y="${m.t + ph}" ${FONT} font-size="9" fill="#7b8794" text-anchor="end">0</text>`);
  const bw = Math.max(2, Math.min(26, step * 0.6));
  const labelEvery = Math.ceil(n / 12);
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
    if (i % labelEvery === 0) out.push(`<text x="${f1(cx)}" y="${H - m.b + 13}" ${FONT} font-size="9" fill="#52606d" text-anchor="middle">${escapeXml(p.period)}</text>`);
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
    out.push(`<circle cx="${f1(m.l + step * (i + 0.5))}" cy="${f1(yGold(p.goldstein_mean))}" r="2.6" fill="#1d2733"><title>${escapeXml(`${p.period}: Goldstein mean ${f1(p.goldstein_mean)} over ${p.events} events`)}</title></circle>`);
  });
  out.push(`<text x="${m.l}" y="${H - 4}" ${FONT} font-size="9" fill="#7b8794">bars: events by quad class (left scale) · line: Goldstein mean (right scale)</text>`);
  out.push('</svg>');
  return out.join('');
}

export interface BandRow {
  readonly dimension: string;
  readonly low: string;
  readonly high: string;
  readonly outcome: number;
  readonly band: { readonly p10: number; readonly p90: number; readonly mean: number } | null;
}

/** One row per dimension on a 0–100 axis: the p10–p90 band, its mean and the model's outcome. */
export function bandChartSvg(rows: readonly BandRow[], options: { title: string; width?: number }): string {
  const W = options.width ?? 560;
  const rowH = 44;
  const m = { l: 12, r: 12, t: 24 };
  const H = m.t + rows.length * rowH + 14;
  const x = (v: number) => m.l + (Math.min(100, Math.max(0, v)) / 100) * (W - m.l - m.r);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(options.title)}">`);
  out.push(`<title>${escapeXml(options.title)}</title>`);
  out.push(`<text x="${m.l}" y="14" ${FONT} font-size="12" font-weight="bold" fill="#1d2733">${escapeXml(options.title)}</text>`);
  rows.forEach((r, i) => {
    const y = m.t + i * rowH + 22;
    out.push(`<text x="${m.l}" y="${y - 10}" ${FONT} font-size="10" fill="#3e4c59">${escapeXml(r.dimension)}</text>`);
    out.push(`<line x1="${x(0)}" x2="${x(100)}" y1="${y}" y2="${y}" stroke="#9aa5b1"/>`);
    for (const t of [0, 25, 50, 75, 100]) out.push(`<line x1="${f1(x(t))}" x2="${f1(x(t))}" y1="${y - 3}" y2="${y + 3}" stroke="#9aa5b1"/>`);
    out.push(`<text x="${x(0)}" y="${y + 14}" ${FONT} font-size="9" fill="#7b8794">0 = ${escapeXml(r.low)}</text>`);
    out.push(`<text x="${x(100)}" y="${y + 14}" ${FONT} font-size="9" fill="#7b8794" text-anchor="end">100 = ${escapeXml(r.high)}</text>`);
    if (r.band) {
      out.push(`<rect x="${f1(x(r.band.p10))}" y="${y - 6}" width="${f1(Math.max(2, x(r.band.p90) - x(r.band.p10)))}" height="12" fill="#2f5d8a" fill-opacity="0.25"><title>${escapeXml(`p10–p90: ${f1(r.band.p10)} – ${f1(r.band.p90)}`)}</title></rect>`);
      out.push(`<line x1="${f1(x(r.band.mean))}" x2="${f1(x(r.band.mean))}" y1="${y - 7}" y2="${y + 7}" stroke="#2f5d8a" stroke-width="2"/>`);
    }
    out.push(`<path d="M${f1(x(r.outcome))},${y - 9} l-5,-7 h10 z" fill="#b3362b"><title>${escapeXml(`outcome ${f1(r.outcome)}`)}</title></path>`);
  });
  out.push('</svg>');
  return out.join('');
}
