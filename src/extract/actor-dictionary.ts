// The general actor dictionary (data/actors/*.tsv, built from the Phoenix dictionaries and our sourced additions):
// people with CAMEO codes by date, organisations, agent nouns and places, read once.
import { ACTOR_DATA_DIR, listCell, once, readDictionary } from './data-file.js';

/** A dated role: the code a person carries between `from` and `to` (either open). */
export interface DictRole {
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** A person of the dictionary. */
export interface DictPerson {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The family name a text may use alone, or null. */
  readonly surname: string | null;
  /** Head of state or government, or head of an IGO, at some time. */
  readonly leader: boolean;
  readonly country: string | null;
  readonly roles: readonly DictRole[];
}

export type DictOrgKind = 'igo' | 'ngo' | 'mnc' | 'armed' | 'institution' | 'media' | 'party';

/** An organisation of the dictionary: an IGO, NGO, company, national institution or non-state armed group. */
export interface DictOrganization {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly code: string;
  readonly kind: DictOrgKind;
}

export interface ActorDictionary {
  readonly people: readonly DictPerson[];
  readonly organizations: readonly DictOrganization[];
  /** Role noun (lower case, singular and plural) → CAMEO role code. */
  readonly agents: ReadonlyMap<string, string>;
  readonly places: ReadonlyArray<{ readonly name: string; readonly iso3: string }>;
}

function parseRole(cell: string): DictRole {
  const at = cell.indexOf('@');
  if (at < 0) return { code: cell, from: null, to: null };
  const [from, to] = cell.slice(at + 1).split('..');
  return { code: cell.slice(0, at), from: from || null, to: to || null };
}

/** The dictionary, read from data/actors/ on first use. */
export const actorDictionary = once((): ActorDictionary => {
  const people = readDictionary('people.tsv', ['id', 'name', 'aliases', 'surname', 'leader', 'country', 'roles'], ACTOR_DATA_DIR).map(({ cells }) => ({
    id: cells.id, name: cells.name, aliases: listCell(cells.aliases), surname: cells.surname || null, leader: cells.leader === '1',
    country: cells.country || null, roles: listCell(cells.roles).map(parseRole),
  }));
  const organizations = readDictionary('organizations.tsv', ['name', 'aliases', 'code', 'kind'], ACTOR_DATA_DIR).map(({ cells }) => ({
    name: cells.name, aliases: listCell(cells.aliases), code: cells.code, kind: cells.kind as DictOrgKind,
  }));
  const agents = new Map<string, string>();
  for (const { cells } of readDictionary('agents.tsv', ['noun', 'role'], ACTOR_DATA_DIR)) agents.set(cells.noun, cells.role);
  const places = readDictionary('places.tsv', ['name', 'iso3'], ACTOR_DATA_DIR).map(({ cells }) => ({ name: cells.name, iso3: cells.iso3 }));
  return { people, organizations, agents, places };
});

/** The code a dictionary person carries on `day`: the first dated role valid then, else the undated one, else ELI. */
export function personCodeOn(p: DictPerson, day: string | null): string | null {
  if (day) {
    for (const r of p.roles) if ((r.from || r.to) && (!r.from || r.from <= day) && (!r.to || day <= r.to)) return r.code;
  }
  const plain = p.roles.find((r) => !r.from && !r.to);
  if (plain) return plain.code;
  if (p.country) return `${p.country}ELI`;
  return p.roles[p.roles.length - 1]?.code ?? null;
}

/** Whether `p` holds an office (not ELI, the elite code for former officials) on `day`. */
export function inOfficeOn(p: DictPerson, day: string | null): boolean {
  if (!day) return false;
  return p.roles.some((r) => (r.from || r.to) && (!r.from || r.from <= day) && (!r.to || day <= r.to) && !/ELI$/.test(r.code));
}

/** The country (or IGO) a CAMEO code stands for in dyads. */
export function countryOfActorCode(code: string | null): string | null {
  if (!code) return null;
  if (code.startsWith('IGO') || /^(?:NGO|MNC|IMG|INT|UIS)/.test(code)) return code;
  return code.slice(0, 3);
}
