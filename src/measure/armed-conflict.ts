// Armed conflict from the UCDP/PRIO Armed Conflict Dataset (Gleditsch et al. 2002; Davies et al. 2025): a state's conflict-years, their intensity, its role and the primary and secondary parties.
import type { ConflictYearRow } from '../store/structural-reads.js';

export type ConflictRole = 'primary' | 'secondary' | 'location';

/** UCDP's type_of_conflict codes. */
export const CONFLICT_TYPES: Readonly<Record<number, string>> = { 1: 'extrasystemic', 2: 'interstate', 3: 'intrastate', 4: 'internationalized intrastate' };
/** UCDP's incompatibility codes. */
export const INCOMPATIBILITIES: Readonly<Record<number, string>> = { 1: 'territory', 2: 'government', 3: 'territory and government' };

/** One side of a conflict-year: its primary party (a government, or rebel groups) and the states supporting it with troops. */
export interface ConflictSide {
  readonly primary: string;
  readonly primary_countries: readonly string[];
  /** UCDP's secondary warring parties: states that joined the side with troops. */
  readonly secondary: string | null;
  readonly secondary_countries: readonly string[];
}

export interface ConflictYear {
  readonly conflict_id: number;
  readonly year: number;
  readonly location: string;
  readonly territory: string | null;
  readonly incompatibility: string | null;
  readonly type: string;
  /** 1: 25–999 battle-related deaths in the year; 2: at least 1,000 (war). */
  readonly intensity_level: number;
  readonly intensity: 'minor' | 'war';
  /** How the state asked about takes part: on which side, as a primary or secondary party, or only as a location. */
  readonly role: ConflictRole;
  readonly side: 'a' | 'b' | null;
  /** With a second state: its role and side, and whether the two fought on opposite sides. */
  readonly b_role?: ConflictRole;
  readonly b_side?: 'a' | 'b' | null;
  readonly opposed?: boolean;
  readonly side_a: ConflictSide;
  readonly side_b: ConflictSide;
}

/** A conflict over the years listed: when it was active, its war years and the state's roles. */
export interface ConflictSummary {
  readonly conflict_id: number;
  readonly location: string;
  readonly territory: string | null;
  readonly type: string;
  readonly years: readonly number[];
  readonly war_years: readonly number[];
  readonly roles: readonly string[];
  readonly side_a: string;
  readonly side_b: string;
  /** Every secondary party named in any of the years, by side. */
  readonly secondary_a: readonly string[];
  readonly secondary_b: readonly string[];
}

export interface ArmedConflictOptions {
  readonly a: string;
  /** Only conflict-years in which this state is involved too. */
  readonly b?: string;
  readonly from?: number;
  readonly to?: number;
}

const names = (s: string | null) => (s ? s.split(', ').map((x) => x.trim()).filter(Boolean) : []);

function roleOf(r: ConflictYearRow, c: string): { role: ConflictRole; side: 'a' | 'b' | null } | null {
  if (r.iso3_a.includes(c)) return { role: 'primary', side: 'a' };
  if (r.iso3_b.includes(c)) return { role: 'primary', side: 'b' };
  if (r.iso3_a_2nd.includes(c)) return { role: 'secondary', side: 'a' };
  if (r.iso3_b_2nd.includes(c)) return { role: 'secondary', side: 'b' };
  if (r.iso3_loc.includes(c)) return { role: 'location', side: null };
  return null;
}

/** The conflict-years involving `a` (and `b`), oldest first within each conflict, and one summary per conflict. */
export function armedConflict(rows: readonly ConflictYearRow[], o: ArmedConflictOptions): { years: ConflictYear[]; conflicts: ConflictSummary[] } {
  const years: ConflictYear[] = [];
  for (const r of rows) {
    if ((o.from !== undefined && r.year < o.from) || (o.to !== undefined && r.year > o.to)) continue;
    const mine = roleOf(r, o.a);
    const theirs = o.b ? roleOf(r, o.b) : null;
    if (!mine || (o.b && !theirs)) continue;
    years.push({
      conflict_id: r.conflict_id,
      year: r.year,
      location: r.location,
      territory: r.territory_name,
      incompatibility: r.incompatibility === null ? null : (INCOMPATIBILITIES[r.incompatibility] ?? String(r.incompatibility)),
      type: CONFLICT_TYPES[r.type_of_conflict] ?? String(r.type_of_conflict),
      intensity_level: r.intensity_level,
      intensity: r.intensity_level >= 2 ? 'war' : 'minor',
      role: mine.role,
      side: mine.side,
      ...(theirs ? { b_role: theirs.role, b_side: theirs.side, opposed: mine.side !== null && theirs.side !== null && mine.side !== theirs.side } : {}),
      side_a: { primary: r.side_a, primary_countries: r.iso3_a, secondary: r.side_a_2nd, secondary_countries: r.iso3_a_2nd },
      side_b: { primary: r.side_b, primary_countries: r.iso3_b, secondary: r.side_b_2nd, secondary_countries: r.iso3_b_2nd },
    });
  }
  years.sort((x, y) => x.conflict_id - y.conflict_id || x.year - y.year);
  const byId = new Map<number, ConflictYear[]>();
  for (const y of years) byId.set(y.conflict_id, [...(byId.get(y.conflict_id) ?? []), y]);
  const conflicts = [...byId.values()].map((ys) => {
    const last = ys.at(-1)!;
    return {
      conflict_id: last.conflict_id,
      location: last.location,
      territory: last.territory,
      type: last.type,
      years: ys.map((y) => y.year),
      war_years: ys.filter((y) => y.intensity === 'war').map((y) => y.year),
      roles: [...new Set(ys.map((y) => (y.side ? `${y.role} (side ${y.side.toUpperCase()})` : y.role)))],
      side_a: last.side_a.primary,
      side_b: last.side_b.primary,
      secondary_a: [...new Set(ys.flatMap((y) => names(y.side_a.secondary)))].sort(),
      secondary_b: [...new Set(ys.flatMap((y) => names(y.side_b.secondary)))].sort(),
    };
  });
  // Most recent activity first: what an analyst of the present reads first.
  conflicts.sort((x, y) => y.years.at(-1)! - x.years.at(-1)! || x.conflict_id - y.conflict_id);
  return { years, conflicts };
}
