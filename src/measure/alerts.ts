// Escalation alerts: windows in which a dyad's material-conflict count or Goldstein mean breaks from its own baseline, by z-score with floors on the spread and counts (cf. early-warning practice in event data, Schrodt & Gerner 2000).
import type { ScopeInput } from '../model/scope.js';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { inScope, resolveScope, type ResolvedScope } from '../store/evidence.js';
import { readLatestDay, readWindows, type WindowsRead } from '../store/evidence-reads.js';

export interface AlertOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** Window length: days as a number, or "90d", "12w". */
  readonly window: number | string;
  /** Last day of the newest window; default the newest event in the store. */
  readonly asOf?: string;
  /** Earlier windows forming the baseline, and the fewest of them needed. */
  readonly baseline?: number;
  readonly minBaseline?: number;
  /** |z| at or above which a window is flagged. */
  readonly threshold?: number;
  /** Floors: the fewest material-conflict events for a count alert, the fewest events for a mean alert, and the smallest spreads used. */
  readonly minCount?: number;
  readonly minEvents?: number;
  readonly countSdFloor?: number;
  readonly meanSdFloor?: number;
  /** Only alerts whose window ends within this many windows of asOf (all when absent). */
  readonly recent?: number;
}

export const ALERT_DEFAULTS = { baseline: 8, minBaseline: 4, threshold: 2.5, minCount: 3, minEvents: 5, countSdFloor: 1, meanSdFloor: 1 } as const;

export interface Alert {
  readonly a: string;
  readonly b: string;
  readonly window: { readonly start: string; readonly end: string };
  readonly measure: 'material-conflict' | 'goldstein-mean';
  readonly value: number;
  readonly baseline: { readonly mean: number; readonly sd: number; readonly windows: number };
  readonly z: number;
  /** Escalation: more material conflict or a lower Goldstein mean; détente the reverse. */
  readonly direction: 'escalation' | 'de-escalation';
  readonly events: number;
  /** Ids of the curated and extracted events of the window (dataset rows are counted in `events` only). */
  readonly eventIds: readonly string[];
}

/** Reads "90d", "12w" or a number of days. */
export function parseWindow(w: number | string): number {
  const m = typeof w === 'number' ? [String(w), String(w), 'd'] : /^(\d+)([dw]?)$/.exec(w.trim());
  const days = m ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) : NaN;
  if (!(Number.isInteger(days) && days > 0)) throw new UserError('measure/alerts', `"${w}" is not a window such as 90d or 12w`, { field: 'window' });
  return days;
}

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Dyad-windows in scope that break from the dyad's baseline, newest first, strongest first within a window. */
export async function alerts(store: Store, options: AlertOptions): Promise<Alert[]> {
  const days = parseWindow(options.window);
  const s = await resolveScope(store, options.scope);
  const asOf = options.asOf ?? (await readLatestDay(store, s));
  if (!asOf) return [];
  return alertsOf(await readWindows(store, s, { asOf, days }), s, { ...options, asOf });
}

/** The windows alerts read, for one store and scope: what every alert of `alerts(store, options)` is computed from. */
export async function alertWindows(store: Store, options: Pick<AlertOptions, 'scope' | 'window' | 'asOf'>): Promise<Map<string, DyadWindows>> {
  const days = parseWindow(options.window);
  const s = await resolveScope(store, options.scope);
  const asOf = options.asOf ?? (await readLatestDay(store, s));
  if (!asOf) return new Map();
  return dyadWindows(await readWindows(store, s, { asOf, days }), s, { asOf, days });
}

/** One dyad's counts per window (0 = the window ending asOf), with the ids of the knowledge events in each. */
export interface DyadWindows {
  readonly a: string;
  readonly b: string;
  readonly byWindow: Map<number, { n: number; q4: number; g: number; ids: string[] }>;
}

