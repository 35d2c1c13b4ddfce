// Customers: what the customers acquired in the range cost and are worth per
// acquisition channel (CAC, CLV so far and predicted, LTV:CAC, payback), and
// the predicted lifetime value of the whole customer base — its spread, the
// most valuable customers, and what the model warns about.
import { Notice } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { ChannelValuePanel } from './channel-value-panel';
import { CALIBRATION_PARAM, calibrationEndOf } from './customers-queries';
import { PredictedValuePanels } from './predicted-value-panels';

export function CustomersView() {
  const { state } = useViewState();
  const calibration = calibrationEndOf(state.params.get(CALIBRATION_PARAM));
  return (
    <div className="view customers">
      {calibration.problem ? <Notice>{calibration.problem}</Notice> : null}
      <ChannelValuePanel />
      <PredictedValuePanels calibrationEnd={calibration.value} />
    </div>
  );
}
