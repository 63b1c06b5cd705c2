// Period labels of days (2012-08, 2012-Q3, 2012) and the SQL that matches a party on one side of an event.

export type PeriodUnit = 'month' | 'quarter' | 'year';

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

/** SQL true when the party in parameter `param` (actor id or country code) is on `side` of an event. */
export function onSide(side: 'source' | 'target', param: string): string {
  return `(list_contains(${side}_countries, ${param}) OR list_contains(${side}_actors, ${param}))`;
}

/** SQL conditions every measure applies: a dated, real (not negated, not hypothetical) event within the range. */
export function eventRange(options: { from?: string; to?: string }, p: (v: string) => string): string[] {
  const where = ['date_start IS NOT NULL', 'NOT negated', 'NOT hypothetical'];
  if (options.from) where.push(`date_start >= ${p(options.from)}::DATE`);
  if (options.to) where.push(`date_start <= ${p(options.to)}::DATE`);
  return where;
}

/** A parameter list with a function that appends a value and returns its placeholder. */
export function sqlParams(): { params: (string | number)[]; p: (v: string | number) => string } {
  const params: (string | number)[] = [];
  return { params, p: (v) => (params.push(v), `$${params.length}`) };
}
