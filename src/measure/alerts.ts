// Escalation alerts: windows in which a dyad's material-conflict count or Goldstein mean breaks from its own baseline, by z-score with floors on the spread and counts (cf. early-warning practice in event data, Schrodt & Gerner 2000).
import type { ScopeInput } from '../model/scope.js';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';

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
}

/** Reads "90d", "12w" or a number of days. */
export function parseWindow(w: number | string): number {
  const m = typeof w === 'number' ? [String(w), String(w), 'd'] : /^(\d+)([dw]?)$/.exec(w.trim());
  const days = m ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) : NaN;
  if (!(Number.isInteger(days) && days > 0)) throw new UserError('measure/alerts', `"${w}" is not a window such as 90d or 12w`, { field: 'window' });
  return days;
}

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Dyad-windows that break from the dyad's baseline, newest first, strongest first within a window. */
export async function alerts(store: Store, options: AlertOptions): Promise<Alert[]> {
  const o = { ...ALERT_DEFAULTS, ...options };
  const days = parseWindow(o.window);
  const asOf = o.asOf ?? (await store.all<{ d: string | null }>(`SELECT strftime(max(date_start), '%Y-%m-%d') AS d FROM events WHERE NOT negated AND NOT hypothetical`))[0]?.d;
  if (!asOf) return [];
  const rows = await store.all<{ a: string; b: string; w: number; n: number; q4: number; g: number }>(
    `SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
        (date_diff('day', date_start, $1::DATE) // $2)::INTEGER AS w,
        count(*)::INTEGER AS n, count(*) FILTER (quad = 4)::INTEGER AS q4, sum(goldstein)::DOUBLE AS g
     FROM events
     WHERE date_start IS NOT NULL AND date_start <= $1::DATE AND NOT negated AND NOT hypothetical
       AND source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
     GROUP BY ALL`,
    [asOf, days],
  );
  const oldest = Math.max(0, ...rows.map((r) => r.w));
  const dyads = new Map<string, { a: string; b: string; byWindow: Map<number, { n: number; q4: number; g: number }> }>();
  for (const r of rows) {
    const key = `${r.a}\u0000${r.b}`;
    const d = dyads.get(key) ?? { a: r.a, b: r.b, byWindow: new Map() };
    d.byWindow.set(r.w, { n: r.n, q4: r.q4, g: r.g });
    dyads.set(key, d);
  }
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
        out.push({ a: d.a, b: d.b, window, measure: 'material-conflict', value: cur.q4, baseline: { ...c, windows: base.length }, z: zc, direction: 'escalation', events: cur.n });
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
          out.push({ a: d.a, b: d.b, window, measure: 'goldstein-mean', value, baseline: { ...m, windows: means.length }, z: zm, direction: zm < 0 ? 'escalation' : 'de-escalation', events: cur.n });
        }
      }
    }
  }
  return out.sort((x, y) => (x.window.end === y.window.end ? Math.abs(y.z) - Math.abs(x.z) : x.window.end < y.window.end ? 1 : -1));
}
