// The gazetteer the CLI uses: codebook plus a knowledge base's actors and its region as a named group of countries.
import type { Actor } from '../model/actor.js';
import type { Region } from '../model/region.js';
import { buildGazetteer, type Gazetteer } from './gazetteer.js';

/** A gazetteer that also knows `actors` (names, aliases, roles by date) and `regions` ("South Caucasus" → ARM, AZE, GEO). */
export function knowledgeGazetteer(actors: readonly Actor[], regions: readonly Pick<Region, 'name' | 'countries'>[]): Gazetteer {
  return buildGazetteer({ actors, regions: regions.map((r) => ({ name: r.name, countries: r.countries })) });
}
