// The scope bar's state shared by every panel: origins, region, least confidence, alleged events, and the period.
import type { EvidenceCount, ScopeEcho, ScopeParams } from './api.js';
import type { PeriodControl } from './period.js';

/** Origins of evidence, in the order the API lists them (EVIDENCE_ORIGINS in src/model/scope.ts). */
export const ORIGINS = ['curated', 'article', 'gdelt', 'icews', 'acled'] as const;
export type Origin = (typeof ORIGINS)[number];

export interface ScopeState {
  readonly origins: readonly Origin[];
  /** A loaded region id, or "world". */
  readonly region: string;
  readonly minConfidence: number;
  readonly includeAlleged: boolean;
}

/** Holds the scope the panels follow and tells them when it or the period changes. */
export class ScopeControl {
  private listeners: (() => void)[] = [];
  private s: ScopeState;

  constructor(
    initial: ScopeState,
    readonly period: PeriodControl,
    private readonly regionNames: ReadonlyMap<string, string>,
  ) {
    this.s = initial;
    period.onChange(() => this.emit());
  }

  get state(): ScopeState {
    return this.s;
  }

  set(patch: Partial<ScopeState>): void {
    this.s = { ...this.s, ...patch };
    this.emit();
  }

  /** The scope as API query fields; `origin` only when not every origin is taken. */
  params(): ScopeParams {
    const { origins, region, minConfidence, includeAlleged } = this.s;
    return {
      ...(origins.length < ORIGINS.length ? { origin: origins.join(',') } : {}),
      region,
      minConfidence,
      ...(includeAlleged ? { includeAlleged: true } : {}),
    };
  }

  /** The scope and the period's days as query fields. */
  periodParams(): ScopeParams & { from: string; to: string } {
    const p = this.period.current;
    return { ...this.params(), from: p.from, to: p.to };
  }

  regionName(id: string): string {
    return id === 'world' ? 'World' : (this.regionNames.get(id) ?? id);
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

/** "n = 7 events, 3 sources · curated 5, gdelt 2". */
export function evidenceText(e: EvidenceCount, what = 'event'): string {
  const origins = ORIGINS.filter((o) => e.origins[o]).map((o) => `${o} ${e.origins[o]}`);
  return `n = ${e.events} ${what}${e.events === 1 ? '' : 's'}, ${e.sources} source${e.sources === 1 ? '' : 's'}${origins.length ? ` · ${origins.join(', ')}` : ''}`;
}

/** "South Caucasus · 2021-01-01 – 2025-12-31 · confidence ≥ 0.5 · alleged excluded · curated, article". */
export function scopeText(s: ScopeEcho, regionName: (id: string) => string, period?: string): string {
  const parts = [regionName(s.region)];
  if (period) parts.push(period);
  else if (s.from || s.to) parts.push(`${s.from ?? '…'} – ${s.to ?? '…'}`);
  parts.push(`confidence ≥ ${s.minConfidence}`, s.includeAlleged ? 'alleged included' : 'alleged excluded');
  parts.push(s.origins.length === ORIGINS.length ? 'all origins' : s.origins.join(', '));
  return parts.join(' · ');
}
