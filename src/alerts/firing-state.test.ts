// The firing state machine driven by a fake clock: one firing per episode,
// the cool-down between firings, acknowledgement, and missing data.
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../core/errors.js';
import { acknowledge, IDLE, stepFiring, type FiringState } from './firing-state.js';

/** 1 December 2026 at hh:mm UTC. */
const at = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00Z`);
const COOLDOWN = 60;

/** Runs evaluations in order from `start`; returns the last state and the times it fired and resolved. */
function run(evaluations: [string, boolean | 'no data'][], start: FiringState = IDLE, cooldown = COOLDOWN) {
  let state = start;
  const fired: string[] = [];
  const resolved: string[] = [];
  for (const [time, met] of evaluations) {
    const step = stepFiring(state, met === 'no data' ? { met: false, noData: true } : { met }, at(time), cooldown);
    if (step.fire) fired.push(time);
    if (step.resolved) resolved.push(time);
    state = step.state;
  }
  return { state, fired, resolved };
}

describe('stepFiring', () => {
  it('fires once for a condition that persists', () => {
    const { state, fired, resolved } = run([['09:00', true], ['10:00', true], ['11:00', true], ['12:00', true]]);
    expect(fired).toEqual(['09:00']);
    expect(resolved).toEqual([]);
    expect(state).toEqual({ status: 'firing', since: at('09:00'), lastFiredAt: at('09:00') });
  });

  it('stays idle while the condition does not hold', () => {
    expect(run([['09:00', false], ['10:00', false]])).toEqual({ state: IDLE, fired: [], resolved: [] });
  });

  it('resolves when the condition clears, and fires again when it returns after the cool-down', () => {
    // Fired 09:00, cleared 09:30; back at 10:15, 75 minutes after the firing.
    const { state, fired, resolved } = run([['09:00', true], ['09:30', false], ['10:15', true]]);
    expect(fired).toEqual(['09:00', '10:15']);
    expect(resolved).toEqual(['09:30']);
    expect(state).toEqual({ status: 'firing', since: at('10:15'), lastFiredAt: at('10:15') });
  });

  it('counts the cool-down from the last firing, not from the clearing: exactly 60 minutes later fires', () => {
    expect(run([['09:00', true], ['09:59', false], ['10:00', true]]).fired).toEqual(['09:00', '10:00']);
  });

  it('does not fire a return within the cool-down, and fires when the cool-down ends if it still holds', () => {
    // Fired 09:00, cleared 09:20, back 09:40 and 09:50 (within 60 minutes of 09:00): held.
    const held = run([['09:00', true], ['09:20', false], ['09:40', true], ['09:50', true]]);
    expect(held.fired).toEqual(['09:00']);
    expect(held.state).toEqual({ status: 'cooling_down', since: at('09:40'), lastFiredAt: at('09:00') });
    // Still holding at 10:00: 60 minutes after the firing, it fires, the episode dating from 09:40.
    const after = run([['10:00', true]], held.state);
    expect(after.fired).toEqual(['10:00']);
    expect(after.state).toEqual({ status: 'firing', since: at('09:40'), lastFiredAt: at('10:00') });
  });

  it('drops a held return that clears before the cool-down ends, resolving nothing', () => {
    const { state, fired, resolved } = run([['09:00', true], ['09:20', false], ['09:40', true], ['09:50', false], ['10:30', false]]);
    expect(fired).toEqual(['09:00']);
    expect(resolved).toEqual(['09:20']);
    expect(state).toEqual({ status: 'cleared', lastFiredAt: at('09:00'), clearedAt: at('09:50') });
  });

  it('fires every return when the cool-down is 0', () => {
    expect(run([['09:00', true], ['09:01', false], ['09:02', true]], IDLE, 0).fired).toEqual(['09:00', '09:02']);
  });

  it('holds its state when there is no data: nothing fires, nothing clears', () => {
    const firing = run([['09:00', true], ['10:00', 'no data'], ['11:00', 'no data']]);
    expect(firing).toEqual({ state: { status: 'firing', since: at('09:00'), lastFiredAt: at('09:00') }, fired: ['09:00'], resolved: [] });
    expect(run([['09:00', 'no data']]).state).toBe(IDLE);
  });
});

describe('acknowledge', () => {
  it('silences the firing until it clears; a later return fires again', () => {
    const firing = run([['09:00', true]]).state;
    const acked = acknowledge(firing, '  Budget already cut by hand ', at('09:10'));
    expect(acked).toEqual({ status: 'acknowledged', since: at('09:00'), lastFiredAt: at('09:00'), acknowledgedAt: at('09:10'), comment: 'Budget already cut by hand' });
    // Still holding for hours: silent. Clears 12:30 (resolved), back 13:00, four hours after the firing: fires.
    const { state, fired, resolved } = run([['10:00', true], ['11:00', true], ['12:00', true], ['12:30', false], ['13:00', true]], acked);
    expect(fired).toEqual(['13:00']);
    expect(resolved).toEqual(['12:30']);
    expect(state.status).toBe('firing');
  });

  it('refuses when nothing is firing (409) and a blank comment (400)', () => {
    for (const state of [IDLE, run([['09:00', true], ['09:30', false]]).state]) {
      expect(() => acknowledge(state, 'seen', at('10:00'))).toThrow(ConflictError);
    }
    const acked = acknowledge(run([['09:00', true]]).state, 'seen', at('09:10'));
    expect(() => acknowledge(acked, 'again', at('09:20'))).toThrow('already acknowledged');
    expect(() => acknowledge(run([['09:00', true]]).state, '   ', at('09:10'))).toThrow(ValidationError);
  });
});
