// Alerts: the workspace's rules (GET /v1/alerts) with their state and the
// buttons to run, acknowledge or delete each, and the latest firings
// (GET /v1/alerts/history) newest first; the firing the address names (the
// newest by default) is shown beside the list with its metric's chart and
// the segments it named. Rules are not bound to the toolbar's dates.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AlertFiring, CatalogMetric } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { addDays, localToday } from '../../frame/date-range';
import type { DisplayUnit } from '../../frame/format';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { useCampaignNames, useCatalog, useCurrency, useGoals } from '../../frame/workspace-data';
import { HISTORY_LIMIT, PARAMS, selectedFiring } from './alerts-queries';
import { FiringChart } from './firing-chart';
import { FiringSegments } from './firing-segments';
import { FiringsList } from './firings-list';
import { NoAlerts } from './no-alerts';
import { RulesTable } from './rules-table';
import './alerts.css';

const MINUTE = 60_000;

export function AlertsView() {
  const api = useApi();
  const { state, setParam } = useViewState();
  const currency = useCurrency();
  const catalog = useCatalog();
  const goals = useGoals();
  const clock = useNow();
  const rules = useQuery({ queryKey: ['alerts'], queryFn: ({ signal }) => api.alerts(signal) });
  const history = useQuery({ queryKey: ['alert-history', HISTORY_LIMIT], queryFn: ({ signal }) => api.alertHistory(HISTORY_LIMIT, signal) });
  // Times are told from the latest answer on, so what was just evaluated reads "just now", not "in under a minute".
  const now = Math.max(clock, rules.dataUpdatedAt, history.dataUpdatedAt);
  const metrics = useMemo(() => new Map((catalog.data?.metrics ?? []).map((m) => [m.id, m])), [catalog.data]);
  const goalNames = useMemo(() => new Map((goals.data?.goals ?? []).map((g) => [g.id, g.name ?? g.metric])), [goals.data]);
  // Campaigns by name, for rules and firings that name them by id (the last 90 days' campaigns).
  const today = useMemo(() => localToday(), []);
  const campaignNames = useCampaignNames({ from: addDays(today, -90), to: today }, rules.data !== undefined);
  const firings = history.data?.firings ?? [];
  const selected = selectedFiring(firings, state.params.get(PARAMS.firing));
  const select = useCallback((id: string) => setParam(PARAMS.firing, id), [setParam]);

  return (
    <div className="view alerts">
      <Panel title="Alert rules" testId="alert-rules-panel">
        {rules.error ? (
          <ErrorMessage error={rules.error} />
        ) : !rules.data ? (
          <Skeleton lines={4} />
        ) : rules.data.alerts.length === 0 ? (
          <NoAlerts />
        ) : (
          <RulesTable rules={rules.data.alerts} metrics={metrics} goalNames={goalNames} campaignNames={campaignNames} now={now} onFired={select} />
        )}
      </Panel>
      <Panel title="Recent firings" testId="alert-history-panel">
        {history.error ? (
          <ErrorMessage error={history.error} />
        ) : !history.data ? (
          <Skeleton lines={4} />
        ) : firings.length === 0 ? (
          <Notice>No rule has fired yet. A firing shows here with why it fired, its chart and the segments that moved.</Notice>
        ) : (
          <div className="alert-history">
            <FiringsList firings={firings} selected={selected?.id ?? null} metrics={metrics} campaignNames={campaignNames} currency={currency} now={now} onSelect={select} />
            {selected ? <FiringDetail firing={selected} metric={metrics.get(selected.metric)} currency={currency} campaignNames={campaignNames} /> : null}
          </div>
        )}
      </Panel>
    </div>
  );
}

function FiringDetail({ firing, metric, currency, campaignNames }: { firing: AlertFiring; metric: CatalogMetric | undefined; currency: string; campaignNames: ReadonlyMap<string, string> }) {
  return (
    <section className="alert-firing-detail" aria-label={`Firing of ${firing.name}`} data-testid="alert-firing-detail" data-firing={firing.id}>
      <h3>{firing.name}</h3>
      <FiringChart firing={firing} metric={metric} currency={currency} />
      <h4>Segments</h4>
      <FiringSegments firing={firing} unit={(metric?.unit ?? 'count') as DisplayUnit} currency={currency} campaignNames={campaignNames} />
    </section>
  );
}

/** Now, moved on every minute, so "5 min ago" stays true while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}
