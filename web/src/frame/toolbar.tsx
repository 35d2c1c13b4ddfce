// The controls every data view shares: the date range (presets or custom
// dates) and the channel, platform and campaign filters.
import { useMemo, useState, useEffect } from 'react';
import { isDate, presetRange, RANGE_PRESETS, type RangePreset } from './date-range';
import { FILTER_DIMENSIONS, type FilterDimension } from './url-state';
import { useViewState } from './use-view-state';
import { useForegroundSettled, useMetricQuery } from './workspace-data';

const FILTER_LABELS: Record<FilterDimension, string> = { channel: 'All channels', platform: 'All platforms', campaign: 'All campaigns' };

export function Toolbar() {
  const { state, today, update } = useViewState();
  const [from, setFrom] = useState(state.range.from);
  const [to, setTo] = useState(state.range.to);
  useEffect(() => {
    setFrom(state.range.from);
    setTo(state.range.to);
  }, [state.range.from, state.range.to]);

  const choosePreset = (preset: RangePreset) =>
    update((s) => ({ ...s, preset, range: preset === 'custom' ? s.range : presetRange(preset, today) }));
  const applyCustom = () => {
    if (isDate(from) && isDate(to) && from <= to) update((s) => ({ ...s, preset: 'custom', range: { from, to } }));
  };
  const customInvalid = !isDate(from) || !isDate(to) || from > to;

  return (
    <div className="toolbar" role="toolbar" aria-label="Date range and filters">
      <label className="field">
        <span>Range</span>
        <select value={state.preset} onChange={(e) => choosePreset(e.target.value as RangePreset)} data-testid="range-preset">
          {RANGE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <form
        className="custom-range"
        onSubmit={(e) => {
          e.preventDefault();
          applyCustom();
        }}
      >
        <label className="field">
          <span>From</span>
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-testid="range-from" />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="range-to" />
        </label>
        <button type="submit" disabled={customInvalid || (from === state.range.from && to === state.range.to)} data-testid="range-apply">
          Apply
        </button>
      </form>
      <div className="filters">
        {FILTER_DIMENSIONS.map((d) => (
          <FilterSelect key={d} dimension={d} />
        ))}
      </div>
    </div>
  );
}

/** One filter: the values of the dimension that have cost or conversions in the range. */
function FilterSelect({ dimension }: { dimension: FilterDimension }) {
  const { state, update } = useViewState();
  const body = useMemo(
    () => ({ metrics: ['cost', 'conversions'], dimensions: [dimension], from: state.range.from, to: state.range.to, limit: 500 }),
    [dimension, state.range.from, state.range.to],
  );
  // The choices load once the view's own numbers are in, or at once when someone reaches for the list.
  const settled = useForegroundSettled();
  const [wanted, setWanted] = useState(false);
  const options = useMetricQuery(body, { background: true, enabled: settled || wanted });
  const chosen = state.filters[dimension];
  // Values to pick, each shown by its name where the API gives one (campaigns).
  const labels = new Map<string, string>(chosen.map((v) => [v, v]));
  for (const row of options.data?.rows ?? []) {
    const value = row[dimension];
    if (typeof value === 'string' && value) labels.set(value, typeof row[`${dimension}_name`] === 'string' ? String(row[`${dimension}_name`]) : value);
  }
  const value = chosen.length === 1 ? chosen[0] : chosen.length > 1 ? chosen.join(',') : '';
  return (
    <label className="field">
      <span className="visually-hidden">{dimension}</span>
      <select
        value={value}
        aria-label={`Filter by ${dimension}`}
        data-testid={`filter-${dimension}`}
        onFocus={() => setWanted(true)}
        onPointerDown={() => setWanted(true)}
        onChange={(e) => update((s) => ({ ...s, filters: { ...s.filters, [dimension]: e.target.value ? e.target.value.split(',') : [] } }))}
      >
        <option value="">{FILTER_LABELS[dimension]}</option>
        {chosen.length > 1 ? <option value={value}>{chosen.length} selected</option> : null}
        {[...labels].sort((a, b) => a[1].localeCompare(b[1])).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
