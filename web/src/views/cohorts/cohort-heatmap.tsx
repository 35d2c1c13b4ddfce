// The cohort triangle as a heatmap table: a row per cohort (its label and
// size, kept in view while the periods scroll sideways), a column per period
// since acquisition, each cell coloured by its value on a sequential scale
// with the text colour that reads on it. The period still running is
// hatched, periods not reached yet are blank, and every cell's title says
// how many of the cohort were active; the legend under it gives the scale.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { CohortReport } from '../../api/client';
import { formatValue } from '../../frame/format';
import { COLOUR_RAMP, cohortLabel, cohortSpan, heatColour, periodHeading, unitName, type Domain, type Grain } from './cohorts-queries';

type Matrix = CohortReport['matrix'];
type Cell = NonNullable<Matrix['cohorts'][number]['cells'][number]>;
type AverageCell = NonNullable<Matrix['average'][number]>;

/** One row of the table: a cohort, the average of the cohorts, or a breakdown key's average. */
export interface HeatRow {
  id: string;
  kind: 'average' | 'cohort' | 'key';
  label: ReactNode;
  labelTitle: string;
  size: number;
  sizeTitle: string;
  cells: (HeatCell | null)[];
  /** Attributes for the row (a cohort's first date, a key). */
  data?: Record<string, string>;
}

export interface HeatCell {
  value: number | null;
  complete: boolean;
  title: string;
}

interface HeatmapProps {
  rows: HeatRow[];
  report: Pick<CohortReport, 'periods' | 'by' | 'metric' | 'currency' | 'today'>;
  domain: Domain;
  /** Whether values above the colour scale's top take its darkest colour. */
  clamped: boolean;
  testId: string;
  /** The first column's heading. */
  labelHeading: string;
  caption: string;
}

export function formatCellValue(value: number, metric: CohortReport['metric'], currency: string): string {
  return metric === 'retention' ? `${value.toFixed(1)}%` : formatValue(value, 'money', currency);
}

