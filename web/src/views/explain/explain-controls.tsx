// The explain view's choices: the metric (key ratios first), the period it is
// compared with, and the dimension to split the change across. Every choice
// goes into the address through `onChange`.
import type { CatalogMetric } from '../../api/client';
import { breakdownChoices, COMPARE_LABELS, COMPARES, dimensionLabel, metricGroups, type Breakdown, type ExplainChoices } from './explain-queries';

interface ControlsProps {
  choices: ExplainChoices;
  catalog: readonly CatalogMetric[];
  onChange: (change: Partial<ExplainChoices>) => void;
}

export function ExplainControls({ choices, catalog, onChange }: ControlsProps) {
  const chosen = catalog.find((m) => m.id === choices.metric);
  const dimensions = breakdownChoices(chosen);
  return (
    <div className="explain-controls" data-testid="explain-controls">
      <label className="field">
        <span>Metric</span>
        <select value={choices.metric} onChange={(e) => onChange({ metric: e.target.value })} data-testid="explain-metric">
          {chosen ? null : <option value={choices.metric}>{choices.metric}</option>}
          {metricGroups(catalog).map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <div className="field">
        <span id="explain-compare-label">Compared with</span>
        <div className="segmented" role="group" aria-labelledby="explain-compare-label" data-testid="explain-compare">
          {COMPARES.map((c) => (
            <button key={c} type="button" aria-pressed={c === choices.compare} data-value={c} onClick={() => c !== choices.compare && onChange({ compare: c })}>
              {COMPARE_LABELS[c]}
            </button>
          ))}
        </div>
      </div>
      <label className="field">
        <span>Split by</span>
        <select value={choices.by ?? ''} onChange={(e) => onChange({ by: (e.target.value || null) as Breakdown | null })} data-testid="explain-by">
          <option value="">No split</option>
          {choices.by && !dimensions.includes(choices.by) ? <option value={choices.by}>{dimensionLabel(choices.by)}</option> : null}
          {dimensions.map((d) => (
            <option key={d} value={d}>
              {dimensionLabel(d)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
