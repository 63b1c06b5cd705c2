// Arms-supply dependence from the SIPRI Arms Transfers Database (TIV method): supplier shares per year or five-year period and their Herfindahl–Hirschman concentration (Hirschman 1945; Herfindahl 1950).
import type { ArmsFlowRow, SupplierTotalRow } from '../store/structural-reads.js';

export type ArmsPeriodUnit = 'year' | '5y';

/** The period label of a year: `2021`, or the five-year block `2020-2024` (blocks start on multiples of five). */
export function armsPeriod(year: number, by: ArmsPeriodUnit): { label: string; from: number; to: number } {
  if (by === 'year') return { label: String(year), from: year, to: year };
  const from = Math.floor(year / 5) * 5;
  return { label: `${from}-${from + 4}`, from, to: from + 4 };
}

/** One supplier of one recipient in one period (the JSON of `arms --json`). */
export interface SupplierShare {
  readonly recipient: string;
  readonly period: string;
  readonly supplier: string;
  readonly supplier_name: string;
  /** TIV in millions delivered in the period (orders: ordered). */
  readonly tiv: number;
  /** Of the recipient's total in the period; 0 for a supplier of other periods that delivered nothing in this one. */
  readonly share: number;
  /** Deals contributing (a deal delivering over several years counts in each). */
  readonly deals: number;
}

/** A recipient's period: total, concentration and the biggest systems. */
export interface ArmsPeriod {
  readonly recipient: string;
  readonly period: string;
  readonly from: number;
  readonly to: number;
  /** True when the period reaches past the last year of the register in the store. */
  readonly partial: boolean;
  readonly tiv: number;
  /** Σ share² over suppliers: 1/n for n equal suppliers, 1 for one supplier. */
  readonly hhi: number;
  readonly suppliers: number;
  readonly top: readonly { readonly supplier: string; readonly designation: string; readonly description: string; readonly tiv: number }[];
}

export interface ArmsSupplyOptions {
  readonly recipient: string;
  readonly by?: ArmsPeriodUnit;
  /** Systems listed per period. */
  readonly topSystems?: number;
  /** Last year of the register (periods reaching past it are partial); default the last year with flows. */
  readonly lastYear?: number;
}

export const ARMS_DEFAULTS = { by: 'year' as ArmsPeriodUnit, topSystems: 3 } as const;

/**
 * Supplier shares of a recipient per period, from flows of readArmsFlows (all suppliers of the recipient) and the
 * same flows per system. Periods without any delivery are left out (a share of nothing is undefined); every supplier
 * that delivered in some listed period has a row in each, so that a share can be followed through time.
 */
export function armsSupply(flows: readonly ArmsFlowRow[], systems: readonly ArmsFlowRow[], o: ArmsSupplyOptions): { shares: SupplierShare[]; periods: ArmsPeriod[] } {
  const by = o.by ?? ARMS_DEFAULTS.by;
  const mine = flows.filter((f) => f.recipient === o.recipient);
  const last = o.lastYear ?? Math.max(-Infinity, ...mine.map((f) => f.year));
  const cells = new Map<string, { tiv: number; deals: number }>();
  const names = new Map<string, string>();
  const periods = new Map<string, { from: number; to: number; tiv: number }>();
  for (const f of mine) {
    const p = armsPeriod(f.year, by);
    names.set(f.supplier, f.supplier_name);
    const k = `${p.label}\t${f.supplier}`;
    const c = cells.get(k) ?? { tiv: 0, deals: 0 };
    cells.set(k, { tiv: c.tiv + f.tiv, deals: c.deals + f.deals });
    const q = periods.get(p.label) ?? { from: p.from, to: p.to, tiv: 0 };
    periods.set(p.label, { ...q, tiv: q.tiv + f.tiv });
  }
  const listed = [...periods].filter(([, p]) => p.tiv > 0).sort((x, y) => x[1].from - y[1].from);
  const suppliers = [...new Set([...cells].filter(([k, c]) => c.tiv > 0 && listed.some(([l]) => k.startsWith(`${l}\t`))).map(([k]) => k.split('\t')[1]))].sort();
  const shares: SupplierShare[] = [];
  const out: ArmsPeriod[] = [];
  for (const [label, p] of listed) {
    const rows = suppliers.map((s) => {
      const c = cells.get(`${label}\t${s}`) ?? { tiv: 0, deals: 0 };
      return { recipient: o.recipient, period: label, supplier: s, supplier_name: names.get(s) ?? s, tiv: c.tiv, share: c.tiv / p.tiv, deals: c.deals };
    });
    rows.sort((x, y) => y.tiv - x.tiv || x.supplier.localeCompare(y.supplier));
    shares.push(...rows);
    const sys = new Map<string, { supplier: string; designation: string; description: string; tiv: number }>();
    for (const f of systems) {
      if (f.recipient !== o.recipient || armsPeriod(f.year, by).label !== label) continue;
      const k = `${f.supplier}\t${f.designation}\t${f.description}`;
      const s = sys.get(k) ?? { supplier: f.supplier, designation: f.designation ?? '', description: f.description ?? '', tiv: 0 };
      sys.set(k, { ...s, tiv: s.tiv + f.tiv });
    }
    out.push({
      recipient: o.recipient,
      period: label,
      from: p.from,
      to: p.to,
      partial: p.to > last,
      tiv: p.tiv,
      hhi: rows.reduce((s, r) => s + r.share ** 2, 0),
      suppliers: rows.filter((r) => r.tiv > 0).length,
      top: [...sys.values()].filter((s) => s.tiv > 0).sort((x, y) => y.tiv - x.tiv).slice(0, o.topSystems ?? ARMS_DEFAULTS.topSystems),
    });
  }
  return { shares, periods: out };
}

