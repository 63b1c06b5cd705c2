// A minimal `simulate` entry for timing the engine without the TypeScript loader: bundled by bench/simulate.ts, same output as the CLI's --json.
import { loadProblem } from '../src/simulate/load-problem.js';
import { simulate } from '../src/simulate/simulate.js';
import type { ModelName } from '../src/simulate/simulate.js';
import { monteCarlo } from '../src/simulate/monte-carlo.js';
import { seededRng } from '../src/simulate/rng.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const file = args[0];
const model = (flag('--model') ?? 'smp') as ModelName;
const problem = await loadProblem(file);
const result = simulate(problem, { model });
const runs = flag('--runs');
const seed = flag('--seed') ?? '1';
const distribution =
  runs === undefined ? undefined : { seed, ...monteCarlo(problem, { model, runs: Number(runs), perturb: Number(flag('--perturb') ?? 5), rng: seededRng(seed) }) };
process.stdout.write(`${JSON.stringify(distribution ? { ...result, distribution } : result, null, 2)}\n`);
