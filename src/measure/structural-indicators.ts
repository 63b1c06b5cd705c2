// Evaluators of the structural thesis indicators: Theil–Sen slope with the Mann–Kendall test (alignment trends), window-against-baseline means, pooled TIV shares, conflict-year fractions.
import type { StructuralIndicator } from '../model/structural-indicator.js';
import type { ArmsFlowRow, ConflictYearRow, MilexRow } from '../store/structural-reads.js';
import type { AlignmentRow } from './alignment.js';
import { armedConflict } from './armed-conflict.js';
import { mannKendall } from './mann-kendall.js';
import { theilSen } from './theil-sen.js';

/** What an indicator's evaluation says, and on what. */
export interface StructuralEvaluation {
  /** The measured value: slope per year, change, share, percent of GDP or fraction of years; null without data. */
  readonly value: number | null;
  /** Whether the expectation holds; null when the evidence is insufficient (missing data, too few years, no significant trend). */
  readonly holds: boolean | null;
  readonly note: string;
  /** How many observations the value rests on (years, or TIV-bearing flows). */
  readonly n: number;
  /** The rows behind the value: `unga:ARM-RUS:2019`, `sipri:ARM<RUS:2021`, `milex:ARM:2024`, `ucdp:388:2020`. */
  readonly cited: readonly string[];
}

/** The data an evaluation may need, as read from the store (see structuralIndicatorOnStore). */
export interface StructuralData {
  readonly alignment?: readonly AlignmentRow[];
  readonly arms?: readonly ArmsFlowRow[];
  readonly milex?: readonly MilexRow[];
  readonly conflicts?: readonly ConflictYearRow[];
  /** First and last year of the UCDP data in the store: a year without conflict-years is peace only inside it. */
  readonly ucdpSpan?: { readonly first: number | null; readonly last: number | null };
}

const insufficient = (note: string, n = 0, cited: readonly string[] = []): StructuralEvaluation => ({ value: null, holds: null, note, n, cited });
const compare = (v: number, expect: 'at-least' | 'at-most', threshold: number) => (expect === 'at-least' ? v >= threshold : v <= threshold);
const f = (x: number, d = 3) => x.toFixed(d);
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function windowEnd(to: number | null, years: readonly number[]): number {
  return to ?? Math.max(-Infinity, ...years);
}

type Of<K extends StructuralIndicator['kind']> = Extract<StructuralIndicator, { kind: K }>;

function pairSeries(rows: readonly AlignmentRow[], ind: { a: string; b: string; measure: 'distance' | 'agreement' }, from: number, to: number | null) {
  const pair = rows.filter((r) => r.a === ind.a && r.b === ind.b);
  const end = windowEnd(to, pair.map((r) => r.year));
  return pair
    .filter((r) => r.year >= from && r.year <= end && r[ind.measure] !== null)
    .sort((x, y) => x.year - y.year)
    .map((r) => ({ year: r.year, v: r[ind.measure]!, row: r }));
}

/** `alignment-trend`: the Theil–Sen slope per year of the pair's distance (or agreement), if Mann–Kendall p ≤ alpha. */
export function evaluateAlignmentTrend(rows: readonly AlignmentRow[], ind: Of<'alignment-trend'>): StructuralEvaluation {
  const s = pairSeries(rows, ind, ind.from, ind.to);
  const cited = s.map((p) => `unga:${ind.a}-${ind.b}:${p.year}`);
  if (s.length < ind.minYears) return insufficient(`${s.length} year(s) with a ${ind.measure} for ${ind.a}–${ind.b} from ${ind.from}; at least ${ind.minYears} needed`, s.length, cited);
  const ts = theilSen(s.map((p) => p.year), s.map((p) => p.v))!;
  const mk = mannKendall(s.map((p) => p.v))!;
  const span = `${s[0].year}–${s.at(-1)!.year}`;
  if (mk.p > ind.alpha) return { value: ts.slope, holds: null, note: `no significant trend in the ${ind.a}–${ind.b} ${ind.measure} ${span}: slope ${f(ts.slope, 4)}/year, Mann–Kendall p = ${f(mk.p)} > ${ind.alpha}`, n: s.length, cited };
  // Distance rising, or agreement falling, is a widening gap.
  const widening = ind.measure === 'distance' ? ts.slope > 0 : ts.slope < 0;
  const holds = (ind.expect === 'widening') === widening;
  return { value: ts.slope, holds, note: `${ind.a}–${ind.b} ${ind.measure} ${span}: slope ${f(ts.slope, 4)}/year (${widening ? 'widening' : 'narrowing'}), Mann–Kendall p = ${f(mk.p)}, ${s.length} years`, n: s.length, cited };
}

