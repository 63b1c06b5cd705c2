// Loads an extraction into the store as origin `article:<sha256>`: the article becomes a Source, its notes cited
// Sources, and its actors, events and claims merge with what the store already holds instead of duplicating it.
// Extracted events and claims are stored for review (`pending`); all SQL is in src/store/ (article-load, queries).
import { normalizeName } from '../codebook/index.js';
import { Actor as ActorSchema, type Actor, type ActorKind } from '../model/actor.js';
import type { Claim } from '../model/claim.js';
import type { Event } from '../model/event.js';
import { CameoActorCode, Iso3 } from '../model/ids.js';
import type { Source } from '../model/source.js';
import { overlaps } from '../model/date-interval.js';
import type { Store } from '../store/store.js';
import { deleteOrigin, writeKnowledgeBase } from '../store/load-knowledge-base.js';
import { listActors, listClaims, listEvents, listSources } from '../store/queries.js';
import { claimSentenceHashes, lastLoadHash, recordLoad, writeClaimKeys } from '../store/article-load.js';
import { createHash } from 'node:crypto';
import type { ExtractedActor, Extraction } from './contract.js';
import { countryOfCode } from './merge-events.js';

export interface ArticleLoadResult {
  readonly origin: string;
  readonly unchanged: boolean;
  /** Rows written under the article's origin. */
  readonly written: Record<'sources' | 'actors' | 'events' | 'claims', number>;
  /** Records found already in the store and reused instead of written again. */
  readonly merged: Record<'sources' | 'actors' | 'events' | 'claims', number>;
  /** What merged with what: the extracted record's id, the stored one it duplicates, and why. */
  readonly mergedWith: ReadonlyArray<{ readonly kind: 'event' | 'claim'; readonly extracted: string; readonly stored: string; readonly by: string }>;
}

