// The insight API: why a KPI changed (its formula's and its segments' parts
// of the change) and which segments do significantly worse than the workspace.
import type { FastifyInstance } from 'fastify';
import { explainReport } from '../../insight/explain-service.js';
import { underperformingReport } from '../../insight/segments-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerInsightRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/explain', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'explain request');
    return context.queries.run(caller.workspace.name, () => explainReport(context.services, caller.workspace, body));
  });

  app.post('/v1/segments/underperforming', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'segments request');
    return context.queries.run(caller.workspace.name, () => underperformingReport(context.services, caller.workspace, body));
  });
}
