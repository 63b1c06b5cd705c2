// Claims: statements someone asserted, with who denied or confirmed them.
import { z } from 'zod';
import { ActorId, ClaimId, EventId, SourceId } from './ids.js';
import { LooseDate } from './date-interval.js';
import { ReviewState } from './event.js';

export const ClaimStatus = z.enum(['asserted', 'denied', 'confirmed', 'disputed']);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const Claim = z.object({
  id: ClaimId,
  claimant: z.array(ActorId).min(1),
  statement: z.string().min(1),
  date: LooseDate.optional(),
  about: z
    .object({ actors: z.array(ActorId).default([]), events: z.array(EventId).default([]) })
    .default({ actors: [], events: [] }),
  status: ClaimStatus,
  deniedBy: z.array(ActorId).default([]),
  confirmedBy: z.array(ActorId).default([]),
  /** Claims this one contradicts (another account of the same fact). */
  contradicts: z.array(ClaimId).default([]),
  sources: z.array(SourceId).min(1, 'a claim needs at least one source'),
  /** Extracted claims start `pending`; curated ones are `accepted`. */
  review: ReviewState.default('accepted'),
});
export type Claim = z.infer<typeof Claim>;
