// Zod schemas of the API's query parameters, request bodies and responses; the OpenAPI document is generated from them.
import { z } from 'zod';
import { Actor, Claim, Event, Source, Thesis, boundDay } from '../model/index.js';

const dayPattern = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** A day bound given as YYYY, YYYY-MM or YYYY-MM-DD; `from` widens to the first day, `to` to the last. */
const DayParam = (side: 'from' | 'to') =>
  z
    .string()
    .regex(dayPattern, 'must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD')
    .refine((v) => boundDay(v, side) !== null, 'is not a real date')
    .transform((v) => boundDay(v, side)!)
    .describe(side === 'from' ? 'earliest day (YYYY[-MM[-DD]]), inclusive' : 'latest day (YYYY[-MM[-DD]]), inclusive');

const Party = z.string().min(1).max(200).regex(/^[A-Za-z0-9][A-Za-z0-9:_.+-]*$/, 'must be an actor id or an ISO3 country code');

const Flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const ActorsQuery = z.object({
  actor: Party.optional().describe('only this actor id, country, or the actors that are part of it'),
});

export const EventsQuery = z.object({
  actor: Party.optional().describe('events where this actor id or ISO3 country is source, target or third party'),
  from: DayParam('from').optional(),
  to: DayParam('to').optional(),
  datasets: Flag.optional().describe('include events imported from GDELT, ICEWS and ACLED (default false)'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000).describe('at most this many events, oldest first'),
});

export const ClaimsQuery = z.object({
  actor: Party.optional().describe('claims this actor made, denied, confirmed or is the subject of'),
  from: DayParam('from').optional(),
  to: DayParam('to').optional(),
  contested: Flag.optional().describe('only denied or disputed claims'),
});

export const Period = z.enum(['month', 'quarter', 'year']);

export const DyadQuery = z.object({
  a: Party.describe('first party: ISO3 country or IGO code'),
  b: Party.describe('second party: ISO3 country or IGO code'),
  by: Period.default('year').describe('period length'),
  directed: Flag.optional().describe('only events from a to b (default: both directions)'),
  from: DayParam('from').optional(),
  to: DayParam('to').optional(),
});

export const BalanceQuery = z.object({
  from: DayParam('from').optional(),
  to: DayParam('to').optional(),
});

export const SimulateBody = z
  .object({
    scenario: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a scenario name such as listed by /api/scenarios').optional(),
    yaml: z.string().min(1).max(200_000).optional().describe('a scenario written out in full, instead of a named one'),
    model: z.enum(['smp', 'eu', 'median', 'mean']).default('smp'),
    runs: z.number().int().min(1).max(500).optional().describe('Monte Carlo runs on jittered inputs'),
    perturb: z.number().min(0).max(100).default(5).describe('jitter half-width in points of a 0–100 scale'),
    seed: z.union([z.string().max(100), z.number().int()]).default('1'),
  })
  .strict()
  .refine((b) => (b.scenario === undefined) !== (b.yaml === undefined), 'give exactly one of "scenario" and "yaml"');

export const IngestBody = z
  .object({
    title: z.string().min(1).max(1000),
    text: z.string().min(1),
    url: z.url({ protocol: /^https?$/ }).optional().describe('where the article was read; kept in the note of its source'),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional().describe('publication day; relative dates in the text are read against it'),
    format: z.enum(['text', 'markdown', 'html']).default('text').describe('how `text` is written; HTML is reduced to its text first'),
  })
  .strict();

export const ErrorResponse = z.object({
  error: z.string().describe('short machine-readable code such as bad-request'),
  message: z.string().describe('what was wrong, naming the parameter or field'),
});

export const RegionResponse = z.object({
  regions: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), countries: z.array(z.string()) })),
  counts: z.record(z.string(), z.number()),
  span: z.object({ first: z.string().nullable(), last: z.string().nullable() }).describe('first and last day of the dated events'),
});

export const DyadPoint = z.object({
  period: z.string().describe('period label: 2024, 2024-Q3 or 2024-07'),
  events: z.number().int(),
  quad: z
    .object({ '1': z.number().int(), '2': z.number().int(), '3': z.number().int(), '4': z.number().int() })
    .describe('event counts per quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict'),
  goldstein_sum: z.number(),
  goldstein_mean: z.number(),
});

export const DyadResponse = z.object({
  a: z.string(),
  b: z.string(),
  by: Period,
  directed: z.boolean(),
  series: z.array(DyadPoint).describe('periods with at least one event, oldest first'),
  trend: z
    .object({
      periods: z.number(),
      slope: z.number().nullable().describe('Theil–Sen slope of the Goldstein mean per period'),
      intercept: z.number().nullable(),
      origin: z.string().nullable(),
      mannKendall: z.object({ s: z.number(), z: z.number(), p: z.number() }).nullable(),
      changePoints: z.array(z.object({ period: z.string(), index: z.number(), before: z.number(), after: z.number() })),
    })
    .loose(),
});

