// A region's knowledge base: the curated sources, actors, events, claims, relations, formats, corridors and theses.
import { z } from 'zod';
import { Iso3, SourceId } from './ids.js';
import { IsoDay } from './date-interval.js';
import type { Source } from './source.js';
import type { Actor } from './actor.js';
import type { Event } from './event.js';
import type { Claim } from './claim.js';
import type { Relation } from './relation.js';
import type { Corridor, Format } from './format.js';
import type { Thesis } from './thesis.js';

export const Region = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a kebab-case id'),
  name: z.string().min(1),
  description: z.string().min(1),
  countries: z.array(Iso3).min(1),
  /** The paper whose argument the region encodes. */
  paper: SourceId.optional(),
  /** Partner groups for influence shares, e.g. { west: [USA, FRA, IGOEU] }. */
  groups: z.record(z.string(), z.array(z.string())).default({}),
  asOf: IsoDay.optional(),
});
export type Region = z.infer<typeof Region>;

/** Everything a region holds, as the store loads it and `export --json` prints it. */
export interface KnowledgeBase {
  readonly region: Region;
  readonly sources: readonly Source[];
  readonly actors: readonly Actor[];
  readonly events: readonly Event[];
  readonly claims: readonly Claim[];
  readonly relations: readonly Relation[];
  readonly formats: readonly Format[];
  readonly corridors: readonly Corridor[];
  readonly theses: readonly Thesis[];
}

/** The collections of a knowledge base, in export order, each with the YAML file it is curated in. */
export const COLLECTIONS = ['sources', 'actors', 'events', 'claims', 'relations', 'formats', 'corridors', 'theses'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
