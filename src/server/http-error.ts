// The one error type HTTP handlers throw; the app's error handler turns it into `{ "error", "message" }`.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const CODES: Partial<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  500: 'internal',
  501: 'not-implemented',
  503: 'busy',
  504: 'timeout',
};

/** An error with the HTTP status it should be answered with; `message` is shown to the client. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  constructor(status: ContentfulStatusCode, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = CODES[status] ?? `http-${status}`;
  }
}

/** The body of every error response. */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
}
