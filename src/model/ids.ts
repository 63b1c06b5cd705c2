// Branded identifiers, so that an actor id cannot be passed where an event id is expected.
import { z } from 'zod';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9:_.+-]*$/;
const idString = () => z.string().min(1).max(200).regex(idPattern, 'must be letters, digits and : _ . + - (no spaces)');

export const SourceId = idString().brand<'SourceId'>();
export const ActorId = idString().brand<'ActorId'>();
export const EventId = idString().brand<'EventId'>();
export const ClaimId = idString().brand<'ClaimId'>();
export const RelationId = idString().brand<'RelationId'>();
export const FormatId = idString().brand<'FormatId'>();
export const CorridorId = idString().brand<'CorridorId'>();
export const ThesisId = idString().brand<'ThesisId'>();

export type SourceId = z.infer<typeof SourceId>;
export type ActorId = z.infer<typeof ActorId>;
export type EventId = z.infer<typeof EventId>;
export type ClaimId = z.infer<typeof ClaimId>;
export type RelationId = z.infer<typeof RelationId>;
export type FormatId = z.infer<typeof FormatId>;
export type CorridorId = z.infer<typeof CorridorId>;
export type ThesisId = z.infer<typeof ThesisId>;

/** ISO 3166-1 alpha-3 country code (upper case). */
export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as ARM');
export type Iso3 = z.infer<typeof Iso3>;

/**
 * CAMEO actor code: a three-letter country, region or IGO prefix plus role codes (AZEGOV, RUSMED,
 * IGOEUREEC). IGOs without a CAMEO code take IGO plus their acronym (IGOCSTO), which need not be
 * a multiple of three letters.
 */
export const CameoActorCode = z.string().regex(/^[A-Z]{3}[A-Z0-9]{0,15}$/, 'must be a CAMEO actor code such as AZEGOV or IGOCSTO');
