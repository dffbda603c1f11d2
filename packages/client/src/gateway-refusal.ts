// What a refused AK/SK request says about its cause, in plain words: a local clock too far from the gateway's
// (its Date header, or the "signature time ..., server time ..." of its message), or the gateway's lockout of
// an AK after consecutive failed authentications. The limits come from the spec (x-sms-max-clock-skew-seconds,
// x-sms-lockout).

import type { SmsApiError } from './errors.js';
import { akLockout, maxClockSkewSeconds } from './generated/credential-facts.js';

/** A clock this far off is named in the error even when it is within the gateway's limit: it is the likely cause. */
export const CLOCK_HINT_MS = 5 * 60_000;

const SDK_TIME = /(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/;
const SIGNATURE_AND_SERVER_TIME = /signature time:\s*(\d{8}T\d{6}Z)\s*,\s*server time:\s*(\d{8}T\d{6}Z)/i;

function parseSdkTime(text: string): number {
  const [, year, month, day, hours, minutes, seconds] = SDK_TIME.exec(text) ?? [];
  return Date.parse(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}Z`);
}

/**
 * How far the local clock is ahead of the gateway's (negative: behind), in ms, or undefined when the answer
 * does not tell. The message's two times are exact; the Date header is compared with `localNow`.
 */
export function clockSkewOf(errorMsg: string | undefined, date: string | null, localNow: number): number | undefined {
  const times = SIGNATURE_AND_SERVER_TIME.exec(errorMsg ?? '');
  if (times) {
    return parseSdkTime(times[1] ?? '') - parseSdkTime(times[2] ?? '');
  }
  const serverNow = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(serverNow) ? undefined : localNow - serverNow;
}

/** `the local clock is 20 minutes ahead of the API gateway's; it accepts 15`. */
export function describeClockSkew(skewMs: number): string {
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  const unit = minutes === 1 ? 'minute' : 'minutes';
  return `the local clock is ${minutes} ${unit} ${skewMs > 0 ? 'ahead of' : 'behind'} the API gateway's; it accepts ${maxClockSkewSeconds / 60}`;
}

/** Counts an AK's consecutive refusals, as the gateway does, to say when its lockout ends. */
export function createLockoutTracker(now: () => Date) {
  let failures = 0;
  let lockedUntil: Date | undefined;
  return {
    /** A request with the AK was accepted: the count starts again. */
    accepted(): void {
      failures = 0;
    },
    /** A 401 with the AK: returns when the lockout ends, if the AK is (now) locked. */
    refused(errorMsg: string | undefined): Date | undefined {
      const at = now();
      if (lockedUntil && at < lockedUntil) {
        return lockedUntil;
      }
      failures += 1;
      // The gateway's own word for it ends the doubt; otherwise the count says it.
      if (failures >= akLockout.consecutiveFailures || /\block/i.test(errorMsg ?? '')) {
        lockedUntil = new Date(at.getTime() + akLockout.seconds * 1000);
        failures = 0;
        return lockedUntil;
      }
      return undefined;
    },
  };
}

/** `the gateway locks an AK for 5 minutes after 5 consecutive failed authentications: ...until 03:20:00 UTC`. */
export function describeLockout(until: Date): string {
  const minutes = akLockout.seconds / 60;
  return (
    `the API gateway locks an AK for ${minutes} minutes after ${akLockout.consecutiveFailures} consecutive failed authentications, ` +
    `and refuses even correct requests with it until ${until.toISOString().replace(/\.\d+Z$/, 'Z')}: check the SK, then wait`
  );
}

/** Adds the clock or the lockout to a 401 of an AK/SK request: clockSkewMs, lockedUntil, and the message. */
export function explainAkSkRefusal(
  error: SmsApiError,
  response: Response,
  localNow: Date,
  lockout: ReturnType<typeof createLockoutTracker>,
): void {
  if (error.status !== 401) {
    return;
  }
  const skew = clockSkewOf(error.errorMsg, response.headers.get('Date'), localNow.getTime());
  if (skew !== undefined && Math.abs(skew) > CLOCK_HINT_MS) {
    // A refused clock is not a failed key: the lockout count is left alone (nothing says the gateway counts it).
    error.clockSkewMs = skew;
    error.message += `; ${describeClockSkew(skew)}`;
    return;
  }
  const until = lockout.refused(error.errorMsg);
  if (until) {
    error.lockedUntil = until;
    error.message += `; ${describeLockout(until)}`;
  }
}
