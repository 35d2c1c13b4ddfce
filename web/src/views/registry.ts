// The dashboard's views, in navigation order. A view is one folder under
// views/ (its components, its queries and its browser test) and one entry
// here; the shell gives it the date range, the filters and the API client.
import type { ComponentType } from 'react';
import { AlertsView } from './alerts/alerts-view';
import { AttributionView } from './attribution/attribution-view';
import { BudgetView } from './budget/budget-view';
import { CampaignsView } from './campaigns/campaigns-view';
import { CohortsView } from './cohorts/cohorts-view';
import { CustomersView } from './customers/customers-view';
import { ExperimentsView } from './experiments/experiments-view';
import { ExplainView } from './explain/explain-view';
import { ForecastView } from './forecast/forecast-view';
import { FunnelsView } from './funnels/funnels-view';
import { GoalsView } from './goals/goals-view';
import { OverviewView } from './overview/overview-view';
import { QualityView } from './quality/quality-view';
import { SegmentsView } from './segments/segments-view';

export interface ViewEntry {
  path: string;
  label: string;
  component: ComponentType;
  /** Whether the date range and filters apply to it (the toolbar is shown). */
  usesRange: boolean;
}

export const VIEWS: readonly ViewEntry[] = [
  { path: '/', label: 'Overview', component: OverviewView, usesRange: true },
  { path: '/campaigns', label: 'Campaigns', component: CampaignsView, usesRange: true },
  { path: '/attribution', label: 'Attribution', component: AttributionView, usesRange: true },
  { path: '/budget', label: 'Budget', component: BudgetView, usesRange: true },
  { path: '/explain', label: 'Explain', component: ExplainView, usesRange: true },
  { path: '/segments', label: 'Segments', component: SegmentsView, usesRange: true },
  { path: '/customers', label: 'Customers', component: CustomersView, usesRange: true },
  { path: '/cohorts', label: 'Cohorts', component: CohortsView, usesRange: true },
  { path: '/funnels', label: 'Funnels', component: FunnelsView, usesRange: true },
  { path: '/forecast', label: 'Forecast', component: ForecastView, usesRange: true },
  { path: '/experiments', label: 'Experiments', component: ExperimentsView, usesRange: true },
  { path: '/alerts', label: 'Alerts', component: AlertsView, usesRange: false },
  { path: '/quality', label: 'Data quality', component: QualityView, usesRange: false },
  { path: '/goals', label: 'Goals', component: GoalsView, usesRange: false },
];
