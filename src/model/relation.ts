// Standing relations between actors: alliances, dependencies, occupations, memberships.
import { z } from 'zod';
import { ActorId, RelationId, SourceId } from './ids.js';
import { IsoDay } from './date-interval.js';

export const RelationType = z.enum([
  'alliance',
  'defense-cooperation',
  'economic-dependency',
  'energy-dependency',
  'security-dependency',
  'rivalry',
  'occupation',
  'membership',
  'mediation',
  'basing',
]);
export type RelationType = z.infer<typeof RelationType>;

export const Relation = z
  .object({
    id: RelationId,
    type: RelationType,
    from: ActorId,
    to: ActorId,
    interval: z
      .object({ start: IsoDay.nullable().default(null), end: IsoDay.nullable().default(null) })
      .default({ start: null, end: null }),
    sign: z.union([z.literal(-1), z.literal(1)]),
    strength: z.number().min(0).max(1),
    note: z.string().optional(),
    sources: z.array(SourceId).min(1, 'a relation needs at least one source'),
  })
  .refine((r) => !r.interval.start || !r.interval.end || r.interval.start <= r.interval.end, {
    message: 'start must not be after end',
    path: ['interval', 'end'],
  });
export type Relation = z.infer<typeof Relation>;

/** True when the relation holds on `day` (open ends count as holding). */
export function relationHoldsOn(r: Relation, day: string): boolean {
  return (!r.interval.start || r.interval.start <= day) && (!r.interval.end || day <= r.interval.end);
}
