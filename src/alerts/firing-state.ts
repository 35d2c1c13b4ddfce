// A rule's firing state, one per rule (and per segment with a breakdown):
// a condition that holds fires once and stays firing until it clears; one
// that comes back fires again, but not within the cool-down of the last
// firing (it waits, `cooling_down`, and fires when the cool-down ends if it
// still holds); an acknowledged firing stays silent until it clears. An
// evaluation without data changes nothing. Pure: instants are ms since the
// epoch, passed in.
import { ConflictError, ValidationError } from '../core/errors.js';

export type FiringState =
  | { readonly status: 'idle' }
  | { readonly status: 'firing'; readonly since: number; readonly lastFiredAt: number }
  | { readonly status: 'acknowledged'; readonly since: number; readonly lastFiredAt: number; readonly acknowledgedAt: number; readonly comment: string }
  /** The condition came back within the cool-down of the last firing: held until it ends. */
  | { readonly status: 'cooling_down'; readonly since: number; readonly lastFiredAt: number }
  | { readonly status: 'cleared'; readonly lastFiredAt: number; readonly clearedAt: number };

export const IDLE: FiringState = Object.freeze({ status: 'idle' });

/** What a step needs of an evaluation (an `evaluateCondition` result has it). */
export interface StepEvaluation {
  readonly met: boolean;
  /** No data: the state holds, neither firing nor clearing. */
  readonly noData?: boolean;
}

export interface FiringStep {
  readonly state: FiringState;
  /** Send a firing now. */
  readonly fire: boolean;
  /** A firing (acknowledged or not) has just cleared. */
  readonly resolved: boolean;
}

export const MAX_COMMENT_LENGTH = 1_000;

/**
 * The state after one evaluation at `now`.
 *
 * @example
 * stepFiring(IDLE, { met: true }, Date.parse('2026-12-01T09:00:00Z'), 60)
 * // → { state: { status: 'firing', since: …09:00, lastFiredAt: …09:00 }, fire: true, resolved: false }
 */
export function stepFiring(state: FiringState, evaluation: StepEvaluation, now: number, cooldownMinutes: number): FiringStep {
  const stay = { state, fire: false, resolved: false };
  if (evaluation.noData) return stay;
  const met = evaluation.met;
  switch (state.status) {
    case 'idle':
      return met ? fire(now, now) : stay;
    case 'firing':
    case 'acknowledged':
      return met ? stay : { state: { status: 'cleared', lastFiredAt: state.lastFiredAt, clearedAt: now }, fire: false, resolved: true };
    case 'cleared':
      if (!met) return stay;
      return cooledDown(state.lastFiredAt, now, cooldownMinutes) ? fire(now, now) : { state: { status: 'cooling_down', since: now, lastFiredAt: state.lastFiredAt }, fire: false, resolved: false };
    case 'cooling_down':
      // Nothing was sent for this return, so its clearing resolves nothing.
      if (!met) return { state: { status: 'cleared', lastFiredAt: state.lastFiredAt, clearedAt: now }, fire: false, resolved: false };
      return cooledDown(state.lastFiredAt, now, cooldownMinutes) ? fire(state.since, now) : stay;
  }
}

/**
 * The firing silenced until its condition clears, with why.
 * A 409 when nothing is firing; a 400 for a blank or overlong comment.
 *
 * @example acknowledge(firingState, 'Budget already cut by hand', Date.parse('2026-12-01T09:30:00Z'))
 * // → { status: 'acknowledged', …, acknowledgedAt: …09:30, comment: 'Budget already cut by hand' }
 */
export function acknowledge(state: FiringState, comment: string, now: number): FiringState {
  const text = comment.trim();
  if (text === '') throw new ValidationError('an acknowledgement needs a comment saying why', [{ field: 'comment', message: 'must not be blank' }]);
  if (text.length > MAX_COMMENT_LENGTH) throw new ValidationError(`the comment is longer than ${MAX_COMMENT_LENGTH} characters`, [{ field: 'comment', message: `must be at most ${MAX_COMMENT_LENGTH} characters` }]);
  if (state.status !== 'firing') {
    throw new ConflictError(state.status === 'acknowledged' ? 'the firing is already acknowledged' : `nothing to acknowledge: the rule is ${state.status.replace('_', ' ')}`, { status: state.status });
  }
  return { status: 'acknowledged', since: state.since, lastFiredAt: state.lastFiredAt, acknowledgedAt: now, comment: text };
}

function fire(since: number, now: number): FiringStep {
  return { state: { status: 'firing', since, lastFiredAt: now }, fire: true, resolved: false };
}

/** A clock that went back counts as within the cool-down. */
function cooledDown(lastFiredAt: number, now: number, cooldownMinutes: number): boolean {
  return now - lastFiredAt >= cooldownMinutes * 60_000;
}
