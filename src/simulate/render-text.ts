// Plain-text report of a simulation for the terminal: outcome, uncertainty bands, final positions, EU trace and cited inputs.
import type { SimulationResult } from './simulate.js';
import type { MonteCarloSummary } from './monte-carlo.js';

const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : x.toFixed(2));

/** Renders a result (and an optional Monte Carlo summary) as lines of text. */
export function renderText(result: SimulationResult, mc?: MonteCarloSummary): string {
  const out: string[] = [];
  out.push(`${result.problem} — model ${result.model}, ${result.iterations} iteration(s)`);
  out.push('');
  out.push('Predicted outcome:');
  result.dimensions.forEach((d, k) => {
    const band = mc?.outcome[k];
    const extra = band ? `   (${mc.runs} runs, ±${mc.perturb}: mean ${fmt(band.mean)}, 10–90% ${fmt(band.p10)} … ${fmt(band.p90)})` : '';
    out.push(`  ${d}: ${fmt(result.final.outcome[k])}${extra}`);
  });
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
        const why = [c.source, c.claim && `claim ${c.claim}`, c.note].filter(Boolean).join('; ');
        out.push(`  ${actor} ${c.field}: ${why}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
