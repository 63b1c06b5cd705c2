// The annotation format of ../shared/corpus/*.gold.json, parsed once at the edge.
import { z } from 'zod';

export const GoldEvent = z.object({
  id: z.string(),
  core: z.boolean(),
  source: z.array(z.string()),
  target: z.array(z.string()),
  symmetric: z.boolean().default(false),
  quad: z.array(z.number().int().min(1).max(4)),
  date: z.tuple([z.string(), z.string()]).nullable(),
  anchors: z.array(z.string()).min(1),
});
export type GoldEvent = z.infer<typeof GoldEvent>;

export const GoldDocument = z.object({
  document: z.string(),
  published: z.string().nullable().default(null),
  references: z.array(z.object({ marker: z.string(), url: z.string().nullable(), accessed: z.string().nullable() })),
  countries: z.array(z.string()),
  countries_acceptable: z.array(z.string()).default([]),
  persons: z.array(z.string()),
  persons_acceptable: z.array(z.string()).default([]),
  events: z.array(GoldEvent),
  claims: z.array(z.object({
    id: z.string(),
    claimant: z.array(z.string()),
    about: z.array(z.string()).default([]),
    status: z.string(),
    deniedBy: z.array(z.string()).default([]),
  })).default([]),
});
export type GoldDocument = z.infer<typeof GoldDocument>;
