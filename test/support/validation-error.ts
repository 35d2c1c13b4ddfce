// The ValidationError a call throws, for tests of body parsers.
import { expect } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';

/** The ValidationError thrown by fn (fails the test if none is thrown). */
export function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}