/** `alignment-shift`: mean distance (or agreement) in the window minus that in the baseline, and which side moved. */
export function evaluateAlignmentShift(rows: readonly AlignmentRow[], ind: Of<'alignment-shift'>): StructuralEvaluation {
  const base = pairSeries(rows, ind, ind.baseline.from, ind.baseline.to);
  const win = pairSeries(rows, ind, ind.window.from, ind.window.to);
  const cited = [...base, ...win].map((p) => `unga:${ind.a}-${ind.b}:${p.year}`);
  if (base.length < ind.minYears || win.length < ind.minYears) {
    return insufficient(`${base.length} baseline and ${win.length} window year(s) with a ${ind.measure}; at least ${ind.minYears} each needed`, base.length + win.length, cited);
  }
  const moves = (side: 'ideal_a' | 'ideal_b') => {
    const w = win.map((p) => p.row[side]).filter((x): x is number => x !== null);
    const b = base.map((p) => p.row[side]).filter((x): x is number => x !== null);
    return w.length && b.length ? mean(w) - mean(b) : null;
  };
  const [ma, mb] = [moves('ideal_a'), moves('ideal_b')];
  const who = ma === null || mb === null ? '' : `; ideal points moved ${ind.a} ${f(ma)}, ${ind.b} ${f(mb)}: mostly ${Math.abs(ma) > Math.abs(mb) ? ind.a : ind.b}`;
  let change = mean(win.map((p) => p.v)) - mean(base.map((p) => p.v));
  let own = '';
  if (ind.attribute === 'a') {
    // Only a's own movement: its window ideal points against b's baseline position.
    const bBase = base.map((p) => p.row.ideal_b).filter((x): x is number => x !== null);
    const aWin = win.map((p) => p.row.ideal_a).filter((x): x is number => x !== null);
    if (ind.measure !== 'distance' || !bBase.length || !aWin.length) return insufficient(`${ind.a}'s own movement needs ideal points of both sides (distance measure)`, base.length + win.length, cited);
    const fixed = mean(bBase);
    change = mean(aWin.map((x) => Math.abs(x - fixed))) - mean(base.map((p) => p.v));
    own = ` — counting only ${ind.a}'s own movement (${ind.b} held at its baseline position)`;
  }
  return {
    value: change,
    holds: compare(change, ind.expect, ind.change),
    note: `${ind.a}–${ind.b} mean ${ind.measure} ${f(mean(win.map((p) => p.v)))} in ${win[0].year}–${win.at(-1)!.year} against ${f(mean(base.map((p) => p.v)))} in ${base[0].year}–${base.at(-1)!.year}: change ${f(change)}${own} (expected ${ind.expect} ${ind.change})${who}`,
    n: base.length + win.length,
    cited,
  };
}

/** `supplier-share`: the supplier's share of the recipient's TIV pooled over the window (or its change against the baseline). */
export function evaluateSupplierShare(flows: readonly ArmsFlowRow[], ind: Of<'supplier-share'>): StructuralEvaluation {
  const mine = flows.filter((r) => r.recipient === ind.recipient);
  const last = Math.max(-Infinity, ...mine.map((r) => r.year));
  const pooled = (w: { from: number; to: number | null }) => {
    const end = w.to ?? last;
    const rows = mine.filter((r) => r.year >= w.from && r.year <= end);
    const total = rows.reduce((s, r) => s + r.tiv, 0);
    const of = rows.filter((r) => r.supplier === ind.supplier).reduce((s, r) => s + r.tiv, 0);
    return { total, of, share: total > 0 ? of / total : null, rows, label: `${w.from}–${end}` };
  };
  const win = pooled(ind.window);
  const base = ind.baseline ? pooled(ind.baseline) : null;
  const cited = [...(base?.rows ?? []), ...win.rows].filter((r) => r.tiv > 0).map((r) => `sipri:${r.recipient}<${r.supplier}:${r.year}`);
  const n = cited.length;
  for (const w of [win, ...(base ? [base] : [])]) {
    if (w.total < ind.minTiv) return insufficient(`${ind.recipient} received ${f(w.total, 1)} TIV in ${w.label}, less than the ${ind.minTiv} needed for a share`, n, cited);
  }
  const describe = (w: typeof win) => `${f(100 * w.share!, 1)}% (${f(w.of, 1)} of ${f(w.total, 1)} TIV) in ${w.label}`;
  if (!base) {
    return { value: win.share, holds: compare(win.share!, ind.expect, ind.value), note: `${ind.supplier}'s share of ${ind.recipient}'s ${ind.basis}: ${describe(win)} (expected ${ind.expect} ${ind.value})`, n, cited };
  }
  const change = win.share! - base.share!;
  return {
    value: change,
    holds: compare(change, ind.expect, ind.value),
    note: `${ind.supplier}'s share of ${ind.recipient}'s ${ind.basis}: ${describe(win)} against ${describe(base)}: change ${f(change)} (expected ${ind.expect} ${ind.value})`,
    n,
    cited,
  };
}

