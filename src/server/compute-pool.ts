// Worker threads for the API's CPU-heavy requests: a few workers, a small queue answering 503 when full, a time and
// memory limit per job; a job past its limit has its worker terminated, so the event loop never waits on it.
import { Worker } from 'node:worker_threads';
import { UserError } from '../model/errors.js';
import { HttpError } from './http-error.js';
import type { ComputeJob } from './compute-jobs.js';
import type { WorkerError } from './compute-worker.js';

/** How much compute the server offers at once. */
export interface ComputeOptions {
  /** Jobs running at once, each in its own worker thread (default 2). */
  readonly workers?: number;
  /** Jobs waiting for a worker; one more is answered 503 (default 4). */
  readonly queue?: number;
  /** Longest a job may run, in milliseconds (default 30 s). */
  readonly timeoutMs?: number;
  /** Heap a worker may use, in MiB (default 1024). */
  readonly maxHeapMb?: number;
}

export const DEFAULT_COMPUTE: Required<ComputeOptions> = { workers: 2, queue: 4, timeoutMs: 30_000, maxHeapMb: 1024 };

/** Idle workers are stopped after this long. */
const IDLE_MS = 30_000;

interface Pending {
  readonly job: ComputeJob;
  readonly label: string;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  readonly worker: Worker;
  busy: { id: number; pending: Pending; timer: NodeJS.Timeout | null } | null;
  idle: NodeJS.Timeout | null;
}

/**
 * A worker running `compute-worker` next to this module: compiled JavaScript as it is, or TypeScript through tsx's
 * loader, registered inside the worker (a worker does not inherit the loader hooks of its parent).
 */
function startWorker(maxHeapMb: number): Worker {
  const ts = import.meta.url.endsWith('.ts');
  const script = new URL(`./compute-worker.${ts ? 'ts' : 'js'}`, import.meta.url).href;
  const register = ts ? `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register();` : '';
  return new Worker(`(async () => { ${register} await import(${JSON.stringify(script)}); })();`, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
}

function rebuild(e: WorkerError): Error {
  if (e.kind === 'user') {
    const err = new UserError(e.module ?? 'server', '', e.context ?? {});
    err.message = e.message;
    return err;
  }
  if (e.kind === 'http') return new HttpError((e.status ?? 500) as HttpError['status'], e.message);
  const err = new Error(e.message);
  err.stack = e.stack;
  return err;
}

/** Runs compute jobs off the event loop. */
export class ComputePool {
  private readonly o: Required<ComputeOptions>;
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private next = 1;
  private closed = false;

  constructor(options: ComputeOptions = {}) {
    this.o = { ...DEFAULT_COMPUTE, ...options };
  }

  /** Runs `job` in a worker; `label` names the request in messages (`ingest`, `simulate`). */
  run<T>(job: ComputeJob, label: string): Promise<T> {
    if (this.closed) return Promise.reject(new HttpError(503, `server: ${label}: the server is shutting down`));
    const busy = this.slots.filter((s) => s.busy).length;
    if (busy >= this.o.workers && this.waiting.length >= this.o.queue) {
      return Promise.reject(new HttpError(503, `server: ${label}: busy (${busy} jobs running, ${this.waiting.length} waiting); try again shortly`));
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ job, label, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Jobs running and waiting, for tests and status. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.busy).length, waiting: this.waiting.length };
  }

  /** Stops every worker; jobs still running or waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.reject(new HttpError(503, `server: ${p.label}: the server is shutting down`));
    await Promise.all(this.slots.splice(0).map((s) => {
      if (s.busy) {
        if (s.busy.timer) clearTimeout(s.busy.timer);
        s.busy.pending.reject(new HttpError(503, `server: ${s.busy.pending.label}: the server is shutting down`));
      }
      if (s.idle) clearTimeout(s.idle);
      return s.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.o.workers) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.waiting.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = startWorker(this.o.maxHeapMb);
    const slot: Slot = { worker, busy: null, idle: null };
    worker.on('message', (m: { id: number; started?: boolean; ok: boolean; result?: unknown; error?: WorkerError }) => {
      const b = slot.busy;
      if (!b || b.id !== m.id) return;
      if (m.started) {
        b.timer = this.limit(slot, b.pending);
        return;
      }
      if (b.timer) clearTimeout(b.timer);
      slot.busy = null;
      if (m.ok) b.pending.resolve(m.result);
      else b.pending.reject(rebuild(m.error!));
      this.idle(slot);
      this.dispatch();
    });
    const lost = (err: Error) => {
      this.drop(slot);
      const b = slot.busy;
      slot.busy = null;
      if (b) {
        if (b.timer) clearTimeout(b.timer);
        const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        b.pending.reject(oom ? new HttpError(413, `server: ${b.pending.label}: needed more than ${this.o.maxHeapMb} MiB; send a smaller request`) : err);
      }
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) lost(new Error(`compute worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.worker.ref();
    const id = this.next++;
    // The time limit starts when the worker takes the job up (see compute-worker.ts), not while it is still starting.
    slot.busy = { id, pending, timer: null };
    slot.worker.postMessage({ id, job: pending.job });
  }

  /** The timer that ends a job past its limit: the worker goes, and a fresh one takes its place. */
  private limit(slot: Slot, pending: Pending): NodeJS.Timeout {
    const seconds = Math.round(this.o.timeoutMs / 100) / 10;
    return setTimeout(() => {
      // A job past its limit cannot be interrupted inside the worker.
      slot.busy = null;
      this.drop(slot);
      void slot.worker.terminate();
      pending.reject(new HttpError(504, `server: ${pending.label}: stopped after the limit of ${seconds} s; send a smaller request`));
      this.dispatch();
    }, this.o.timeoutMs);
  }

  private idle(slot: Slot): void {
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      this.drop(slot);
      void slot.worker.terminate();
    }, IDLE_MS);
    slot.idle.unref();
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.idle) clearTimeout(slot.idle);
  }
}
