// Budget recommendations: response curves per channel or campaign and the
// split of a budget that maximises the attributed outcome.
import type { FastifyInstance } from 'fastify';
import { budgetReport } from '../../budget/budget-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerBudgetRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/budget/recommend', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'budget request');
    return context.queries.run(caller.workspace.name, () => budgetReport(context.services, caller.workspace, body));
  });
}
