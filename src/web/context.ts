// What the panels share: the region, names of actors and countries, sources by id, the scope bar and the links between panels.
import type { Actor, Source } from '../model/index.js';
import type { AchResult, RegionInfo } from './api.js';
import type { PeriodControl } from './period.js';
import type { ScopeControl } from './scope.js';
import { countryName } from './iso.js';

/** What the evidence panel is asked to list: the events behind a chart element, or rows handed over as they are. */
export type EvidenceRequest =
  | { readonly kind: 'dyad'; readonly a: string; readonly b: string; readonly by: string; readonly period: string; readonly expected: number }
  | { readonly kind: 'events'; readonly title: string; readonly actor?: string; readonly party?: string; readonly located?: string; readonly from?: string; readonly to?: string; readonly quad?: string; readonly cameo?: string }
  | { readonly kind: 'rows'; readonly title: string; readonly note: string; readonly header: readonly string[]; readonly rows: readonly (readonly (string | number | null)[])[]; readonly citations: readonly string[] }
  | { readonly kind: 'ids'; readonly title: string; readonly note: string; readonly ids: readonly string[] };

export interface DashboardContext {
  readonly region: RegionInfo;
  readonly actors: readonly Actor[];
  readonly sources: ReadonlyMap<string, Source>;
  readonly period: PeriodControl;
  readonly scope: ScopeControl;
  /** Display name of an actor id or a country/IGO code; the id itself when unknown. */
  name(id: string): string;
  /** Parties a dyad can be drawn for: ISO3 countries and IGO codes, with names. */
  readonly parties: readonly { readonly code: string; readonly name: string }[];
  /** Opens the actor page and filters the timeline to the actor (null clears the filter). */
  focusActor(id: string | null): void;
  /** Lists the events or rows behind a chart element in the evidence panel, and scrolls to it. */
  showEvidence(req: EvidenceRequest): void;
  /** The ACH matrix with sensitivity in the current scope, asked once per scope and shared by the theses board and the matrix. */
  ach(): Promise<AchResult>;
}

export function buildNames(actors: readonly Actor[]): { name: (id: string) => string; parties: { code: string; name: string }[] } {
  const names = new Map<string, string>();
  const parties = new Map<string, string>();
  for (const a of actors) {
    names.set(a.id, a.name);
    if (a.kind === 'state' && a.country) {
      names.set(a.country, a.name);
      parties.set(a.country, a.name);
    }
    if (a.kind === 'igo' && a.code) {
      if (!names.has(a.code)) names.set(a.code, a.name);
      parties.set(a.code, a.name);
    }
  }
  return {
    name: (id) => names.get(id) ?? countryName(id) ?? id,
    parties: [...parties].map(([code, name]) => ({ code, name })).sort((x, y) => x.name.localeCompare(y.name)),
  };
}

/** Quad classes with their labels and colours, shared by every chart and badge. */
export const QUADS = [
  { quad: 1, label: 'Verbal cooperation', short: 'V-coop', color: '#6aa87f' },
  { quad: 2, label: 'Material cooperation', short: 'M-coop', color: '#23704a' },
  { quad: 3, label: 'Verbal conflict', short: 'V-conf', color: '#d99a3e' },
  { quad: 4, label: 'Material conflict', short: 'M-conf', color: '#b3362b' },
] as const;