/** `military-burden`: mean % of GDP over the window (or its change in percentage points against the baseline). */
export function evaluateMilitaryBurden(rows: readonly MilexRow[], ind: Of<'military-burden'>): StructuralEvaluation {
  const mine = rows.filter((r) => r.iso3 === ind.country);
  const last = Math.max(-Infinity, ...mine.map((r) => r.year));
  const pick = (w: { from: number; to: number | null }) => {
    const end = w.to ?? last;
    const rs = mine.filter((r) => r.year >= w.from && r.year <= end);
    return { rs, label: `${w.from}–${end}`, years: end - w.from + 1 };
  };
  const win = pick(ind.window);
  const base = ind.baseline ? pick(ind.baseline) : null;
  const cited = [...(base?.rs ?? []), ...win.rs].map((r) => `milex:${r.iso3}:${r.year}`);
  for (const w of [win, ...(base ? [base] : [])]) {
    if (w.rs.length === 0) return insufficient(`no military-burden figure for ${ind.country} in ${w.label}`, cited.length, cited);
  }
  const m = (w: typeof win) => mean(w.rs.map((r) => r.share_gdp));
  const gaps = [win, ...(base ? [base] : [])].filter((w) => w.rs.length < w.years).map((w) => `${w.label}: ${w.rs.length} of ${w.years} years`);
  const gapNote = gaps.length ? `; figures missing (${gaps.join(', ')})` : '';
  if (!base) {
    return { value: m(win), holds: compare(m(win), ind.expect, ind.value), note: `${ind.country} military burden ${f(m(win), 2)}% of GDP on average in ${win.label} (expected ${ind.expect} ${ind.value})${gapNote}`, n: win.rs.length, cited };
  }
  const change = m(win) - m(base);
  return {
    value: change,
    holds: compare(change, ind.expect, ind.value),
    note: `${ind.country} military burden ${f(m(win), 2)}% of GDP in ${win.label} against ${f(m(base), 2)}% in ${base.label}: ${change >= 0 ? '+' : ''}${f(change, 2)} points (expected ${ind.expect} ${ind.value})${gapNote}`,
    n: win.rs.length + base.rs.length,
    cited,
  };
}

/** `conflict-intensity`: the fraction of the window's years with a qualifying UCDP conflict-year. */
export function evaluateConflictIntensity(rows: readonly ConflictYearRow[], ind: Of<'conflict-intensity'>, span: StructuralData['ucdpSpan']): StructuralEvaluation {
  if (!span || span.first === null || span.last === null) return insufficient('no UCDP conflict data in the store');
  if (ind.window.from < span.first || ind.window.to > span.last) return insufficient(`the UCDP data cover ${span.first}–${span.last}, not all of ${ind.window.from}–${ind.window.to}`);
  const { years } = armedConflict(rows, { a: ind.a, b: ind.b, from: ind.window.from, to: ind.window.to });
  const ok = years.filter(
    (y) =>
      y.intensity_level >= ind.intensity &&
      y.role !== 'location' &&
      (ind.roles === 'primary-or-secondary' || y.role === 'primary') &&
      (!ind.b || ((ind.roles === 'primary-or-secondary' || y.b_role === 'primary') && y.b_role !== 'location' && (!ind.opposed || y.opposed === true))),
  );
  const active = [...new Set(ok.map((y) => y.year))].sort();
  const total = ind.window.to - ind.window.from + 1;
  const value = active.length / total;
  const who = ind.b ? `${ind.a} and ${ind.b}${ind.opposed ? ' on opposite sides' : ''}` : ind.a;
  return {
    value,
    holds: compare(value, ind.expect, ind.value),
    note: `${who}: ${active.length} of ${total} years ${ind.window.from}–${ind.window.to} with a conflict of intensity ≥ ${ind.intensity}${active.length ? ` (${active.join(', ')})` : ''} (expected ${ind.expect} ${ind.value})`,
    n: total,
    cited: ok.map((y) => `ucdp:${y.conflict_id}:${y.year}`),
  };
}

/** Evaluates any structural indicator on the data it needs; a kind without its data gives holds: null. */
export function evaluateStructuralIndicator(data: StructuralData, ind: StructuralIndicator): StructuralEvaluation {
  switch (ind.kind) {
    case 'alignment-trend':
      return data.alignment ? evaluateAlignmentTrend(data.alignment, ind) : insufficient('no UNGA alignment data');
    case 'alignment-shift':
      return data.alignment ? evaluateAlignmentShift(data.alignment, ind) : insufficient('no UNGA alignment data');
    case 'supplier-share':
      return data.arms ? evaluateSupplierShare(data.arms, ind) : insufficient('no SIPRI arms-transfer data');
    case 'military-burden':
      return data.milex ? evaluateMilitaryBurden(data.milex, ind) : insufficient('no military-burden data');
    case 'conflict-intensity':
      return data.conflicts ? evaluateConflictIntensity(data.conflicts, ind, data.ucdpSpan) : insufficient('no UCDP conflict data');
  }
}