export function Heatmap({ rows, report, domain, clamped, testId, labelHeading, caption }: HeatmapProps) {
  const { periods, by, metric, currency } = report;
  const box = useRef<HTMLDivElement>(null);
  const overflow = useOverflow(box);
  const hints = [overflow.sideways ? `sideways for later ${unitName(by, 2)} →` : '', overflow.down ? 'down for later cohorts ↓' : ''].filter(Boolean);
  return (
    <>
      {hints.length > 0 ? (
        <p className="heat-scroll-hint" data-testid={`${testId}-scroll-hint`}>
          Scroll the table {hints.join(', ')}
        </p>
      ) : null}
      <div ref={box} className="heat-scroll" tabIndex={0} role="region" aria-label={`${caption}; scrolls sideways`} data-testid={`${testId}-scroll`}>
        <table className="heatmap" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="heat-label">
                {labelHeading}
              </th>
              <th scope="col" className="heat-size">
                Customers
              </th>
              {periods.map((p) => (
                <th key={p} scope="col" className="heat-period" title={p === 0 ? `the ${by} of acquisition` : `${p} ${unitName(by, p)} after the ${by} of acquisition`}>
                  {periodHeading(p, by)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`heat-row ${row.kind}`} data-testid={`${testId}-${row.kind}`} {...dataAttributes(row.data)}>
                <th scope="row" className="heat-label" title={row.labelTitle}>
                  {row.label}
                </th>
                <td className="heat-size" data-field="size" title={row.sizeTitle}>
                  {formatValue(row.size, 'count')}
                </td>
                {periods.map((p) => (
                  <HeatTd key={p} period={p} cell={row.cells[p] ?? null} metric={metric} currency={currency} domain={domain} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend domain={domain} clamped={clamped} metric={metric} currency={currency} today={report.today} />
    </>
  );
}

/** Whether a box's content is wider or taller than the box, as it resizes. */
function useOverflow(ref: RefObject<HTMLDivElement | null>): { sideways: boolean; down: boolean } {
  const [overflow, setOverflow] = useState({ sideways: false, down: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const sideways = element.scrollWidth > element.clientWidth + 1;
      const down = element.scrollHeight > element.clientHeight + 1;
      setOverflow((o) => (o.sideways === sideways && o.down === down ? o : { sideways, down }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflow;
}

function HeatTd({ period, cell, metric, currency, domain }: { period: number; cell: HeatCell | null; metric: CohortReport['metric']; currency: string; domain: Domain }) {
  if (!cell) return <td className="heat-cell blank" data-period={period} data-empty="true" />;
  if (cell.value === null) {
    return (
      <td className={`heat-cell none${cell.complete ? '' : ' running'}`} data-period={period} data-complete={String(cell.complete)} title={cell.title}>
        –
      </td>
    );
  }
  const colour = heatColour(cell.value, domain, !cell.complete);
  return (
    <td
      className={`heat-cell${cell.complete ? '' : ' running'}`}
      data-period={period}
      data-complete={String(cell.complete)}
      data-value={cell.value}
      title={cell.title}
      style={{ background: colour.background, color: colour.text }}
    >
      {formatCellValue(cell.value, metric, currency)}
    </td>
  );
}

function dataAttributes(data: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
}

// ——— Rows from the report ———

interface RowContext {
  by: Grain;
  metric: CohortReport['metric'];
  activity: CohortReport['activity'];
  currency: string;
  today: string;
}

const money = (v: number, currency: string) => formatValue(v, 'money', currency);
const count = (n: number) => formatValue(n, 'count');
const RUNNING = 'period still running';

/** What one cell says on hover: the active customers of the cohort's size, and revenue for the revenue metric. */
function cellTitle(subject: string, cell: Cell | AverageCell, ctx: RowContext, complete: boolean): string {
  const period = cell.period === 0 ? `the ${ctx.by} of acquisition (${ctx.by} 0)` : `${ctx.by} ${cell.period}`;
  const did = ctx.activity === 'subscription' ? 'were subscribed' : 'bought';
  const parts =
    ctx.metric === 'retention'
      ? [`${subject}, ${period}: ${count(cell.active)} of ${count(cell.customers)} customers ${did} (${cell.value === null ? '–' : `${cell.value.toFixed(1)}%`})`]
      : [
          `${subject}, through ${period}: ${money(cell.revenue, ctx.currency)} from ${count(cell.customers)} customers (${cell.value === null ? '–' : `${money(cell.value, ctx.currency)} per customer`})`,
          `${count(cell.active)} of ${count(cell.customers)} bought in ${ctx.by} ${cell.period}`,
        ];
  if (!complete) parts.push(`${RUNNING}: counted through today, ${ctx.today}`);
  return parts.join('. ');
}

export function cohortRows(matrix: Pick<Matrix, 'cohorts'>, ctx: RowContext): HeatRow[] {
  return matrix.cohorts.map((row) => {
    const label = cohortLabel(row.cohort, ctx.by);
    return {
      id: row.cohort,
      kind: 'cohort',
      label,
      labelTitle: `Customers acquired ${cohortSpan(row.cohort, row.end)}`,
      size: row.customers,
      sizeTitle: `${count(row.customers)} customers acquired ${cohortSpan(row.cohort, row.end)}`,
      data: { cohort: row.cohort },
      cells: row.cells.map((cell) => (cell ? { value: cell.value, complete: cell.complete, title: cellTitle(`${label} cohort`, cell, ctx, cell.complete) } : null)),
    };
  });
}

/** The average row: per period, the cohorts that completed it, weighted by their size. */
export function averageRow(matrix: Pick<Matrix, 'average' | 'customers'>, ctx: RowContext, label = 'Average', id = 'average'): HeatRow {
  return {
    id,
    kind: 'average',
    label,
    labelTitle: 'Per period, the cohorts that have completed it, weighted by their size (larger cohorts weigh more)',
    size: matrix.customers,
    sizeTitle: `${count(matrix.customers)} customers in all the cohorts`,
    cells: matrix.average.map((cell) =>
      cell ? { value: cell.value, complete: true, title: cellTitle(`Average of the ${count(cell.cohorts)} cohort${cell.cohorts === 1 ? '' : 's'} that completed it`, cell, ctx, true) } : null,
    ),
  };
}

/** The legend: the colour scale's ends, the running period and the blank cells. */
function HeatLegend({ domain, clamped, metric, currency, today }: { domain: Domain; clamped: boolean; metric: CohortReport['metric']; currency: string; today: string }) {
  const gradient = `linear-gradient(90deg, ${COLOUR_RAMP.join(', ')})`;
  return (
    <div className="heat-legend" data-testid="cohort-legend">
      <span className="legend-scale" title={clamped ? 'the scale spans the periods after acquisition; higher values, as in the acquisition period, take the darkest colour' : undefined}>
        <span>{formatCellValue(domain.min, metric, currency)}</span>
        <span className="legend-bar" style={{ background: gradient }} aria-hidden="true" />
        <span>
          {formatCellValue(domain.max, metric, currency)}
          {clamped ? ' and up' : ''}
        </span>
      </span>
      <span className="legend-item">
        <span className="legend-swatch running" aria-hidden="true" /> {RUNNING}: counted through today ({today})
      </span>
      <span className="legend-item">
        <span className="legend-swatch blank" aria-hidden="true" /> not reached yet
      </span>
    </div>
  );
}
