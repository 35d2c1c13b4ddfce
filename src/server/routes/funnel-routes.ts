// The funnels API: people who entered in a period and went on through each
// step within a conversion window.
import type { FastifyInstance } from 'fastify';
import { funnelReport } from '../../funnels/funnel-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerFunnelRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/funnels', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'funnel request');
    return context.queries.run(caller.workspace.name, () => funnelReport(context.services, caller.workspace, body));
  });
}
