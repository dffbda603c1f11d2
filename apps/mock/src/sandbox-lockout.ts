// The gateway's lockout of an AK, which the sandbox can imitate (--lockout, SANDBOX_LOCKOUT=on; off by default,
// so that tests of wrong keys do not lock the shared test AK): after N consecutive failed AK/SK
// authentications (spec: x-sms-lockout) every request with that AK is refused for a while, a correct one too.
import type { IncomingHttpHeaders } from 'node:http';
import { parseAuthorization } from './verify-signature.js';

export interface LockoutRule {
  consecutiveFailures: number;
  seconds: number;
}

/** The spec's lockout rule (on the AK/SK signature scheme). */
export function lockoutRule(spec: Record<string, unknown>): LockoutRule {
  const schemes = Object(Object(spec['components'])['securitySchemes']) as Record<string, Record<string, unknown>>;
  const rule = Object.values(schemes).find((scheme) => scheme['x-sms-lockout'])?.['x-sms-lockout'] as
    | LockoutRule
    | undefined;
  if (!rule) {
    throw new Error('spec: no security scheme states x-sms-lockout');
  }
  return rule;
}

export function createLockout(rule: LockoutRule, now: () => Date) {
  const failures = new Map<string, number>();
  const lockedUntil = new Map<string, number>();
  const accessKey = (headers: IncomingHttpHeaders) => {
    const value = headers['authorization'];
    return parseAuthorization(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''))?.access;
  };
  return {
    /** The refusal for a locked AK, or undefined. */
    locked(headers: IncomingHttpHeaders): string | undefined {
      const ak = accessKey(headers);
      const until = ak === undefined ? undefined : lockedUntil.get(ak);
      if (until === undefined || now().getTime() >= until) {
        return undefined;
      }
      return `the access key is locked after ${rule.consecutiveFailures} consecutive failed authentications, until ${new Date(until).toISOString().replace(/\.\d+Z$/, 'Z')}`;
    },
    /** Counts the outcome of an AK/SK authentication. */
    record(headers: IncomingHttpHeaders, failed: boolean): void {
      const ak = accessKey(headers);
      if (ak === undefined) {
        return;
      }
      if (!failed) {
        failures.delete(ak);
        return;
      }
      const count = (failures.get(ak) ?? 0) + 1;
      if (count >= rule.consecutiveFailures) {
        failures.delete(ak);
        lockedUntil.set(ak, now().getTime() + rule.seconds * 1000);
      } else {
        failures.set(ak, count);
      }
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;
