// The brief's balance-over-time section: the line index of balance of the region's signed network per year, and the actors whose camp changed.
import { eventYears } from '../store/event-years.js';
import type { BriefContext, ChartCaption } from './brief-context.js';

/** One year of the balance series. */
export interface BalanceYear {
  readonly year: number;
  /** 1 − 2L/m (null without edges); with bounds when the optimum was not proven. */
  readonly lineIndex: number;
  readonly exact: boolean;
  readonly edges: number;
  readonly negative: number;
  readonly nodes: number;
  readonly events: number;
  /** Camp changes the optimum forces, grouped by the camp moved to: who moved (by name) and who was there already. */
  readonly switches: readonly { readonly movers: readonly string[]; readonly joined: readonly string[] }[];
}

export interface BalanceSection {
  readonly years: readonly BalanceYear[];
  /** Years left out for too few ties. */
  readonly thin: readonly number[];
  readonly caption: ChartCaption;
}

/** A year's network enters the series only with this many signed ties: fewer cannot be unbalanced in a telling way. */
export const BALANCE_DEFAULTS = { minEdges: 5, timeLimit: 10 } as const;

/** One signed network per year with events, balanced with the exact solver; years with too few ties are listed, not charted. */
export async function gatherBalance(ctx: BriefContext): Promise<BalanceSection | null> {
  const m = await import('../measure/index.js');
  const solver = await m.highsSolver();
  const periods = [];
  const meta = new Map<string, { events: number; sources: number }>();
  for (const y of await eventYears(ctx.store, {}, ctx.scopeInput)) {
    const net = await m.signedNetwork(ctx.store, { scope: ctx.scopeInput, from: `${y}-01-01`, to: `${y}-12-31` });
    if (!net.edges.length) continue;
    periods.push({ period: String(y), network: net });
    meta.set(String(y), { events: net.evidence.events, sources: net.evidence.sources });
  }
  const series = m.balanceOverTime(periods, { solver, timeLimit: BALANCE_DEFAULTS.timeLimit, weighted: false });
  const years: BalanceYear[] = [];
  const thin: number[] = [];
  for (const p of series.periods) {
    if (p.edges < BALANCE_DEFAULTS.minEdges || p.frustration.lineIndex === null) {
      thin.push(Number(p.period));
      continue;
    }
    const moved = new Set(p.switched.map((x) => x.actor));
    const groups = (['A', 'B'] as const)
      .map((camp) => ({ movers: p.camps[camp].filter((a) => moved.has(a)), joined: p.camps[camp].filter((a) => !moved.has(a)) }))
      .filter((g) => g.movers.length > 0);
    years.push({
      year: Number(p.period),
      lineIndex: p.frustration.lineIndex,
      exact: p.frustration.exact,
      edges: p.edges,
      negative: p.negative,
      nodes: p.nodes,
      events: meta.get(p.period)?.events ?? 0,
      // A switch read off a partition that is not proven closest could be a relabelling; only proven ones are shown.
      switches: p.alignment.closest && p.frustration.exact
        ? groups.map((g) => ({ movers: g.movers.map((a) => ctx.names.the(a)), joined: g.joined.map((a) => ctx.names.the(a)) }))
        : [],
    });
  }
  if (years.length < 2) {
    ctx.gaps.push(`Fewer than two years have a signed network of at least ${BALANCE_DEFAULTS.minEdges} ties, so the brief shows no balance over time.`);
    return null;
  }
  const events = years.reduce((t, y) => t + y.events, 0);
  return {
    years,
    thin,
    caption: {
      scope: ctx.scopeText,
      n: `n = ${years.length} yearly networks (${years.reduce((t, y) => t + y.edges, 0)} signed ties from ${events} events and curated alignment or hostility relations)${thin.length ? `; ${thin.length} year${thin.length === 1 ? '' : 's'} with fewer than ${BALANCE_DEFAULTS.minEdges} ties left out` : ''}`,
      vintage: `events to ${years[years.length - 1].year}`,
    },
  };
}
