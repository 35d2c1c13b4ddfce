// The forecast API: a series sent as it is, or a metric's totals per day, week
// or month, fitted by exponential smoothing and projected with intervals.
import type { FastifyInstance } from 'fastify';
import { forecastReport } from '../../forecast/forecast-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

export function registerForecastRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/forecast', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'forecast request');
    return context.queries.run(caller.workspace.name, () => forecastReport(context.services, caller.workspace, body));
  });
}
