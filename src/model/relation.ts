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

/**
 * The layer of the signed network a relation type belongs to. Alignment ties are positive and hostility ties
 * negative: both sign the network that balance, blocs and frustration read. Dependency (economic, energy,
 * security dependency, basing, membership) and brokerage (mediation) are reported as layers of their own and
 * never sign an alignment tie: depending on a power, hosting its base or sharing its bloc is not siding with it.
 */
export type RelationLayer = 'alignment' | 'hostility' | 'dependency' | 'brokerage';

export const RELATION_LAYER: Readonly<Record<RelationType, RelationLayer>> = {
  alliance: 'alignment',
  'defense-cooperation': 'alignment',
  rivalry: 'hostility',
  occupation: 'hostility',
  'economic-dependency': 'dependency',
  'energy-dependency': 'dependency',
  'security-dependency': 'dependency',
  basing: 'dependency',
  membership: 'dependency',
  mediation: 'brokerage',
};

/** The sign a relation type carries in the signed network: +1 alignment, −1 hostility, null for the unsigned layers. */
export function layerSign(type: RelationType): 1 | -1 | null {
  switch (RELATION_LAYER[type]) {
    case 'alignment':
      return 1;
    case 'hostility':
      return -1;
    case 'dependency':
    case 'brokerage':
      return null;
  }
}

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
  })
  .refine((r) => layerSign(r.type) === null || layerSign(r.type) === r.sign, {
    message: 'contradicts the relation type: alliance and defense-cooperation are +1, rivalry and occupation −1',
    path: ['sign'],
  });
export type Relation = z.infer<typeof Relation>;

/** True when the relation holds on `day` (open ends count as holding). */
export function relationHoldsOn(r: Relation, day: string): boolean {
  return (!r.interval.start || r.interval.start <= day) && (!r.interval.end || day <= r.interval.end);
}
