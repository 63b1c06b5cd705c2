// Security at the edge: strict headers on every response, the bearer token or a browser session from a one-time link,
// and a Host check against DNS rebinding.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Handler, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
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

/** The cookie a one-time login link sets: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'faultline_session';

/** How long a browser session lasts. */
export const SESSION_SECONDS = 12 * 60 * 60;

const secret = () => randomBytes(24).toString('base64url');
const key = (s: string) => digest(s).toString('hex');

/** One-time login codes and the browser sessions they open; codes and sessions are kept only as digests. */
export class BrowserSessions {
  private readonly codes = new Set<string>();
  private readonly sessions = new Map<string, number>();

  /** A new code for `/login?code=…`; it works once. */
  issueCode(): string {
    const code = secret();
    this.codes.add(key(code));
    return code;
  }

  /** Trades a valid, unused code for a new session id; null otherwise. */
  redeem(code: string): string | null {
    const k = key(code);
    if (!this.codes.delete(k)) return null;
    const id = secret();
    this.sessions.set(key(id), Date.now() + SESSION_SECONDS * 1000);
    return id;
  }

  /** Whether `id` names a live session. */
  valid(id: string | undefined): boolean {
    if (!id) return false;
    const k = key(id);
    const until = this.sessions.get(k);
    if (until === undefined) return false;
    if (until < Date.now()) {
      this.sessions.delete(k);
      return false;
    }
    return true;
  }
}

/** GET /login?code=…: a valid one-time code sets the session cookie and goes to the dashboard. */
export function loginHandler(sessions: BrowserSessions): Handler {
  return (c) => {
    const id = sessions.redeem(c.req.query('code') ?? '');
    if (!id) throw new HttpError(401, 'server: this login link is not valid or was used already; restart the server (or use the bearer token) for a new one');
    setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_SECONDS });
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect('/', 302);
  };
}

/** Every request must carry `Authorization: Bearer <token>`, or the session cookie of a redeemed login link. */
export function tokenOrSession(token: string, sessions: BrowserSessions): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    // Compare digests so that the comparison takes the same time whatever the length.
    const bearer = !!m && timingSafeEqual(digest(m[1].trim()), expected);
    if (!bearer && !(header === '' && sessions.valid(getCookie(c, SESSION_COOKIE)))) {
      c.header('WWW-Authenticate', 'Bearer realm="faultline"');
      throw new HttpError(401, 'server: this server needs "Authorization: Bearer <token>" (or, in a browser, the one-time link printed at start)');
    }
    await next();
  };
}

/** Every request must carry `Authorization: Bearer <token>`. */
export function bearerToken(token: string): MiddlewareHandler {
  return tokenOrSession(token, new BrowserSessions());
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
