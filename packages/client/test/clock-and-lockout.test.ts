// The gateway's refusals said plainly, against the sandbox: a client clock 20 minutes ahead (or behind) is
// named with its offset and the gateway's limit from the spec, and the lockout of an AK after consecutive
// failures (the sandbox's --lockout) is named with when it ends.

import { type RunningSandbox, sandboxTestCredentials, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  akLockout,
  akSkProvider,
  clockSkewOf,
  describeClockSkew,
  maxClockSkewSeconds,
} from '../src/credentials-from-env.js';
import { createSmsClient, SmsApiError } from '../src/index.js';

let sandbox: RunningSandbox;
let locking: RunningSandbox;
beforeAll(async () => {
  [sandbox, locking] = await Promise.all([startSandbox({ size: 3 }), startSandbox({ size: 3, lockout: true })]);
}, 30_000);
afterAll(() => Promise.all([sandbox?.stop(), locking?.stop()]));

const MINUTE = 60_000;

async function refusal(promise: Promise<unknown>): Promise<SmsApiError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SmsApiError);
  return error as SmsApiError;
}

describe('a local clock far from the gateway', () => {
  it.each([
    [20, 'ahead of'],
    [-20, 'behind'],
  ])('names a clock %i minutes off, and the limit the spec gives', async (minutes, word) => {
    const now = () => new Date(Date.now() + minutes * MINUTE);
    const client = createSmsClient({
      baseUrl: sandbox.url,
      auth: akSkProvider({ ...sandboxTestCredentials }, { now }),
    });
    const error = await refusal(client.listMigrationErrors());
    expect(error.status).toBe(401);
    expect(error.message).toContain(
      `the local clock is 20 minutes ${word} the API gateway's; it accepts ${maxClockSkewSeconds / 60}`,
    );
    // From the gateway's "signature time, server time": exact to the second.
    expect(Math.abs((error.clockSkewMs ?? 0) - minutes * MINUTE)).toBeLessThan(5_000);
  });

  it('reads the offset from the Date header when the message does not carry it', () => {
    const date = new Date(Date.parse('2026-12-02T03:00:00Z')).toUTCString();
    expect(
      clockSkewOf(
        'Incorrect IAM authentication information: verify aksk signature fail',
        date,
        Date.parse('2026-12-02T03:07:00Z'),
      ),
    ).toBe(7 * MINUTE);
    expect(describeClockSkew(-7 * MINUTE)).toBe(
      `the local clock is 7 minutes behind the API gateway's; it accepts ${maxClockSkewSeconds / 60}`,
    );
  });

  it('says nothing of the clock when it is close, and the request passes', async () => {
    const client = createSmsClient({
      baseUrl: sandbox.url,
      auth: akSkProvider({ ...sandboxTestCredentials }, { now: () => new Date(Date.now() + 2 * MINUTE) }),
    });
    await expect(client.listMigrationErrors()).resolves.toMatchObject({ count: 3 });
  });
});

describe("the gateway's lockout of an AK", () => {
  it(`names the lockout and its end after ${akLockout.consecutiveFailures} consecutive failures, and a correct SK is refused until then`, async () => {
    const wrong = createSmsClient({
      baseUrl: locking.url,
      auth: akSkProvider({ ...sandboxTestCredentials, sk: 'a-wrong-sk' }),
    });
    const errors: SmsApiError[] = [];
    for (let i = 0; i < akLockout.consecutiveFailures; i++) {
      errors.push(await refusal(wrong.listMigrationErrors()));
    }
    const before = errors.slice(0, -1);
    for (const error of before) {
      expect(error.lockedUntil).toBeUndefined();
    }
    const last = errors.at(-1)!;
    expect(last.lockedUntil).toBeInstanceOf(Date);
    expect(last.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (akLockout.seconds - 60) * 1000);
    expect(last.message).toMatch(
      new RegExp(
        `locks an AK for ${akLockout.seconds / 60} minutes after ${akLockout.consecutiveFailures} consecutive failed authentications, and refuses even correct requests with it until \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ`,
      ),
    );
    expect(last.message).not.toContain('a-wrong-sk');
    // Now even the right SK is refused, and a fresh client (which counted nothing) is told by the gateway's words.
    const right = await refusal(
      createSmsClient({
        baseUrl: locking.url,
        auth: akSkProvider({ ...sandboxTestCredentials }),
      }).listMigrationErrors(),
    );
    expect(right).toMatchObject({ status: 401, errorCode: 'APIGW.0301', errorMsg: expect.stringContaining('locked') });
    expect(right.lockedUntil).toBeInstanceOf(Date);
  });

  it('is off by default: wrong keys do not lock the shared test AK', async () => {
    const wrong = createSmsClient({
      baseUrl: sandbox.url,
      credentials: { ...sandboxTestCredentials, sk: 'a-wrong-sk' },
    });
    for (let i = 0; i < akLockout.consecutiveFailures + 1; i++) {
      await refusal(wrong.listMigrationErrors());
    }
    await expect(
      createSmsClient({ baseUrl: sandbox.url, credentials: { ...sandboxTestCredentials } }).listMigrationErrors(),
    ).resolves.toMatchObject({ count: 3 });
  });
});
