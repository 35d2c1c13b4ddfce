// The calibration end of the CLV fit: the last day the models learn from (in
// the address; empty is the server's default, yesterday), with a way back to
// that default.
import { useEffect, useState } from 'react';
import { addDays, isDate } from '../../frame/date-range';
import { useViewState } from '../../frame/use-view-state';
import { CALIBRATION_PARAM } from './customers-queries';

export function CalibrationControl({ effective, chosen }: { effective: string; chosen: string | null }) {
  const { setParam, today } = useViewState();
  const [date, setDate] = useState(effective);
  useEffect(() => setDate(effective), [effective]);
  const latest = addDays(today, -1);
  const valid = isDate(date) && date <= latest;
  return (
    <form
      className="calibration"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) setParam(CALIBRATION_PARAM, date);
      }}
    >
      <label className="field">
        <span>Learn from orders up to</span>
        <input type="date" value={date} max={latest} onChange={(e) => setDate(e.target.value)} data-testid="calibration-end" />
      </label>
      <button type="submit" disabled={!valid || date === effective} data-testid="calibration-apply">
        Refit
      </button>
      {chosen ? (
        <button type="button" onClick={() => setParam(CALIBRATION_PARAM, null)} data-testid="calibration-reset" title="learn from every order up to yesterday">
          Up to yesterday
        </button>
      ) : null}
    </form>
  );
}
