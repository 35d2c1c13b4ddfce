// The HTTP application: Fastify with one raw-body parser (routes decide how to
// read a body), one error handler, and a module per route group.
import Fastify, { type FastifyInstance } from 'fastify';
import { buildOpenApi } from './openapi.js';
import type { ServerContext } from './context.js';
import { handleError, notFound } from './error-handler.js';
import { isLocalToken } from './auth.js';
import { registerRateLimit } from './rate-limit.js';
import { redactUrl } from './redact-url.js';
import { registerGoalsRoutes } from './routes/goals-routes.js';
import { registerIngestRoutes } from './routes/ingest-routes.js';
import { registerMetricsRoutes } from './routes/metrics-routes.js';
import { registerWorkspaceRoutes } from './routes/workspace-routes.js';

export interface AppOptions {
  logLevel?: string;
  version?: string;
}

export function createApp(context: ServerContext, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // No headers (Authorization), and no secret sent in a query string.
      serializers: {
        req: (request) => ({ method: request.method, url: redactUrl(request.url), hostname: request.hostname, remoteAddress: request.ip }),
      },
    },
    bodyLimit: context.limits.bodyLimitBytes,
  });
  app.removeAllContentTypeParsers();
  // Every body arrives as bytes: ingestion parses JSON, NDJSON and CSV itself,
  // and a malformed body must become our 400, never a framework error shape.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(notFound);

  const openapi = buildOpenApi(options.version ?? '0.0.0');
  // The rate limit applies to the routes registered after it has loaded: they are registered in a plugin of their own.
  void registerRateLimit(app, context.limits.requestsPerMinute, (request) => isLocalToken(context, request));
  void app.register(async (api) => {
    api.get('/healthz', async () => ({ status: 'ok' }));
    api.get('/openapi.json', async () => openapi);
    registerIngestRoutes(api, context);
    registerWorkspaceRoutes(api, context);
    registerMetricsRoutes(api, context);
    registerGoalsRoutes(api, context);
  });
  return app;
}
