// The metrics API: catalog, queries (with their forecast when asked),
// user-defined metrics, campaign KPIs and benchmark bands. Reads of the
// derived view bring it up to date first.
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../core/errors.js';
import { isValidDate, utcDate, addDays } from '../../core/time.js';
import { answerForecastQuery } from '../../forecast/query-forecast.js';
import { OBJECTIVE_KPIS } from '../../metrics/catalog.js';
import { createBenchmark, deleteBenchmark, listBenchmarks } from '../../metrics/benchmarks-service.js';
import { deleteCustomMetric, listCustomMetrics, metricCatalog, publicMetric, saveCustomMetric } from '../../metrics/metrics-service.js';
import { campaignKpis } from '../../metrics/query-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerMetricsRoutes(app: FastifyInstance, context: ServerContext): void {
  const { warehouse } = context;
  const { services } = context;

  app.get('/v1/catalog', async (request) => {
    const caller = await authorize(context, request, 'read');
    const metrics = await metricCatalog(warehouse, caller.workspace.name);
    return { metrics: [...metrics.values()].map(publicMetric), objectives: OBJECTIVE_KPIS };
  });

  app.post('/v1/query', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'query');
    return context.queries.run(caller.workspace.name, () => answerForecastQuery(services, caller.workspace, body));
  });

  app.get('/v1/metrics/custom', async (request) => {
    const caller = await authorize(context, request, 'read');
    return { metrics: await listCustomMetrics(warehouse, caller.workspace.name) };
  });

  app.post('/v1/metrics/custom', async (request, reply) => {
    const caller = await authorize(context, request, 'admin');
    const metric = await saveCustomMetric(warehouse, caller.workspace.name, jsonObject(request.body, 'metric'));
    return reply.status(201).send(publicMetric(metric));
  });

  app.delete<{ Params: { id: string } }>('/v1/metrics/custom/:id', async (request) => {
    const caller = await authorize(context, request, 'admin');
    await deleteCustomMetric(warehouse, caller.workspace.name, request.params.id);
    return { deleted: request.params.id };
  });

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string } }>('/v1/campaigns/:id/kpis', async (request) => {
    const caller = await authorize(context, request, 'read');
    const { from, to } = periodOf(request.query);
    return context.queries.run(caller.workspace.name, () => campaignKpis(services, caller.workspace, request.params.id, from, to));
  });

  app.get('/v1/benchmarks', async (request) => {
    const caller = await authorize(context, request, 'read');
    return { benchmarks: await listBenchmarks(warehouse, caller.workspace.name) };
  });

  app.post('/v1/benchmarks', async (request, reply) => {
    const caller = await authorize(context, request, 'admin');
    return reply.status(201).send(await createBenchmark(warehouse, caller.workspace.name, jsonObject(request.body, 'benchmark')));
  });

  app.delete<{ Params: { id: string } }>('/v1/benchmarks/:id', async (request) => {
    const caller = await authorize(context, request, 'admin');
    await deleteBenchmark(warehouse, caller.workspace.name, request.params.id);
    return { deleted: request.params.id };
  });
}

/** ?from=&to= (inclusive dates); by default the last 30 days up to today. */
function periodOf(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? utcDate(Date.now());
  // `to` is checked before the default `from` is counted back from it.
  if (!isValidDate(to)) throw new ValidationError(`to "${to}" is not a date YYYY-MM-DD`, { field: 'to' });
  const from = query.from ?? addDays(to, -29);
  if (!isValidDate(from)) throw new ValidationError(`from "${from}" is not a date YYYY-MM-DD`, { field: 'from' });
  if (from > to) throw new ValidationError(`from (${from}) is after to (${to})`, { field: 'from' });
  return { from, to };
}