/** The windows of every in-scope dyad from a windows read (pure): knowledge events add to every (source party, target party) pair in scope. */
export function dyadWindows(read: WindowsRead, s: ResolvedScope, o: { asOf: string; days: number }): Map<string, DyadWindows> {
  const dyads = new Map<string, DyadWindows>();
  const add = (x: string, y: string, w: number, n: number, q4: number, g: number, id?: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    const d = dyads.get(key) ?? { a, b, byWindow: new Map() };
    const cur = d.byWindow.get(w) ?? { n: 0, q4: 0, g: 0, ids: [] };
    cur.n += n;
    cur.q4 += q4;
    cur.g += g;
    if (id) cur.ids.push(id);
    d.byWindow.set(w, cur);
    dyads.set(key, d);
  };
  for (const r of read.dataset) add(r.a, r.b, r.w, r.n, r.q4, r.g);
  const asOfMs = Date.parse(`${o.asOf}T00:00:00Z`);
  for (const e of read.items) {
    const w = Math.floor((asOfMs - Date.parse(`${e.day}T00:00:00Z`)) / 86_400_000 / o.days);
    if (w < 0) continue;
    const seen = new Set<string>();
    for (const x of e.source) {
      for (const y of e.target) {
        if (x === y || !inScope(s, x) || !inScope(s, y)) continue;
        const key = x < y ? `${x} ${y}` : `${y} ${x}`;
        if (seen.has(key)) continue;
        seen.add(key);
        add(x, y, w, 1, e.quad === 4 ? 1 : 0, e.goldstein, e.id);
      }
    }
  }
  return dyads;
}

/** Alerts from a windows read (pure). */
export function alertsOf(read: WindowsRead, s: ResolvedScope, options: AlertOptions & { asOf: string }): Alert[] {
  const o = { ...ALERT_DEFAULTS, ...options };
  const days = parseWindow(o.window);
  const asOf = options.asOf;
  const dyads = dyadWindows(read, s, { asOf, days });
  let oldest = 0;
  for (const d of dyads.values()) for (const w of d.byWindow.keys()) oldest = Math.max(oldest, w);
  const out: Alert[] = [];
  const stats = (xs: number[]) => {
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    return { mean, sd };
  };
  for (const d of dyads.values()) {
    for (const [w, cur] of d.byWindow) {
      if (o.recent !== undefined && w >= o.recent) continue;
      // Baseline windows that lie inside the data's span; a window without events counts as zero conflict.
      const base = Array.from({ length: Math.min(o.baseline, oldest - w) }, (_, k) => w + 1 + k);
      if (base.length < o.minBaseline) continue;
      const window = { start: addDays(asOf, -(w + 1) * days + 1), end: addDays(asOf, -w * days) };
      const counts = base.map((k) => d.byWindow.get(k)?.q4 ?? 0);
      const c = stats(counts);
      const zc = (cur.q4 - c.mean) / Math.max(c.sd, o.countSdFloor);
      if (cur.q4 >= o.minCount && zc >= o.threshold) {
        out.push({ a: d.a, b: d.b, window, measure: 'material-conflict', value: cur.q4, baseline: { ...c, windows: base.length }, z: zc, direction: 'escalation', events: cur.n, eventIds: cur.ids });
      }
      const means = base.flatMap((k) => {
        const x = d.byWindow.get(k);
        return x && x.n >= o.minEvents ? [x.g / x.n] : [];
      });
      if (cur.n >= o.minEvents && means.length >= o.minBaseline) {
        const m = stats(means);
        const value = cur.g / cur.n;
        const zm = (value - m.mean) / Math.max(m.sd, o.meanSdFloor);
        if (Math.abs(zm) >= o.threshold) {
          out.push({ a: d.a, b: d.b, window, measure: 'goldstein-mean', value, baseline: { ...m, windows: means.length }, z: zm, direction: zm < 0 ? 'escalation' : 'de-escalation', events: cur.n, eventIds: cur.ids });
        }
      }
    }
  }
  return out.sort((x, y) => (x.window.end === y.window.end ? Math.abs(y.z) - Math.abs(x.z) : x.window.end < y.window.end ? 1 : -1));
}
