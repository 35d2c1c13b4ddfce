// One headline figure of a panel, in the figure list (`dl`) around it: its
// label, the value written large, and a line that says what it counts.

interface FigureProps {
  id: string;
  label: string;
  value: string;
  detail: string;
  /** The figure the panel leads with, set apart from the others. */
  strong?: boolean;
}

export function Figure({ id, label, value, detail, strong }: FigureProps) {
  return (
    <div className={`figure${strong ? ' headline' : ''}`} data-testid={`figure-${id}`}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value" data-testid="figure-value">
          {value}
        </span>
        <span className="figure-detail">{detail}</span>
      </dd>
    </div>
  );
}
