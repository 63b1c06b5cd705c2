// Zod schemas of the API's query parameters, request bodies and responses; the OpenAPI document is generated from them.
import { z } from 'zod';
import { Actor, Claim, Event, Source, Thesis, boundDay, EVIDENCE_ORIGINS, SCOPE_DEFAULTS } from '../model/index.js';
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

/**
 * The evidence scope every measure endpoint takes, with the names the CLI uses (--origin, --region,
 * --min-confidence, --include-alleged): origin=curated,gdelt&region=world&minConfidence=0.7&includeAlleged=true.
 */
export const ScopeQuery = {
  origin: z
    .string()
    .regex(new RegExp(`^(${EVIDENCE_ORIGINS.join('|')})(,(${EVIDENCE_ORIGINS.join('|')}))*$`), `must be a comma-separated list of ${EVIDENCE_ORIGINS.join(', ')}`)
    .transform((v) => [...new Set(v.split(','))] as (typeof EVIDENCE_ORIGINS)[number][])
    .optional()
    .describe(`evidence origins, comma-separated (default: all of ${EVIDENCE_ORIGINS.join(', ')})`),
  region: z.string().regex(/^[a-z0-9-]+$/, 'must be a loaded region id or "world"').optional().describe('a loaded region id, or "world" (default: the loaded region)'),
  minConfidence: z.coerce.number().min(0).max(1).optional().describe(`least confidence an event needs (default ${SCOPE_DEFAULTS.minConfidence})`),
  includeAlleged: Flag.optional().describe('also count alleged and denied events (default false)'),
};

/** The scope fields of a parsed query, in the form the measures take. */
export function scopeFromQuery(q: { origin?: (typeof EVIDENCE_ORIGINS)[number][]; region?: string; minConfidence?: number; includeAlleged?: boolean }) {
  return {
    ...(q.origin ? { origins: q.origin } : {}),
    ...(q.region ? { region: q.region } : {}),
    ...(q.minConfidence !== undefined ? { minConfidence: q.minConfidence } : {}),
    ...(q.includeAlleged ? { includeAlleged: true } : {}),
  };
}

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
  normalize: Flag.optional().describe("also each period's share of all in-scope events (volume normalisation)"),
  ...ScopeQuery,
});

export const BalanceQuery = z.object({
  from: DayParam('from').optional(),
  to: DayParam('to').optional(),
  ...ScopeQuery,
});

export const ThesesQuery = z.object({ ...ScopeQuery });

export const AchQuery = z.object({
  ...ScopeQuery,
  sensitivity: Flag.optional().describe('also the single evidence items whose removal would change each verdict (slower)'),
});

export const AchResponse = z
  .object({
    hypotheses: z.array(z.object({ id: z.string(), title: z.string(), question: z.string(), role: z.enum(['paper', 'rival']) })),
    rule: z.string().describe('the rule every cell follows'),
    evidence: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        label: z.string(),
        removable: z.boolean(),
        diagnostic: z.boolean(),
        cells: z.record(z.string(), z.enum(['C', 'I', 'NA', '?'])),
        day: z.string().optional().describe('an event: its first day'),
        summary: z.string().optional().describe('an event: what happened'),
      }),
    ),
    inconsistency: z.record(z.string(), z.number()),
    verdicts: z.array(z.object({ id: z.string(), verdict: z.string(), score: z.number(), reason: z.string(), driver: z.string().nullable() })),
    sensitivity: z.array(z.object({ thesis: z.string(), verdict: z.string(), changes: z.array(z.object({ item: z.string(), label: z.string(), verdict: z.string(), score: z.number() })), untested: z.number() })).optional(),
  })
  .describe('the full Analysis-of-Competing-Hypotheses matrix: every evidence item scored against every hypothesis');

const EvidenceCount = z
  .object({ events: z.number().int(), sources: z.number().int(), origins: z.record(z.string(), z.number().int()) })
  .describe('the evidence behind a figure: events, distinct sources of curated and extracted events, events per origin');

