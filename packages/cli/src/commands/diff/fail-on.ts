// `--fail-on new|changed|any` (diff, watch): exit 9 when the comparison holds that class, so that cron and
// CI can act on "something newly failed" without parsing the output. `any` is any change, resolved included.

import { UsageError } from '../../shared/exit-codes.js';
import { type Messages, messagesFor } from '../../shared/messages.js';

export const FAIL_ON = ['new', 'changed', 'any'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function parseFailOn(value: string | undefined, text: Messages = messagesFor('en')): FailOn | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!(FAIL_ON as readonly string[]).includes(value)) {
    throw new UsageError(text.mustBeOneOf('--fail-on', FAIL_ON));
  }
  return value as FailOn;
}

/** Whether a comparison with these many of each class trips `--fail-on`. */
export function tripsFailOn(
  failOn: FailOn | undefined,
  counts: { new: number; changed: number; resolved: number },
): boolean {
  if (failOn === undefined) {
    return false;
  }
  if (failOn === 'new') {
    return counts.new > 0;
  }
  if (failOn === 'changed') {
    return counts.changed > 0;
  }
  return counts.new + counts.changed + counts.resolved > 0;
}
