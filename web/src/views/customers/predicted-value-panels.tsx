// The customers view's predicted lifetime value (GET /v1/clv): the panel of
// the whole customer base's predicted CLV and the panel of the most valuable
// customers, both from one fit at the calibration end; when there is too
// little purchase history to fit, the first panel says why instead.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { addDays } from '../../frame/date-range';
import { sentence } from '../../frame/format';
import { ErrorMessage, Panel, Skeleton } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { CalibrationControl } from './calibration-control';
import { ClvSummary } from './clv-summary';
import { clvParams } from './customers-queries';
import { TopCustomers } from './top-customers';

export function PredictedValuePanels({ calibrationEnd }: { calibrationEnd: string | null }) {
  const api = useApi();
  const params = useMemo(() => clvParams(calibrationEnd), [calibrationEnd]);
  const clv = useQuery({ queryKey: ['clv', params], queryFn: ({ signal }) => api.clv(params, signal) });
  const { today } = useViewState();
  // Until the fit answers, the default calibration end is the viewer's yesterday (the server takes the workspace's).
  const tools = <CalibrationControl effective={clv.data?.summary.calibration_end ?? calibrationEnd ?? addDays(today, -1)} chosen={calibrationEnd} />;
  const unfit = clv.error instanceof ApiError && clv.error.status === 422 ? clv.error : null;
  if (unfit) {
    return (
      <Panel title="Predicted customer lifetime value" tools={tools} testId="clv-panel">
        <div className="message notice" role="status" data-testid="clv-unfit">
          <strong>Not enough purchase history to predict customer value yet.</strong> The model learns from the customers' completed orders and needs some customers who bought more
          than once.
          <span className="unfit-reason">{sentence(unfit.message)}</span>
        </div>
      </Panel>
    );
  }
  return (
    <>
      <Panel title="Predicted customer lifetime value" tools={tools} testId="clv-panel">
        {clv.error ? <ErrorMessage error={clv.error} /> : !clv.data ? <Skeleton lines={7} height={360} /> : <ClvSummary report={clv.data} />}
      </Panel>
      <Panel title="Most valuable customers" testId="top-customers-panel">
        {clv.error ? <ErrorMessage error={clv.error} /> : !clv.data ? <Skeleton lines={8} /> : <TopCustomers report={clv.data} />}
      </Panel>
    </>
  );
}