const ScopeResponse = z
  .object({
    origins: z.array(z.string()),
    region: z.string(),
    parties: z.array(z.string()).nullable(),
    minConfidence: z.number(),
    includeAlleged: z.boolean(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  })
  .describe('what counted as evidence');

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
  goldstein_mean: z.number().nullable().describe('null in a period without events'),
  sources: z.number().int(),
  origins: z.record(z.string(), z.number().int()),
  share: z.number().nullable().optional(),
});

export const DyadResponse = z.object({
  a: z.string(),
  b: z.string(),
  by: Period,
  directed: z.boolean(),
  scope: ScopeResponse,
  evidence: EvidenceCount.extend({ ids: z.array(z.string()), idsComplete: z.boolean() }),
  series: z.array(DyadPoint).describe('every period from the first to the last with evidence, oldest first; empty periods have 0 events and a null mean'),
  trend: z
    .object({
      periods: z.number(),
      verdict: z.enum(['rising', 'falling', 'no significant trend', 'insufficient evidence']),
      reason: z.string(),
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
    scope: ScopeResponse,
    evidence: EvidenceCount.extend({ relations: z.number().int() }),
    layers: z.array(z.object({ a: z.string(), b: z.string(), layer: z.string(), type: z.string(), relation: z.string(), from: z.string(), to: z.string() }).loose()).describe('dependency and brokerage relations, reported beside the signed network and never signing it'),
    nodes: z.array(z.string()),
    edges: z.array(SignedEdge),
    triads: z.object({ balanced: z.number(), unbalanced: z.number(), ratio: z.number().nullable() }).describe('balanced and unbalanced triangles (Cartwright & Harary)'),
    frustration: z.object({ value: z.number(), exact: z.boolean(), partition: z.array(z.array(z.string())), frustrated: z.array(z.string()) }).loose(),
    blocs: z.array(z.array(z.string())).describe('Louvain communities of the positive ties, largest first'),
    centrality: z.record(z.string(), z.object({ weightedDegree: z.number(), pagerank: z.number() })),
  })
  .loose();

export const BalanceYearsQuery = z.object({
  from: DayParam('from').optional(),
  to: DayParam('to').optional(),
  ...ScopeQuery,
  timeLimit: z.coerce.number().min(0.1).max(120).default(10).describe('seconds of exact search per year; past it the best camps and the proven bound are returned'),
});

const PeriodIndex = z.object({
  value: z.number().describe('frustrated edges (or weight) under the camps'),
  lowerBound: z.number().describe('proven lower bound; equal to value when exact'),
  exact: z.boolean().describe('optimality proven'),
  total: z.number().describe('edges (or total weight)'),
  lineIndex: z.number().nullable().describe('1 − 2·value/total: 1 is two clean camps'),
  lineIndexBounds: z.tuple([z.number(), z.number()]).nullable(),
  seconds: z.number(),
});

const Camp = z.enum(['A', 'B']);

export const BalanceYearsResponse = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    scope: ScopeResponse,
    seconds: z.number(),
    periods: z.array(
      z
        .object({
          period: z.string(),
          nodes: z.number().int(),
          edges: z.number().int(),
          negative: z.number().int(),
          components: z.number().int().describe('connected pieces: camps of different pieces are not tied by any edge'),
          frustration: PeriodIndex.describe('fewest frustrated edges (line index of balance, Harary; exact by binary programming, Aref et al.)'),
          weighted: PeriodIndex.nullable().describe('least frustrated weight'),
          camps: z.object({ A: z.array(z.string()), B: z.array(z.string()) }),
          frustrated: z.array(z.string()),
          switched: z.array(z.object({ actor: z.string(), from: Camp, to: Camp, since: z.string() })).describe('actors whose camp differs from the one they last held'),
          entered: z.array(z.string()).describe('actors with no earlier camp'),
          alignment: z.object({ anchored: z.number().int(), moved: z.number().int(), closest: z.boolean() }),
          evidence: EvidenceCount.extend({ relations: z.number().int() }).nullable().describe('the events and relations behind the year’s ties'),
        })
        .loose(),
    ),
  })
  .loose();

