// The segments view's choices: the ratio KPI, the one to three dimensions a
// segment is made of (toggled in the order chosen), and the least spend a
// segment needs to be judged. Every choice goes into the address.
import type { CatalogMetric } from '../../api/client';
import { formatValue } from '../../frame/format';
import { dimensionLabel } from './segments-format';
import { dimensionChoices, MAX_DIMENSIONS, MIN_SPEND_CHOICES, segmentMetrics, toggleDimension, type SegmentsChoices } from './segments-queries';

interface ControlsProps {
  choices: SegmentsChoices;
  catalog: readonly CatalogMetric[];
  currency: string;
  onChange: (change: Partial<SegmentsChoices>) => void;
}

export function SegmentsControls({ choices, catalog, currency, onChange }: ControlsProps) {
  const metrics = segmentMetrics(catalog);
  const offered = dimensionChoices(catalog.find((m) => m.id === choices.metric));
  const dimensions = [...offered, ...choices.dimensions.filter((d) => !offered.includes(d))];
  const full = choices.dimensions.length >= MAX_DIMENSIONS;
  const spends = MIN_SPEND_CHOICES.includes(choices.minSpend) ? MIN_SPEND_CHOICES : [...MIN_SPEND_CHOICES, choices.minSpend].sort((a, b) => a - b);
  return (
    <div className="segments-controls" data-testid="segments-controls">
      <label className="field">
        <span>Metric</span>
        <select value={choices.metric} onChange={(e) => onChange({ metric: e.target.value })} data-testid="segments-metric">
          {metrics.some((m) => m.id === choices.metric) ? null : <option value={choices.metric}>{catalog.find((m) => m.id === choices.metric)?.label ?? choices.metric}</option>}
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span id="segments-by-label">Segments by (up to {MAX_DIMENSIONS})</span>
        <div className="segments-dimensions" role="group" aria-labelledby="segments-by-label" data-testid="segments-dimensions">
          {dimensions.map((d) => {
            const position = choices.dimensions.indexOf(d);
            const chosen = position >= 0;
            return (
              <button
                key={d}
                type="button"
                className="chip-toggle"
                aria-pressed={chosen}
                data-value={d}
                disabled={(!chosen && full) || (chosen && choices.dimensions.length === 1)}
                onClick={() => onChange({ dimensions: toggleDimension(choices.dimensions, d) })}
              >
                {chosen && choices.dimensions.length > 1 ? <span className="order">{position + 1}</span> : null}
                {dimensionLabel(d)}
              </button>
            );
          })}
        </div>
      </div>
      <label className="field">
        <span>Least spend</span>
        <select value={choices.minSpend} onChange={(e) => onChange({ minSpend: Number(e.target.value) })} data-testid="segments-min-spend">
          {spends.map((amount) => (
            <option key={amount} value={amount}>
              {amount === 0 ? 'Every segment' : `${formatValue(amount, 'money', currency)} or more`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
