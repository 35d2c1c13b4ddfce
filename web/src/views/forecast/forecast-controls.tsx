// The forecast's choices: the catalog metric, the grain of its series, how far
// ahead, the model (or the best by AICc), whether its trend is damped, and the
// coverage of the interval. Every choice goes into the address through `onChange`.
import type { CatalogMetric } from '../../api/client';
import { CatalogMetricOptions } from '../../frame/metric-options';
import { GRAINS } from '../../frame/url-state';
import { HORIZON_CHOICES, horizonLabel, LEVEL_CHOICES, MODEL_CHOICE_LABELS, MODEL_CHOICES, type ForecastChoices, type ModelChoice } from './forecast-queries';

interface ControlsProps {
  choices: ForecastChoices;
  catalog: readonly CatalogMetric[];
  onChange: (change: Partial<ForecastChoices>) => void;
}

export function ForecastControls({ choices, catalog, onChange }: ControlsProps) {
  return (
    <div className="forecast-controls" data-testid="forecast-controls">
      <MetricSelect metric={choices.metric} catalog={catalog} onChange={(metric) => onChange({ metric })} />
      <div className="field">
        <span id="forecast-grain-label">Per</span>
        <div className="segmented" role="group" aria-labelledby="forecast-grain-label" data-testid="forecast-grain">
          {GRAINS.map((g) => (
            <button key={g} type="button" aria-pressed={g === choices.grain} data-value={g} onClick={() => g !== choices.grain && onChange({ grain: g })}>
              {g}
            </button>
          ))}
        </div>
      </div>
      <label className="field">
        <span>Forecast ahead</span>
        <select value={choices.horizonDays} onChange={(e) => onChange({ horizonDays: Number(e.target.value) })} data-testid="forecast-horizon">
          {withChosen(HORIZON_CHOICES, choices.horizonDays).map((days) => (
            <option key={days} value={days}>
              {horizonLabel(days)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Model</span>
        <select value={choices.model} onChange={(e) => onChange({ model: e.target.value as ModelChoice })} data-testid="forecast-model">
          {MODEL_CHOICES.map((m) => (
            <option key={m} value={m}>
              {MODEL_CHOICE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <DampingSelect choices={choices} onChange={onChange} />
      <label className="field">
        <span>Interval</span>
        <select value={choices.level} onChange={(e) => onChange({ level: Number(e.target.value) })} data-testid="forecast-level">
          {withChosen(LEVEL_CHOICES, choices.level).map((level) => (
            <option key={level} value={level}>
              {level}%
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The catalog's metrics by group; the chosen one listed even before the catalog arrives. */
function MetricSelect({ metric, catalog, onChange }: { metric: string; catalog: readonly CatalogMetric[]; onChange: (metric: string) => void }) {
  return (
    <label className="field">
      <span>Metric</span>
      <select value={metric} onChange={(e) => onChange(e.target.value)} data-testid="forecast-metric">
        {catalog.some((m) => m.id === metric) ? null : <option value={metric}>{metric}</option>}
        <CatalogMetricOptions catalog={catalog} />
      </select>
    </label>
  );
}

/** Damped, not damped, or (with the best fit) both tried; the simple model has no trend to damp. */
function DampingSelect({ choices, onChange }: Omit<ControlsProps, 'catalog'>) {
  const simple = choices.model === 'simple';
  const auto = choices.model === 'auto';
  // A named model's trend is not damped unless asked: there "not damped" is the unset choice.
  const value = choices.damped === true ? 'yes' : auto && choices.damped === false ? 'no' : '';
  return (
    <label className="field" title={simple ? 'The simple model has no trend to damp' : 'A damped trend flattens out over the horizon instead of running on'}>
      <span>Trend</span>
      <select value={simple ? '' : value} disabled={simple} onChange={(e) => onChange({ damped: e.target.value === '' ? null : e.target.value === 'yes' })} data-testid="forecast-damped">
        {simple ? <option value="">No trend</option> : null}
        {!simple && auto ? <option value="">Damped or not</option> : null}
        {!simple ? <option value={auto ? 'no' : ''}>Not damped</option> : null}
        {!simple ? <option value="yes">Damped</option> : null}
      </select>
    </label>
  );
}

/** The listed choices, with the address's own value among them when it is another. */
function withChosen(choices: readonly number[], chosen: number): number[] {
  return choices.includes(chosen) ? [...choices] : [...choices, chosen].sort((a, b) => a - b);
}
