// Picking a funnel step: a list of the known step names (by group, the
// workspace's own conversions, a name typed before), or "Other" to type an
// event type, checked before it is sent.
import { useEffect, useState } from 'react';
import { customStepProblem, isListedStep, STEP_GROUPS, stepDetail, stepLabel } from './funnels-queries';

const OTHER = '__other';

interface StepPickerProps {
  /** The step's number on the path. */
  n: number;
  /** The step chosen; empty for a step still to be chosen. */
  name: string;
  /** The workspace's conversion types the lists do not have already. */
  extra: readonly string[];
  onPick: (name: string) => void;
  /** Leaving the typed field empty (or Escape); by default the list comes back. */
  onCancelTyping?: () => void;
}

export function StepPicker({ n, name, extra, onPick, onCancelTyping }: StepPickerProps) {
  const [typing, setTyping] = useState(false);
  const chosen = name !== '';
  // A typed event type the lists do not have, shown as chosen.
  const typed = chosen && !isListedStep(name) && !extra.includes(name) ? name : null;
  return (
    <div className="step-body">
      <StepSelect
        label={`Step ${n}`}
        value={typing ? OTHER : name}
        extra={extra}
        typed={typed}
        placeholder={chosen ? undefined : 'Choose a step…'}
        autoFocus={!chosen}
        onChange={(value) => {
          setTyping(value === OTHER);
          if (value !== OTHER && value && value !== name) onPick(value);
        }}
      />
      {typing ? <CustomStep label={`Step ${n}: event type`} initial="" onCommit={onPick} onCancel={onCancelTyping ?? (() => setTyping(false))} /> : null}
    </div>
  );
}

interface StepSelectProps {
  label: string;
  value: string;
  extra: readonly string[];
  typed: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  autoFocus?: boolean;
}

function StepSelect({ label, value, extra, typed, onChange, placeholder, autoFocus }: StepSelectProps) {
  return (
    <select aria-label={label} title={stepDetail(value)} value={value} onChange={(e) => onChange(e.target.value)} data-testid="step-select" autoFocus={autoFocus}>
      {placeholder ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      {STEP_GROUPS.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.value} value={o.value} title={o.detail}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
      {extra.length > 0 ? (
        <optgroup label="This workspace’s conversions">
          {extra.map((t) => (
            <option key={t} value={t}>
              {stepLabel(t)}
            </option>
          ))}
        </optgroup>
      ) : null}
      {typed ? (
        <optgroup label="Typed">
          <option value={typed}>{typed}</option>
        </optgroup>
      ) : null}
      <option value={OTHER}>Other event type (type it)…</option>
    </select>
  );
}

/** A typed event type, sent on Enter or when the field is left. */
function CustomStep({ label, initial, onCommit, onCancel }: { label: string; initial: string; onCommit: (name: string) => void; onCancel?: () => void }) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(initial), [initial]);
  const commit = () => {
    const issue = customStepProblem(text);
    if (issue) {
      if (text.trim() === '' && onCancel) onCancel();
      else setProblem(issue);
      return;
    }
    setProblem(null);
    if (text.trim() !== initial) onCommit(text.trim());
  };
  return (
    <>
      <input
        type="text"
        className="step-custom"
        aria-label={label}
        placeholder="event type, e.g. add_to_cart"
        value={text}
        autoFocus={initial === ''}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        data-testid="step-custom"
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && onCancel) {
            onCancel();
          }
        }}
      />
      {problem ? <span className="step-hint">{problem}</span> : null}
    </>
  );
}
