// The evidence-scope options every measure and list command shares: --origin, --region, --min-confidence, --include-alleged.
import type { Command } from 'commander';
import { UserError } from '../model/errors.js';
import type { EvidenceOrigin, ScopeInput } from '../model/scope.js';
import { EVIDENCE_ORIGINS, SCOPE_DEFAULTS } from '../model/scope-vocabulary.js';

export interface ScopeCliOptions {
  origin?: string;
  region?: string;
  minConfidence?: string;
  includeAlleged?: boolean;
}

/** Adds the scope options to a command. */
export function withScope(cmd: Command): Command {
  return cmd
    .option('--origin <list>', `evidence origins, comma-separated: ${EVIDENCE_ORIGINS.join(',')} (default: all)`)
    .option('--region <id>', 'a loaded region id, or "world" for no regional restriction (default: the loaded region)')
    .option('--min-confidence <x>', `least confidence an event needs to count (default ${SCOPE_DEFAULTS.minConfidence})`)
    .option('--include-alleged', 'also count alleged and denied events');
}

/** The scope the options describe (dates are added by the command, which knows its own --from/--to). */
export function scopeOf(o: ScopeCliOptions, module = 'cli'): ScopeInput {
  const scope: { -readonly [K in keyof ScopeInput]: ScopeInput[K] } = {};
  if (o.origin !== undefined) {
    const list = o.origin.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const bad = list.find((x) => !(EVIDENCE_ORIGINS as readonly string[]).includes(x));
    if (bad !== undefined || list.length === 0) {
      throw new UserError(module, `"${bad ?? o.origin}" is not an origin; use one or more of ${EVIDENCE_ORIGINS.join(', ')}`, { field: '--origin' });
    }
    scope.origins = [...new Set(list)] as EvidenceOrigin[];
  }
  if (o.region !== undefined) scope.region = o.region.trim();
  if (o.minConfidence !== undefined) {
    const x = Number(o.minConfidence);
    if (!(Number.isFinite(x) && x >= 0 && x <= 1)) throw new UserError(module, `"${o.minConfidence}" is not a number between 0 and 1`, { field: '--min-confidence' });
    scope.minConfidence = x;
  }
  if (o.includeAlleged) scope.includeAlleged = true;
  return scope;
}
