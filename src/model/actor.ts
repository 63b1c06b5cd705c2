// Actors: states, people, organisations, parties, media, military units, IGOs and places that act.
import { z } from 'zod';
import { ActorId, CameoActorCode, Iso3, SourceId } from './ids.js';
import { IsoDay } from './date-interval.js';

export const ActorKind = z.enum(['state', 'person', 'organization', 'party', 'media', 'military', 'igo', 'location']);
export type ActorKind = z.infer<typeof ActorKind>;

/** A role held for a time: a leader maps to his government's CAMEO code only while in office. */
export const ActorRole = z
  .object({
    title: z.string().min(1),
    code: CameoActorCode,
    of: ActorId.optional(),
    from: IsoDay.nullable().default(null),
    to: IsoDay.nullable().default(null),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from must not be after to', path: ['to'] });
export type ActorRole = z.infer<typeof ActorRole>;

export const Actor = z.object({
  id: ActorId,
  kind: ActorKind,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  country: Iso3.nullable().default(null),
  code: CameoActorCode.nullable().default(null),
  /** The actor this one belongs to (a ministry to its state, a base to its army). */
  partOf: ActorId.optional(),
  roles: z.array(ActorRole).default([]),
  description: z.string().optional(),
  sources: z.array(SourceId).default([]),
  /**
   * The same real-world actor as any other loaded region's actor with this id (a world power, an IGO): loads merge
   * them into one record, aliases and sources united. Both regions must say so; otherwise a reused id is an error.
   */
  shared: z.boolean().optional(),
});
export type Actor = z.infer<typeof Actor>;

/** The CAMEO code an actor carries on a given day: a role valid then, else its own code. */
export function codeOn(actor: Actor, day: string | null): string | null {
  if (day) {
    for (const role of actor.roles) {
      if ((!role.from || role.from <= day) && (!role.to || day <= role.to)) return role.code;
    }
  }
  return actor.code;
}
