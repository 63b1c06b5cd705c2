// Scenario YAML for the region's bargaining questions: dimensions, and actors whose every input cites a source, a claim or a note.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../model/errors.js';
import type { InputCitation, SpatialProblem } from './problem.js';

const MODULE = 'simulate/scenario';

/** A number with its justification: a URL, a knowledge-base claim id, or a note on the judgement. */
export const CitedValue = z
  .object({
    value: z.number(),
    source: z.string().url().optional(),
    claim: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((v) => v.source !== undefined || v.claim !== undefined || v.note !== undefined, {
    message: 'every input needs a source, a claim or a note',
  });
export type CitedValue = z.infer<typeof CitedValue>;

export const ScenarioDimension = z
  .object({
    name: z.string().min(1),
    /** What position 0 means. */
    low: z.string().min(1),
    /** What position 100 means. */
    high: z.string().min(1),
  })
  .strict();

export const ScenarioActor = z
  .object({
    name: z.string().min(1),
    description: z.string().default(''),
    capability: CitedValue,
    /** One per dimension, on 0–100. */
    positions: z.array(CitedValue).min(1),
    /** One per dimension, on 0–100; an actor's saliences add up to at most 100. */
    saliences: z.array(CitedValue).min(1),
  })
  .strict();

export const Scenario = z
  .object({
    kind: z.literal('scenario'),
    name: z.string().min(1),
    title: z.string().min(1),
    description: z.string().default(''),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    dimensions: z.array(ScenarioDimension).min(1),
    actors: z.array(ScenarioActor).min(2),
  })
  .strict()
  .superRefine((s, ctx) => {
    const nd = s.dimensions.length;
    s.actors.forEach((a, i) => {
      if (a.positions.length !== nd) ctx.addIssue({ code: 'custom', path: ['actors', i, 'positions'], message: `${a.positions.length} positions, expected ${nd}` });
      if (a.saliences.length !== nd) ctx.addIssue({ code: 'custom', path: ['actors', i, 'saliences'], message: `${a.saliences.length} saliences, expected ${nd}` });
      a.positions.forEach((p, k) => {
        if (p.value < 0 || p.value > 100) ctx.addIssue({ code: 'custom', path: ['actors', i, 'positions', k, 'value'], message: 'must be within 0..100' });
      });
      const total = a.saliences.reduce((t, v) => t + v.value, 0);
      if (a.saliences.some((v) => v.value < 0) || total > 100 || total <= 0) {
        ctx.addIssue({ code: 'custom', path: ['actors', i, 'saliences'], message: 'saliences must be non-negative and add up to more than 0 and at most 100' });
      }
      if (a.capability.value <= 0) ctx.addIssue({ code: 'custom', path: ['actors', i, 'capability', 'value'], message: 'must be positive' });
    });
  });
export type Scenario = z.infer<typeof Scenario>;

/** Parses and validates scenario YAML, reporting the first problem with its path. */
export function parseScenario(text: string, file = '<input>'): Scenario {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new UserError(MODULE, `not valid YAML: ${(err as Error).message.split('\n')[0]}`, { file });
  }
  const result = Scenario.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError(MODULE, issue.message, { file, field: issue.path.join('.') });
  }
  return result.data;
}

/** Turns a scenario into the problem the models read, keeping every citation. */
export function scenarioProblem(s: Scenario): SpatialProblem {
  const cite = (field: string, v: CitedValue): InputCitation => ({ field, source: v.source, claim: v.claim, note: v.note });
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
