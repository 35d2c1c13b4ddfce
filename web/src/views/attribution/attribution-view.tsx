// Attribution: who gets the credit for conversions under each model, side by
// side; one model's attributed CPA and ROAS with 90 % intervals (and a warning
// where too few journeys stand behind a number); and the paths that convert.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AttributionReport, AttributionRow } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatValue } from '../../frame/format';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Panel, Skeleton } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { useCurrency } from '../../frame/workspace-data';
import { chartKeys, compareQuery, DEFAULT_TABLE_MODEL, dimensionOf, tableQuery, VIEW_DIMENSIONS } from './attribution-queries';

const MODEL_NAMES: Record<string, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  last_non_direct: 'Last non-direct',
  linear: 'Linear',
  time_decay: 'Time decay',
  position_based: 'Position based',
  markov: 'Markov',
  shapley: 'Shapley',
};

export function AttributionView() {
  const { state, setParam } = useViewState();
  const api = useApi();
  const dimension = dimensionOf(state.params.get('by'));
  const tableModel = (MODEL_NAMES[state.params.get('model') ?? ''] ? state.params.get('model') : DEFAULT_TABLE_MODEL) as AttributionRow['model'];
  const compareBody = useMemo(() => compareQuery(state, dimension), [state, dimension]);
  const compare = useQuery({ queryKey: ['attribution', compareBody], queryFn: ({ signal }) => api.attribution(compareBody, signal) });
  const tableBody = useMemo(() => tableQuery(state, dimension, tableModel), [state, dimension, tableModel]);
  const table = useQuery({ queryKey: ['attribution', tableBody], queryFn: ({ signal }) => api.attribution(tableBody, signal) });
  const byTools = (
    <label className="field">
      <span>By</span>
      <select value={dimension} onChange={(e) => setParam('by', e.target.value === 'channel' ? null : e.target.value)} data-testid="attribution-by">
        {VIEW_DIMENSIONS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="view attribution">
      <Panel title="Conversions credited by each model" tools={byTools} testId="attribution-compare">
        {compare.error ? <ErrorMessage error={compare.error} /> : !compare.data ? <Skeleton lines={6} height={300} /> : compare.data.total_conversions === 0 ? <NoData range={state.range} /> : <ModelChart report={compare.data} />}
      </Panel>
      <Panel
        title="Attributed cost per conversion and return"
        testId="attribution-table"
        tools={
          <label className="field">
            <span>Model</span>
            <select value={tableModel} onChange={(e) => setParam('model', e.target.value)} data-testid="attribution-model">
              {Object.entries(MODEL_NAMES).map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        }
      >
        {table.error ? <ErrorMessage error={table.error} /> : !table.data ? <Skeleton lines={6} /> : <CreditTable report={table.data} />}
      </Panel>
      <Panel title="Paths that convert" testId="attribution-paths">
        {compare.error ? <ErrorMessage error={compare.error} /> : !compare.data ? <Skeleton lines={5} /> : <PathList report={compare.data} />}
      </Panel>
    </div>
  );
}

/** Campaign ids are shown by their names where the answer has them. */
function namesOf(report: AttributionReport): (key: string) => string {
  const names = new Map(report.rows.filter((r) => r.name).map((r) => [r.key, r.name as string]));
  return (key) => names.get(key) ?? key;
}

function ModelChart({ report }: { report: AttributionReport }) {
  const keys = chartKeys(report.models);
  const label = namesOf(report);
  const option: ChartOption = {
    animation: false,
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 56, bottom: 48 },
    legend: { top: 0, left: 0, type: 'plain' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: keys.map(label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', name: 'conversions' },
    series: report.models.map((m) => ({
      name: MODEL_NAMES[m.model] ?? m.model,
      type: 'bar' as const,
      data: keys.map((k) => Math.round((m.rows.find((r) => r.key === k)?.conversions ?? 0) * 10) / 10),
    })),
  };
  return (
    <div data-testid="attribution-chart" data-keys={keys.join('|')}>
      <Chart option={option} height={320} label="attributed conversions per key, one bar per model" />
    </div>
  );
}

function CreditTable({ report }: { report: AttributionReport }) {
  const currency = useCurrency();
  const money = (v: number | null) => formatValue(v, 'money', currency);
  const conv = (v: number) => formatValue(Math.round(v * 10) / 10, 'count');
  const rows = report.rows;
  const warnings = rows.filter((r) => r.warning);
  return (
    <>
      <div className="table-scroll">
        <table className="drill" data-testid="credit-table">
          <thead>
            <tr>
              <th scope="col">{report.dimension ?? 'key'}</th>
              <th scope="col" className="num">Conversions</th>
              <th scope="col" className="num">90 % interval</th>
              <th scope="col" className="num">Revenue</th>
              <th scope="col" className="num">Cost</th>
              <th scope="col" className="num">CPA</th>
              <th scope="col" className="num">ROAS</th>
              <th scope="col" className="num">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="credit-row" data-key={r.key} className={r.warning ? 'uncertain' : undefined}>
                <th scope="row">
                  {r.name ?? r.key}
                  {r.warning ? (
                    <span className="chip verdict-worse" title={r.warning}>
                      few journeys
                    </span>
                  ) : null}
                </th>
                <td className="num" data-metric="conversions">{conv(r.conversions)}</td>
                <td className="num" data-metric="interval">{r.interval ? `${conv(r.interval.conversions[0])} – ${conv(r.interval.conversions[1])}` : '—'}</td>
                <td className="num" data-metric="revenue">{money(r.revenue)}</td>
                <td className="num" data-metric="cost">{money(r.cost)}</td>
                <td className="num" data-metric="cpa">{money(r.cpa)}</td>
                <td className="num" data-metric="roas">{formatValue(r.roas, 'ratio')}</td>
                <td className="num" data-metric="share">{formatValue(r.share * 100, 'percent')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {warnings.length > 0 ? <p className="hint">Intervals come from resampling journeys; “few journeys” marks credit that rests on fewer than 30 converting journeys.</p> : null}
    </>
  );
}

function PathList({ report }: { report: AttributionReport }) {
  if (report.top_paths.length === 0) return <p className="hint">No converting paths in this range.</p>;
  const most = report.top_paths[0].conversions;
  const label = namesOf(report);
  return (
    <ol className="path-list" data-testid="path-list">
      {report.top_paths.slice(0, 12).map((p) => (
        <li key={p.path.join('>')} data-testid="path">
          <span className="path-steps">
            {p.path.length === 0 ? <span className="chip">no touch</span> : p.path.map((step, i) => (
              <span key={i} className="chip">
                {label(step)}
              </span>
            ))}
          </span>
          <span className="path-bar" style={{ width: `${(p.conversions / most) * 100}%` }} aria-hidden="true" />
          <span className="path-count">
            {p.conversions} conversions · {p.nulls} without
          </span>
        </li>
      ))}
    </ol>
  );
}
