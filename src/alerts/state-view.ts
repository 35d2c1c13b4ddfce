// A firing state as the API shows it: its status and each instant as ISO 8601
// (UTC), null where the status has none. Pure.
import type { FiringState } from './firing-state.js';

export interface AlertStateView {
  readonly status: FiringState['status'];
  readonly since: string | null;
  readonly last_fired_at: string | null;
  readonly acknowledged_at: string | null;
  readonly comment: string | null;
  readonly cleared_at: string | null;
}

/** @example viewState({ status: 'firing', since: 0, lastFiredAt: 0 }) // → { status: 'firing', since: '1970-01-01T00:00:00.000Z', last_fired_at: '1970-…', acknowledged_at: null, comment: null, cleared_at: null } */
export function viewState(state: FiringState): AlertStateView {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    status: state.status,
    since: iso('since' in state ? state.since : undefined),
    last_fired_at: iso('lastFiredAt' in state ? state.lastFiredAt : undefined),
    acknowledged_at: iso(state.status === 'acknowledged' ? state.acknowledgedAt : undefined),
    comment: state.status === 'acknowledged' ? state.comment : null,
    cleared_at: iso(state.status === 'cleared' ? state.clearedAt : undefined),
  };
}
