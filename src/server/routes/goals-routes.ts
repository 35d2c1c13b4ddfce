// The goals API: goals with their actual value to date, pacing and status.
import type { FastifyInstance } from 'fastify';
import { createGoal, deleteGoal, goalReports } from '../../goals/goals-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerGoalsRoutes(app: FastifyInstance, context: ServerContext): void {
  const { warehouse } = context;
  const { services } = context;

  app.get('/v1/goals', async (request) => {
    const caller = await authorize(context, request, 'read');
    return { goals: await context.queries.run(caller.workspace.name, () => goalReports(services, caller.workspace)) };
  });

  app.post('/v1/goals', async (request, reply) => {
    const caller = await authorize(context, request, 'admin');
    return reply.status(201).send(await createGoal(warehouse, caller.workspace.name, jsonObject(request.body, 'goal')));
  });

  app.delete<{ Params: { id: string } }>('/v1/goals/:id', async (request) => {
    const caller = await authorize(context, request, 'admin');
    await deleteGoal(warehouse, caller.workspace.name, request.params.id);
    return { deleted: request.params.id };
  });
}
