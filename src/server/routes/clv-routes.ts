// The customer-value API: predicted CLV from the BG/NBD and Gamma-Gamma models.
import type { FastifyInstance } from 'fastify';
import { clvReport, type ClvRequest } from '../../clv/clv-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';

export function registerClvRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Querystring: ClvRequest }>('/v1/clv', async (request) => {
    const caller = await authorize(context, request, 'read');
    return context.queries.run(caller.workspace.name, () => clvReport(context.services, caller.workspace, request.query));
  });
}
