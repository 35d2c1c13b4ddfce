// The funnel's step editor: preset funnels, the steps as a path of cards
// (each picked from the known step names or typed as a custom event type,
// moved earlier or later, removed), what the server found wrong with them,
// and the options row. Every change goes into the address through `onChange`.
import { useState } from 'react';
import { FunnelOptions } from './funnel-options';
import { FunnelProblems } from './funnel-problems';
import { isListedStep, MAX_STEPS, PRESETS, type FunnelChoices, type StepProblems } from './funnels-queries';
import { NewStepCard, StepCard } from './step-card';

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
  const replaceStep = (index: number, name: string) => setSteps(choices.steps.map((s, k) => (k === index ? name : s)));
  const current = choices.steps.join(',');
  const preset = PRESETS.find((p) => p.steps.join(',') === current);
  const extra = conversionTypes.filter((t) => !isListedStep(t));

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
            onReplace={(next) => replaceStep(i, next)}
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

      <FunnelProblems problems={problems} onUse={replaceStep} />
      <FunnelOptions choices={choices} onChange={onChange} />
    </div>
  );
}
