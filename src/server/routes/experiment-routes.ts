// The experiments API: an A/B readout from each variant's sufficient
// statistics or from the workspace's experiment_exposure events, and the list
// of experiments those events name.
import type { FastifyInstance } from 'fastify';
import { experimentList, experimentReport } from '../../experiments/experiment-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerExperimentRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/v1/experiments', async (request) => {
    const caller = await authorize(context, request, 'read');
    return context.queries.run(caller.workspace.name, () => experimentList(context.services, caller.workspace));
  });

  app.post('/v1/experiments/analyze', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'experiment request');
    return context.queries.run(caller.workspace.name, () => experimentReport(context.services, caller.workspace, body));
  });
}
