// Resolves what a user types for an actor ("ARM", "Armenia", "georgia", "the EU", "arm-gov") to the ids and party codes
// the store uses, from the store's actors and the codebook's countries and IGOs; unknown names fail with close matches.
import { countries, countryByIso3, findCountry } from '../codebook/countries.js';
import { findIgo, igoByCode, igos, type Igo } from '../codebook/igos.js';
import { normalizeName } from '../codebook/normalize-name.js';
import { UserError } from '../model/errors.js';
import type { Actor } from '../model/index.js';
import { listActors } from './queries.js';
import type { Store } from './store.js';

/** Resolution of actor names for one command or request. */
export interface Parties {
  /** The actor id or party code `input` names, for list filters (`events --actor`): an actor id stays an id. */
  actor(input: string, field?: string): string;
  /** The party code (ISO3 country or IGO code) `input` names, for dyads and measures. */
  party(input: string, field?: string): string;
  /** "Armenia (ARM)": the name of an actor id or party code with the code, or the code alone when nothing names it. */
  label(code: string): string;
}

/** The party an actor stands for in dyads: its country, else its code (the rule of the loader's dyadCountry). */
const partyOf = (a: Actor): string | null => a.country ?? a.code ?? null;
const isParty = (a: Actor) => a.kind === 'state' || a.kind === 'igo';

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Reads the store's actors once and answers every lookup of a command or request from them and the codebook; errors start with `module`. */
export async function partiesOf(store: Store, module = 'cli'): Promise<Parties> {
  return partiesFrom(await listActors(store), module);
}

/** Lookups over the given actors and the codebook (no actors: countries and IGOs of the codebook only). */
export function partiesFrom(actors: readonly Actor[], module = 'cli'): Parties {
  const byId = new Map<string, Actor>(actors.map((a) => [a.id, a]));
  const byIdFolded = new Map(actors.map((a) => [a.id.toLowerCase(), a]));
  const byParty = new Map<string, Actor>();
  for (const a of actors) {
    const p = partyOf(a);
    if (p && isParty(a) && !byParty.has(p)) byParty.set(p, a);
  }
  const byName = new Map<string, Actor[]>();
  for (const a of actors) {
    for (const n of [a.name, ...a.aliases]) {
      const key = normalizeName(n);
      if (key) byName.set(key, [...(byName.get(key) ?? []), a]);
    }
  }

  // The code knowledge rows carry for an IGO: the loaded actor's (IGOEUREEC for the EU), else CAMEO's, else ours.
  const igoParty = (igo: Igo) => {
    const loaded = actors.find((a) => a.kind === 'igo' && (a.code === igo.code || (igo.cameo !== null && a.code === igo.cameo)));
    return (loaded && partyOf(loaded)) ?? igo.cameo ?? igo.code;
  };

  /** Codes and names that a party code is known by; null when `input` names no party. */
  const findParty = (input: string): string | null => {
    const text = input.trim();
    const upper = text.toUpperCase();
    const actor = byId.get(text) ?? byIdFolded.get(text.toLowerCase());
    if (actor && isParty(actor) && partyOf(actor)) return partyOf(actor);
    if (byParty.has(upper)) return upper;
    if (/^[A-Z]{3}$/.test(upper) && countryByIso3(upper)) return upper;
    const igo = /^IG[A-Z0-9]+$/.test(upper) ? igoByCode(upper) : undefined;
    if (igo) return igoParty(igo);
    const named = (byName.get(normalizeName(text)) ?? []).filter(isParty);
    if (named.length === 1 && partyOf(named[0])) return partyOf(named[0]);
    const country = findCountry(text);
    if (country) return country.iso3;
    const igoNamed = findIgo(text);
    if (igoNamed) return igoParty(igoNamed);
    return null;
  };

  const label = (code: string): string => {
    const a = byId.get(code) ?? byParty.get(code);
    const name = a?.name ?? countryByIso3(code)?.name ?? igoByCode(code)?.name;
    return name && name !== code ? `${name} (${code})` : code;
  };

  /** The error for a name nothing matches, with the closest codes and names as suggestions. */
  const unknown = (input: string, field: string, what: string): UserError => {
    const text = input.trim();
    // Spelling → what to suggest; the loaded actors win over the codebook's entries for the same spelling.
    const candidates = new Map<string, string>();
    for (const c of countries()) if (!c.historic) for (const n of [c.iso3, c.name, ...c.aliases]) candidates.set(n, `${c.name} (${c.iso3})`);
    for (const igo of igos()) for (const n of [igo.code, igo.name, ...igo.aliases]) candidates.set(n, `${igo.name} (${igoParty(igo)})`);
    for (const a of actors) {
      const shown = label(isParty(a) ? (partyOf(a) ?? a.id) : a.id);
      for (const n of [a.id, a.name, ...a.aliases]) candidates.set(n, shown);
    }
    const codeLike = /^[A-Za-z]{3}$/.test(text);
    const key = codeLike ? text.toUpperCase() : normalizeName(text);
    const limit = Math.max(1, Math.floor(key.length / 3));
    const scored = [...candidates]
      .map(([spelling, shown]) => ({ shown, d: distance(key, codeLike ? spelling.toUpperCase() : normalizeName(spelling)) }))
      .filter((c) => c.d <= limit)
      .sort((x, y) => x.d - y.d || x.shown.localeCompare(y.shown));
    const close = [...new Set(scored.map((c) => c.shown))].slice(0, 4);
    const hint = close.length ? `; did you mean ${close.join(', ')}?` : '; no actor, country or IGO has that code or name (`faultline actors` lists the actors)';
    return new UserError(module, `unknown ${what} "${text}"${hint}`, { field, status: 400 });
  };

  return {
    actor(input, field = '--actor') {
      const text = input.trim();
      const direct = byId.get(text) ?? byIdFolded.get(text.toLowerCase());
      if (direct) return isParty(direct) ? (partyOf(direct) ?? direct.id) : direct.id;
      const party = findParty(text);
      if (party) return party;
      const named = byName.get(normalizeName(text)) ?? [];
      if (named.length === 1) return named[0].id;
      if (named.length > 1) throw new UserError(module, `"${text}" names ${named.map((a) => label(a.id)).join(', ')}; give one id`, { field, status: 400 });
      throw unknown(text, field, 'actor');
    },
    party(input, field = 'party') {
      const party = findParty(input);
      if (party) return party;
      const text = input.trim();
      const actor = byId.get(text) ?? byIdFolded.get(text.toLowerCase()) ?? (byName.get(normalizeName(text)) ?? [])[0];
      if (actor) {
        const p = partyOf(actor);
        const use = p ? `; use its country ${label(p)}` : '';
        throw new UserError(module, `"${text}" is ${label(actor.id)}, ${/^[aeiou]/.test(actor.kind) ? 'an' : 'a'} ${actor.kind}, not a country or IGO${use}`, { field, status: 400 });
      }
      throw unknown(text, field, 'actor');
    },
    label,
  };
}
