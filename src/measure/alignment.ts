// Foreign-policy alignment from UN General Assembly voting: ideal-point distance (Bailey, Strezhnev & Voeten 2017) and vote agreement with abstention as half agreement (Lijphart 1963; Voeten 2000).
import type { AgreementRow, IdealPointRow } from '../store/structural-reads.js';

/** One state pair in one year. */
export interface AlignmentRow {
  readonly year: number;
  readonly a: string;
  readonly b: string;
  /** |ideal point of a − ideal point of b| on the full-period estimates (`idealpointfp`); null when either is missing. */
  readonly distance: number | null;
  readonly ideal_a: number | null;
  readonly ideal_b: number | null;
  /** How far each side's ideal point moved since the previous year (absolute); null without both years. */
  readonly delta_a: number | null;
  readonly delta_b: number | null;
  /** The side whose ideal point changed more since the previous year; null when it cannot be told or both moved equally. */
  readonly moved: 'a' | 'b' | null;
  /** (same + ½·half) / votes over the roll calls both voted on; null where the vote data has none. */
  readonly agreement: number | null;
  /** Roll calls both states voted on (yes, no or abstain). */
  readonly votes: number;
  readonly same: number;
  readonly half: number;
  readonly opposite: number;
  /** Agreement per roll-call issue tag (me, nu, di, hr, co, ec). */
  readonly issues: Readonly<Record<string, { readonly agreement: number; readonly votes: number }>>;
  /** Where the agreement counts come from: the individual votes in the store, or the built-in summaries. */
  readonly agreement_source: 'votes' | 'summary' | null;
}

export interface AlignmentOptions {
  readonly a: string;
  readonly bs: readonly string[];
  readonly from?: number;
  readonly to?: number;
}

/** Agreement index of Lijphart (1963) as Voeten uses it: identical votes 1, one abstention ½, yes against no 0. */
export function agreementIndex(c: { readonly votes: number; readonly same: number; readonly half: number }): number | null {
  return c.votes > 0 ? (c.same + 0.5 * c.half) / c.votes : null;
}

const inRange = (y: number, o: AlignmentOptions) => (o.from === undefined || y >= o.from) && (o.to === undefined || y <= o.to);

/**
 * Per reference state and year (years where either measure exists for the pair), the ideal-point distance, the
 * vote agreement with its issue breakdown, and which side moved. `idealPoints` holds both sides' rows (all years,
 * so that the first year in range still has its previous year); `agreement` the pair counts of readAgreement.
 */
export function alignment(idealPoints: readonly IdealPointRow[], agreement: readonly AgreementRow[], o: AlignmentOptions): AlignmentRow[] {
  const ip = new Map<string, number>();
  for (const r of idealPoints) if (r.idealpointfp !== null) ip.set(`${r.iso3}:${r.year}`, r.idealpointfp);
  const point = (c: string, y: number) => ip.get(`${c}:${y}`) ?? null;
  const delta = (c: string, y: number) => {
    const now = point(c, y);
    const before = point(c, y - 1);
    return now === null || before === null ? null : Math.abs(now - before);
  };
  const out: AlignmentRow[] = [];
  for (const b of o.bs) {
    const votes = agreement.filter((r) => r.b === b);
    const years = new Set<number>();
    for (const r of idealPoints) if (r.iso3 === o.a && r.idealpointfp !== null && inRange(r.year, o)) years.add(r.year);
    for (const r of votes) if (inRange(r.year, o)) years.add(r.year);
    for (const year of [...years].sort((x, y) => x - y)) {
      const [ia, ib] = [point(o.a, year), point(b, year)];
      const [da, db] = [delta(o.a, year), delta(b, year)];
      const all = votes.find((r) => r.year === year && r.issue === 'all');
      const issues = Object.fromEntries(
        votes.filter((r) => r.year === year && r.issue !== 'all').map((r) => [r.issue, { agreement: agreementIndex(r)!, votes: r.votes }]),
      );
      out.push({
        year,
        a: o.a,
        b,
        distance: ia === null || ib === null ? null : Math.abs(ia - ib),
        ideal_a: ia,
        ideal_b: ib,
        delta_a: da,
        delta_b: db,
        moved: da === null || db === null || da === db ? null : da > db ? 'a' : 'b',
        agreement: all ? agreementIndex(all) : null,
        votes: all?.votes ?? 0,
        same: all?.same ?? 0,
        half: all?.half ?? 0,
        opposite: all?.opposite ?? 0,
        issues,
        agreement_source: all?.source ?? null,
      });
    }
  }
  return out;
}
