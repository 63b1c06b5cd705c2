// Plain-text reports for the terminal: a simulation (outcome, honest bands, models side by side, final positions, EU trace, cited inputs) and a retrodiction table.
import type { SimulationResult } from './simulate.js';
import type { MonteCarloSummary } from './monte-carlo.js';
import type { ModelComparison } from './compare.js';
import type { RetrodictionRow } from './retrodict.js';
import { retrodictionScores } from './retrodict.js';

const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : x.toFixed(2));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Renders a result (with an optional Monte Carlo summary and model comparison) as lines of text. */
export function renderText(result: SimulationResult, mc?: MonteCarloSummary, comparison?: ModelComparison): string {
  const out: string[] = [];
  out.push(`${result.problem} — model ${result.model}, ${result.iterations} iteration(s)`);
  out.push('');
  out.push('Predicted outcome:');
  result.dimensions.forEach((d, k) => {
    const band = mc?.outcome[k];
    if (!band) {
      out.push(`  ${d}: ${fmt(result.final.outcome[k])}`);
      return;
    }
    // A point outside its own band is not drawn as if it belonged to it.
    const point = band.pointInBand ? fmt(result.final.outcome[k]) : `${fmt(result.final.outcome[k])} (outside its band)`;
    out.push(`  ${d}: ${point}   (${mc.runs} runs, ±${mc.perturb}: mean ${fmt(band.mean)}, 10–90% ${fmt(band.p10)} … ${fmt(band.p90)})`);
    out.push(`    runs below / at / above the midpoint ${fmt(band.midpoint)}: ${pct(band.belowMidpoint)} / ${pct(band.atMidpoint)} / ${pct(band.aboveMidpoint)}`);
    if (band.warning) out.push(`    ! ${band.warning}`);
  });
  if (comparison) {
    out.push('');
    out.push(`Models side by side (disagreement above ${pct(comparison.threshold)} of the scale):`);
    for (const d of comparison.dimensions) out.push(`  ${d.disagree ? '! ' : ''}${d.summary}`);
  }
  out.push('');
  out.push('Final positions:');
  const width = Math.max(...result.actors.map((a) => a.length));
  const start = result.history[0].positions;
  for (const a of result.actors) {
    const from = start[a].map(fmt).join(', ');
    const to = result.final.positions[a].map(fmt).join(', ');
    out.push(`  ${a.padEnd(width)}  ${from}  →  ${to}`);
  }
  if (result.trace && result.trace.length > 0) {
    out.push('');
    out.push('Rounds:');
    for (const e of result.trace) {
      out.push(`  ${e.round}. ${e.actor} ${e.move.replace('-', ' ')} with ${e.with} (${e.euActor.toFixed(4)} vs ${e.euSender.toFixed(4)}): ${fmt(e.from)} → ${fmt(e.to)}`);
    }
  }
  if (result.citations) {
    out.push('');
    out.push('Inputs:');
    for (const [actor, cites] of Object.entries(result.citations)) {
      for (const c of cites) {
        const why = [c.source && (c.date ? `${c.source} (${c.date})` : c.source), c.claim && `claim ${c.claim}`, c.event && `event ${c.event}`, c.indicator, c.note]
          .filter(Boolean)
          .join('; ');
        out.push(`  ${actor} ${c.field}: ${why}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

/** The text printed after the retrodiction table: each model's mean error over the rows and what it means. */
export function renderRetrodiction(rows: readonly RetrodictionRow[]): string {
  if (rows.length === 0) return '';
  const out: string[] = ['', `Mean absolute error over ${rows.length} retrodicted outcome(s), points of a 0–100 scale:`];
  for (const s of retrodictionScores(rows)) {
    out.push(`  ${s.model.padEnd(16)} ${s.kind.padEnd(8)} ${fmt(s.meanError).padStart(6)}   closest on ${s.closest} of ${s.rows}`);
  }
  const beats = rows.filter((r) => r.modelBeatsBaselines).length;
  out.push(`A bargaining model beat every baseline on ${beats} of ${rows.length} row(s).`);
  const unstable = rows.filter((r) => r.band && !r.band.pointInBand);
  if (unstable.length) out.push(`The SMP's point estimate lay outside its own band on: ${unstable.map((r) => r.scenario).join(', ')}.`);
  const unsourced = rows.filter((r) => r.unsourcedInputs > 0);
  if (unsourced.length) out.push(`Inputs resting on a note alone: ${unsourced.map((r) => `${r.scenario} (${r.unsourcedInputs})`).join(', ')}.`);
  return out.join('\n') + '\n';
}
