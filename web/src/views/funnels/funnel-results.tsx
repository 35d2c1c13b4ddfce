// A funnel's answer as a marketer reads it: the overall conversion as the
// headline with the biggest drop-off, one bar per step (its people, and the
// share of the step before written on it), the table of counts, rates and
// median times, the server's notes, and with a breakdown one row per channel
// or campaign, most entered first, its best and worst conversion marked.
import { useMemo } from 'react';
import type { FunnelReport } from '../../api/client';
import { Callouts } from '../../frame/callouts';
import { Chart, type ChartOption } from '../../frame/chart';
import { Figure } from '../../frame/figure';
import { formatValue, sentence } from '../../frame/format';
import {
  biggestDrop,
  formatDuration,
  formatRate,
  MIN_SEGMENT_SIZE,
  ORDER_CHOICES,
  rankSegments,
  stepLabel,
  windowLabel,
  type SegmentTone,
} from './funnels-queries';

type Step = FunnelReport['steps'][number];
type Segment = NonNullable<FunnelReport['breakdown']>['rows'][number];

const count = (n: number) => formatValue(n, 'count');
const KIND_LABELS: Record<Step['kind'], string> = { event: 'event', stage: 'CRM stage', session_start: 'visit' };

export function FunnelSummary({ report }: { report: FunnelReport }) {
  const { steps, params } = report;
  const last = steps[steps.length - 1];
  const drop = biggestDrop(steps);
  const order = ORDER_CHOICES.find((o) => o.value === params.order)!;
  return (
    <>
      <dl className="funnel-figures" data-testid="funnel-figures">
        <Figure id="overall" label="Overall conversion" value={formatRate(report.overall_conversion)} detail={`${count(last.count)} of ${count(report.entered)} reached ${stepLabel(last.name)}`} strong />
        <Figure id="entered" label="Entered" value={count(report.entered)} detail={params.order === 'any' ? 'started with any of the steps' : `started with ${stepLabel(steps[0].name)}`} />
        <Figure id="completed" label={`Reached ${stepLabel(last.name)}`} value={count(last.count)} detail={`within ${windowLabel(params.window_days)} of entering`} />
        <Figure
          id="drop"
          label="Biggest drop-off"
          value={drop ? `${formatRate(drop.lostPercent)} lost` : '—'}
          detail={drop ? `${stepLabel(drop.from)} → ${stepLabel(drop.to)} (${count(drop.lost)} people)` : 'no one was lost between steps'}
        />
      </dl>
      <p className="funnel-caption" data-testid="funnel-caption">
        People who entered from {params.from} to {params.to} ({params.time_zone}) and what they did within {windowLabel(params.window_days)} of entering, {order.short}.
      </p>
      <FunnelNotes notes={report.notes} />
      <StepChart steps={steps} />
      <StepTable steps={steps} />
    </>
  );
}

/** The server's notes, as callouts: windows still open, ambiguous names, data still coming in. */
export function FunnelNotes({ notes }: { notes: readonly string[] }) {
  return <Callouts title="Good to know" items={notes.map(sentence)} tone="info" testId="funnel-notes" />;
}

/** One horizontal bar per step over a track as long as the first step, its people and the share of the step before written beside it. */
function StepChart({ steps }: { steps: readonly Step[] }) {
  const labels = steps.map((s) => `${s.step}. ${stepLabel(s.name)}`);
  const top = Math.max(1, ...steps.map((s) => s.count));
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 190, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', min: 0, max: top, show: false },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: '#111827', fontSize: 13, margin: 12 },
      },
      series: [
        {
          type: 'bar' as const,
          data: steps.map((s) => s.count),
          barWidth: '62%',
          barMaxWidth: 36,
          showBackground: true,
          backgroundStyle: { color: '#eef1f6', borderRadius: 4 },
          itemStyle: { color: '#1d4ed8', borderRadius: 4 },
          label: {
            show: true,
            position: 'right' as const,
            distance: 8,
            fontSize: 12,
            color: '#111827',
            formatter: (p: { dataIndex: number }) => {
              const s = steps[p.dataIndex];
              return s.step === 1 ? `${count(s.count)} people` : `${count(s.count)} · ${formatRate(s.conversion_from_previous)} of step ${s.step - 1}`;
            },
          },
        },
      ],
    }),
    [steps, labels.join('|'), top],
  );
  return (
    <div className="funnel-chart" data-testid="funnel-chart" data-counts={steps.map((s) => s.count).join('|')}>
      <Chart option={option} height={20 + steps.length * 46} label={`people at each funnel step: ${steps.map((s, i) => `${labels[i]} ${s.count}`).join(', ')}`} />
    </div>
  );
}

