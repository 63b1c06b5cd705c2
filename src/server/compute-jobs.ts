// The CPU-heavy work behind POST /api/ingest and /api/simulate, as plain data in and out, so that it can run in a worker thread.
import { createHash } from 'node:crypto';
import type { Actor, Region } from '../model/index.js';
import type { ModelName } from '../simulate/simulate.js';

/** Extract an article the way `faultline ingest` does, naming actors from the knowledge base given. */
export interface ExtractJob {
  readonly kind: 'extract';
  readonly title: string;
  readonly text: string;
  readonly format: 'text' | 'markdown' | 'html';
  readonly published?: string;
  /** How the article is named in its source note: its URL, or request.<ext>. */
  readonly file: string;
  readonly actors: readonly Actor[];
  readonly regions: readonly Region[];
}

/** Run a bargaining model on a scenario text, with a Monte Carlo spread when `runs` is given. */
export interface SimulateJob {
  readonly kind: 'simulate';
  readonly yaml: string;
  readonly file: string;
  readonly model: ModelName;
  readonly runs?: number;
  readonly perturb: number;
  readonly seed: string | number;
}

export type ComputeJob = ExtractJob | SimulateJob;

/** Runs one job in the calling thread. */
export async function runJob(job: ComputeJob): Promise<unknown> {
  switch (job.kind) {
    case 'extract': {
      const x = await import('../extract/index.js');
      const name = job.format === 'html' ? 'request.html' : job.format === 'markdown' ? 'request.md' : 'request.txt';
      const read = x.articleFromBytes(new TextEncoder().encode(job.text), name);
      // The title is part of what was sent, so it is part of the identity of the article.
      const sha256 = createHash('sha256').update(`${job.title}\n${job.text}`).digest('hex');
      const input = { ...read, file: job.file, sha256, title: job.title, published: job.published ?? read.published };
      const gazetteer = x.knowledgeGazetteer(job.actors, job.regions);
      const extraction = x.extractArticle(input, { published: job.published ?? null, gazetteer });
      return { text: input.text, extraction };
    }
    case 'simulate': {
      const sim = await import('../simulate/index.js');
      const problem = sim.parseProblem(job.yaml, job.file);
      const result = sim.simulate(problem, { model: job.model });
      // The models side by side (SMP, expected utility, median, mean), with the chosen model's run reused.
      const comparison = sim.compareModels(problem, { given: [result] });
      if (job.runs === undefined) return { ...result, comparison };
      const seed = String(job.seed);
      const distribution = { seed, ...sim.monteCarlo(problem, { model: job.model, runs: job.runs, perturb: job.perturb, rng: sim.seededRng(seed) }) };
      return { ...result, distribution, comparison };
    }
  }
}
