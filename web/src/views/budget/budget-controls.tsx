// The budget's choices: the amount to split (typed, applied with Enter or the
// button), what to split it by, the outcome to maximise, an optional target
// ROAS or CPA to keep instead of spending it all, and how far a key may move.
// Every choice goes into the address through `onChange`.
import { useEffect, useState } from 'react';
import { MAX_CHANGE_CHOICES, OBJECTIVE_LABELS, OBJECTIVES, SPLIT_LABELS, SPLITS, type BudgetChoices } from './budget-queries';

interface ControlsProps {
  choices: BudgetChoices;
  /** The budget asked for: the chosen one, or the range's spend rounded (null until known). */
  total: number | null;
  currency: string;
  onChange: (change: Partial<BudgetChoices>) => void;
}

export function BudgetControls({ choices, total, currency, onChange }: ControlsProps) {
  const [totalText, setTotalText] = useState(total === null ? '' : String(total));
  const [targetText, setTargetText] = useState(choices.target === null ? '' : String(choices.target));
  useEffect(() => setTotalText(total === null ? '' : String(total)), [total]);
  useEffect(() => setTargetText(choices.target === null ? '' : String(choices.target)), [choices.target]);

  const typedTotal = Number(totalText);
  const typedTarget = targetText.trim() === '' ? null : Number(targetText);
  const valid = totalText.trim() !== '' && Number.isFinite(typedTotal) && typedTotal > 0 && (typedTarget === null || (Number.isFinite(typedTarget) && typedTarget > 0));
  const changed = typedTotal !== total || typedTarget !== choices.target;
  const revenue = choices.objective === 'revenue';

  return (
    <div className="budget-controls" data-testid="budget-controls">
      <form
        className="budget-amounts"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid && changed) onChange({ total: typedTotal, target: typedTarget });
        }}
      >
        <label className="field">
          <span>Budget ({currency})</span>
          <input type="number" min="0" step="any" inputMode="decimal" value={totalText} onChange={(e) => setTotalText(e.target.value)} data-testid="budget-total" />
        </label>
        <label className="field" title={revenue ? 'Spend the most that keeps revenue ÷ spend at least this' : 'Spend the most that keeps spend ÷ conversions at most this'}>
          <span>{revenue ? 'Target ROAS (optional)' : `Target CPA, ${currency} (optional)`}</span>
          <input type="number" min="0" step="any" inputMode="decimal" placeholder="none" value={targetText} onChange={(e) => setTargetText(e.target.value)} data-testid="budget-target" />
        </label>
        <button type="submit" disabled={!valid || !changed} data-testid="budget-apply">
          Apply
        </button>
        {choices.total !== null ? (
          <button type="button" className="link" onClick={() => onChange({ total: null })} data-testid="budget-reset" title="The spend of the range, rounded">
            Use current spend
          </button>
        ) : null}
      </form>
      <Segmented label="Split by" testId="budget-by" values={SPLITS} labels={SPLIT_LABELS} chosen={choices.by} onChoose={(by) => onChange({ by })} />
      <Segmented label="Maximise" testId="budget-objective" values={OBJECTIVES} labels={OBJECTIVE_LABELS} chosen={choices.objective} onChoose={(objective) => onChange({ objective })} />
      <label className="field" title="How far each key may move from its current spend: curves are least reliable far from the spend they were fitted on">
        <span>Largest change</span>
        <select value={choices.maxChange} onChange={(e) => onChange({ maxChange: Number(e.target.value) })} data-testid="budget-max-change">
          {withChosen(MAX_CHANGE_CHOICES, choices.maxChange).map((percent) => (
            <option key={percent} value={percent}>
              ±{percent}%
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

interface SegmentedProps<T extends string> {
  label: string;
  testId: string;
  values: readonly T[];
  labels: Record<T, string>;
  chosen: T;
  onChoose: (value: T) => void;
}

function Segmented<T extends string>({ label, testId, values, labels, chosen, onChoose }: SegmentedProps<T>) {
  return (
    <div className="field">
      <span id={`${testId}-label`}>{label}</span>
      <div className="segmented" role="group" aria-labelledby={`${testId}-label`} data-testid={testId}>
        {values.map((v) => (
          <button key={v} type="button" aria-pressed={v === chosen} data-value={v} onClick={() => v !== chosen && onChoose(v)}>
            {labels[v]}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The listed choices, with the address's own value among them when it is another. */
function withChosen(choices: readonly number[], chosen: number): number[] {
  return choices.includes(chosen) ? [...choices] : [...choices, chosen].sort((a, b) => a - b);
}
