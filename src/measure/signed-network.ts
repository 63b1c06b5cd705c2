// The signed party network of a period: Goldstein sums of the events between two parties (Goldstein 1992) plus curated alignment and hostility relations; dependency ties reported as a layer of their own.
import type { ScopeInput } from '../model/scope.js';
import type { RelationLayer } from '../model/relation.js';
import type { Store } from '../store/store.js';
import { addOrigin, describeScope, resolveScope, scopeJson, type EvidenceCount, type OriginCounts, type ResolvedScope } from '../store/evidence.js';
import { readTies, type TiesRead } from '../store/evidence-reads.js';
import type { SignedEdge, SignedNetwork } from './signed-graph.js';

export interface SignedNetworkOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** First and last day included, YYYY-MM-DD (also in scope.from / scope.to). */
  readonly from?: string;
  readonly to?: string;
  /** Keep only these parties (ISO3 or IGO codes), within the scope's region. */
  readonly countries?: readonly string[];
  /** Goldstein points one curated relation of strength 1 is worth; 10 is one event of the strongest cooperation. */
  readonly relationWeight?: number;
  /** Pairs with fewer events and no alignment or hostility relation are left out. */
  readonly minEvents?: number;
}

export const SIGNED_NETWORK_DEFAULTS = { relationWeight: 10, minEvents: 1 } as const;

/** A signed edge with what it is made of. */
export interface NetworkEdge extends SignedEdge {
  readonly events: number;
  readonly goldstein: number;
  /** Curated alignment and hostility relations between the two parties that hold in the period. */
  readonly relations: readonly string[];
  readonly origins: OriginCounts;
  /** Ids of the curated and extracted events behind the edge (dataset rows are counted in `origins`). */
  readonly eventIds: readonly string[];
}

/** A tie of an unsigned layer (dependency, brokerage): reported beside the network, never part of it. */
export interface LayerTie {
  readonly a: string;
  readonly b: string;
  readonly layer: Exclude<RelationLayer, 'alignment' | 'hostility'>;
  readonly type: string;
  readonly relation: string;
  /** The direction as curated: who depends on, hosts, belongs to or mediates for whom. */
  readonly from: string;
  readonly to: string;
}

export interface StoreSignedNetwork extends SignedNetwork {
  readonly edges: readonly NetworkEdge[];
  /** Dependency and brokerage relations between parties of the scope, outside the signed network. */
  readonly layers: readonly LayerTie[];
  readonly scope: ReturnType<typeof scopeJson>;
  readonly scopeText: string;
  readonly evidence: EvidenceCount & { readonly relations: number };
}

interface PairAcc {
  a: string;
  b: string;
  events: number;
  goldstein: number;
  relation: number;
  relations: string[];
  origins: OriginCounts;
  ids: string[];
}

/**
 * The undirected signed network of a ties read: every event adds its Goldstein weight to each (source party,
 * target party) pair of different parties in scope; alignment relations add +strength × relationWeight and
 * hostility relations −strength × relationWeight; dependency and brokerage relations go to `layers`.
 */
export function networkFromTies(read: TiesRead, s: ResolvedScope, options: Omit<SignedNetworkOptions, 'scope' | 'from' | 'to'> = {}): StoreSignedNetwork {
  const o = { ...SIGNED_NETWORK_DEFAULTS, ...options };
  const parties = s.region ? new Set(s.region.parties) : null;
  const keep = o.countries ? new Set(o.countries) : null;
  const allowed = (x: string) => (!parties || parties.has(x)) && (!keep || keep.has(x));
  const pairs = new Map<string, PairAcc>();
  const entry = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    let e = pairs.get(key);
    if (!e) pairs.set(key, (e = { a, b, events: 0, goldstein: 0, relation: 0, relations: [], origins: {}, ids: [] }));
    return e;
  };
  const sources = new Set<string>();
  const counted = new Set<string>();
  const origins: OriginCounts = {};
  for (const r of read.dataset) {
    if (!allowed(r.a) || !allowed(r.b)) continue;
    const e = entry(r.a, r.b);
    e.events += r.events;
    e.goldstein += r.goldstein;
    addOrigin(e.origins, r.origin, r.events);
    addOrigin(origins, r.origin, r.events);
  }
  let datasetEvents = 0;
  for (const r of read.dataset) if (allowed(r.a) && allowed(r.b)) datasetEvents += r.events;
  for (const ev of read.items) {
    const seen = new Set<string>();
    for (const x of ev.source) {
      for (const y of ev.target) {
        if (x === y || !allowed(x) || !allowed(y)) continue;
        const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const e = entry(x, y);
        e.events++;
        e.goldstein += ev.goldstein;
        e.ids.push(ev.id);
        addOrigin(e.origins, ev.origin, 1);
      }
    }
    if (seen.size) {
      counted.add(ev.id);
      addOrigin(origins, ev.origin, 1);
      ev.sources.forEach((x) => sources.add(x));
    }
  }
  const layers: LayerTie[] = [];
  let relationsUsed = 0;
  for (const r of read.relations) {
    if (r.a === r.b || !allowed(r.a) || !allowed(r.b)) continue;
    if (r.layerSign === null) {
      layers.push({ a: r.a < r.b ? r.a : r.b, b: r.a < r.b ? r.b : r.a, layer: r.layer as LayerTie['layer'], type: r.type, relation: r.id, from: r.from, to: r.to });
      continue;
    }
    const e = entry(r.a, r.b);
    e.relation += r.layerSign * r.strength * o.relationWeight;
    e.relations.push(r.id);
    r.sources.forEach((x) => sources.add(x));
    relationsUsed++;
  }
  const edges: NetworkEdge[] = [];
  for (const e of pairs.values()) {
    if (e.events < o.minEvents && e.relations.length === 0) continue;
    const value = Math.round((e.goldstein + e.relation) * 100) / 100;
    if (value === 0) continue;
    edges.push({
      a: e.a, b: e.b, sign: value > 0 ? 1 : -1, weight: Math.abs(value), events: e.events, goldstein: Math.round(e.goldstein * 100) / 100,
      relations: e.relations, origins: e.origins, eventIds: e.ids,
    });
  }
  edges.sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
  layers.sort((x, y) => (x.relation < y.relation ? -1 : 1));
  const nodes = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort();
  return {
    kind: 'signed-network',
    nodes,
    edges,
    layers,
    scope: scopeJson(s),
    scopeText: describeScope(s),
    evidence: { events: datasetEvents + counted.size, sources: sources.size, origins, relations: relationsUsed },
  };
}

/** The signed network of the scope's period, read from the store. */
export async function signedNetwork(store: Store, options: SignedNetworkOptions = {}): Promise<StoreSignedNetwork> {
  const s = await resolveScope(store, { ...options.scope, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
  return networkFromTies(await readTies(store, s), s, options);
}
