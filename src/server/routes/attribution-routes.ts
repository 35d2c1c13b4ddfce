// The attribution API: a model (or all of them) over the journeys of a period
// or over a path file, and what each model does.
import type { FastifyInstance } from 'fastify';
import { attributionReport } from '../../attribution/attribution-service.js';
import { MODEL_DESCRIPTIONS } from '../../attribution/model-descriptions.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerAttributionRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/attribution', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'attribution request');
    return context.queries.run(caller.workspace.name, () => attributionReport(context.services, caller.workspace, body));
  });

  app.get('/v1/attribution/models', async (request) => {
    await authorize(context, request, 'read');
    return { models: MODEL_DESCRIPTIONS };
  });
}
