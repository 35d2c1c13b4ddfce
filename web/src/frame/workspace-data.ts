// Queries every view shares: the workspace's settings, catalog, freshness,
// goals and campaign names, and metric queries. Answers are cached by their
// body, so two panels asking the same question share one request.
import { useIsFetching, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { QueryBody } from '../api/client';
import { useApi } from './api-context';
import type { DateRange } from './date-range';

const MINUTE = 60_000;

/** A metric query; `background` ones (filter choices) are tagged so views can let them wait for the questions that matter. */
export function useMetricQuery(body: QueryBody | null, options: { background?: boolean; enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: options.background ? ['query', body, 'background'] : ['query', body],
    queryFn: ({ signal }) => api.query(body!, signal),
    enabled: body !== null && (options.enabled ?? true),
  });
}

/** True once the view's own metric queries have all answered (sticky), so background ones may start. */
export function useForegroundSettled(): boolean {
  const busy = useIsFetching({ predicate: (q) => q.queryKey[0] === 'query' && q.queryKey[2] !== 'background' });
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (busy === 0 && !settled) setSettled(true);
  }, [busy, settled]);
  return settled;
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => api.settings(signal), staleTime: 5 * MINUTE });
}

export function useCatalog() {
  const api = useApi();
  return useQuery({ queryKey: ['catalog'], queryFn: ({ signal }) => api.catalog(signal), staleTime: 5 * MINUTE });
}

export function useFreshness() {
  const api = useApi();
  return useQuery({ queryKey: ['freshness'], queryFn: ({ signal }) => api.freshness(signal), staleTime: MINUTE });
}

export function useGoals() {
  const api = useApi();
  return useQuery({ queryKey: ['goals'], queryFn: ({ signal }) => api.goals(signal) });
}

/** The workspace currency (USD until the settings arrive). */
export function useCurrency(): string {
  return useSettings().data?.settings.currency ?? 'USD';
}

/**
 * Campaign ids and their names over the range, asked as the toolbar's
 * campaign filter asks, so the answer is shared; nothing is asked while
 * `wanted` is false.
 */
export function useCampaignNames(range: DateRange, wanted: boolean): Map<string, string> {
  const names = useMetricQuery(wanted ? { metrics: ['cost', 'conversions'], dimensions: ['campaign'], from: range.from, to: range.to, limit: 500 } : null, { background: true });
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const row of names.data?.rows ?? []) {
      if (typeof row.campaign === 'string' && typeof row.campaign_name === 'string' && row.campaign_name) map.set(row.campaign, row.campaign_name);
    }
    return map;
  }, [names.data]);
}
