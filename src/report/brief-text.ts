// Sentences of the brief shared by its Markdown and HTML forms.
import type { KeyShift } from './brief-data.js';

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}`;

/** "Goldstein mean went from +3.2 (2019) to −1.4 (2025); Theil–Sen slope −0.6 per year (Mann–Kendall p = 0.04); break in 2021 (+2.0 → −1.0)." */
export function shiftSentence(s: KeyShift): string {
  const t = s.trend;
  const direction = (t.slope ?? 0) > 0 ? 'towards cooperation' : (t.slope ?? 0) < 0 ? 'towards conflict' : 'flat';
  const parts = [
    `The Goldstein mean of their events went from ${signed(s.first.goldstein_mean ?? 0)} (${s.first.period}, ${s.first.events} events) to ${signed(s.last.goldstein_mean ?? 0)} (${s.last.period}, ${s.last.events} events)`,
    `Theil–Sen slope ${signed(t.slope ?? 0)} per year, ${direction}` + (t.mannKendall ? ` (Mann–Kendall p = ${t.mannKendall.p.toFixed(2)}${t.mannKendall.p <= t.alpha ? '' : ', not significant'})` : ''),
    `${t.events} events in ${t.periods} of ${t.span} years`,
  ];
  if (t.changePoints.length) parts.push(`break${t.changePoints.length > 1 ? 's' : ''} in ${t.changePoints.map((c) => `${c.period} (${signed(c.before)} → ${signed(c.after)})`).join(', ')}`);
  return `${parts.join('; ')}.`;
}

export const verdictLabel = (v: string) =>
  v === 'supported' ? 'Supported' : v === 'contradicted' ? 'Contradicted' : v === 'mixed' ? 'Mixed' : v === 'insufficient evidence' ? 'Insufficient evidence' : 'Not evaluated';
