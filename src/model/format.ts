// Multilateral formats (3+3, CSTO) and corridors (transit routes) with their members and stakeholders.
import { z } from 'zod';
import { ActorId, CorridorId, FormatId, Iso3, SourceId } from './ids.js';
import { IsoDay } from './date-interval.js';

export const Participation = z.enum(['member', 'founder', 'observer', 'suspended', 'absent', 'withdrawn', 'invited']);

export const Format = z.object({
  id: FormatId,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  description: z.string().min(1),
  proposedBy: z.array(ActorId).default([]),
  founded: IsoDay.nullable().default(null),
  participation: z
    .array(
      z.object({
        actor: ActorId,
        status: Participation,
        from: IsoDay.nullable().default(null),
        to: IsoDay.nullable().default(null),
        note: z.string().optional(),
      }),
    )
    .min(1),
  sources: z.array(SourceId).min(1),
});
export type Format = z.infer<typeof Format>;

export const Stance = z.enum(['supports', 'opposes', 'conditional', 'neutral', 'proposes']);

export const Corridor = z.object({
  id: CorridorId,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  description: z.string().min(1),
  route: z.array(Iso3).min(1),
  stakeholders: z
    .array(z.object({ actor: ActorId, stance: Stance, note: z.string().optional(), sources: z.array(SourceId).default([]) }))
    .min(1),
  sources: z.array(SourceId).min(1),
});
export type Corridor = z.infer<typeof Corridor>;
