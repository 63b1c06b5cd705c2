// The JSON contract of `faultline extract --json` (../shared/spec/extraction.md), as Zod schemas.
import { z } from 'zod';
import { DateInterval, IsoDay } from '../model/date-interval.js';
import { CameoEventCode, QuadClass } from '../model/event.js';
import { ClaimStatus } from '../model/claim.js';

/** A span of the input text in UTF-16 code units (for HTML: of the text after markup is removed). */
export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof Span>;

export const ExtractedReference = z.object({
  marker: z.string().min(1),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  accessed: IsoDay.nullable(),
  /** Where the note itself stands in the text. */
  span: Span,
});
export type ExtractedReference = z.infer<typeof ExtractedReference>;

export const ExtractedActorKind = z.enum(['state', 'person', 'organization', 'party', 'media', 'military', 'igo', 'other']);
export type ExtractedActorKind = z.infer<typeof ExtractedActorKind>;

export const ExtractedActor = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: ExtractedActorKind,
  code: z.string().nullable(),
  /** ISO3 country (or IGO code) the actor stands for in dyads; null when unknown. */
  country: z.string().nullable(),
  mentions: z.number().int().min(1),
  /** True when the actor came from the knowledge base rather than from the codebook or a generic rule. */
  known: z.boolean(),
});
export type ExtractedActor = z.infer<typeof ExtractedActor>;

export const ExtractedEvent = z.object({
  id: z.string(),
  date: DateInterval.nullable(),
  cameo: CameoEventCode,
  quad: QuadClass,
  goldstein: z.number(),
  plover: z.string().nullable(),
  source: z.array(z.string()),
  target: z.array(z.string()),
  third: z.array(z.string()),
  /** Actor ids behind the codes, in the same order as source / target / third. */
  actors: z.object({ source: z.array(z.string()), target: z.array(z.string()), third: z.array(z.string()) }),
  negated: z.boolean(),
  hypothetical: z.boolean(),
  /** How the event is known: reported by the text, alleged in a claim, or alleged and denied. */
  status: z.enum(['reported', 'alleged', 'denied']).default('reported'),
  location: z.string().nullable(),
  sentence: Span,
  /** Offsets of the trigger words. */
  triggerSpan: Span.optional(),
  /** The words that triggered the coding. */
  trigger: z.string(),
  refs: z.array(z.string()),
});
export type ExtractedEvent = z.infer<typeof ExtractedEvent>;

export const ExtractedClaim = z.object({
  id: z.string(),
  /** Ids of the extracted events the claim reports (alleged, or denied once the claim is). */
  events: z.array(z.string()).default([]),
  claimant: z.array(z.string()),
  about: z.array(z.string()),
  status: ClaimStatus,
  deniedBy: z.array(z.string()),
  confirmedBy: z.array(z.string()),
  /** The asserted content, as the text words it. */
  statement: z.string(),
  date: DateInterval.nullable(),
  refs: z.array(z.string()),
  sentence: Span,
  /** Sentences of the denials or confirmations that answer it. */
  answers: z.array(Span),
});
export type ExtractedClaim = z.infer<typeof ExtractedClaim>;

export const Candidate = z.object({ name: z.string(), kind: z.enum(['person', 'place', 'organization', 'unknown']), mentions: z.number().int() });
export type Candidate = z.infer<typeof Candidate>;

export const Extraction = z.object({
  document: z.object({
    title: z.string().nullable(),
    published: IsoDay.nullable(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(['text', 'markdown', 'html']),
    words: z.number().int(),
  }),
  references: z.array(ExtractedReference),
  actors: z.array(ExtractedActor),
  events: z.array(ExtractedEvent),
  claims: z.array(ExtractedClaim),
  /**
   * One-sided actions: a coded act whose other side the text does not name ("Five hundred rebels surrendered"). They
   * are not interactions, so they never enter the store's events or the measures; event coders score them.
   */
  actions: z.array(ExtractedEvent).default([]),
  /** Proper names found in the text that no gazetteer knows: proposed, not coded. */
  candidates: z.array(Candidate),
  warnings: z.array(z.string()),
  /** Work counters of the bounded stages (sentence length cap, compromise budget), for checks on hostile input. */
  stats: z.object({
    sentences: z.number().int(),
    /** Sentences longer than the cap, cut into pieces of at most `maxSentenceChars`. */
    sentencesCut: z.number().int(),
    maxSentenceChars: z.number().int(),
    tokens: z.number().int(),
    /** Sentences compromise read for candidate names (at most its budget). */
    candidateSentences: z.number().int(),
  }).optional(),
});
export type Extraction = z.infer<typeof Extraction>;
