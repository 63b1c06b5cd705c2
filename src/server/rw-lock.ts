// A readers–writer lock: requests read the one store connection together, but a write (ingest) runs alone.

/** Lets any number of readers in at once and a writer only when nobody else holds the lock. */
export class ReadWriteLock {
  private readers = 0;
  private writing = false;
  private readonly waiting: Array<{ write: boolean; go: () => void }> = [];

  /** Runs `fn` alongside other readers. */
  async read<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await fn();
    } finally {
      this.readers--;
      this.wake();
    }
  }

  /** Runs `fn` with nobody else inside. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await fn();
    } finally {
      this.writing = false;
      this.wake();
    }
  }

  private acquire(write: boolean): Promise<void> {
    // Queue behind a waiting writer so that a stream of readers cannot starve it.
    if (this.waiting.length === 0 && this.free(write)) {
      this.take(write);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ write, go: resolve }));
  }

  private free(write: boolean): boolean {
    return write ? !this.writing && this.readers === 0 : !this.writing;
  }

  private take(write: boolean): void {
    if (write) this.writing = true;
    else this.readers++;
  }

  private wake(): void {
    while (this.waiting.length > 0 && this.free(this.waiting[0].write)) {
      const next = this.waiting.shift()!;
      this.take(next.write);
      next.go();
      if (next.write) return;
    }
  }
}
