// The experiments view's controls: which experiment (with its variants and
// people), the metric, the control, the test window (the whole test or the
// toolbar's dates), CUPED and sequential testing. Every choice goes into the
// address through `onChange`.
import type { ExperimentList } from '../../api/client';
import { formatValue } from '../../frame/format';
import { CATALOG_METRICS, eventMetrics, metricOption, type ExperimentChoices, type TestWindow } from './experiments-queries';

type Summary = ExperimentList['experiments'][number];

interface ControlsProps {
  choices: ExperimentChoices;
  /** The experiment shown (the address's, else the most recent). */
  experiment: string | null;
  experiments: readonly Summary[];
  conversionTypes: readonly string[];
  range: { from: string; to: string };
  /** The control the readout used, shown while the address leaves it to the API. */
  shownControl: string | null;
  onChange: (next: Partial<ExperimentChoices>) => void;
}

const count = (n: number) => formatValue(n, 'count');
const day = (instant: string) => instant.slice(0, 10);

export function ExperimentControls({ choices, experiment, experiments, conversionTypes, range, shownControl, onChange }: ControlsProps) {
  const summary = experiments.find((e) => e.experiment === experiment) ?? null;
  const events = eventMetrics(conversionTypes);
  const listed = [...CATALOG_METRICS, ...events].some((m) => m.id === choices.metric);
  const controlValue = choices.control ?? shownControl ?? '';
  return (
    <div className="experiment-controls" data-testid="experiment-controls">
      <div className="experiment-fields">
        <label className="field">
          <span>Experiment</span>
          <select value={experiment ?? ''} onChange={(e) => onChange({ experiment: e.target.value, control: null })} data-testid="experiment-select">
            {experiment !== null && !summary ? <option value={experiment}>{experiment}</option> : null}
            {experiments.map((e) => (
              <option key={e.experiment} value={e.experiment}>
                {e.experiment} · {count(e.people)} people
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Metric</span>
          <select value={choices.metric} onChange={(e) => onChange({ metric: e.target.value })} data-testid="experiment-metric">
            {listed ? null : <option value={choices.metric}>{metricOption(choices.metric).label}</option>}
            <optgroup label="Per person">
              {CATALOG_METRICS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Share of people who…">
              {events.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>Control</span>
          <select value={controlValue} onChange={(e) => onChange({ control: e.target.value || null })} disabled={!summary} data-testid="experiment-control">
            {controlValue === '' ? <option value="">—</option> : null}
            {(summary?.variants ?? []).map((v) => (
              <option key={v.variant} value={v.variant}>
                {v.variant}
              </option>
            ))}
          </select>
        </label>
      </div>
      {summary ? (
        <p className="experiment-variants" data-testid="experiment-variants">
          {summary.variants.map((v) => (
            <span key={v.variant} className="chip" data-variant={v.variant} data-people={v.people}>
              {v.variant} · {count(v.people)} people
            </span>
          ))}
          <span className="experiment-dates">
            first exposure {day(summary.first_exposure)}, last {day(summary.last_exposure)} (UTC)
          </span>
        </p>
      ) : null}
      <div className="experiment-options">
        <Segmented
          label="Test window"
          name="window"
          value={choices.window}
          options={[
            ['whole', 'Whole test'],
            ['range', `Toolbar dates (${range.from} – ${range.to})`],
          ]}
          onChange={(window: TestWindow) => onChange({ window })}
          title="The whole test counts every exposure and the outcomes up to now; the toolbar's dates keep the people first exposed in them, and their outcomes to the end of the last day"
        />
        <Segmented
          label="CUPED"
          name="cuped"
          value={choices.cuped ? 'on' : 'off'}
          options={[
            ['on', 'On'],
            ['off', 'Off'],
          ]}
          onChange={(v) => onChange({ cuped: v === 'on' })}
          title="Removes the noise each person's same metric in the 14 days before exposure explains: narrower intervals, same lift"
        />
        <Segmented
          label="Sequential testing"
          name="sequential"
          value={choices.sequential ? 'on' : 'off'}
          options={[
            ['off', 'Off'],
            ['on', 'On'],
          ]}
          onChange={(v) => onChange({ sequential: v === 'on' })}
          title="Always-valid intervals and p-values: safe to look every day while the test runs, somewhat wider than fixed ones"
        />
      </div>
      <p className="hint experiment-window-hint" data-testid="experiment-window-hint">
        {choices.window === 'whole'
          ? 'Whole test: everyone exposed since the first exposure, and what they did up to now. The toolbar’s dates apply only when picked here.'
          : `Toolbar dates: the people first exposed from ${range.from} to ${range.to}, and what they did up to the end of ${range.to}.`}
      </p>
    </div>
  );
}

interface SegmentedProps<T extends string> {
  label: string;
  name: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
  title: string;
}

/** One choice of a few, as a row of buttons; picking the one shown changes nothing. */
function Segmented<T extends string>({ label, name, value, options, onChange, title }: SegmentedProps<T>) {
  return (
    <div className="field" title={title}>
      <span id={`experiment-${name}-label`}>{label}</span>
      <div className="segmented" role="group" aria-labelledby={`experiment-${name}-label`} data-testid={`experiment-${name}`}>
        {options.map(([v, text]) => (
          <button key={v} type="button" aria-pressed={v === value} data-value={v} onClick={() => v !== value && onChange(v)}>
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}
