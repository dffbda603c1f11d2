// Both credential methods end to end through the real Prism mock, and credentials from the environment.
import { describe, expect, inject, it } from 'vitest';
import { credentialsFromEnv } from '../src/credentials-from-env.js';
import { createSmsClient, SmsNetworkError, SmsValidationError } from '../src/index.js';

const baseUrl = inject('mockUrl');

function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return globalThis.fetch(request);
  };
  return { requests, fetch };
}

const credentials = { ak: 'HPUAEXAMPLEAK', sk: 'example-secret-key', projectId: '0123456789abcdef0123456789abcdef' };

describe('AK/SK signing against the mock', () => {
  it('signs the request and the mock accepts it', async () => {
    const { requests, fetch } = recordingFetch();
    const client = createSmsClient({ baseUrl, credentials, fetch, now: () => new Date('2026-11-27T03:15:00Z') });
    await expect(client.listMigrationErrors({ limit: 10 })).resolves.toMatchObject({ count: 4 });

    const headers = requests[0]!.headers;
    expect(headers.get('X-Sdk-Date')).toBe('20261127T031500Z');
    expect(headers.get('X-Project-Id')).toBe(credentials.projectId);
    expect(headers.get('Authorization')).toMatch(
      /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(headers.get('X-Auth-Token')).toBeNull();
  });

  it('gives the same signature for the same request and clock, a different one a second later', async () => {
    const signatures: string[] = [];
    for (const time of ['2026-11-27T03:15:00Z', '2026-11-27T03:15:00Z', '2026-11-27T03:15:01Z']) {
      const { requests, fetch } = recordingFetch();
      await createSmsClient({ baseUrl, credentials, fetch, now: () => new Date(time) }).listMigrationErrors();
      signatures.push(requests[0]!.headers.get('Authorization')!);
    }
    expect(signatures[0]).toBe(signatures[1]);
    expect(signatures[2]).not.toBe(signatures[0]);
  });

  it('sends and signs X-Security-Token for temporary credentials', async () => {
    const { requests, fetch } = recordingFetch();
    await createSmsClient({
      baseUrl,
      fetch,
      credentials: { ...credentials, securityToken: 'temporary-token' },
    }).listMigrationErrors();
    expect(requests[0]!.headers.get('X-Security-Token')).toBe('temporary-token');
    expect(requests[0]!.headers.get('Authorization')).toContain(
      'SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,',
    );
  });

  it('prefers AK/SK when a token is given too', async () => {
    const { requests, fetch } = recordingFetch();
    await createSmsClient({ baseUrl, fetch, credentials, token: 'a-token' }).listMigrationErrors();
    expect(requests[0]!.headers.get('Authorization')).toMatch(/^SDK-HMAC-SHA256 /);
    expect(requests[0]!.headers.get('X-Auth-Token')).toBeNull();
  });

  it('refuses incomplete credentials when the client is made', () => {
    expect(() => createSmsClient({ baseUrl, credentials: { ...credentials, sk: '' } })).toThrow(SmsValidationError);
    expect(() => createSmsClient({ baseUrl, credentials: { ...credentials, projectId: 'p\r\n' } })).toThrow(
      SmsValidationError,
    );
  });

  it('refuses an empty security token, which would silently not be sent', () => {
    expect(() => createSmsClient({ baseUrl, credentials: { ...credentials, securityToken: '' } })).toThrow(
      expect.objectContaining({ name: 'SmsValidationError', parameter: 'securityToken' }),
    );
  });
});

describe('a token function that throws', () => {
  // Its failure (a failed IAM call, say) is the caller's own: it reaches the caller as it is, is not retried
  // (the function has its own policy), and is never dressed as a network error.
  it('rejects with its own error, not retried; nothing is sent', async () => {
    const { requests, fetch } = recordingFetch();
    const thrown = new Error('IAM refused the login');
    let calls = 0;
    const token = () => {
      calls++;
      throw thrown;
    };
    const rejection = await createSmsClient({ baseUrl, fetch, token, retries: 2, retryDelayMs: 1 })
      .listMigrationErrors()
      .catch((error: unknown) => error);
    expect(rejection).toBe(thrown);
    expect(rejection).not.toBeInstanceOf(SmsNetworkError);
    expect(calls).toBe(1);
    expect(requests).toHaveLength(0);
  });
});

describe('credentialsFromEnv', () => {
  const aksk = { HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk', HUAWEICLOUD_SDK_PROJECT_ID: 'project' };

  it('reads a token', () => {
    expect(credentialsFromEnv({ SMS_AUTH_TOKEN: 'tok' })).toEqual({ token: 'tok' });
  });

  it('reads AK/SK with the project id and an optional security token', () => {
    expect(credentialsFromEnv(aksk)).toEqual({ credentials: { ak: 'ak', sk: 'sk', projectId: 'project' } });
    expect(credentialsFromEnv({ ...aksk, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'st' })).toEqual({
      credentials: { ak: 'ak', sk: 'sk', projectId: 'project', securityToken: 'st' },
    });
  });

  it('lets AK/SK win over a token', () => {
    expect(credentialsFromEnv({ ...aksk, SMS_AUTH_TOKEN: 'tok' })).toEqual({
      credentials: { ak: 'ak', sk: 'sk', projectId: 'project' },
    });
  });

  it.each([
    [{ HUAWEICLOUD_SDK_AK: 'ak' }, 'HUAWEICLOUD_SDK_SK'],
    [{ HUAWEICLOUD_SDK_SK: 'sk', SMS_AUTH_TOKEN: 'tok' }, 'HUAWEICLOUD_SDK_AK'],
    [{ HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk' }, 'HUAWEICLOUD_SDK_PROJECT_ID'],
  ])('refuses a half-set AK/SK pair %o, naming %s and never the values', (env, missing) => {
    try {
      credentialsFromEnv(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SmsValidationError);
      expect((error as SmsValidationError).parameter).toBe(missing);
      expect((error as Error).message).not.toMatch(/\b(ak|sk|tok)\b(?!\w)/);
    }
  });

  it('returns nothing when nothing is set, and reads process.env by default', () => {
    expect(credentialsFromEnv({})).toEqual({});
    expect(credentialsFromEnv()).toEqual(credentialsFromEnv(process.env));
  });

  it('feeds createSmsClient directly', async () => {
    const client = createSmsClient({ baseUrl, ...credentialsFromEnv({ SMS_AUTH_TOKEN: 'tok' }) });
    await expect(client.listMigrationErrors()).resolves.toMatchObject({ count: 4 });
  });
});
