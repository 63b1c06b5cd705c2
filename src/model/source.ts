// A source of facts: an article, paper, statement, dataset or the footnote of a paper.
import { z } from 'zod';
import { SourceId } from './ids.js';
import { IsoDay } from './date-interval.js';

export const SourceKind = z.enum(['paper', 'article', 'statement', 'social-media', 'dataset', 'report', 'note']);
export type SourceKind = z.infer<typeof SourceKind>;

/** Admiralty code for source reliability: A completely reliable … F cannot be judged. */
export const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);

export const Source = z.object({
  id: SourceId,
  kind: SourceKind.default('article'),
  outlet: z.string().min(1).nullable(),
  title: z.string().min(1).nullable(),
  authors: z.array(z.string().min(1)).default([]),
  url: z.url({ protocol: /^https?$/ }).nullable(),
  published: IsoDay.nullable().default(null),
  accessed: IsoDay.nullable().default(null),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as en').default('en'),
  reliability: Reliability.optional(),
  /** For a footnote: the paper that cites it and the marker as written there ("4", "ii"). */
  citedIn: z.object({ source: SourceId, marker: z.string().min(1) }).optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;
