// The HTTP edge: the Hono app, its routes and OpenAPI document, and the dashboard build.
export { createApp, DEFAULT_MAX_INGEST_BYTES, type AppDeps } from './app.js';
export { HttpError, type ErrorBody } from './http-error.js';
export { openApiDocument } from './openapi.js';
export { ROUTES, type Route, type RouteContext } from './routes.js';
export { startCommandChannel, startServer, type ChannelRequest, type ChannelRunner, type CommandChannel, type RunningServer, type ServeOptions } from './serve.js';
export { CONTENT_SECURITY_POLICY, isLoopbackAddress } from './security.js';
export { ensureWebBuilt, webBuildIsCurrent, WEB_DIST_DIR } from './web-build.js';
export { ReadWriteLock } from './rw-lock.js';
export { ResponseCache } from './response-cache.js';
