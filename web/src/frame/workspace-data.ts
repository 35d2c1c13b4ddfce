// Queries every view shares: the workspace's settings, catalog, freshness
// and goals, and metric queries. Answers are cached by their body, so two
// panels asking the same question share one request.
import { useQuery } from '@tanstack/react-query';
import type { QueryBody } from '../api/client';
import { useApi } from './api-context';

const MINUTE = 60_000;

export function useMetricQuery(body: QueryBody | null) {
  const api = useApi();
  return useQuery({ queryKey: ['query', body], queryFn: ({ signal }) => api.query(body!, signal), enabled: body !== null });
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
