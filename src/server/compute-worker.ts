// Worker-thread entry: runs compute jobs posted by the pool and posts back their results or their errors as data.
import { parentPort } from 'node:worker_threads';
import { UserError } from '../model/errors.js';
import { HttpError } from './http-error.js';
import { runJob, type ComputeJob } from './compute-jobs.js';

/** An error as it crosses the thread boundary. */
export interface WorkerError {
  readonly kind: 'user' | 'http' | 'bug';
  readonly message: string;
  readonly module?: string;
  readonly context?: UserError['context'];
  readonly status?: number;
  readonly stack?: string;
}

parentPort!.on('message', async (m: { id: number; job: ComputeJob }) => {
  try {
    parentPort!.postMessage({ id: m.id, ok: true, result: await runJob(m.job) });
  } catch (err) {
    const e = err as Error;
    const error: WorkerError = err instanceof UserError
      ? { kind: 'user', message: e.message, module: err.module, context: err.context }
      : err instanceof HttpError
        ? { kind: 'http', message: e.message, status: err.status }
        : { kind: 'bug', message: e.message, stack: e.stack };
    parentPort!.postMessage({ id: m.id, ok: false, error });
  }
});
