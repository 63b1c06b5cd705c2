// The period every panel follows: a window of whole years ending at the year the time slider points to.

export interface Period {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export type PeriodListener = (p: Period) => void;

/** Holds the chosen period and tells the panels when it changes. */
export class PeriodControl {
  private listeners: PeriodListener[] = [];
  private end: number;
  private years: number;

  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    this.end = last;
    this.years = Math.min(5, last - first + 1);
  }

  get current(): Period {
    const start = Math.max(this.first, this.end - this.years + 1);
    return { from: `${start}-01-01`, to: `${this.end}-12-31`, label: start === this.end ? `${start}` : `${start}–${this.end}` };
  }

  get endYear(): number {
    return this.end;
  }

  get windowYears(): number {
    return this.years;
  }

  set(end: number, years: number = this.years): void {
    const e = Math.min(this.last, Math.max(this.first, end));
    if (e === this.end && years === this.years) return;
    this.end = e;
    this.years = years;
    const p = this.current;
    for (const fn of this.listeners) fn(p);
  }

  onChange(fn: PeriodListener): void {
    this.listeners.push(fn);
  }
}
