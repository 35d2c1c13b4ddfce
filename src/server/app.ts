// The HTTP application: Fastify with one raw-body parser (routes decide how to
// read a body), one error handler, per-key rate limits, a request id on every
// answer, Prometheus metrics, and a module per route group.
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { buildOpenApi } from './openapi.js';
import type { ServerContext } from './context.js';
import { DEFAULT_WEB_ROOT, isClientRoute, registerDashboardRoutes, sendPage } from './dashboard-routes.js';
import { errorHandler, notFound, notFoundHandler } from './error-handler.js';
import { isLocalToken } from './auth.js';
import { humanLogStream } from './log-line.js';
import { registerRateLimit } from './rate-limit.js';
import { redactUrl } from './redact-url.js';
import { RequestLog } from './request-log.js';
import { registerAttributionRoutes } from './routes/attribution-routes.js';
import { registerClvRoutes } from './routes/clv-routes.js';
import { registerCohortRoutes } from './routes/cohort-routes.js';
import { registerFunnelRoutes } from './routes/funnel-routes.js';
import { registerForecastRoutes } from './routes/forecast-routes.js';
import { registerAnomalyRoutes } from './routes/anomaly-routes.js';
import { registerInsightRoutes } from './routes/insight-routes.js';
import { registerExperimentRoutes } from './routes/experiment-routes.js';
import { registerAlertRoutes } from './routes/alert-routes.js';
import { registerQualityRoutes } from './routes/quality-routes.js';
import { registerExportRoutes } from './routes/export-routes.js';
import { registerBudgetRoutes } from './routes/budget-routes.js';
import { registerGoalsRoutes } from './routes/goals-routes.js';
import { registerIngestRoutes } from './routes/ingest-routes.js';
import { registerSegmentRoutes } from './routes/segment-routes.js';
import { registerMetricsRoutes } from './routes/metrics-routes.js';
import { registerWorkspaceRoutes } from './routes/workspace-routes.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

export interface AppOptions {
  logLevel?: string;
  /** 'json' (pino's lines, the default) or 'pretty' (one human line per record, for a terminal). */
  logFormat?: 'json' | 'pretty';
  version?: string;
  /** The built dashboard (DEFAULT_WEB_ROOT by default). */
  webRoot?: string;
}

export function createApp(context: ServerContext, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // No headers (Authorization), and no secret sent in a query string.
      serializers: {
        req: (request) => ({ method: request.method, url: redactUrl(request.url), hostname: request.hostname, remoteAddress: request.ip }),
      },
      ...(options.logFormat === 'pretty' ? { stream: humanLogStream(process.stdout) } : {}),
    },
    logController: new RequestLog(),
    bodyLimit: context.limits.bodyLimitBytes,
    // A request's id: the caller's X-Request-Id when it is a plain token, else a new one; in every log line and error body.
    genReqId: (request) => {
      const sent = request.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    context.metrics.request(request.method, request.routeOptions.url ?? '(unknown route)', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.removeAllContentTypeParsers();
  // Every body arrives as bytes: ingestion parses JSON, NDJSON and CSV itself,
  // and a malformed body must become our 400, never a framework error shape.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler(errorHandler((code) => context.metrics.error(code)));
  const apiNotFound = notFoundHandler((code) => context.metrics.error(code));
  const dashboardBuilt = registerDashboardRoutes(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  // A page address the server does not know is one of the dashboard's own routes.
  app.setNotFoundHandler((request, reply) => (dashboardBuilt && isClientRoute(request) ? sendPage(reply) : apiNotFound(request, reply)));

  const openapi = buildOpenApi(options.version ?? '0.0.0');
  // The rate limit applies to the routes registered after it has loaded: they are registered in a plugin of their own.
  void registerRateLimit(app, context.limits.requestsPerMinute, (request) => isLocalToken(context, request));
  void app.register(async (api) => {
    api.get('/healthz', async () => ({ status: 'ok' }));
    api.get('/openapi.json', async () => openapi);
    // Prometheus, for the machine's own scraper: other clients find no such route.
    api.get('/metrics', async (request, reply) => {
      if (!context.limits.publicMetrics && !isLoopback(request.ip)) return notFound(request, reply);
      return reply.type(context.metrics.registry.contentType).send(await context.metrics.registry.metrics());
    });
    registerIngestRoutes(api, context);
    registerSegmentRoutes(api, context);
    registerWorkspaceRoutes(api, context);
    registerMetricsRoutes(api, context);
    registerGoalsRoutes(api, context);
    registerAttributionRoutes(api, context);
    registerClvRoutes(api, context);
    registerCohortRoutes(api, context);
    registerFunnelRoutes(api, context);
    registerForecastRoutes(api, context);
    registerAnomalyRoutes(api, context);
    registerInsightRoutes(api, context);
    registerExperimentRoutes(api, context);
    registerAlertRoutes(api, context);
    registerQualityRoutes(api, context);
    registerExportRoutes(api, context);
    registerBudgetRoutes(api, context);
  });
  return app;
}
