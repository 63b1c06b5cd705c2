// CAMEO actor role codes (Schrodt, CAMEO codebook v1.1b3, tables 3.1–3.2) with the nouns that typically signal them.
import { lazy, readDataFile, splitList } from './data-file.js';

/** How the CAMEO codebook ranks a role code. */
export type ActorRoleTier = 'primary' | 'secondary' | 'tertiary' | 'party' | 'religion' | 'international';

/** A CAMEO role code (GOV, MIL, SPY, …), its name and typical lower-case nouns. */
export interface ActorRoleInfo {
  code: string;
  name: string;
  nouns: string[];
  tier: ActorRoleTier;
}

const TIERS: readonly ActorRoleTier[] = ['primary', 'secondary', 'tertiary', 'party', 'religion', 'international'];

const table = lazy(() => {
  const t = readDataFile('actor-roles.tsv', ['code', 'tier', 'name', 'nouns']);
  const all: ActorRoleInfo[] = [];
  const byCode = new Map<string, ActorRoleInfo>();
  for (const { line, cells } of t.rows) {
    if (!/^[A-Z]{3}$/.test(cells.code)) t.fail(line, `code "${cells.code}" is not three capital letters`);
    if (byCode.has(cells.code)) t.fail(line, `code ${cells.code} listed twice`);
    if (!(TIERS as readonly string[]).includes(cells.tier)) t.fail(line, `tier "${cells.tier}" is not one of ${TIERS.join(', ')}`);
    const role: ActorRoleInfo = Object.freeze({
      code: cells.code,
      name: cells.name,
      nouns: Object.freeze(splitList(cells.nouns)) as string[],
      tier: cells.tier as ActorRoleTier,
    });
    byCode.set(role.code, role);
    all.push(role);
  }
  return { all: Object.freeze(all), byCode };
});

/** Every CAMEO actor role code in the codebook. */
export function actorRoles(): readonly ActorRoleInfo[] {
  return table().all;
}

/** The role with this CAMEO code (case-insensitive), e.g. "SPY". */
export function actorRole(code: string): ActorRoleInfo | undefined {
  return table().byCode.get(code.trim().toUpperCase());
}
