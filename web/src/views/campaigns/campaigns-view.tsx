// Campaigns: the paid-media KPIs from channel down to ad. Rows expand one
// level at a time; the sort (in the address) applies at every level; the
// totals row is the query's own totals; the CSV holds what is shown, and
// Download hands over the channel rows' query as a CSV or Parquet file.
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../frame/api-context';
import { DownloadMenu } from '../../frame/download-menu';
import { formatValue, type DisplayUnit } from '../../frame/format';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Panel, Skeleton } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { useCatalog, useCurrency } from '../../frame/workspace-data';
import { childQuery, displayName, DRILL_METRICS, LEVEL_LABELS, linesToCsv, parseSort, pathKey, toggleExpanded, visibleLines, type Line, type Loaded, type Sort } from './drill-tree';

export function CampaignsView() {
  const { state, setParam } = useViewState();
  const api = useApi();
  const currency = useCurrency();
  const catalog = useCatalog();
  const sort = parseSort(state.params.get('sort'));
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const paths = useMemo(() => [[], ...[...expanded].map((k) => JSON.parse(k) as string[])], [expanded]);
  const bodies = paths.map((path) => childQuery(state, path));
  const answers = useQueries({
    queries: bodies.map((body) => ({ queryKey: ['query', body], queryFn: ({ signal }: { signal: AbortSignal }) => api.query(body, signal) })),
  });
  const loaded = new Map<string, Loaded>(paths.map((path, i) => [pathKey(path), { rows: answers[i].data?.rows, error: answers[i].error ?? undefined }]));
  const lines = visibleLines(loaded, expanded, sort);
  const top = answers[0];
  const units = new Map((catalog.data?.metrics ?? []).map((m) => [m.id, m.unit as DisplayUnit]));
  const labels = new Map((catalog.data?.metrics ?? []).map((m) => [m.id, m.label]));

  const toggle = (key: string) => setExpanded((open) => toggleExpanded(open, key));
  const sortBy = (field: string) => setParam('sort', `${field}:${sort.field === field && sort.direction === 'desc' ? 'asc' : 'desc'}`);

  return (
    <div className="view campaigns">
      <Panel
        title="Channels, campaigns and ads"
        testId="drill-panel"
        tools={
          <>
            <button
              type="button"
              onClick={() => download(`beacon-campaigns-${state.range.from}-${state.range.to}.csv`, linesToCsv(lines))}
              disabled={!top.data}
              data-testid="export-csv"
              title="The rows as shown, expanded campaigns and ads included"
            >
              Rows shown (CSV)
            </button>
            <DownloadMenu query={bodies[0]} name="campaigns" />
          </>
        }
      >
        {top.error ? (
          <ErrorMessage error={top.error} />
        ) : !top.data ? (
          <Skeleton lines={8} />
        ) : top.data.rows.length === 0 ? (
          <NoData range={state.range} />
        ) : (
          <div className="table-scroll">
            <table className="drill" data-testid="drill-table">
              <thead>
                <tr>
                  <SortHeader field="name" label="Name" sort={sort} onSort={sortBy} />
                  {DRILL_METRICS.map((m) => (
                    <SortHeader key={m} field={m} label={labels.get(m) ?? m} sort={sort} onSort={sortBy} numeric />
                  ))}
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <DrillLine key={line.key} line={line} units={units} currency={currency} onToggle={toggle} />
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="drill-totals">
                  <th scope="row">Total</th>
                  {DRILL_METRICS.map((m) => (
                    <td key={m} className="num" data-metric={m}>
                      {formatValue(top.data.totals[m] ?? null, units.get(m) ?? 'count', currency)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}

function SortHeader({ field, label, sort, onSort, numeric }: { field: string; label: string; sort: Sort; onSort: (f: string) => void; numeric?: boolean }) {
  const active = sort.field === field;
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(field)} data-testid={`sort-${field}`}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function DrillLine({ line, units, currency, onToggle }: { line: Line; units: Map<string, DisplayUnit>; currency: string; onToggle: (key: string) => void }) {
  const indent = { paddingLeft: `${0.75 + line.depth * 1.25}rem` };
  if (line.kind === 'loading') {
    return (
      <tr className="loading-row">
        <td colSpan={DRILL_METRICS.length + 1} style={indent}>
          <Skeleton lines={1} />
        </td>
      </tr>
    );
  }
  if (line.kind === 'error') {
    return (
      <tr>
        <td colSpan={DRILL_METRICS.length + 1} style={indent}>
          <ErrorMessage error={line.error} />
        </td>
      </tr>
    );
  }
  const name = line.path[line.path.length - 1];
  const label = displayName(line.row, line.level) ?? name;
  return (
    <tr data-testid="drill-row" data-level={line.level} data-name={name} data-depth={line.depth}>
      <th scope="row" style={indent}>
        {line.expandable ? (
          <button type="button" className="expand" aria-expanded={line.expanded} onClick={() => onToggle(line.key)} title={`${line.expanded ? 'Collapse' : 'Expand'} ${LEVEL_LABELS[line.level].toLowerCase()} ${label}`}>
            <span aria-hidden="true">{line.expanded ? '▾' : '▸'}</span> {label}
          </button>
        ) : (
          <span className="leaf">{label}</span>
        )}
      </th>
      {DRILL_METRICS.map((m) => (
        <td key={m} className="num" data-metric={m}>
          {formatValue(line.row[m] as number | null, units.get(m) ?? 'count', currency)}
        </td>
      ))}
    </tr>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
