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

// The modules jobs need are loaded before the first job, so that loading them does not count against its time limit.
await Promise.all([import('../simulate/index.js'), import('../extract/index.js')]);

parentPort!.on('message', async (m: { id: number; job: ComputeJob }) => {
  // The pool's time limit runs from here, not from when the job was posted to a worker still starting.
  parentPort!.postMessage({ id: m.id, started: true });
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
