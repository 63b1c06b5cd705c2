// Period labels of days (2012-08, 2012-Q3, 2012) and the step from one period to the next: the one vocabulary of periods that stores, measures, the CLI and the API share.

export type PeriodUnit = 'month' | 'quarter' | 'year';
export const PERIOD_UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];

/** The label of the period holding `day` (YYYY-MM-DD), in the same form as dyad series use. */
export function periodOf(day: string, by: PeriodUnit): string {
  switch (by) {
    case 'year':
      return day.slice(0, 4);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'month':
      return day.slice(0, 7);
  }
}

/** The label of the period after `label` (2012-12 → 2013-01, 2012-Q4 → 2013-Q1, 2012 → 2013). */
export function nextPeriod(label: string, by: PeriodUnit): string {
  const y = Number(label.slice(0, 4));
  switch (by) {
    case 'year':
      return String(y + 1);
    case 'quarter': {
      const q = Number(label.slice(6));
      return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
    }
    case 'month': {
      const m = Number(label.slice(5, 7));
      return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    }
  }
}

/** The first and last day of the period `label`. */
export function periodDays(label: string, by: PeriodUnit): { from: string; to: string } {
  const y = label.slice(0, 4);
  switch (by) {
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'quarter': {
      const q = Number(label.slice(6));
      const m0 = (q - 1) * 3 + 1;
      const end = new Date(Date.UTC(Number(y), m0 + 2, 0)).toISOString().slice(0, 10);
      return { from: `${y}-${String(m0).padStart(2, '0')}-01`, to: end };
    }
    case 'month': {
      const m = Number(label.slice(5, 7));
      return { from: `${label}-01`, to: new Date(Date.UTC(Number(y), m, 0)).toISOString().slice(0, 10) };
    }
  }
}
