// `simulate`: runs a bargaining model on a KTAB CSV, an actor table or a scenario YAML (with bands and models side by side), or retrodicts the scenarios with known outcomes.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { ioOf } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
// The model names only: simulate.js holds no I/O and no schema library, so it is cheap to load when commands are declared.
import { MODELS as MODEL_NAMES, type ModelName } from '../../simulate/simulate.js';

interface SimulateCliOptions {
  model: string;
  runs?: string;
  perturb?: string;
  seed: string;
  retrodict?: boolean;
  dir?: string[];
  compare: boolean;
  format?: string;
  json?: boolean;
}

function positiveInteger(v: string, field: string): number {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 1) throw new UserError('cli/simulate', `"${v}" is not a positive whole number`, { field });
  return x;
}

/** The scenario directories of every built-in region. */
async function builtinScenarioDirs(): Promise<string[]> {
  const { readdirSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { REGIONS_DIR } = await import('../../ingest/curated/builtin.js');
  return readdirSync(REGIONS_DIR)
    .sort()
    .map((r) => join(REGIONS_DIR, r, 'scenarios'))
    .filter((d) => existsSync(d));
}

/** Declares `faultline simulate [FILE] [--model M] [--runs N] [--perturb P] [--seed S] [--no-compare] [--retrodict [--dir D…]] [--format F]`. */
export function defineSimulate(program: Command): void {
  withFormat(
    program
      .command('simulate')
      .description('predict bargaining outcomes (KTAB SMP, expected utility, baselines) or, with --retrodict, check the models against known outcomes')
      .argument('[file]', 'KTAB CSV, Actor/Capability/Position/Salience CSV, or scenario YAML')
      .option('--model <name>', `one of ${MODEL_NAMES.join(', ')}`, 'smp')
      .option('--runs <n>', 'Monte Carlo runs on jittered inputs')
      .option('--perturb <p>', 'jitter half-width in points of a 0-100 scale (default 5 when --runs is given)')
      .option('--seed <s>', 'seed for the Monte Carlo runs', '1')
      .option('--retrodict', 'every scenario with a recorded outcome: each model’s prediction from its asOf inputs and its error')
      .option('--dir <dirs...>', 'scenario directories for --retrodict (default: every built-in region’s scenarios)')
      .option('--no-compare', 'skip running SMP, EU, median and mean side by side (saves the other models’ run time on large problems)'),
  ).action(async (file: string | undefined, o: SimulateCliOptions, cmd: Command) => {
    const format = formatOf(o);
    if (!(MODEL_NAMES as readonly string[]).includes(o.model)) {
      throw new UserError('cli/simulate', `unknown model "${o.model}", expected one of ${MODEL_NAMES.join(', ')}`, { field: '--model' });
    }
    const runs = o.runs === undefined ? undefined : positiveInteger(o.runs, '--runs');
    const perturb = o.perturb === undefined ? 5 : Number(o.perturb);
    if (!Number.isFinite(perturb) || perturb < 0 || perturb > 100) {
      throw new UserError('cli/simulate', `"${o.perturb}" is not a number between 0 and 100`, { field: '--perturb' });
    }
    if (o.perturb !== undefined && runs === undefined) throw new UserError('cli/simulate', '--perturb needs --runs', { field: '--perturb' });
    if (o.retrodict && file !== undefined) throw new UserError('cli/simulate', '--retrodict reads scenario directories (--dir), not a file', { field: '<file>' });
    if (!o.retrodict && o.dir) throw new UserError('cli/simulate', '--dir goes with --retrodict', { field: '--dir' });
    if (!o.retrodict && file === undefined) throw new UserError('cli/simulate', 'give a problem file, or --retrodict', { field: '<file>' });
    const sim = await import('../../simulate/index.js');

    if (o.retrodict) {
      const dirs = o.dir ?? (await builtinScenarioDirs());
      const rows = await sim.retrodictScenarioDirs(dirs, { runs, perturb, rng: (name) => sim.seededRng(`${o.seed}:${name}`) });
      const models = rows[0]?.models.map((m) => m.model) ?? [];
      emit(cmd, format, {
        json: rows,
        header: ['scenario', 'asOf', 'dimension', 'outcome', ...models.flatMap((m) => [m, `${m} error`]), 'best model', 'best baseline', ...(runs ? ['smp p10', 'smp p90'] : [])],
        rows: rows.map((r) => [
          r.scenario,
          r.asOf,
          r.dimension,
          r.outcome,
          ...r.models.flatMap((m) => [m.prediction, m.error]),
          `${r.bestModel.model} ${r.bestModel.error}`,
          `${r.bestBaseline.model} ${r.bestBaseline.error}`,
          ...(r.band ? [r.band.p10, r.band.p90] : []),
        ]),
        empty: 'No scenario records an outcome, so there is nothing to retrodict.',
        text: sim.renderRetrodiction(rows),
      });
      return;
    }

    const model = o.model as ModelName;
    const problem = await sim.loadProblem(file!);
    const result = sim.simulate(problem, { model });
    const distribution = runs === undefined ? undefined : { seed: o.seed, ...sim.monteCarlo(problem, { model, runs, perturb, rng: sim.seededRng(o.seed) }) };
    const comparison = o.compare ? sim.compareModels(problem, { given: [result] }) : undefined;
    if (format === 'table') {
      ioOf(cmd).stdout.write(sim.renderText(result, distribution, comparison));
      return;
    }
    const compared = comparison?.dimensions[0].predictions.map((p) => p.model) ?? [];
    emit(cmd, format, {
      json: { ...result, ...(distribution ? { distribution } : {}), ...(comparison ? { comparison } : {}) },
      header: ['dimension', 'model', 'prediction', 'p10', 'p90', 'point in band', ...compared, ...(comparison ? ['spread', 'models disagree'] : [])],
      rows: result.dimensions.map((d, k) => {
        const b = distribution?.outcome[k];
        const c = comparison?.dimensions[k];
        return [d, model, result.final.outcome[k], b?.p10 ?? '', b?.p90 ?? '', b ? b.pointInBand : '', ...(c ? [...c.predictions.map((p) => p.prediction), c.spread, c.disagree] : [])];
      }),
    });
  });
}
