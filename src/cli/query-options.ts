// Turns `beacon query` options into the body of POST /v1/query.
import { ValidationError } from '../core/errors.js';

export interface QueryOptions {
  metrics: string;
  by?: string;
  grain?: string;
  from: string;
  to: string;
  filter?: string[];
  compare?: string;
  model?: string;
  lookback?: string;
  orderBy?: string;
  limit?: string;
  /** Buckets to forecast past the last complete one. */
  forecast?: string;
  forecastModel?: string;
  forecastLevel?: string;
}

const FILTER_RE = /^\s*([a-z_]+)\s*(!=|=|~)(.*)$/;

/**
 * "dim=v1,v2" → in, "dim!=v1,v2" → not in, "dim~text" → contains.
 * @example parseFilterOption('channel!=Direct') // → { dimension: 'channel', op: 'not_in', values: ['Direct'] }
 */
export function parseFilterOption(text: string): { dimension: string; op: 'in' | 'not_in' | 'contains'; values: string[] } {
  const m = FILTER_RE.exec(text);
  if (!m) throw new ValidationError(`--filter "${text}": write dim=v1,v2 (in), dim!=v1,v2 (not in) or dim~text (contains)`);
  const [, dimension, operator, rest] = m;
  if (operator === '~') {
    if (rest.length === 0) throw new ValidationError(`--filter "${text}": nothing to look for after ~`);
    return { dimension, op: 'contains', values: [rest] };
  }
  const values = rest.split(',').map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) throw new ValidationError(`--filter "${text}": no values after ${operator}`);
  return { dimension, op: operator === '=' ? 'in' : 'not_in', values };
}

export function queryBody(options: QueryOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { metrics: options.metrics, from: options.from, to: options.to };
  if (options.by) body.dimensions = options.by;
  if (options.grain) body.grain = options.grain;
  if (options.filter?.length) body.filters = options.filter.map(parseFilterOption);
  if (options.compare) body.compare = options.compare;
  if (options.model || options.lookback) {
    const attribution: Record<string, unknown> = {};
    if (options.model) attribution.model = options.model;
    if (options.lookback) {
      const days = Number(options.lookback);
      if (!Number.isInteger(days)) throw new ValidationError(`--lookback must be a whole number of days, got "${options.lookback}"`);
      attribution.lookback_days = days;
    }
    body.attribution = attribution;
  }
  if (options.orderBy) body.order_by = options.orderBy;
  if (options.limit) {
    const limit = Number(options.limit);
    if (!Number.isInteger(limit)) throw new ValidationError(`--limit must be a whole number, got "${options.limit}"`);
    body.limit = limit;
  }
  const forecast = forecastOptions(options);
  if (forecast) body.forecast = forecast;
  return body;
}

/** --forecast N [--forecast-model M] [--forecast-level P] as the body's forecast; the service checks the values. */
function forecastOptions(options: QueryOptions): Record<string, unknown> | undefined {
  if (options.forecast === undefined) {
    const stray = options.forecastModel !== undefined ? '--forecast-model' : options.forecastLevel !== undefined ? '--forecast-level' : undefined;
    if (stray) throw new ValidationError(`${stray} goes with --forecast N (the number of buckets to forecast)`, { field: 'forecast' });
    return undefined;
  }
  const horizon = Number(options.forecast);
  if (options.forecast.trim() === '' || !Number.isInteger(horizon)) throw new ValidationError(`--forecast must be a whole number of buckets, got "${options.forecast}"`, { field: 'forecast.horizon' });
  const forecast: Record<string, unknown> = { horizon };
  if (options.forecastModel !== undefined) forecast.model = options.forecastModel;
  if (options.forecastLevel !== undefined) {
    const level = Number(options.forecastLevel);
    if (options.forecastLevel.trim() === '' || !Number.isFinite(level)) throw new ValidationError(`--forecast-level must be a number such as 0.9, got "${options.forecastLevel}"`, { field: 'forecast.level' });
    forecast.level = level;
  }
  return forecast;
}
