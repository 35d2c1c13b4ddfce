// Funnels (POST /v1/funnels, beacon funnel): how many people who entered in a
// period went on through each step within a conversion window, in order,
// strictly in order or in any order, optionally split by the channel or
// campaign that brought them in. The warehouse walks each person's steps and
// aggregates (QueryRunner.funnelCounts); this service checks the request,
// resolves the step names and shapes the answer.
import type { Freshness } from '../warehouse/derive-scheduler.js';
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { checkFunnelBody, parseFunnelRequest } from './funnel-input.js';
import { funnelNotes, groupReport, type FunnelReport } from './funnel-report.js';
import { ambiguityNotes, baseVocabulary, unknownSteps } from './funnel-steps.js';

/**
 * Answers a funnel request body for a workspace.
 *
 * @example
 * await funnelReport(services, workspace, { steps: ['ad_click', 'page_view', 'signup', 'purchase'], window_days: 7, from: '2026-11-01', to: '2026-11-30', by: 'channel' })
 * // { entered: 812, steps: [{ step: 1, name: 'ad_click', count: 812, … }, …], overall_conversion: 3.1, breakdown: { by: 'channel', rows: […] }, params: {…}, notes: [] }
 */
export async function funnelReport(services: QueryServices, workspace: Workspace, body: unknown, now = Date.now()): Promise<FunnelReport> {
  const input = checkFunnelBody(body);
  const { settings } = workspace;
  const freshness = await freshView(services, workspace.name);
  let vocabulary = baseVocabulary(settings.conversion_types);
  // Only a name outside DATA.md's types and the conversion types needs the types the workspace's events hold.
  if (unknownSteps(input.steps, vocabulary).length > 0) vocabulary = baseVocabulary(settings.conversion_types, await services.warehouse.eventTypes(workspace.name));
  const request = parseFunnelRequest(input, vocabulary);
  const [everyone, ...values] = await services.warehouse.funnelCounts(workspace.name, {
    steps: request.steps.map((s) => s.match),
    order: request.order,
    windowMs: request.windowMs,
    from: request.from,
    to: request.to,
    timeZone: settings.timezone,
    botFiltering: settings.bot_filtering,
    by: request.by,
  });
  const more = [...ambiguityNotes(request.steps, vocabulary), ...freshnessNotes(freshness)];
  return {
    ...groupReport(request.steps, everyone),
    breakdown: request.by ? { by: request.by, rows: values.map((group) => ({ key: group.key ?? '', ...groupReport(request.steps, group) })) } : null,
    params: {
      steps: request.steps.map((s) => s.name),
      order: request.order,
      window_days: request.windowDays,
      from: request.from,
      to: request.to,
      time_zone: settings.timezone,
      by: request.by,
      bot_filtering: settings.bot_filtering,
    },
    notes: funnelNotes({ request, timeZone: settings.timezone, everyone, now, more }),
  };
}

function freshnessNotes(freshness: Freshness): string[] {
  return freshness.complete ? [] : [`the derived view is still taking in data sent since ${freshness.pending_since}; this answer may not include it yet`];
}