/** One recipient of a supplier in one period (the reverse view). */
export interface RecipientShare {
  readonly supplier: string;
  readonly period: string;
  readonly recipient: string;
  readonly recipient_name: string;
  readonly tiv: number;
  /** Of the supplier's deliveries to all recipients in the period; null when its world total is not in the store. */
  readonly share_of_supplier: number | null;
  /** Of the recipient's imports from all suppliers in the period; null when the store holds only part of its imports. */
  readonly share_of_recipient: number | null;
}

export interface ArmsBySupplierOptions {
  readonly supplier: string;
  readonly by?: ArmsPeriodUnit;
  /** Recipients whose imports from all suppliers are in `recipientFlows` (the rest get a null share_of_recipient). */
  readonly completeRecipients: ReadonlySet<string> | 'all';
}

/**
 * The reverse view: who a supplier arms, per period, with the share of the supplier's world deliveries (from
 * `totals`) and each recipient's dependence on it (from `recipientFlows`, the recipients' flows from all suppliers).
 */
export function armsBySupplier(flows: readonly ArmsFlowRow[], totals: readonly SupplierTotalRow[], recipientFlows: readonly ArmsFlowRow[], o: ArmsBySupplierOptions): RecipientShare[] {
  const by = o.by ?? ARMS_DEFAULTS.by;
  const sum = <T>(rows: readonly T[], key: (r: T) => string, tiv: (r: T) => number) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + tiv(r));
    return m;
  };
  const world = sum(totals.filter((t) => t.supplier === o.supplier), (t) => armsPeriod(t.year, by).label, (t) => t.tiv);
  const imports = sum(recipientFlows, (f) => `${f.recipient}\t${armsPeriod(f.year, by).label}`, (f) => f.tiv);
  const mine = flows.filter((f) => f.supplier === o.supplier);
  const cells = sum(mine, (f) => `${f.recipient}\t${armsPeriod(f.year, by).label}`, (f) => f.tiv);
  const names = new Map(mine.map((f) => [f.recipient, f.recipient_name]));
  const out: RecipientShare[] = [];
  for (const [k, tiv] of cells) {
    if (tiv <= 0) continue;
    const [recipient, period] = k.split('\t');
    const w = world.get(period);
    const complete = o.completeRecipients === 'all' || o.completeRecipients.has(recipient);
    const im = imports.get(k);
    out.push({
      supplier: o.supplier,
      period,
      recipient,
      recipient_name: names.get(recipient) ?? recipient,
      tiv,
      share_of_supplier: w ? tiv / w : null,
      share_of_recipient: complete && im ? tiv / im : null,
    });
  }
  return out.sort((x, y) => x.period.localeCompare(y.period) || y.tiv - x.tiv || x.recipient.localeCompare(y.recipient));
}