export const ThesesResponse = z.array(
  Thesis.extend({
    verdict: z
      .object({
        verdict: z.enum(['supported', 'contradicted', 'mixed', 'insufficient evidence']),
        score: z.number().describe('sum of the indicators\' weighted log-likelihood contributions, in nats'),
        threshold: z.number(),
        reason: z.string(),
        driver: z.string().nullable(),
        question: z.string(),
        role: z.enum(['paper', 'rival']),
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
              diagnostic: z.boolean(),
              contribution: z.number(),
              weight: z.number(),
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

// Structural indicators (issue 12): UNGA alignment, SIPRI arms supply, UCDP conflict, capability with military burden.
const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO3 country code such as ARM').transform((v) => v.toUpperCase());
const YearParam = z.coerce.number().int().min(1900).max(2100).describe('a year YYYY');
const Iso3List = z
  .string()
  .regex(/^[A-Za-z]{3}(,[A-Za-z]{3})*$/, 'must be ISO3 codes separated by commas, such as RUS,USA')
  .transform((v) => [...new Set(v.toUpperCase().split(','))]);

export const AlignmentQuery = z.object({
  a: Iso3.describe('the state'),
  to: Iso3List.optional().describe("reference states (default: the states named in the loaded region's groups)"),
  from: YearParam.optional(),
  until: YearParam.optional(),
});

export const AlignmentResponse = z.object({
  a: z.string(),
  to: z.array(z.string()),
  rows: z.array(
    z
      .object({
        year: z.number().int(),
        a: z.string(),
        b: z.string(),
        distance: z.number().nullable().describe('|ideal point a − ideal point b| (idealpointfp, Bailey, Strezhnev & Voeten 2017)'),
        agreement: z.number().nullable().describe('(same + ½·one abstention) / roll calls both voted on; null without votes'),
        votes: z.number().int(),
        moved: z.enum(['a', 'b']).nullable().describe('the side whose ideal point changed more since the previous year'),
      })
      .loose(),
  ),
  votesThrough: z.number().nullable().describe('last year of vote data in the store'),
  sources: z.array(z.object({ citation: z.string(), coverage: z.string() }).loose()),
});

export const ArmsQuery = z
  .object({
    recipient: Iso3.optional().describe("the recipient whose suppliers are shown"),
    supplier: z.string().min(1).max(100).optional().describe('the reverse view: recipients of this supplier (ISO3 or a SIPRI name)'),
    by: z.enum(['year', '5y']).default('year'),
    basis: z.enum(['deliveries', 'orders']).default('deliveries'),
    from: YearParam.optional(),
    until: YearParam.optional(),
    top: z.coerce.number().int().min(0).max(50).default(3).describe('systems listed per period'),
  })
  .refine((q) => (q.recipient === undefined) !== (q.supplier === undefined), 'give exactly one of "recipient" and "supplier"');

export const ArmsResponse = z
  .object({
    view: z.enum(['recipient', 'supplier']),
    by: z.enum(['year', '5y']),
    basis: z.string(),
    coverage: z.enum(['world', 'builtin', 'none']).describe('whether the register rows cover every recipient or only the built-in region'),
    shares: z.array(z.object({ recipient: z.string(), period: z.string(), supplier: z.string(), tiv: z.number(), share: z.number() }).loose()).optional(),
    periods: z.array(z.object({ period: z.string(), tiv: z.number(), hhi: z.number(), partial: z.boolean() }).loose()).optional(),
    recipients: z.array(z.object({ period: z.string(), recipient: z.string(), tiv: z.number(), share_of_supplier: z.number().nullable(), share_of_recipient: z.number().nullable() }).loose()).optional(),
    sources: z.array(z.object({ citation: z.string() }).loose()),
  })
  .loose();

export const ConflictQuery = z.object({
  a: Iso3.describe('the state'),
  b: Iso3.optional().describe('only conflict-years involving this state too'),
  from: YearParam.optional(),
  until: YearParam.optional(),
});

export const ConflictResponse = z.object({
  years: z.array(
    z
      .object({
        conflict_id: z.number().int(),
        year: z.number().int(),
        intensity: z.enum(['minor', 'war']),
        role: z.enum(['primary', 'secondary', 'location']),
        side: z.enum(['a', 'b']).nullable(),
      })
      .loose(),
  ),
  conflicts: z.array(z.object({ conflict_id: z.number().int(), years: z.array(z.number()), war_years: z.array(z.number()) }).loose()),
  sources: z.array(z.object({ citation: z.string() }).loose()),
});

export const CapabilityQuery = z.object({
  year: YearParam.optional().describe('default: the last year of the burden data'),
  countries: Iso3List.optional().describe("default: the loaded region's states and neighbours"),
});

export const CapabilityResponse = z
  .object({
    year: z.number().int(),
    states: z.array(z.object({ iso3: z.string(), cinc: z.number().nullable(), military_burden: z.number().nullable() }).loose()),
    hhi: z.number().nullable(),
    cinc: z.object({ year: z.number().nullable(), covers_year: z.boolean(), vintage: z.string() }),
    burden: z.object({ year: z.number(), unit: z.string(), vintage: z.string(), missing: z.array(z.string()) }).loose(),
  })
  .loose();

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

// --- dashboard (issue 17): paged events in scope, the events behind a dyad bar, the map, actor pages, scenario inputs ---
const QuadList = z
  .string()
  .regex(/^[1-4](,[1-4])*$/, 'must be quad classes 1–4 separated by commas, such as 3,4')
  .transform((v) => [...new Set(v.split(',').map(Number))].sort());
const CameoList = z
  .string()
  .regex(/^\d{2,4}(,\d{2,4})*$/, 'must be CAMEO codes or prefixes of 2–4 digits separated by commas, such as 14,19')
  .transform((v) => [...new Set(v.split(','))]);
const Offset = z.coerce.number().int().min(0).max(10_000_000).default(0).describe('events to skip (paging)');
const PageLimit = z.coerce.number().int().min(1).max(500).default(50).describe('events per page');

const EventFilterQuery = {
  actor: Party.optional().describe('events where this actor id or party code (ISO3, IGO code) is on either side or a third party'),
  quad: QuadList.optional().describe('only these quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict'),
  cameo: CameoList.optional().describe('only events whose CAMEO code starts with one of these (event types: 14 protest, 19 fight, …)'),
  from: DayParam('from').optional(),
  to: DayParam('to').optional(),
};

export const EventPageQuery = z.object({
  ...EventFilterQuery,
  party: Party.optional().describe('events with this ISO3 country or IGO code on either side (what the map counts as involving)'),
  located: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO3 country code').optional().describe('events located in this country (datasets give the place)'),
  offset: Offset,
  limit: PageLimit,
  by: z.enum(['month', 'year']).default('month').describe('period of the histogram'),
  ...ScopeQuery,
});

export const EventRow = z
  .object({
    id: z.string(),
    origin: z.string(),
    kind: z.string(),
    day: z.string(),
    end: z.string().nullable(),
    precision: z.string(),
    cameo: z.string(),
    quad: z.number().int(),
    goldstein: z.number(),
    summary: z.string(),
    source: z.array(z.string()),
    target: z.array(z.string()),
    third: z.array(z.string()),
    sourceParties: z.array(z.string()),
    targetParties: z.array(z.string()),
    location: z.string().nullable(),
    locationCountry: z.string().nullable(),
    sources: z.array(z.string()).describe('ids of the cited sources (see /api/sources)'),
    url: z.string().nullable().describe('the article a dataset row was coded from, when the dataset names one'),
    confidence: z.number(),
    status: z.string(),
    review: z.string(),
  })
  .describe('an event as the dashboard lists it');

const PageEvidence = EvidenceCount.describe('the whole set behind the page: events, distinct sources of curated and extracted events, events per origin');

export const EventPageResponse = z.object({
  scope: ScopeResponse,
  evidence: PageEvidence,
  offset: z.number().int(),
  limit: z.number().int(),
  events: z.array(EventRow).describe('newest first'),
  histogram: z.array(z.object({ period: z.string(), quad: z.number().int(), n: z.number().int() })).describe('events of the whole set per period and quad class'),
});

export const EvidenceQuery = z.object({
  a: Party.describe('first party of the dyad: ISO3 country or IGO code'),
  b: Party.describe('second party'),
  by: Period.default('year').describe('period length of the series the bar belongs to'),
  period: z.string().regex(/^\d{4}(?:-Q[1-4]|-\d{2})?$/, 'must be a period label such as 2024, 2024-Q3 or 2024-07').describe('the bar: a period label of the dyad series'),
  directed: Flag.optional().describe('only events from a to b, as the series was asked'),
  from: DayParam('from').optional().describe('the from of the series, if it had one'),
  to: DayParam('to').optional().describe('the to of the series, if it had one'),
  offset: Offset,
  limit: PageLimit,
  ...ScopeQuery,
});

export const EvidenceResponse = z.object({
  a: z.string(),
  b: z.string(),
  by: Period,
  period: z.string(),
  directed: z.boolean(),
  from: z.string().describe('first day the bar covers'),
  to: z.string().describe('last day the bar covers'),
  scope: ScopeResponse,
  evidence: EvidenceCount.describe('what the bar counts: its events (the series value of the period), their sources and origins'),
  offset: z.number().int(),
  limit: z.number().int(),
  events: z.array(EventRow).describe('the events the bar counts, curated and extracted first (oldest first), then dataset rows'),
});

export const MapQuery = z.object({ ...EventFilterQuery, ...ScopeQuery });

export const MapResponse = z.object({
  scope: ScopeResponse,
  evidence: PageEvidence,
  countries: z
    .array(z.object({ country: z.string(), involving: z.number().int(), located: z.number().int() }))
    .describe('per ISO3 country: events in scope with it on either side, and events located in it (datasets give the place)'),
  places: z.array(z.object({ lat: z.number(), lon: z.number(), location: z.string().nullable(), n: z.number().int() })).describe('places with coordinates (ICEWS, ACLED rows), most events first'),
});

export const ActorQuery = z.object({ id: Party.describe('an actor id') });

export const ActorResponse = z.object({
  actor: Actor,
  party: z.string().nullable().describe('the country or IGO code the actor stands for in dyads'),
  partOf: z.array(z.object({ id: z.string(), name: z.string() })).describe('actors this one belongs to, and those that belong to it'),
  relations: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      layer: z.enum(['alignment', 'hostility', 'dependency', 'brokerage']).describe('alignment and hostility sign the network; dependency and brokerage never do'),
      from: z.string(),
      to: z.string(),
      fromName: z.string(),
      toName: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      strength: z.number(),
      note: z.string().optional(),
      sources: z.array(z.string()),
    }),
  ),
  claims: z.array(Claim),
  formats: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['format', 'corridor']), role: z.string(), from: z.string().nullable(), to: z.string().nullable(), sources: z.array(z.string()) })),
});

