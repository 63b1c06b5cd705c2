// Scenario YAML for the region's bargaining questions: a dated question, cited inputs, capabilities derived from data, and the outcome that followed.
import { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../model/errors.js';
import type { InputCitation, SpatialProblem } from './problem.js';
import type { StateCapabilityInputs } from './capability.js';
import { CAPABILITY_DEFAULTS, derivedCapability } from './capability.js';

const MODULE = 'simulate/scenario';
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
/** A publication date, as precise as the source gives it. */
const SourceDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const KbId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a knowledge-base id');

/** A figure from a structural dataset, quoted with the dataset it comes from. */
export const Indicator = z
  .object({
    dataset: z.string().min(1),
    /** The figure itself, e.g. "SIPRI milex %GDP 2024 ARM = 5.48". */
    figure: z.string().min(1),
    url: z.url({ protocol: /^https?$/ }),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

const citeFields = {
  source: z.url({ protocol: /^https?$/ }).optional(),
  /** When `source` was published; must not be after the scenario's `asOf`. */
  date: SourceDate.optional(),
  claim: KbId.optional(),
  event: KbId.optional(),
  indicator: Indicator.optional(),
  note: z.string().min(1).optional(),
};
const hasCite = (v: { source?: string; claim?: string; event?: string; indicator?: unknown; note?: string }) =>
  v.source !== undefined || v.claim !== undefined || v.event !== undefined || v.indicator !== undefined || v.note !== undefined;
const CITE_MESSAGE = 'every input needs a source, a claim, an event, an indicator or a note';

/** A number with its justification: a URL, a knowledge-base claim or event id, a structural indicator, or a note. */
export const CitedValue = z
  .object({ value: z.number(), ...citeFields })
  .strict()
  .refine(hasCite, { message: CITE_MESSAGE });
export type CitedValue = z.infer<typeof CitedValue>;

/** The figures of one state that the capability rule reads (see capability.ts). */
const StateFigures = z
  .object({
    state: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code'),
    cinc: z.number().positive(),
    milex: z.number().nonnegative(),
    burdenBase: z.number().positive(),
    burden: z.number().positive(),
    burdenYear: z.number().int(),
  })
  .strict();

/** A capability derived by the scenario's `capabilityRule` from the figures of the states the actor stands for. */
const DerivedCapabilityInput = z
  .object({ states: z.array(StateFigures).min(1), note: z.string().min(1).optional() })
  .strict();

export const ScenarioDimension = z
  .object({
    name: z.string().min(1),
    /** What position 0 means. */
    low: z.string().min(1),
    /** What position 100 means. */
    high: z.string().min(1),
    /** What the points between mean, so that a stated position can be placed on the scale by rule. */
    anchors: z.array(z.object({ at: z.number().min(0).max(100), means: z.string().min(1) }).strict()).optional(),
  })
  .strict();

export const ScenarioActor = z
  .object({
    name: z.string().min(1),
    description: z.string().default(''),
    capability: z.union([CitedValue, DerivedCapabilityInput]),
    /** One per dimension, on 0–100. */
    positions: z.array(CitedValue).min(1),
    /** One per dimension, on 0–100; an actor's saliences add up to at most 100. */
    saliences: z.array(CitedValue).min(1),
  })
  .strict();

/** What happened on one dimension after `asOf`, placed on the same scale. */
export const ScenarioOutcome = z
  .object({ ...citeFields, dimension: z.string().min(1), value: z.number().min(0).max(100), /** When it happened. */ date: Day })
  .strict()
  .refine(hasCite, { message: 'an outcome needs a source, a claim, an event or a note' });

/** An actor deliberately left out of the bargaining, and why (e.g. it holds a veto over its own participation). */
export const ExcludedActor = z
  .object({ name: z.string().min(1), reason: z.string().min(1), ...citeFields })
  .strict();

export const CapabilityRule = z
  .object({
    rule: z.literal(CAPABILITY_DEFAULTS.rule),
    /** Sum of COW NMC v6.0 `milex` over all states in 2016 (thousands of current US dollars). */
    worldMilex: z.number().positive(),
    cincSource: z.url({ protocol: /^https?$/ }),
    burdenSource: z.url({ protocol: /^https?$/ }),
  })
  .strict();

const RawScenario = z
  .object({
    kind: z.literal('scenario'),
    name: z.string().min(1),
    title: z.string().min(1),
    description: z.string().default(''),
    /** The day the inputs describe: no input may rest on a source published after it. */
    asOf: Day,
    /** The day the cited web pages were consulted. */
    accessed: Day.optional(),
    capabilityRule: CapabilityRule.optional(),
    dimensions: z.array(ScenarioDimension).min(1),
    actors: z.array(ScenarioActor).min(2),
    excluded: z.array(ExcludedActor).default([]),
    outcome: z.array(ScenarioOutcome).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const nd = s.dimensions.length;
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const notAfterAsOf = (path: (string | number)[], v: { date?: string }) => {
      if (v.date !== undefined && v.date > s.asOf.slice(0, v.date.length)) issue([...path, 'date'], `source dated ${v.date}, after asOf ${s.asOf}`);
    };
    s.actors.forEach((a, i) => {
      if (a.positions.length !== nd) issue(['actors', i, 'positions'], `${a.positions.length} positions, expected ${nd}`);
      if (a.saliences.length !== nd) issue(['actors', i, 'saliences'], `${a.saliences.length} saliences, expected ${nd}`);
      a.positions.forEach((p, k) => {
        if (p.value < 0 || p.value > 100) issue(['actors', i, 'positions', k, 'value'], 'must be within 0..100');
        notAfterAsOf(['actors', i, 'positions', k], p);
      });
      a.saliences.forEach((v, k) => notAfterAsOf(['actors', i, 'saliences', k], v));
      const total = a.saliences.reduce((t, v) => t + v.value, 0);
      if (a.saliences.some((v) => v.value < 0) || total > 100 || total <= 0) {
        issue(['actors', i, 'saliences'], 'saliences must be non-negative and add up to more than 0 and at most 100');
      }
      if ('states' in a.capability) {
        if (!s.capabilityRule) issue(['actors', i, 'capability'], 'a capability derived from states needs the scenario-level capabilityRule');
        a.capability.states.forEach((st, j) => {
          if (st.burdenYear > Number(s.asOf.slice(0, 4))) issue(['actors', i, 'capability', 'states', j, 'burdenYear'], `${st.burdenYear} is after asOf ${s.asOf}`);
        });
      } else {
        if (a.capability.value <= 0) issue(['actors', i, 'capability', 'value'], 'must be positive');
        notAfterAsOf(['actors', i, 'capability'], a.capability);
      }
    });
    const names = new Set(s.actors.map((a) => a.name));
    if (names.size !== s.actors.length) issue(['actors'], 'actor names must be unique');
    s.excluded.forEach((e, i) => {
      if (names.has(e.name)) issue(['excluded', i, 'name'], `"${e.name}" is both an actor and excluded`);
    });
    const dims = s.dimensions.map((d) => d.name);
    s.dimensions.forEach((d, k) => {
      const at = (d.anchors ?? []).map((x) => x.at);
      if (at.some((x, j) => j > 0 && x <= at[j - 1])) issue(['dimensions', k, 'anchors'], 'anchors must be in increasing order');
    });
    (s.outcome ?? []).forEach((o, i) => {
      if (!dims.includes(o.dimension)) issue(['outcome', i, 'dimension'], `"${o.dimension}" is not a dimension of the scenario`);
      if (o.date < s.asOf) issue(['outcome', i, 'date'], `the outcome (${o.date}) must come after asOf ${s.asOf}`);
    });
  });

/** A capability as the models read it: its value, its citation and, when derived, the state figures it came from. */
export type ScenarioCapability = CitedValue & { readonly states?: readonly StateCapabilityInputs[] };

/** A validated scenario; every actor's capability carries its value, derived or given. */
export const Scenario = RawScenario.transform((s) => ({
  ...s,
  actors: s.actors.map((a): Omit<typeof a, 'capability'> & { capability: ScenarioCapability } => {
    if (!('states' in a.capability)) return { ...a, capability: a.capability };
    const rule = s.capabilityRule!;
    const value = derivedCapability(a.capability.states, rule.worldMilex);
    const figures = a.capability.states
      .map((st) => `${st.state}: CINC 2016 ${st.cinc}, milex 2016 ${st.milex}, burden ${st.burdenBase}% (2016) → ${st.burden}% (${st.burdenYear})`)
      .join('; ');
    const capability: ScenarioCapability = {
      value,
      source: rule.cincSource,
      indicator: { dataset: 'COW NMC v6.0 CINC with SIPRI military burden (via Our World in Data)', figure: figures, url: rule.burdenSource },
      note:
        `${CAPABILITY_DEFAULTS.rule}: ${Math.round(value * 1e4) / 1e4} thousandths of world capability (CINC 2016, military-expenditure sixth rescaled by the burden ratio)` +
        (a.capability.note ? `; ${a.capability.note}` : ''),
      states: a.capability.states,
    };
    return { ...a, capability };
  }),
}));
export type Scenario = z.output<typeof Scenario>;
export type ScenarioOutcome = z.infer<typeof ScenarioOutcome>;

/** Parses and validates scenario YAML, reporting the first problem with its file, line and field. */
export function parseScenario(text: string, file = '<input>'): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new UserError(MODULE, `not valid YAML: ${e.message.split('\n')[0]}`, { file, line: e.linePos?.[0]?.line });
  }
  const result = Scenario.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    // The deepest node of the path that exists in the document gives the line.
    let line: number | undefined;
    for (let n = path.length; n >= 0 && line === undefined; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    throw new UserError(MODULE, issue.message, { file, line, field: path.join('.') || undefined });
  }
  return result.data;
}

/** Turns a scenario into the problem the models read, keeping every citation. */
export function scenarioProblem(s: Scenario): SpatialProblem {
  const cite = (field: string, v: CitedValue): InputCitation => ({
    field,
    source: v.source,
    date: v.date,
    claim: v.claim,
    event: v.event,
    indicator: v.indicator ? `${v.indicator.dataset}: ${v.indicator.figure} (${v.indicator.url})` : undefined,
    note: v.note,
  });
  return {
    kind: 'spatial-problem',
    name: s.name,
    description: s.title,
    dimensions: s.dimensions.map((d) => ({ name: d.name, min: 0, max: 100 })),
    actors: s.actors.map((a) => ({
      name: a.name,
      description: a.description,
      capability: a.capability.value,
      positions: a.positions.map((p) => p.value),
      saliences: a.saliences.map((v) => v.value / 100),
      citations: [
        cite('capability', a.capability),
        ...a.positions.map((p, k) => cite(`position ${s.dimensions[k].name}`, p)),
        ...a.saliences.map((v, k) => cite(`salience ${s.dimensions[k].name}`, v)),
      ],
    })),
  };
}

/** The inputs that rest on a note alone (no source, claim, event or indicator): judgements a reader should weigh. */
export function unsourcedInputs(s: Scenario): string[] {
  const out: string[] = [];
  const check = (where: string, v: CitedValue) => {
    if (v.source === undefined && v.claim === undefined && v.event === undefined && v.indicator === undefined) out.push(where);
  };
  for (const a of s.actors) {
    check(`${a.name} capability`, a.capability);
    a.positions.forEach((p, k) => check(`${a.name} position ${s.dimensions[k].name}`, p));
    a.saliences.forEach((v, k) => check(`${a.name} salience ${s.dimensions[k].name}`, v));
  }
  return out;
}
