// The anomaly API: a metric's series per day, week or month, each point judged
// against what the history before it leads one to expect.
import type { FastifyInstance } from 'fastify';
import { anomalyReport } from '../../anomalies/anomaly-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerAnomalyRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/anomalies', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'anomaly request');
    return context.queries.run(caller.workspace.name, () => anomalyReport(context.services, caller.workspace, body));
  });
}
