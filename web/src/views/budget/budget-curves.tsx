// The response curves, one small chart per key: where the key spends now and
// where the recommendation puts it on its curve, the spend its history was
// seen at, how well the curve fits (R², error on the days held out) and what
// the fit warns about.
import { useMemo, useState } from 'react';
import type { BudgetReport, BudgetRow } from '../../api/client';
import { sentence } from '../../frame/format';
import { curveData, FAMILY_NAMES, fitSummary, keyLabel, outcomeUnit } from './budget-format';
import { CurveChart } from './curve-chart';

interface CurvesProps {
  report: BudgetReport;
  names: ReadonlyMap<string, string>;
}

export function BudgetCurves({ report, names }: CurvesProps) {
  return (
    <div className="budget-curves" data-testid="budget-curves">
      {report.rows.map((row) => (
        <CurveCard key={row.key} row={row} report={report} label={keyLabel(row.key, names)} />
      ))}
    </div>
  );
}

function CurveCard({ row, report, label }: { row: BudgetRow; report: BudgetReport; label: string }) {
  const data = useMemo(() => curveData(row, report.days), [row, report.days]);
  const [drawn, setDrawn] = useState<typeof data | null>(null);
  const { curve } = row;
  return (
    <figure className="budget-curve" data-testid="budget-curve" data-key={row.key} data-ready={drawn === data} data-identifiable={curve.identifiable}>
      <figcaption>
        <strong title={row.key}>{label}</strong>
        <span className="budget-curve-fit" data-testid="budget-curve-fit">
          {FAMILY_NAMES[curve.family]} · {fitSummary(curve)}
        </span>
      </figcaption>
      <CurveChart
        data={data}
        unit={outcomeUnit(report.outcome)}
        outcome={report.outcome}
        currency={report.currency}
        label={`${label}: expected ${report.outcome} over the period by spend, with the current and the recommended spend marked`}
        onRendered={() => setDrawn(data)}
      />
      {curve.warnings.length > 0 ? (
        <ul className="budget-curve-warnings" data-testid="budget-curve-warnings">
          {curve.warnings.map((w) => (
            <li key={w}>{sentence(w)}</li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
