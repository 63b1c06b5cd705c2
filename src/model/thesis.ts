// Theses of a paper, in our own words, with indicators that would support or contradict them.
import { z } from 'zod';
import { ActorId, ClaimId, FormatId, RelationId, SourceId, ThesisId } from './ids.js';
import { IsoDay } from './date-interval.js';
import { ClaimStatus } from './claim.js';
import { Participation } from './format.js';
import { QuadClass } from './event.js';
import { RelationType } from './relation.js';

const Comparison = z.enum(['at-least', 'at-most']);
const base = {
  id: z.string().min(1),
  description: z.string().min(1),
  /** What it means for the thesis when the expectation holds. */
  bearing: z.enum(['supports', 'contradicts']).default('supports'),
};

/** The window an indicator reads: from a day, to a day or (null) the newest data. */
const period = { from: IsoDay, to: IsoDay.nullable().default(null) };

/** Actors in indicators are actor ids or ISO3 country codes (matched against actors' countries). */
const Party = z.string().min(1);

export const Indicator = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('dyad-trend'),
    a: Party,
    b: Party,
    ...period,
    by: z.enum(['month', 'quarter', 'year']).default('year'),
    expect: z.enum(['rising', 'falling']),
  }),
  z.object({
    ...base,
    kind: z.literal('mediation-share'),
    a: Party,
    b: Party,
    ...period,
    expect: Comparison,
    value: z.number().min(0).max(1),
  }),
  z.object({
    ...base,
    kind: z.literal('influence-share'),
    actor: Party,
    partners: z.array(Party).min(1),
    ...period,
    expect: Comparison,
    value: z.number().min(0).max(1),
  }),
  z.object({
    ...base,
    kind: z.literal('event-count'),
    source: z.array(Party).default([]),
    target: z.array(Party).default([]),
    quad: z.array(QuadClass).default([]),
    cameo: z.array(z.string().regex(/^\d{2,4}$/)).default([]),
    ...period,
    expect: Comparison,
    value: z.number().int().min(0),
  }),
  z.object({
    ...base,
    kind: z.literal('relation'),
    from: ActorId,
    to: ActorId,
    type: RelationType,
    relation: RelationId.optional(),
    on: IsoDay,
    expect: z.enum(['holds', 'absent']),
  }),
  z.object({
    ...base,
    kind: z.literal('format-participation'),
    format: FormatId,
    actor: ActorId,
    on: IsoDay,
    expect: z.array(Participation).min(1),
  }),
  z.object({
    ...base,
    kind: z.literal('claim-status'),
    claim: ClaimId,
    expect: z.array(ClaimStatus).min(1),
  }),
]);
export type Indicator = z.infer<typeof Indicator>;
export type IndicatorKind = Indicator['kind'];

export const Thesis = z.object({
  id: ThesisId,
  title: z.string().min(1),
  statement: z.string().min(1),
  indicators: z.array(Indicator).min(1),
  sources: z.array(SourceId).min(1),
});
export type Thesis = z.infer<typeof Thesis>;
