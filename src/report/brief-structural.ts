// The brief's structural section: UN-vote alignment of each region country with the powers around it, and the supplier mix of its arms imports, with judgements where the data show a trend or a shift.
import { seededRng } from '../simulate/rng.js';
import { readArmsFlows } from '../store/structural-reads.js';
import type { BriefContext, ChartCaption } from './brief-context.js';
import { DATASETS } from './citations.js';
import { JUDGEMENT_DEFAULTS } from './estimative.js';
import { alignmentTrendJudgement, armsShiftJudgement, type ArmsUnit, type Judgement } from './judgements.js';

/** One line of an alignment chart: the ideal-point distance of a region country to one power, per year. */
export interface AlignmentLine {
  readonly code: string;
  readonly name: string;
  readonly points: readonly { readonly year: number; readonly distance: number }[];
}

export interface AlignmentChart {
  readonly anchor: string;
  readonly country: string;
  readonly name: string;
  readonly lines: readonly AlignmentLine[];
  readonly caption: ChartCaption;
  readonly cites: readonly number[];
}

/** One five-year block of a recipient's arms imports: total TIV and the shares of its main suppliers. */
export interface ArmsBlock {
  readonly label: string;
  readonly tiv: number;
  readonly partial: boolean;
  readonly shares: readonly { readonly supplier: string; readonly share: number }[];
}

export interface ArmsChart {
  readonly anchor: string;
  readonly country: string;
  readonly name: string;
  /** Suppliers named in the bars (the rest are "others"), in legend order. */
  readonly suppliers: readonly { readonly code: string; readonly name: string }[];
  readonly blocks: readonly ArmsBlock[];
  readonly caption: ChartCaption;
  readonly cites: readonly number[];
}

export interface StructuralSection {
  readonly alignment: readonly AlignmentChart[];
  readonly arms: readonly ArmsChart[];
  readonly candidates: readonly Judgement[];
}

/** Suppliers named per arms chart; the others are pooled under `others`. */
export const STRUCTURAL_DEFAULTS = { suppliers: 4, others: 'others' } as const;

/** The powers each region country is compared with: the first state of each named partner group outside the region. */
export function referencePowers(groups: Readonly<Record<string, readonly string[]>>, countries: readonly string[]): string[] {
  const out: string[] = [];
  for (const members of Object.values(groups)) {
    const first = members.find((c) => /^[A-Z]{3}$/.test(c) && !countries.includes(c));
    if (first && !out.includes(first)) out.push(first);
  }
  return out;
}

