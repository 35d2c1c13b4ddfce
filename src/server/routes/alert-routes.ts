// The alerts API: rules (create, list with state and next run, delete), their
// history of firings, acknowledging a firing, and running a rule now.
import type { FastifyInstance } from 'fastify';
import { acknowledgeAlert, alertHistory, createAlert, deleteAlert, listAlerts, MAX_HISTORY } from '../../alerts/alerts-service.js';
import { ValidationError } from '../../core/errors.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerAlertRoutes(app: FastifyInstance, context: ServerContext): void {
  const { warehouse } = context;

  app.get('/v1/alerts', async (request) => {
    const caller = await authorize(context, request, 'read');
    return { alerts: await listAlerts(warehouse, caller.workspace) };
  });

  app.post('/v1/alerts', async (request, reply) => {
    const caller = await authorize(context, request, 'admin');
    const rule = await createAlert(warehouse, caller.workspace, jsonObject(request.body, 'alert rule'));
    context.alerts.rulesChanged();
    return reply.status(201).send(rule);
  });

  app.get<{ Querystring: { rule_id?: string; limit?: string } }>('/v1/alerts/history', async (request) => {
    const caller = await authorize(context, request, 'read');
    const { rule_id: ruleId, limit } = request.query;
    return { firings: await alertHistory(warehouse, caller.workspace.name, { ...(ruleId ? { ruleId } : {}), limit: limitOf(limit) }) };
  });

  app.delete<{ Params: { id: string } }>('/v1/alerts/:id', async (request) => {
    const caller = await authorize(context, request, 'admin');
    await deleteAlert(warehouse, caller.workspace.name, request.params.id);
    context.alerts.rulesChanged();
    return { deleted: request.params.id };
  });

  app.post<{ Params: { id: string } }>('/v1/alerts/:id/acknowledge', async (request) => {
    const caller = await authorize(context, request, 'admin');
    return { state: await acknowledgeAlert(warehouse, caller.workspace.name, request.params.id, jsonObject(request.body, 'acknowledgement')) };
  });

  app.post<{ Params: { id: string } }>('/v1/alerts/:id/run', async (request) => {
    const caller = await authorize(context, request, 'admin');
    return context.queries.run(caller.workspace.name, () => context.alerts.run(caller.workspace, request.params.id));
  });
}

function limitOf(text: string | undefined): number {
  if (text === undefined) return MAX_HISTORY;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_HISTORY) throw new ValidationError(`limit must be a whole number from 1 to ${MAX_HISTORY} (got "${text}")`, [{ field: 'limit', message: `must be from 1 to ${MAX_HISTORY}` }]);
  return n;
}
