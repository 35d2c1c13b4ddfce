// The funnel's step editor: preset funnels, the steps as a path of cards
// (each picked from the known step names or typed as a custom event type,
// moved earlier or later, removed), the conversion window, the step order and
// the breakdown. Every change goes into the address; a step the server does
// not know is marked, with the server's message and its suggestions.
import { useEffect, useState, type ReactNode } from 'react';
import {
  customStepProblem,
  FUNNEL_BREAKDOWNS,
  isListedStep,
  MAX_STEPS,
  MAX_WINDOW_DAYS,
  MIN_STEPS,
  ORDER_CHOICES,
  PRESETS,
  STEP_GROUPS,
  stepDetail,
  stepLabel,
  suggestions,
  type FunnelBreakdown,
  type FunnelChoices,
  type StepProblems,
} from './funnels-queries';

const OTHER = '__other';
const BREAKDOWN_LABELS: Record<FunnelBreakdown, string> = { channel: 'Channel of entry', campaign: 'Campaign of entry' };

interface EditorProps {
  choices: FunnelChoices;
  onChange: (choices: FunnelChoices) => void;
  /** What the server found wrong with the last request (a 400), or null. */
  problems: StepProblems | null;
  /** The workspace's conversion types the lists do not have already. */
  conversionTypes: readonly string[];
}

