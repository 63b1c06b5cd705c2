// `simulate`: runs a bargaining model (KTAB SMP, expected utility, mean or median) on a KTAB CSV, an actor table or a scenario YAML.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';

interface SimulateCliOptions {
  model: string;
  runs?: string;
  perturb?: string;
  seed: string;
  json?: boolean;
}

const MODELS = ['smp', 'eu', 'median', 'mean'] as const;

function positiveInteger(v: string, field: string): number {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 1) throw new UserError('cli/simulate', `"${v}" is not a positive whole number`, { field });
  return x;
}

/** Declares `faultline simulate FILE [--model smp|eu|median|mean] [--runs N] [--perturb P] [--seed S] [--json]`. */
export function defineSimulate(program: Command): void {
  program
    .command('simulate')
    .description('predict bargaining outcomes: KTAB Spatial Model of Politics, expected utility, weighted mean or median')
    .argument('<file>', 'KTAB CSV, Actor/Capability/Position/Salience CSV, or scenario YAML')
    .option('--model <name>', `one of ${MODELS.join(', ')}`, 'smp')
    .option('--runs <n>', 'Monte Carlo runs on jittered inputs')
    .option('--perturb <p>', 'jitter half-width in points of a 0-100 scale (default 5 when --runs is given)')
    .option('--seed <s>', 'seed for the Monte Carlo runs', '1')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: SimulateCliOptions) => {
      if (!(MODELS as readonly string[]).includes(o.model)) {
        throw new UserError('cli/simulate', `unknown model "${o.model}", expected one of ${MODELS.join(', ')}`, { field: '--model' });
      }
      const runs = o.runs === undefined ? undefined : positiveInteger(o.runs, '--runs');
      const perturb = o.perturb === undefined ? 5 : Number(o.perturb);
      if (!Number.isFinite(perturb) || perturb < 0 || perturb > 100) {
        throw new UserError('cli/simulate', `"${o.perturb}" is not a number between 0 and 100`, { field: '--perturb' });
      }
      if (o.perturb !== undefined && runs === undefined) {
        throw new UserError('cli/simulate', '--perturb needs --runs', { field: '--perturb' });
      }
      const sim = await import('../../simulate/index.js');
      const model = o.model as (typeof MODELS)[number];
      const problem = await sim.loadProblem(file);
      const result = sim.simulate(problem, { model });
      const distribution =
        runs === undefined ? undefined : { seed: o.seed, ...sim.monteCarlo(problem, { model, runs, perturb, rng: sim.seededRng(o.seed) }) };
      if (o.json) process.stdout.write(`${JSON.stringify(distribution ? { ...result, distribution } : result, null, 2)}\n`);
      else process.stdout.write(sim.renderText(result, distribution));
    });
}
