// The cohort API: acquisition cohorts by week or month with their retention
// or cumulative revenue per customer in every period since.
import type { FastifyInstance } from 'fastify';
import { cohortReport } from '../../cohorts/cohort-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerCohortRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/cohorts', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'cohort request');
    return context.queries.run(caller.workspace.name, () => cohortReport(context.services, caller.workspace, body));
  });
}