export function FunnelEditor({ choices, onChange, problems, conversionTypes }: EditorProps) {
  const [adding, setAdding] = useState(false);
  const setSteps = (steps: string[]) => onChange({ ...choices, steps });
  const current = choices.steps.join(',');
  const preset = PRESETS.find((p) => p.steps.join(',') === current);
  const extra = conversionTypes.filter((t) => !isListedStep(t));
  const order = ORDER_CHOICES.find((o) => o.value === choices.order)!;
  const stepErrors = problems ? [...problems.steps].sort((a, b) => a[0] - b[0]) : [];

  const move = (from: number, to: number) => {
    const steps = [...choices.steps];
    const [step] = steps.splice(from, 1);
    steps.splice(to, 0, step);
    setSteps(steps);
  };

  return (
    <div className="funnel-editor" data-testid="funnel-editor">
      <div className="funnel-presets" role="group" aria-label="Preset funnels">
        <span className="funnel-label">Start from</span>
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className="preset"
            aria-pressed={preset?.id === p.id}
            title={p.description}
            data-testid={`preset-${p.id}`}
            onClick={() => {
              setAdding(false);
              onChange({ ...choices, steps: [...p.steps], windowDays: p.windowDays });
            }}
          >
            {p.label}
          </button>
        ))}
      </div>

      <ol className="funnel-path" aria-label="Funnel steps, first to last" data-testid="funnel-steps">
        {choices.steps.map((name, i) => (
          <StepCard
            key={`${i}:${name}`}
            index={i}
            name={name}
            total={choices.steps.length}
            extra={extra}
            invalid={problems?.steps.has(i) ?? false}
            onReplace={(next) => setSteps(choices.steps.map((s, k) => (k === i ? next : s)))}
            onMove={(to) => move(i, to)}
            onRemove={() => setSteps(choices.steps.filter((_, k) => k !== i))}
          />
        ))}
        {adding ? (
          <NewStepCard
            index={choices.steps.length}
            extra={extra}
            onAdd={(name) => {
              setAdding(false);
              setSteps([...choices.steps, name]);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <li className="funnel-add">
            <button
              type="button"
              onClick={() => setAdding(true)}
              disabled={choices.steps.length >= MAX_STEPS}
              title={choices.steps.length >= MAX_STEPS ? `A funnel has at most ${MAX_STEPS} steps` : 'Add a step at the end'}
              data-testid="add-step"
            >
              + Add step
            </button>
          </li>
        )}
      </ol>

      {stepErrors.length > 0 || (problems && problems.other.length > 0) ? (
        <div className="message error funnel-problems" role="alert" data-testid="funnel-problems">
          <strong>Beacon could not count this funnel.</strong>
          <ul>
            {stepErrors.map(([i, message]) => (
              <li key={i} data-testid="step-problem" data-step={i + 1}>
                Step {i + 1}: {message}
                {suggestions(message).map((name) => (
                  <button
                    key={name}
                    type="button"
                    className="fix"
                    data-testid="step-suggestion"
                    onClick={() => setSteps(choices.steps.map((s, k) => (k === i ? name : s)))}
                  >
                    Use {name}
                  </button>
                ))}
              </li>
            ))}
            {problems?.other.map((message) => (
              <li key={message} data-testid="request-problem">
                {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="funnel-options">
        <WindowInput days={choices.windowDays} onChange={(windowDays) => onChange({ ...choices, windowDays })} />
        <div className="field">
          <span id="funnel-order-label">Steps must happen</span>
          <div className="segmented" role="group" aria-labelledby="funnel-order-label">
            {ORDER_CHOICES.map((o) => (
              <button
                key={o.value}
                type="button"
                aria-pressed={choices.order === o.value}
                title={o.explanation}
                data-testid={`order-${o.value}`}
                onClick={() => onChange({ ...choices, order: o.value })}
              >
                {o.label}
              </button>
            ))}
          </div>
        </div>
        <label className="field">
          <span>Split by</span>
          <select
            value={choices.breakdown ?? ''}
            onChange={(e) => onChange({ ...choices, breakdown: e.target.value === '' ? null : (e.target.value as FunnelBreakdown) })}
            data-testid="funnel-breakdown"
          >
            <option value="">Nothing (everyone)</option>
            {FUNNEL_BREAKDOWNS.map((b) => (
              <option key={b} value={b}>
                {BREAKDOWN_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint funnel-order-hint" data-testid="order-explanation">
        {order.explanation}
      </p>
    </div>
  );
}

interface StepCardProps {
  index: number;
  name: string;
  total: number;
  extra: readonly string[];
  invalid: boolean;
  onReplace: (name: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function StepCard({ index, name, total, extra, invalid, onReplace, onMove, onRemove }: StepCardProps) {
  const typed = isListedStep(name) || extra.includes(name) ? null : name;
  const [typing, setTyping] = useState(false);
  const n = index + 1;
  return (
    <li className={`funnel-step${invalid ? ' invalid' : ''}`} data-testid="funnel-step" data-name={name} aria-invalid={invalid || undefined}>
      <span className="step-number" aria-hidden="true">
        {n}
      </span>
      <div className="step-body">
        <StepSelect
          label={`Step ${n}`}
          value={typing ? OTHER : name}
          extra={extra}
          typed={typed}
          onChange={(value) => {
            setTyping(value === OTHER);
            if (value !== OTHER && value !== name) onReplace(value);
          }}
        />
        {typing ? <CustomStep label={`Step ${n}: event type`} initial="" onCommit={onReplace} onCancel={() => setTyping(false)} /> : null}
      </div>
      <div className="step-tools">
        <IconButton label={`Move step ${n} earlier`} disabled={index === 0} onClick={() => onMove(index - 1)} testId="step-earlier">
          ‹
        </IconButton>
        <IconButton label={`Move step ${n} later`} disabled={index === total - 1} onClick={() => onMove(index + 1)} testId="step-later">
          ›
        </IconButton>
        <IconButton label={total <= MIN_STEPS ? `A funnel needs at least ${MIN_STEPS} steps` : `Remove step ${n}`} disabled={total <= MIN_STEPS} onClick={onRemove} testId="step-remove">
          ×
        </IconButton>
      </div>
    </li>
  );
}

function NewStepCard({ index, extra, onAdd, onCancel }: { index: number; extra: readonly string[]; onAdd: (name: string) => void; onCancel: () => void }) {
  const [typing, setTyping] = useState(false);
  const n = index + 1;
  return (
    <li className="funnel-step new" data-testid="new-step">
      <span className="step-number" aria-hidden="true">
        {n}
      </span>
      <div className="step-body">
        <StepSelect
          label={`Step ${n}`}
          value={typing ? OTHER : ''}
          extra={extra}
          placeholder="Choose a step…"
          autoFocus
          onChange={(value) => {
            if (value === OTHER) setTyping(true);
            else if (value) onAdd(value);
          }}
        />
        {typing ? <CustomStep label={`Step ${n}: event type`} initial="" onCommit={onAdd} onCancel={onCancel} /> : null}
      </div>
      <div className="step-tools">
        <IconButton label="Do not add this step" onClick={onCancel} testId="step-cancel">
          ×
        </IconButton>
      </div>
    </li>
  );
}

interface StepSelectProps {
  label: string;
  value: string;
  extra: readonly string[];
  /** A typed event type the lists do not have, shown as chosen. */
  typed?: string | null;
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

function IconButton({ label, disabled, onClick, testId, children }: { label: string; disabled?: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <button type="button" className="icon" aria-label={label} title={label} disabled={disabled} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}

/** The conversion window in days, sent on Enter or when the field is left. */
function WindowInput({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  const [text, setText] = useState(String(days));
  useEffect(() => setText(String(days)), [days]);
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value > 0 && value <= MAX_WINDOW_DAYS;
  const commit = () => {
    if (valid && value !== days) onChange(value);
    else if (!valid) setText(String(days));
  };
  return (
    <label className="field funnel-window" title="Every later step must happen within this many days of the first one (0.5 is 12 hours)">
      <span>Within</span>
      <div className="with-unit">
        <input
          type="number"
          min={0.5}
          max={MAX_WINDOW_DAYS}
          step="any"
          inputMode="decimal"
          value={text}
          aria-invalid={!valid || undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
          data-testid="funnel-window"
        />
        <span className="unit">days of entering</span>
      </div>
    </label>
  );
}