export const ScenarioQuery = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a scenario name such as listed by /api/scenarios') });

export const ScenarioInputsResponse = z.object({
  name: z.string(),
  title: z.string(),
  asOf: z.string(),
  dimensions: z.array(z.object({ name: z.string(), min: z.number(), max: z.number(), low: z.string().optional(), high: z.string().optional() })),
  actors: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      capability: z.number(),
      positions: z.array(z.number()),
      saliences: z.array(z.number()),
      citations: z.array(z.object({ field: z.string(), source: z.string().optional(), claim: z.string().optional(), note: z.string().optional() })),
    }),
  ),
});

export const CameoRootsResponse = z.array(z.object({ code: z.string(), name: z.string(), quad: z.number().int() })).describe('the 20 CAMEO event roots (event types)');

// --- dashboard2: the events a row of the ACH matrix (or any list of ids) names ---
export const EventIdsQuery = z.object({
  ids: z
    .string()
    .max(20_000)
    .regex(/^[A-Za-z0-9][A-Za-z0-9:_.+-]*(,[A-Za-z0-9][A-Za-z0-9:_.+-]*)*$/, 'must be event ids separated by commas')
    .transform((v) => [...new Set(v.split(','))])
    .pipe(z.array(z.string().max(200)).max(200, 'at most 200 ids at a time'))
    .describe('event ids, comma-separated (at most 200)'),
});

export const EventIdsResponse = z.object({
  events: z.array(EventRow).describe('the events with these ids, in the order asked, whatever the scope'),
  missing: z.array(z.string()).describe('ids that name no event'),
});
