// Zod schemas of the API's query parameters, request bodies and responses; the OpenAPI document is generated from them.
import { z } from 'zod';
import { Actor, Claim, Event, Source, Thesis, boundDay } from '../model/index.js';
import { MODELS } from '../simulate/simulate.js';

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
    model: z.enum(MODELS).default('smp'),
    runs: z.number().int().min(1).max(500).optional().describe('Monte Carlo runs on jittered inputs'),
    perturb: z.number().min(0).max(100).default(5).describe('jitter half-width in points of a 0–100 scale'),
    seed: z.union([z.string().max(100), z.number().int()]).default('1'),
  })
  .strict()
  .refine((b) => (b.scenario === undefined) !== (b.yaml === undefined), 'give exactly one of "scenario" and "yaml"');

export const RetrodictQuery = z.object({
  runs: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(200))
    .optional()
    .describe('Monte Carlo runs of the SMP per scenario, for its band (default none)'),
  perturb: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number')
    .transform(Number)
    .pipe(z.number().min(0).max(100))
    .default(5)
    .describe('jitter half-width in points of a 0–100 scale'),
  seed: z.string().max(100).default('1').describe('seed of the Monte Carlo runs'),
});

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
        outcome: z.array(
          z
            .object({
              dimension: z.string(),
              mean: z.number(),
              p10: z.number(),
              p90: z.number(),
              point: z.number().describe('the prediction on the inputs as given'),
              pointInBand: z.boolean().describe('false when the point lies outside p10–p90: the model is unstable on these inputs'),
              belowMidpoint: z.number(),
              atMidpoint: z.number(),
              aboveMidpoint: z.number(),
              warning: z.string().optional(),
            })
            .loose(),
        ),
        warnings: z.array(z.string()),
      })
      .optional(),
    comparison: z
      .object({
        kind: z.literal('model-comparison'),
        threshold: z.number().describe('spread above this share of the scale counts as disagreement'),
        dimensions: z.array(
          z
            .object({
              dimension: z.string(),
              predictions: z.array(z.object({ model: z.string(), prediction: z.number() })),
              spread: z.number(),
              spreadShare: z.number(),
              disagree: z.boolean(),
              summary: z.string(),
            })
            .loose(),
        ),
        warnings: z.array(z.string()),
      })
      .loose()
      .describe('SMP, expected utility, weighted median and mean side by side'),
  })
  .loose();

const Prediction = z.object({ model: z.string(), kind: z.enum(['model', 'baseline']), prediction: z.number(), error: z.number() });

export const RetrodictResponse = z
  .array(
    z
      .object({
        scenario: z.string(),
        title: z.string(),
        asOf: z.string(),
        dimension: z.string(),
        outcome: z.number().describe('what happened, on the scenario’s 0–100 scale'),
        outcomeDate: z.string(),
        models: z.array(Prediction).describe('each model’s prediction from the asOf inputs and its absolute error'),
        bestModel: z.object({ model: z.string(), error: z.number() }),
        bestBaseline: z.object({ model: z.string(), error: z.number() }),
        modelBeatsBaselines: z.boolean(),
        unsourcedInputs: z.number().int(),
        band: z
          .object({ model: z.string(), runs: z.number(), perturb: z.number(), p10: z.number(), p90: z.number(), pointInBand: z.boolean(), outcomeInBand: z.boolean() })
          .optional(),
      })
      .loose(),
  )
  .describe('scenarios with a recorded outcome, one row per dimension');

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
