// The data-quality audit: findings with severity, counts, days and examples.
import type { FastifyInstance } from 'fastify';
import { qualityReport } from '../../quality/quality-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';

export function registerQualityRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/v1/quality', async (request) => {
    const caller = await authorize(context, request, 'read');
    return context.queries.run(caller.workspace.name, () => qualityReport(context.services, caller.workspace));
  });
}
