// What the server found wrong with the funnel asked for (a 400): each step it
// does not know, with a button per name it suggests instead, then the
// problems with the other fields.
import { suggestions, type StepProblems } from './funnels-queries';

/** `onUse` puts a suggested name in place of the step at that index. */
export function FunnelProblems({ problems, onUse }: { problems: StepProblems | null; onUse: (index: number, name: string) => void }) {
  const stepErrors = problems ? [...problems.steps].sort((a, b) => a[0] - b[0]) : [];
  if (stepErrors.length === 0 && !(problems && problems.other.length > 0)) return null;
  return (
    <div className="message error funnel-problems" role="alert" data-testid="funnel-problems">
      <strong>Beacon could not count this funnel.</strong>
      <ul>
        {stepErrors.map(([i, message]) => (
          <li key={i} data-testid="step-problem" data-step={i + 1}>
            Step {i + 1}: {message}
            {suggestions(message).map((name) => (
              <button key={name} type="button" className="fix" data-testid="step-suggestion" onClick={() => onUse(i, name)}>
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
  );
}
