// A step of the funnel's path as a card: its number, the step picker, and its
// tools — move earlier or later and remove; or the card of a step being
// added at the end, which can be dropped again.
import type { ReactNode } from 'react';
import { MIN_STEPS } from './funnels-queries';
import { StepPicker } from './step-picker';

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

export function StepCard({ index, name, total, extra, invalid, onReplace, onMove, onRemove }: StepCardProps) {
  const n = index + 1;
  return (
    <li className={`funnel-step${invalid ? ' invalid' : ''}`} data-testid="funnel-step" data-name={name} aria-invalid={invalid || undefined}>
      <StepNumber n={n} />
      <StepPicker n={n} name={name} extra={extra} onPick={onReplace} />
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

export function NewStepCard({ index, extra, onAdd, onCancel }: { index: number; extra: readonly string[]; onAdd: (name: string) => void; onCancel: () => void }) {
  const n = index + 1;
  return (
    <li className="funnel-step new" data-testid="new-step">
      <StepNumber n={n} />
      <StepPicker n={n} name="" extra={extra} onPick={onAdd} onCancelTyping={onCancel} />
      <div className="step-tools">
        <IconButton label="Do not add this step" onClick={onCancel} testId="step-cancel">
          ×
        </IconButton>
      </div>
    </li>
  );
}

function StepNumber({ n }: { n: number }) {
  return (
    <span className="step-number" aria-hidden="true">
      {n}
    </span>
  );
}

function IconButton({ label, disabled, onClick, testId, children }: { label: string; disabled?: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <button type="button" className="icon" aria-label={label} title={label} disabled={disabled} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}
