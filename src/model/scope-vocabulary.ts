// The words of the evidence scope (origins, the world keyword, defaults) without Zod, so that CLI option help can name them at startup.

/** Where evidence comes from: the curated knowledge base, extracted articles, or an event dataset. */
export const EVIDENCE_ORIGINS = ['curated', 'article', 'gdelt', 'icews', 'acled'] as const;

/** The region keyword meaning "no regional restriction". */
export const WORLD = 'world';

/** Defaults of the scope, in one place (CLI, API, dashboard and brief read them from here). */
export const SCOPE_DEFAULTS = {
  origins: EVIDENCE_ORIGINS,
  minConfidence: 0.5,
  includeAlleged: false,
} as const;
