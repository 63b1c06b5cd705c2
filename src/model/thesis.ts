// Theses of a paper, in our own words, with indicators that would support or contradict them.
import { z } from 'zod';
import { ActorId, ClaimId, FormatId, RelationId, SourceId, ThesisId } from './ids.js';
import { IsoDay } from './date-interval.js';
import { ClaimStatus } from './claim.js';
import { Participation } from './format.js';
import { QuadClass } from './event.js';
import { RelationType } from './relation.js';
import { AlignmentShift, AlignmentTrend, ConflictIntensity, MilitaryBurden, SupplierShare } from './structural-indicator.js';

const Comparison = z.enum(['at-least', 'at-most']);
const base = {
  id: z.string().min(1),
  description: z.string().min(1),
  /** What it means for the thesis when the expectation holds. */
  bearing: z.enum(['supports', 'contradicts']).default('supports'),
  /**
   * The log-likelihood ratio (natural log) the indicator's outcome carries: how much more likely the outcome is if the
   * thesis is true than if it is false. 1 ≈ a likelihood ratio of 2.7 (moderate); 0.5 weak; 2 strong.
   */
  weight: z.number().min(0).max(5).default(1),
  /** Why the threshold is where it is, independent of how many items were curated (a fraction, a baseline, a test). */
  rationale: z.string().min(1).optional(),
};

/** The window an indicator reads: from a day, to a day or (null) the newest data. */
const period = { from: IsoDay, to: IsoDay.nullable().default(null) };

/** Actors in indicators are actor ids or ISO3 country codes (matched against actors' countries). */
const Party = z.string().min(1);

/** Which events an indicator reads: sides (any of the parties; swapped too when `either`), quad classes, CAMEO prefixes. */
const EventSelector = z.object({
  source: z.array(Party).default([]),
  target: z.array(Party).default([]),
  either: z.boolean().default(true),
  quad: z.array(QuadClass).default([]),
  cameo: z.array(z.string().regex(/^\d{2,4}$/)).default([]),
});
export type EventSelector = z.infer<typeof EventSelector>;

/** A window of days, both ends included. */
const Window = z.object({ from: IsoDay, to: IsoDay });

/** The structural kinds (UNGA alignment, SIPRI arms and burden, UCDP conflict) with the weight and rationale every indicator has. */
const structural = { weight: base.weight, rationale: base.rationale };

export const Indicator = z.discriminatedUnion('kind', [
  AlignmentTrend.extend(structural),
  AlignmentShift.extend(structural),
  SupplierShare.extend(structural),
  MilitaryBurden.extend(structural),
  ConflictIntensity.extend(structural),
  z.object({
    ...base,
    kind: z.literal('event-share'),
    /** The events the share is taken of. */
    of: EventSelector,
    /** Which of them count in the numerator: quad classes and/or CAMEO prefixes. */
    share: z.object({ quad: z.array(QuadClass).default([]), cameo: z.array(z.string().regex(/^\d{2,4}$/)).default([]) }),
    window: Window,
    /** With a baseline window, `value` is the change of the share against the baseline's share. */
    baseline: Window.optional(),
    expect: Comparison,
    value: z.number().min(-1).max(1),
    /** Fewest events in each window for the share to mean anything. */
    minEvents: z.number().int().min(1).default(8),
  }),
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
    /** Count only mediation by these third parties (any third party when empty). */
    via: z.array(Party).default([]),
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

/** Which indicators a thesis needs evaluated before it can be called supported (default: all of them, from two families). */
const Sufficiency = z.object({ indicators: z.number().int().min(1), families: z.number().int().min(1).default(2) });

export const Thesis = z.object({
  id: ThesisId,
  title: z.string().min(1),
  statement: z.string().min(1),
  /** The question competing hypotheses answer differently; rivals share it. */
  question: z.string().min(1).optional(),
  /** A thesis of the paper, or a rival a reasonable analyst would hold. */
  role: z.enum(['paper', 'rival']).default('paper'),
  sufficient: Sufficiency.optional(),
  indicators: z.array(Indicator).min(1),
  sources: z.array(SourceId).min(1),
});
export type Thesis = z.infer<typeof Thesis>;
