// One finding of the audit: its severity badge, title, what it counts, the
// days it spans and what it means, with its examples (shown at first, and
// hidden with a click).
import { useState } from 'react';
import { ExampleTable } from './example-table';
import { checkName, countWords, dayRange, SEVERITY_LABELS, type QualityFinding } from './quality-format';

export function FindingCard({ finding }: { finding: QualityFinding }) {
  const [open, setOpen] = useState(true);
  const days = dayRange(finding.from, finding.to);
  const examples = finding.examples.length;
  const name = checkName(finding.check);
  return (
    <article className={`quality-finding severity-${finding.severity}`} data-testid="quality-finding" data-check={finding.check} data-severity={finding.severity} aria-label={finding.title}>
      <header className="quality-finding-head">
        <span className={`chip severity-badge severity-${finding.severity}`} data-testid="quality-severity">
          {SEVERITY_LABELS[finding.severity].badge}
        </span>
        <h3>{finding.title}</h3>
      </header>
      <p className="quality-finding-facts">
        <span data-field="count">{countWords(finding)}</span>
        {days ? <span data-field="days">{days}</span> : null}
        {name.toLowerCase() === finding.title.toLowerCase() ? null : <span className="quality-check-name">{name}</span>}
      </p>
      <p className="quality-finding-message" data-field="message">
        {finding.message}
      </p>
      {examples > 0 ? (
        <div className="quality-finding-examples">
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="quality-examples-toggle">
            {open ? 'Hide examples' : `Show ${examples === 1 ? 'the example' : `${examples} examples`}`}
          </button>
          {open ? <ExampleTable examples={finding.examples} /> : null}
        </div>
      ) : null}
    </article>
  );
}
