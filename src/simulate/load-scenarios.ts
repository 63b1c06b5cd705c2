// Reads every scenario YAML file of the given directories at the edge, in file-name order, and retrodicts those with outcomes.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import type { Scenario } from './scenario.js';
import { parseScenario } from './scenario.js';
import type { RetrodictOptions, RetrodictionRow } from './retrodict.js';
import { retrodict } from './retrodict.js';

/** A parsed scenario and the file it came from. */
export interface ScenarioFile {
  readonly file: string;
  readonly scenario: Scenario;
}

/** Parses the `*.yaml` / `*.yml` files of each directory; a malformed file stops the load with its file, line and field. */
export async function loadScenarioFiles(dirs: readonly string[]): Promise<ScenarioFile[]> {
  const out: ScenarioFile[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch (err) {
      throw new UserError('simulate/load', `cannot read the scenario directory: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: dir });
    }
    for (const n of names) {
      const file = join(dir, n);
      out.push({ file, scenario: parseScenario(await readFile(file, 'utf8'), file) });
    }
  }
  return out;
}

/** Loads the scenarios of `dirs` and retrodicts those with a recorded outcome: what `simulate --retrodict` and GET /api/retrodict return. */
export async function retrodictScenarioDirs(dirs: readonly string[], options: RetrodictOptions = {}): Promise<RetrodictionRow[]> {
  return retrodict((await loadScenarioFiles(dirs)).map((f) => f.scenario), options);
}
