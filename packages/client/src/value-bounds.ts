// The bounds of a value (an integer's range, a string's length in characters) and the words for them. The
// query checks, the pager's and the retry options' use them, and so do tools built on the client (the CLI,
// through `@sms-errors/client/facts`), so a bound is checked and phrased one way everywhere. The generator
// makes sure every query parameter of the spec has both of its bounds.
import { codePointLength } from './code-points.js';
import { SmsValidationError } from './errors.js';

export type ValueBounds =
  /** An integer from `minimum` to `maximum` (no maximum: any larger integer). */
  | { readonly type: 'integer'; readonly minimum: number; readonly maximum?: number }
  /** A string of `minLength` to `maxLength` characters (code points). */
  | { readonly type: 'string'; readonly minLength: number; readonly maxLength: number };

/** What a value must be, in words: `an integer from 0 to 100`, `a string of 0 to 255 characters`. */
export function describeBounds(bounds: ValueBounds): string {
  if (bounds.type === 'string') {
    return `a string of ${bounds.minLength} to ${bounds.maxLength} characters`;
  }
  if (bounds.maximum === undefined) {
    return `an integer of at least ${bounds.minimum}`;
  }
  return `an integer from ${bounds.minimum} to ${bounds.maximum}`;
}

/** Whether `value` is of the type and within the bounds (a string's length counted in characters). */
export function isWithinBounds(value: unknown, bounds: ValueBounds): boolean {
  if (bounds.type === 'string') {
    if (typeof value !== 'string') {
      return false;
    }
    const length = codePointLength(value);
    return length >= bounds.minLength && length <= bounds.maxLength;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || Object.is(value, -0)) {
    return false;
  }
  return value >= bounds.minimum && (bounds.maximum === undefined || value <= bounds.maximum);
}

/** Throws SmsValidationError naming `name` and the bounds unless `value` keeps to them. */
export function checkBounds(name: string, value: unknown, bounds: ValueBounds): void {
  if (!isWithinBounds(value, bounds)) {
    throw new SmsValidationError(name, describeBounds(bounds));
  }
}
