/** The InputError a call throws (any other error passes through; none at all fails the test). */
import { InputError } from '../../src/model/InputError.js';

export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
