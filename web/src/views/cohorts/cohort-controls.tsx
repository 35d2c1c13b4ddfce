// The cohorts view's controls: the period a cohort spans, the metric, what
// counts as active, the breakdown, and acquisition ranges that read well as
// cohorts. Every choice goes into the address through `onChange`.
import { METRIC_TITLES, METRICS, quickRanges, type Activity, type Breakdown, type ChoiceChange, type CohortChoices, type CohortMetric, type Grain } from './cohorts-queries';

const GRAIN_OPTIONS: [Grain, string][] = [['month', 'Month'], ['week', 'Week']];
const METRIC_OPTIONS: [CohortMetric, string][] = METRICS.map((m) => [m, METRIC_TITLES[m]]);
const ACTIVITY_OPTIONS: [Activity, string][] = [['purchase', 'Bought'], ['subscription', 'Subscribed']];
const ACTIVITY_TITLE = 'a completed order in the period, or a subscription (CRM customer or reactivated stage) at some time in it';
const REVENUE_ACTIVITY_TITLE = 'Revenue per customer counts completed orders, whoever is subscribed';

interface ControlsProps {
  choices: CohortChoices;
  onChange: ChoiceChange;
  range: { from: string; to: string };
  today: string;
}

export function CohortControls({ choices, onChange, range, today }: ControlsProps) {
  const revenue = choices.metric === 'revenue';
  return (
    <div className="cohort-controls" data-testid="cohort-controls">
      <Segmented label="Cohorts by" name="by" value={choices.by} options={GRAIN_OPTIONS} onChange={(by) => onChange({ by })} />
      <Segmented label="Show" name="metric" value={choices.metric} options={METRIC_OPTIONS} onChange={(metric) => onChange({ metric })} />
      <Segmented label="Active means" name="activity" value={choices.activity} options={ACTIVITY_OPTIONS} onChange={(activity) => onChange({ activity })} disabled={revenue} title={revenue ? REVENUE_ACTIVITY_TITLE : ACTIVITY_TITLE} />
      <label className="field">
        <span>Split by</span>
        <select value={choices.breakdown ?? ''} onChange={(e) => onChange({ breakdown: (e.target.value || null) as Breakdown | null, key: null })} data-testid="cohort-breakdown-select">
          <option value="">Nothing</option>
          <option value="channel">Acquisition channel</option>
          <option value="campaign">Acquisition campaign</option>
        </select>
      </label>
      <QuickRanges choices={choices} onChange={onChange} range={range} today={today} />
    </div>
  );
}

/** The acquisition ranges a cohort table reads well over; the one shown is pressed. */
function QuickRanges({ choices, onChange, range, today }: ControlsProps) {
  return (
    <div className="field quick-ranges">
      <span>Acquired in</span>
      <div className="segmented">
        {quickRanges(today).map((q) => {
          const active = q.range.from === range.from && q.range.to === range.to && q.by === choices.by;
          return (
            <button key={q.id} type="button" aria-pressed={active} data-testid={`cohort-range-${q.id}`} onClick={() => onChange({ by: q.by }, q.range)} title={`${q.range.from} to ${q.range.to}, by ${q.by}`}>
              {q.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}

interface SegmentedProps<T extends string> {
  label: string;
  name: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
  disabled?: boolean;
  title?: string;
}

/** One choice of a few, as a row of buttons; picking the one shown changes nothing. */
function Segmented<T extends string>({ label, name, value, options, onChange, disabled, title }: SegmentedProps<T>) {
  return (
    <div className="field" title={title}>
      <span id={`cohort-${name}-label`}>{label}</span>
      <div className="segmented" role="group" aria-labelledby={`cohort-${name}-label`} data-testid={`cohort-${name}`}>
        {options.map(([v, text]) => (
          <button key={v} type="button" aria-pressed={v === value} disabled={disabled} data-value={v} onClick={() => v !== value && onChange(v)}>
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}
