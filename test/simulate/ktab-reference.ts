// Reads the "History of actor positions over time" section of a KTAB log: final position per actor and dimension.

export interface KtabReference {
  readonly steps: number;
  /** actor name → positions per dimension at every state, in input units (as printed, one decimal). */
  readonly history: ReadonlyMap<string, number[][]>;
}

/** Parses a KTAB reference log (the 2017 full logs and the 2026 result sections alike). */
export function parseKtabReference(text: string): KtabReference {
  const lines = text.split(/\r?\n/);
  const stepsLine = lines.find((l) => /There were \d+ states, with \d+ steps/.test(l));
  if (!stepsLine) throw new Error('no "There were N states" line');
  const steps = Number(/with (\d+) steps/.exec(stepsLine)?.[1]);
  const start = lines.findIndex((l) => l.startsWith('History of actor positions'));
  const history = new Map<string, number[][]>();
  for (let n = start + 1; n < lines.length; n++) {
    const line = lines[n];
    if (line.startsWith('History of actors')) break;
    const m = /^(.+?),\s*(.+?):\s+([-\d.\s]+)$/.exec(line.trim());
    if (!m) continue;
    const values = m[3].trim().split(/\s+/).map(Number);
    const dims = history.get(m[1].trim()) ?? [];
    dims.push(values);
    history.set(m[1].trim(), dims);
  }
  return { steps, history };
}