function StepTable({ steps }: { steps: readonly Step[] }) {
  return (
    <div className="table-scroll">
      <table className="drill funnel-table" data-testid="funnel-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col" className="num">People</th>
            <th scope="col" className="num" title="people at this step / people at the step before">% of previous</th>
            <th scope="col" className="num" title="people at this step / people at the first step">% of first</th>
            <th scope="col" className="num" title="people at the step before who did not reach this one">Dropped off</th>
            <th scope="col" className="num" title="the middle time from the step before, among the people who reached this step">Median time from previous</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={s.step} data-testid="funnel-step-row" data-step={s.step} data-name={s.name}>
              <th scope="row">
                <span className="step-name">
                  <span className="step-index">{s.step}</span>
                  <span title={s.name}>{stepLabel(s.name)}</span>
                  {stepLabel(s.name) !== s.name ? <code className="step-code">{s.name}</code> : null}
                  {s.kind !== 'event' ? <span className="chip">{KIND_LABELS[s.kind]}</span> : null}
                </span>
              </th>
              <td className="num" data-field="count">{count(s.count)}</td>
              <td className="num" data-field="from_previous">{i === 0 ? '—' : formatRate(s.conversion_from_previous)}</td>
              <td className="num" data-field="from_first">{formatRate(s.conversion_from_first)}</td>
              <td className="num" data-field="dropped">{i === 0 ? '—' : count(Math.max(0, steps[i - 1].count - s.count))}</td>
              <td className="num" data-field="median" data-seconds={s.median_seconds_from_previous ?? ''}>
                {formatDuration(s.median_seconds_from_previous)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const TONE_LABELS: Record<Exclude<SegmentTone, null>, string> = { best: 'best', worst: 'lowest' };

/** The breakdown: a row per channel or campaign, most entered first, each step's people with the share of the step before, and the overall conversion as a bar. */
export function BreakdownTable({ report, nameOf }: { report: FunnelReport; nameOf: (key: string) => string }) {
  const breakdown = report.breakdown!;
  const rows = useMemo(() => rankSegments(breakdown.rows), [breakdown.rows]);
  const steps = report.steps;
  const highest = Math.max(0, ...rows.map((r) => r.overall_conversion ?? 0));
  const what = breakdown.by === 'channel' ? 'Channel' : 'Campaign';
  const plural = breakdown.by === 'channel' ? 'channels' : 'campaigns';
  const marked = rows.some((r) => r.tone !== null);
  const anySmall = rows.some((r) => r.entered < MIN_SEGMENT_SIZE);
  if (rows.length === 0) return <p className="hint">No one entered the funnel in this range, so there is nothing to split.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="drill funnel-breakdown" data-testid="breakdown-table">
          <thead>
            <tr>
              <th scope="col">{what}</th>
              <th scope="col" className="num">Entered</th>
              {steps.slice(1).map((s) => (
                <th key={s.step} scope="col" className="num" title={`people who reached ${s.name}, and their share of the step before`}>
                  {s.step}. {stepLabel(s.name)}
                </th>
              ))}
              <th scope="col" className="overall-head">Overall conversion</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <SegmentRow key={r.key} row={r} name={nameOf(r.key)} highest={highest} />
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="breakdown-total">
              <th scope="row">Everyone</th>
              <td className="num" data-field="entered">{count(report.entered)}</td>
              {steps.slice(1).map((s) => (
                <td key={s.step} className="num" data-field={`step-${s.step}`}>
                  {count(s.count)} <span className="rate">({formatRate(s.conversion_from_previous)})</span>
                </td>
              ))}
              <td className="overall" data-field="overall">
                <span className="overall-cell">
                  <span className="overall-bar empty" aria-hidden="true" />
                  <span className="overall-value">{formatRate(report.overall_conversion)}</span>
                </span>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint" data-testid="breakdown-legend">
        Each step shows its people and, in brackets, the share of the step before.{' '}
        {marked ? (
          <>
            <span className="tone-mark best" aria-hidden="true" /> best and <span className="tone-mark worst" aria-hidden="true" /> lowest overall conversion among the {plural} with at
            least {MIN_SEGMENT_SIZE} people{anySmall ? '; greyed rows have fewer, too few to compare' : ''}.{' '}
          </>
        ) : (
          `Best and lowest are marked among ${plural} with at least ${MIN_SEGMENT_SIZE} people; fewer than two have that many here${anySmall ? ' (greyed rows have fewer)' : ''}. `
        )}
        The {breakdown.by} is the one of the event that brought the person into the funnel, not their acquisition {breakdown.by}.
      </p>
    </>
  );
}

function SegmentRow({ row, name, highest }: { row: Segment & { tone: SegmentTone }; name: string; highest: number }) {
  const width = highest > 0 && row.overall_conversion !== null ? (row.overall_conversion / highest) * 100 : 0;
  const small = row.entered < MIN_SEGMENT_SIZE;
  const classes = [row.tone ? `tone-${row.tone}` : '', small ? 'small' : ''].filter(Boolean).join(' ');
  return (
    <tr
      data-testid="segment-row"
      data-key={row.key}
      data-tone={row.tone ?? undefined}
      data-small={small || undefined}
      className={classes || undefined}
      title={small ? `Fewer than ${MIN_SEGMENT_SIZE} people: too few to compare with confidence` : undefined}
    >
      <th scope="row" title={row.key === '(none)' ? 'entered through an event without one' : row.key}>
        {name}
      </th>
      <td className="num" data-field="entered">{count(row.entered)}</td>
      {row.steps.slice(1).map((s) => (
        <td key={s.step} className="num" data-field={`step-${s.step}`} title={`median ${formatDuration(s.median_seconds_from_previous)} from the step before`}>
          {count(s.count)} <span className="rate">({formatRate(s.conversion_from_previous)})</span>
        </td>
      ))}
      <td className="overall" data-field="overall">
        <span className="overall-cell">
          <span className="overall-bar" aria-hidden="true">
            <span style={{ width: `${width}%` }} />
          </span>
          <span className="overall-value">{formatRate(row.overall_conversion)}</span>
          {row.tone ? <span className={`chip tone-${row.tone}`}>{TONE_LABELS[row.tone]}</span> : null}
        </span>
      </td>
    </tr>
  );
}
