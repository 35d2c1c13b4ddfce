import { describe, expect, it } from 'vitest';
import { viewState } from './state-view.js';

describe('viewState', () => {
  it('shows an idle state with every instant null', () => {
    expect(viewState({ status: 'idle' })).toEqual({ status: 'idle', since: null, last_fired_at: null, acknowledged_at: null, comment: null, cleared_at: null });
  });

  it('writes an acknowledged state’s instants as ISO 8601 and keeps its comment', () => {
    const at = (time: string) => Date.parse(`2026-12-01T${time}Z`);
    expect(viewState({ status: 'acknowledged', since: at('09:00:00'), lastFiredAt: at('09:00:00'), acknowledgedAt: at('09:30:00'), comment: 'cut by hand' })).toEqual({
      status: 'acknowledged',
      since: '2026-12-01T09:00:00.000Z',
      last_fired_at: '2026-12-01T09:00:00.000Z',
      acknowledged_at: '2026-12-01T09:30:00.000Z',
      comment: 'cut by hand',
      cleared_at: null,
    });
  });

  it('shows when a cleared firing cleared', () => {
    expect(viewState({ status: 'cleared', lastFiredAt: 0, clearedAt: 60_000 })).toMatchObject({ status: 'cleared', since: null, last_fired_at: '1970-01-01T00:00:00.000Z', cleared_at: '1970-01-01T00:01:00.000Z' });
  });
});
