// Completes a curated event from the codebook: quad class, Goldstein weight and PLOVER type from its CAMEO code.
import { cameoEvent } from '../../codebook/index.js';
import type { Event, EventInput } from '../../model/index.js';

export type CodeEventResult = { ok: true; event: Event } | { ok: false; field: string; message: string };

/** Derives the codebook fields of an event; explicit values in the input must agree in sign with the codebook. */
export function codeEvent(input: EventInput, origin: string): CodeEventResult {
  const info = cameoEvent(input.cameo);
  if (!info) return { ok: false, field: 'cameo', message: `"${input.cameo}" is not a CAMEO event code` };
  if (input.quad !== undefined && input.quad !== info.quad) {
    return { ok: false, field: 'quad', message: `${input.quad} contradicts CAMEO ${input.cameo} (${info.name}), which is quad class ${info.quad}` };
  }
  return {
    ok: true,
    event: {
      id: input.id,
      date: input.date,
      cameo: input.cameo,
      quad: info.quad,
      goldstein: input.goldstein ?? info.goldstein,
      plover: input.plover ?? info.plover,
      source: input.source,
      target: input.target,
      third: input.third,
      location: input.location,
      summary: input.summary,
      sources: input.sources,
      confidence: input.confidence,
      negated: input.negated,
      hypothetical: input.hypothetical,
      status: input.status,
      review: 'accepted',
      origin: { dataset: origin, row: null },
    },
  };
}