/** The hash a claim's sentence is known by: white space collapsed, lower case. */
export function sentenceHash(sentence: string): string {
  return createHash('sha256').update(sentence.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

const KIND: Record<ExtractedActor['kind'], ActorKind> = {
  state: 'state', person: 'person', organization: 'organization', party: 'party', media: 'media', military: 'military', igo: 'igo', other: 'organization',
};

/** Writes `x` (extracted from a file with content hash `x.document.sha256`) into `store` in one transaction. */
export async function loadArticle(store: Store, x: Extraction, options: { file: string; text: string }): Promise<ArticleLoadResult> {
  const sha = x.document.sha256;
  const origin = `article:${sha}`;
  const empty = () => ({ sources: 0, actors: 0, events: 0, claims: 0 });
  if ((await lastLoadHash(store, origin)) === sha) return { origin, unchanged: true, written: empty(), merged: empty(), mergedWith: [] };

  return store.transaction(async (tx) => {
    await deleteOrigin(tx, origin);
    const existingSources = await listSources(tx, { excludeOrigins: [origin] });
    const existingActors = await listActors(tx, { excludeOrigins: [origin] });
    const existingEvents = await listEvents(tx, { excludeOrigins: [origin, 'gdelt', 'icews', 'acled'] });
    const existingClaims = await listClaims(tx, { excludeOrigins: [origin] });
    const storedHashes = await claimSentenceHashes(tx, origin);
    const written = empty();
    const merged = empty();
    const mergedWith: Array<{ kind: 'event' | 'claim'; extracted: string; stored: string; by: string }> = [];
    const short = sha.slice(0, 12);

    // sources: the article, and one per note (reusing a stored source with the same URL)
    const articleId = `article:${short}`;
    const sources: Source[] = [{
      id: articleId as Source['id'], kind: 'article', outlet: null, title: x.document.title, authors: [], url: null,
      published: x.document.published, accessed: null, language: 'en', note: `extracted from ${options.file}`,
    }];
    const refSource = new Map<string, string>();
    for (const r of x.references) {
      const same = r.url ? existingSources.find((s) => s.url === r.url) : undefined;
      if (same) {
        refSource.set(r.marker, same.id);
        merged.sources++;
        continue;
      }
      const id = `${articleId}:note-${r.marker.replace(/[^A-Za-z0-9]/g, '')}`;
      refSource.set(r.marker, id);
      const url = r.url && /^https?:\/\//.test(r.url) ? r.url : null;
      sources.push({
        id: id as Source['id'], kind: 'note', outlet: r.outlet, title: r.title, authors: [], url, published: null, accessed: r.accessed,
        language: 'en', citedIn: { source: articleId as Source['id'], marker: r.marker },
      });
    }

    // actors: by id, then by name or alias, then a stored actor carrying the same code for the same country
    const byKey = new Map<string, Actor>();
    for (const a of existingActors) for (const n of [a.name, ...a.aliases]) byKey.set(normalizeName(n), a);
    const actorIds = new Map<string, string>();
    const actors: Actor[] = [];
    for (const a of x.actors) {
      const found = existingActors.find((e) => e.id === a.id) ?? byKey.get(normalizeName(a.name))
        ?? (a.code ? existingActors.find((e) => e.code === a.code && (e.partOf === a.country || e.id === a.code)) : undefined);
      if (found) {
        actorIds.set(a.id, found.id);
        merged.actors++;
        continue;
      }
      const parsed = ActorSchema.safeParse({
        id: a.id, kind: KIND[a.kind], name: a.name, aliases: [],
        country: a.country && Iso3.safeParse(a.country).success && !a.country.startsWith('IGO') ? a.country : null,
        code: a.code && CameoActorCode.safeParse(a.code).success ? a.code : null,
        sources: [articleId],
      });
      if (!parsed.success) continue;
      actorIds.set(a.id, parsed.data.id);
      actors.push(parsed.data);
    }
    // event participants that are not listed actors (a place's government filled in from context)
    const ensure = (id: string, code: string): string => {
      const mapped = actorIds.get(id);
      if (mapped) return mapped;
      const found = existingActors.find((e) => e.id === id || (e.code === code && e.partOf === countryOfCode(code)));
      if (found) return found.id;
      const country = countryOfCode(code);
      const parsed = ActorSchema.safeParse({
        id, kind: 'organization', name: code, country: Iso3.safeParse(country).success && !country.startsWith('IGO') ? country : null,
        code: CameoActorCode.safeParse(code).success ? code : null, sources: [articleId],
      });
      if (!parsed.success) return id;
      actors.push(parsed.data);
      actorIds.set(id, id);
      return id;
    };

    const events: Event[] = [];
    const eventIds = new Map<string, string>();
    for (const e of x.events) {
      const map = (ids: readonly string[], codes: readonly string[]) => ids.map((id, i) => ensure(id, codes[i] ?? codes[0] ?? id));
      const ev: Event = {
        id: `${articleId}:${e.id}` as Event['id'], date: e.date, cameo: e.cameo, quad: e.quad, goldstein: e.goldstein, plover: e.plover,
        source: map(e.actors.source, e.source) as Event['source'], target: map(e.actors.target, e.target) as Event['target'],
        third: map(e.actors.third, e.third) as Event['third'], location: e.location,
        summary: options.text.slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ').slice(0, 400),
        sources: [articleId, ...e.refs.map((m) => refSource.get(m)).filter((s): s is string => !!s)] as Event['sources'],
        confidence: 0.5, negated: e.negated, hypothetical: e.hypothetical, status: e.status ?? 'reported', review: 'pending', origin: { dataset: origin, row: e.id },
      };
      const dup = existingEvents.find((k) => sameEvent(k, ev, existingActors, actors));
      if (dup) {
        eventIds.set(e.id, dup.id);
        merged.events++;
        mergedWith.push({ kind: 'event', extracted: ev.id, stored: dup.id, by: 'same dyad, quad class, CAMEO root and overlapping date' });
        continue;
      }
      eventIds.set(e.id, ev.id);
      events.push(ev);
    }

    // claims: merged only with a true duplicate — the same claimant and the same events, or the same sentence
    const claims: Claim[] = [];
    const keys: Array<{ claimId: string; sentenceHash: string }> = [];
    const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    x.claims.forEach((c, i) => {
      const ids = (codes: readonly string[]) => codes.map((code) => ensure(code, code));
      const claimant = ids(c.claimant);
      if (claimant.length === 0) return;
      const aboutEvents = [...new Set((c.events ?? []).map((id) => eventIds.get(id)).filter((id): id is string => !!id))];
      const claim: Claim = {
        id: `${articleId}:claim-${i + 1}` as Claim['id'], claimant: claimant as Claim['claimant'],
        statement: c.statement.replace(/\s+/g, ' ').slice(0, 400) || '(statement)', ...(c.date ? { date: c.date } : {}),
        about: { actors: ids(c.about) as Claim['about']['actors'], events: aboutEvents as Claim['about']['events'] }, status: c.status,
        deniedBy: ids(c.deniedBy) as Claim['deniedBy'], confirmedBy: ids(c.confirmedBy) as Claim['confirmedBy'], contradicts: [],
        sources: [articleId, ...c.refs.map((m) => refSource.get(m)).filter((s): s is string => !!s)] as Claim['sources'],
        review: 'pending',
      };
      const hash = sentenceHash(options.text.slice(c.sentence.start, c.sentence.end));
      const dup = existingClaims.find((k) => sameSet(k.claimant, claim.claimant)
        && ((claim.about.events.length > 0 && sameSet(k.about.events, claim.about.events)) || storedHashes.get(k.id) === hash));
      if (dup) {
        merged.claims++;
        mergedWith.push({ kind: 'claim', extracted: claim.id, stored: dup.id, by: storedHashes.get(dup.id) === hash ? 'same claimant, same sentence' : 'same claimant, same events' });
        return;
      }
      claims.push(claim);
      keys.push({ claimId: claim.id, sentenceHash: hash });
    });

    await writeKnowledgeBase(tx, { sources, actors, events, claims }, origin);
    written.sources = sources.length;
    written.actors = actors.length;
    written.events = events.length;
    written.claims = claims.length;
    await writeClaimKeys(tx, origin, keys);
    await recordLoad(tx, origin, options.file, sha, { written, merged, mergedWith });
    return { origin, unchanged: false, written, merged, mergedWith };
  });
}

function countryOfActor(id: string, ...lists: ReadonlyArray<readonly Actor[]>): string {
  for (const list of lists) {
    const a = list.find((x) => x.id === id);
    if (a) return a.country ?? a.code ?? id;
  }
  return countryOfCode(id);
}

/** A stored event reports the same interaction: same quad class and CAMEO root, shared dyad, overlapping dates. */
function sameEvent(k: Event, e: Event, stored: readonly Actor[], fresh: readonly Actor[]): boolean {
  if (k.quad !== e.quad || k.cameo.slice(0, 2) !== e.cameo.slice(0, 2)) return false;
  if (!k.date || !e.date || !overlaps(k.date, e.date)) return false;
  const c = (ids: readonly string[]) => new Set(ids.map((id) => countryOfActor(id, stored, fresh)));
  const [ks, kt, es, et] = [c(k.source), c(k.target), c(e.source), c(e.target)];
  const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));
  return (shares(ks, es) && shares(kt, et)) || (shares(ks, et) && shares(kt, es));
}
