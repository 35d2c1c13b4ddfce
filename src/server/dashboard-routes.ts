// The dashboard: the built single-page app (web/, built into dist/web) served
// from the API's own process and port. Hashed assets are cached for good;
// index.html is revalidated, and answers every client route.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Where `npm run build` puts the dashboard. Resolved from this file both when
 * it runs from dist/server and from src/server (tests), so it names dist/ twice.
 */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Paths the API owns: a miss there is a JSON 404, never the dashboard. */
const API_PATH = /^\/(v1|healthz|openapi\.json|metrics)(\/|$|\?)/;

// The page loads only its own scripts and talks only to this origin. ECharts and React set inline styles.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Serves the dashboard; false when it has not been built (then / says how to build it). */
export function registerDashboardRoutes(app: FastifyInstance, webRoot: string): boolean {
  if (!existsSync(`${webRoot}/index.html`)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('Beacon is running; the dashboard is not built. Run `npm run build`, then restart.\n'),
    );
    return false;
  }
  void app.register(fastifyStatic, {
    root: webRoot,
    index: false,
    wildcard: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Vite names every file under assets/ by its content's hash: it never changes.
      const hashed = /[\\/]assets[\\/]/.test(path);
      reply.headers({ ...PAGE_HEADERS, 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' });
    },
  });
  app.get('/', async (_request, reply) => sendPage(reply));
  return true;
}

/** A GET for a page (not an API path, asking for HTML) is a client route: the app decides what to show. */
export function isClientRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (API_PATH.test(request.url)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export function sendPage(reply: FastifyReply): FastifyReply {
  return reply.headers({ ...PAGE_HEADERS, 'cache-control': 'no-cache' }).sendFile('index.html');
}