/** Reads alignment and arms for every region country; charts and judgements only where there are data. */
export async function gatherStructural(ctx: BriefContext): Promise<StructuralSection | null> {
  const { alignmentOf, armsOf } = await import('../measure/structural.js');
  const refs = referencePowers(ctx.region.groups, ctx.region.countries);
  const alignment: AlignmentChart[] = [];
  const arms: ArmsChart[] = [];
  const candidates: Judgement[] = [];
  const unga = ctx.cite.dataset(DATASETS.unga);
  let k = 0;
  for (const c of ctx.region.countries) {
    if (!refs.length) break;
    const r = await alignmentOf(ctx.store, { a: c, to: refs });
    const lines: AlignmentLine[] = refs
      .map((b) => ({ code: b, name: ctx.names.name(b), points: r.rows.filter((x) => x.b === b && x.distance !== null).map((x) => ({ year: x.year, distance: x.distance as number })) }))
      .filter((l) => l.points.length > 1);
    if (!lines.length) continue;
    const years = lines.flatMap((l) => l.points.map((p) => p.year));
    const vintage = `ideal points through ${Math.max(...years)}`;
    const anchor = `alignment-${++k}`;
    alignment.push({
      anchor,
      country: c,
      name: ctx.names.name(c),
      lines,
      caption: {
        scope: `${ctx.names.name(c)} against ${lines.map((l) => l.name).join(', ')}; all UN General Assembly roll calls`,
        n: `n = ${lines.reduce((t, l) => t + l.points.length, 0)} country-years (${Math.min(...years)}–${Math.max(...years)})`,
        vintage: `Bailey, Strezhnev & Voeten, ${vintage}`,
      },
      cites: [unga],
    });
    for (const b of lines) {
      const rows = r.rows
        .filter((x) => x.b === b.code && x.distance !== null && x.ideal_a !== null && x.ideal_b !== null)
        .map((x) => ({ year: x.year, distance: x.distance as number, ideal_a: x.ideal_a as number, ideal_b: x.ideal_b as number }));
      const j = alignmentTrendJudgement({ a: c, b: b.code, rows, cites: [unga], vintage: `UN General Assembly ${vintage}`, section: anchor }, ctx.names);
      if (j) candidates.push(j);
    }
  }
  const sipri = ctx.cite.dataset(DATASETS.arms);
  k = 0;
  for (const c of ctx.region.countries) {
    const r = await armsOf(ctx.store, { recipient: c, by: '5y' });
    if (r.view !== 'recipient' || !r.periods.length) continue;
    const totals = new Map<string, number>();
    for (const s of r.shares) totals.set(s.supplier, (totals.get(s.supplier) ?? 0) + s.tiv);
    const named = [...totals].filter(([, t]) => t > 0).sort((x, y) => y[1] - x[1]).slice(0, STRUCTURAL_DEFAULTS.suppliers).map(([s]) => s);
    const blocks: ArmsBlock[] = r.periods.map((p) => {
      const rows = r.shares.filter((s) => s.period === p.period);
      const shares = named.map((s) => ({ supplier: s, share: rows.find((x) => x.supplier === s)?.share ?? 0 }));
      const rest = 1 - shares.reduce((t, s) => t + s.share, 0);
      return { label: p.period, tiv: p.tiv, partial: p.partial, shares: rest > 1e-9 ? [...shares, { supplier: STRUCTURAL_DEFAULTS.others, share: rest }] : shares };
    });
    const deals = r.shares.reduce((t, s) => t + s.deals, 0);
    const anchor = `arms-${++k}`;
    const citation = r.sources[0]?.citation ?? 'SIPRI Arms Transfers Database';
    arms.push({
      anchor,
      country: c,
      name: ctx.names.name(c),
      suppliers: named.map((code) => ({ code, name: ctx.names.known(code) ?? r.shares.find((x) => x.supplier === code)?.supplier_name ?? code })),
      blocks,
      caption: {
        scope: `arms delivered to ${ctx.names.the(c)} by every supplier, five-year blocks`,
        n: `n = ${deals} deal-years, ${Math.round(r.periods.reduce((t, p) => t + p.tiv, 0))} million TIV in ${r.periods.length} blocks`,
        vintage: citation.replace(/^SIPRI Arms Transfers Database, /, 'SIPRI register, '),
      },
      cites: [sipri],
    });
    // The judgement compares the last two complete blocks, system by system.
    const complete = r.periods.filter((p) => !p.partial && p.tiv > 0);
    if (complete.length < 2) continue;
    const [base, win] = complete.slice(-2);
    const systems = await readArmsFlows(ctx.store, { recipients: [c], bySystem: true });
    const unitsOf = (from: number, to: number): ArmsUnit[] => {
      const m = new Map<string, ArmsUnit>();
      for (const f of systems) {
        if (f.year < from || f.year > to || f.tiv <= 0) continue;
        const key = `${f.supplier}\t${f.designation ?? ''}\t${f.description ?? ''}`;
        const u = m.get(key) ?? { supplier: f.supplier, system: [f.designation, f.description].filter(Boolean).join(', ') || 'an unnamed system', tiv: 0 };
        m.set(key, { ...u, tiv: u.tiv + f.tiv });
      }
      return [...m.values()];
    };
    const j = armsShiftJudgement(
      {
        recipient: c,
        baseline: { label: base.period.replace('-', '–'), units: unitsOf(base.from, base.to) },
        window: { label: win.period.replace('-', '–'), units: unitsOf(win.from, win.to) },
        cites: [sipri],
        vintage: citation.replace(/;.*$/, ''),
        section: anchor,
        rng: seededRng(`${JUDGEMENT_DEFAULTS.arms.seed}:${c}`),
      },
      ctx.names,
    );
    if (j) candidates.push(j);
  }
  if (!alignment.length && !arms.length) {
    ctx.gaps.push('No UN-vote or arms-transfer data are loaded for the region countries, so there is no structural section.');
    return null;
  }
  return { alignment, arms, candidates };
}
