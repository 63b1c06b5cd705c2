// Dated interactions between actors, coded with CAMEO, PLOVER, quad class and Goldstein weight.
import { z } from 'zod';
import { ActorId, EventId, SourceId } from './ids.js';
import { DateInterval, LooseDate } from './date-interval.js';

/**
 * How the event is known: `reported` (it happened, per its sources), `alleged` (one side says it happened and it
 * is not confirmed), `denied` (alleged and denied by the party accused). Alleged and denied events are left out of
 * measures unless a scope asks for them.
 */
export const EventStatus = z.enum(['reported', 'alleged', 'denied']);
export type EventStatus = z.infer<typeof EventStatus>;

/** Whether an analyst has accepted the record: extracted records start `pending`; curated and dataset ones are `accepted`. */
export const ReviewState = z.enum(['accepted', 'pending', 'rejected']);
export type ReviewState = z.infer<typeof ReviewState>;

export const CameoEventCode = z.string().regex(/^\d{2,4}$/, 'must be a CAMEO event code of 2–4 digits such as 036');

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export const QuadClass = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type QuadClass = z.infer<typeof QuadClass>;

/** An event as curated by hand: quad class, Goldstein and PLOVER may be left to the codebook. */
export const EventInput = z.object({
  id: EventId,
  date: LooseDate,
  cameo: CameoEventCode,
  quad: QuadClass.optional(),
  goldstein: z.number().min(-10).max(10).optional(),
  plover: z.string().optional(),
  source: z.array(ActorId).min(1),
  target: z.array(ActorId).default([]),
  third: z.array(ActorId).default([]),
  location: z.string().nullable().default(null),
  summary: z.string().min(1),
  sources: z.array(SourceId).min(1, 'an event needs at least one source'),
  confidence: z.number().min(0).max(1).default(0.8),
  negated: z.boolean().default(false),
  hypothetical: z.boolean().default(false),
  status: EventStatus.default('reported'),
});
export type EventInput = z.infer<typeof EventInput>;

/** A fully coded event, as every stage after the codebook sees it. */
export const Event = z.object({
  id: EventId,
  date: DateInterval.nullable(),
  cameo: CameoEventCode,
  quad: QuadClass,
  goldstein: z.number(),
  plover: z.string().nullable(),
  source: z.array(ActorId),
  target: z.array(ActorId),
  third: z.array(ActorId),
  location: z.string().nullable(),
  summary: z.string(),
  sources: z.array(SourceId),
  confidence: z.number().min(0).max(1),
  negated: z.boolean(),
  hypothetical: z.boolean(),
  status: EventStatus,
  review: ReviewState,
  /** Where the event came from: a curated region, an imported dataset row, or an extracted article. */
  origin: z.object({ dataset: z.string(), row: z.string().nullable() }),
});
export type Event = z.infer<typeof Event>;
