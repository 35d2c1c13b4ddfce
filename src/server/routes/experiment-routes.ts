// The experiments API: an A/B readout from each variant's sufficient statistics.
import type { FastifyInstance } from 'fastify';
import { experimentReport } from '../../experiments/experiment-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerExperimentRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/experiments/analyze', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'experiment stats');
    return context.queries.run(caller.workspace.name, () => experimentReport(body));
  });
}