const SignedEdge = z.object({ a: z.string(), b: z.string(), sign: z.union([z.literal(1), z.literal(-1)]), weight: z.number() });

export const BalanceResponse = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    names: z.record(z.string(), z.string()).describe('display name of each node'),
    nodes: z.array(z.string()),
    edges: z.array(SignedEdge),
    triads: z.object({ balanced: z.number(), unbalanced: z.number(), ratio: z.number().nullable() }).describe('balanced and unbalanced triangles (Cartwright & Harary)'),
    frustration: z.object({ value: z.number(), exact: z.boolean(), partition: z.array(z.array(z.string())), frustrated: z.array(z.string()) }).loose(),
    blocs: z.array(z.array(z.string())).describe('Louvain communities of the positive ties, largest first'),
    centrality: z.record(z.string(), z.object({ weightedDegree: z.number(), pagerank: z.number() })),
  })
  .loose();

export const ThesesResponse = z.array(
  Thesis.extend({
    verdict: z
      .object({
        verdict: z.enum(['supported', 'contradicted', 'not enough evidence']),
        consistent: z.number().int(),
        inconsistent: z.number().int(),
        indicators: z.array(
          z
            .object({
              id: z.string(),
              description: z.string(),
              kind: z.string(),
              value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
              holds: z.boolean().nullable(),
              bearing: z.enum(['supports', 'contradicts']),
              consistency: z.enum(['consistent', 'inconsistent', 'not evaluated']),
              note: z.string(),
            })
            .loose(),
        ),
      })
      .describe('the evaluation of the thesis indicators against the store'),
  }),
);

export const ScenarioSummary = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  asOf: z.string(),
  dimensions: z.array(z.object({ name: z.string(), low: z.string(), high: z.string() })),
  actors: z.array(z.string()),
});

export const SimulateResponse = z
  .object({
    kind: z.literal('simulation'),
    model: z.string(),
    problem: z.string(),
    iterations: z.number(),
    actors: z.array(z.string()),
    dimensions: z.array(z.string()),
    final: z.object({ positions: z.record(z.string(), z.array(z.number())), outcome: z.array(z.number()) }),
    distribution: z
      .object({
        seed: z.string(),
        runs: z.number(),
        perturb: z.number(),
        outcome: z.array(z.object({ dimension: z.string(), mean: z.number(), p10: z.number(), p90: z.number() })),
      })
      .optional(),
  })
  .loose();

export const IngestResponse = z
  .object({
    origin: z.string().describe('article:<sha256> origin the extracted records were stored under'),
    unchanged: z.boolean().describe('the same article was ingested before; nothing was written'),
    written: z.record(z.string(), z.number()),
    merged: z.record(z.string(), z.number()).describe('records matched to ones already in the store'),
    events: z.number().int(),
    claims: z.number().int(),
    warnings: z.array(z.string()),
  })
  .loose();

export { Actor, Claim, Event, Source };

// --- review of extracted records (reader) ---
export const ReviewQuery = z.object({
  source: z.string().min(8).max(80).optional().describe('only this ingested article: article:<sha256>, its source id or 8+ hex digits of its hash'),
});

export const ReviewItem = z.object({
  kind: z.enum(['event', 'claim']),
  id: z.string(),
  origin: z.string(),
  review: z.enum(['accepted', 'pending', 'rejected']),
  code: z.string().describe('CAMEO code of an event, status of a claim'),
  actors: z.array(z.string()).describe('source actors of an event, claimants of a claim'),
  others: z.array(z.string()).describe('target actors of an event, actors a claim is about'),
  date: z.string().nullable(),
  sentence: z.string().describe('the sentence the record was read from'),
});

export const ReviewResponse = z.object({ items: z.array(ReviewItem) });

export const ReviewBody = z
  .object({
    action: z.enum(['accept', 'reject']),
    ids: z.array(z.string().min(1).max(200)).min(1).max(10_000).optional().describe('event or claim ids to decide'),
    source: z.string().min(8).max(80).optional().describe('decide every pending record of this article'),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.source === undefined), 'give exactly one of "ids" and "source"');

export const ReviewDecisionResponse = z.object({
  state: z.enum(['accepted', 'rejected']),
  events: z.number().int(),
  claims: z.number().int(),
  unknown: z.array(z.string()).describe('ids that name no extracted event or claim'),
});

export const RetractBody = z.object({ source: z.string().min(8).max(80).describe('the article to retract') }).strict();

export const RetractResponse = z.object({
  origin: z.string(),
  removed: z.record(z.string(), z.number()),
  kept: z.object({ actors: z.array(z.string()), sources: z.array(z.string()) }).describe('records other origins still use, handed to them'),
});
