// The evidence scope every measure, list, API endpoint and the brief take: which origins, which region, how sure.
import { z } from 'zod';
import { IsoDay } from './date-interval.js';
import { EVIDENCE_ORIGINS, SCOPE_DEFAULTS } from './scope-vocabulary.js';

export { EVIDENCE_ORIGINS, SCOPE_DEFAULTS, WORLD } from './scope-vocabulary.js';

/** Where evidence comes from: the curated knowledge base, extracted articles, or an event dataset. */
export const EvidenceOrigin = z.enum(EVIDENCE_ORIGINS);
export type EvidenceOrigin = z.infer<typeof EvidenceOrigin>;

/** Dataset origins: bulk machine-coded event rows with one actor a side. */
export const DATASET_ORIGIN_KINDS: readonly EvidenceOrigin[] = ['gdelt', 'icews', 'acled'];

/**
 * What counts as evidence for a figure. An event counts when it is dated, not negated, not hypothetical,
 * accepted, reported (alleged or denied only with `includeAlleged`), from one of `origins`, with confidence
 * ≥ `minConfidence`, within [from, to], and (unless region is `world`) between parties of the region.
 */
export const Scope = z.object({
  origins: z.array(EvidenceOrigin).min(1).default([...SCOPE_DEFAULTS.origins]),
  /** A loaded region's id, or `world`; absent means the (first) loaded region. */
  region: z.string().min(1).optional(),
  minConfidence: z.number().min(0).max(1).default(SCOPE_DEFAULTS.minConfidence),
  includeAlleged: z.boolean().default(SCOPE_DEFAULTS.includeAlleged),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
});
export type Scope = z.infer<typeof Scope>;
export type ScopeInput = z.input<typeof Scope>;

/** The origin kind of a stored `origin` value (`curated:<region>` → curated, `article:<sha>` → article). */
export function originKind(origin: string): EvidenceOrigin | null {
  const head = origin.split(':', 1)[0];
  return (EVIDENCE_ORIGINS as readonly string[]).includes(head) ? (head as EvidenceOrigin) : null;
}
