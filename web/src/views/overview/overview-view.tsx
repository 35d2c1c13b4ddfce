// Overview: how the marketing is doing in ten seconds — headline KPI tiles
// against the previous period, benchmarks and goals, and the trend of any
// catalog metric beside its previous period; each panel downloads its
// query's rows as CSV or Parquet.
import { useMemo } from 'react';
import type { QueryResult } from '../../api/client';
import { NoteList } from '../../frame/callouts';
import { DownloadMenu } from '../../frame/download-menu';
import { defaultGrain } from '../../frame/date-range';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { GRAINS, type ChartGrain } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCatalog, useCurrency, useGoals, useMetricQuery } from '../../frame/workspace-data';
import { chooseKpis, HEADLINE } from './kpi-sets';
import { KpiTile, type TileData } from './kpi-tile';
import { sparklinesQuery, tilesQuery } from './overview-queries';
import { TrendChart } from './trend-chart';

export function OverviewView() {
  const { state, setParam } = useViewState();
  const catalog = useCatalog();
  const metrics = useMemo(() => new Map((catalog.data?.metrics ?? []).map((m) => [m.id, m])), [catalog.data]);
  const objectives = catalog.data?.objectives ?? {};
  const kpisParam = state.params.get('kpis');
  // The headline set needs no catalog: its tiles ask at once, and take their labels and units from the answer.
  const kpis = useMemo(
    () => (catalog.data ? chooseKpis(kpisParam, catalog.data.objectives, new Set(metrics.keys())) : !kpisParam || kpisParam === HEADLINE ? chooseKpis(null, {}, new Set()) : null),
    [catalog.data, metrics, kpisParam],
  );
  const grainParam = state.params.get('grain');
  const grain: ChartGrain = GRAINS.includes(grainParam as ChartGrain) ? (grainParam as ChartGrain) : defaultGrain(state.range);
  const chartParam = state.params.get('metric');
  // A metric named in the address waits for the catalog to be checked; the default asks at once.
  const chartMetric = !chartParam || (catalog.data && !metrics.has(chartParam)) ? (kpis?.metrics[0] ?? null) : catalog.data ? chartParam : null;

  const tiles = useMemo(() => (kpis ? tilesQuery(state, kpis.metrics) : null), [state, kpis]);

  const problems = [...(kpis?.problems ?? [])];
  if (grainParam && !GRAINS.includes(grainParam as ChartGrain)) problems.push(`Unknown grain "${grainParam}"; showing ${grain}.`);
  if (chartParam && catalog.data && !metrics.has(chartParam)) problems.push(`There is no metric "${chartParam}" in the catalog; the chart shows ${chartMetric}.`);

  return (
    <div className="view overview">
      {problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      <Panel
        title="Performance"
        testId="tiles-panel"
        tools={
          <>
            <label className="field">
              <span>KPIs</span>
              <select value={kpisParam && objectives[kpisParam] ? kpisParam : HEADLINE} onChange={(e) => setParam('kpis', e.target.value === HEADLINE ? null : e.target.value)} data-testid="kpi-set">
                <option value={HEADLINE}>Headline</option>
                {Object.keys(objectives).map((o) => (
                  <option key={o} value={o}>
                    {o[0].toUpperCase() + o.slice(1)} objective
                  </option>
                ))}
              </select>
            </label>
            <DownloadMenu query={tiles} name="tiles" />
          </>
        }
      >
        {catalog.error ? <ErrorMessage error={catalog.error} /> : kpis ? <Tiles kpis={kpis.metrics} grain={grain} selected={chartMetric ?? chartParam ?? ''} onSelect={(id) => setParam('metric', id)} /> : <Skeleton lines={4} />}
      </Panel>
      <TrendChart metric={chartMetric} catalog={catalog.data?.metrics ?? []} grain={grain} onMetric={(id) => setParam('metric', id)} onGrain={(g) => setParam('grain', g)} />
    </div>
  );
}

interface TilesProps {
  kpis: string[];
  grain: ChartGrain;
  selected: string;
  onSelect: (id: string) => void;
}

function Tiles({ kpis, grain, selected, onSelect }: TilesProps) {
  const { state } = useViewState();
  const currency = useCurrency();
  const totals = useMetricQuery(useMemo(() => tilesQuery(state, kpis), [state, kpis]));
  const series = useMetricQuery(useMemo(() => sparklinesQuery(state, kpis, grain), [state, kpis, grain]));
  const goals = useGoals();
  if (totals.error) return <ErrorMessage error={totals.error} />;
  if (!totals.data) return <Skeleton lines={4} height={150} />;
  const columns = new Map(totals.data.columns.map((c) => [c.name, c]));
  const tiles = kpis.map((id) => tileData(id, columns.get(id), totals.data, series.data, goals.data?.goals ?? []));
  const empty = tiles.every((t) => t.value === null || t.value === 0);
  return (
    <>
      {empty ? <NoData range={state.range} /> : null}
      <NoteList notes={totals.data.notes ?? []} testId="tiles-notes" />
      <div className="tiles" data-testid="tiles" data-ready="true">
        {tiles.map((tile) => (
          <KpiTile key={tile.id} tile={tile} currency={currency} selected={tile.id === selected} onSelect={() => onSelect(tile.id)} />
        ))}
      </div>
    </>
  );
}

type Column = QueryResult['columns'][number];

function tileData(id: string, column: Column | undefined, totals: QueryResult, series: QueryResult | undefined, goals: TileData['goals']): TileData {
  return {
    id,
    label: column?.label ?? id,
    unit: column?.unit ?? 'count',
    direction: column?.direction ?? 'neutral',
    value: totals.totals[id] ?? null,
    previous: totals.comparison?.totals[id] ?? null,
    change: totals.comparison?.change.totals[id] ?? null,
    series: (series?.rows ?? []).map((row) => (typeof row[id] === 'number' ? (row[id] as number) : null)),
    benchmarks: (totals.benchmarks ?? []).filter((b) => b.metric === id),
    // Only goals over the whole workspace speak for the tile's unfiltered value.
    goals: goals.filter((g) => g.metric === id && (g.filters ?? []).length === 0),
  };
}
