// A bounded cache of GET answers: the serving process holds the DuckDB file open for writing, so only its own writes can change them.

/** Least-recently-used map of request key → JSON text, emptied whenever the store is written. */
export class ResponseCache {
  private readonly entries = new Map<string, string>();
  constructor(private readonly max: number) {}

  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark it as recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, json: string): void {
    if (this.max <= 0) return;
    this.entries.set(key, json);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}
