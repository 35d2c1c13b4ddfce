// The funnel's options row: the conversion window, the order the steps must
// happen in (explained under the row), and the breakdown by channel or
// campaign of entry.
import { useEffect, useState } from 'react';
import { FUNNEL_BREAKDOWNS, MAX_WINDOW_DAYS, ORDER_CHOICES, type FunnelBreakdown, type FunnelChoices } from './funnels-queries';

const BREAKDOWN_LABELS: Record<FunnelBreakdown, string> = { channel: 'Channel of entry', campaign: 'Campaign of entry' };

export function FunnelOptions({ choices, onChange }: { choices: FunnelChoices; onChange: (choices: FunnelChoices) => void }) {
  const order = ORDER_CHOICES.find((o) => o.value === choices.order)!;
  return (
    <>
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
    </>
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
