// Security at the edge: strict headers on every response, the bearer token, and a Host check against DNS rebinding.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { HttpError } from './http-error.js';

/** Only our own scripts, styles, images and API; no inline code, no framing, no plugins. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    xFrameOptions: 'DENY',
    // Served over plain HTTP on loopback; HSTS would only be ignored.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Every request must carry `Authorization: Bearer <token>`. */
export function bearerToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    // Compare digests so that the comparison takes the same time whatever the length.
    if (!m || !timingSafeEqual(digest(m[1].trim()), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="faultline"');
      throw new HttpError(401, 'server: this server needs "Authorization: Bearer <token>"');
    }
    await next();
  };
}

const LOOPBACK_NAMES = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** A server without a token answers only requests addressed to a loopback name, so that a web page cannot rebind its own host name to it. */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = new URL(c.req.url).hostname;
    if (!LOOPBACK_NAMES.test(host)) throw new HttpError(403, `server: requests must be addressed to localhost or 127.0.0.1, not "${host}"`);
    await next();
  };
}

/** Whether a listen address stays on this machine. */
export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK_NAMES.test(host);
}
