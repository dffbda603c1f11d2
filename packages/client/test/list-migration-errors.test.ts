// listMigrationErrors end to end against the real Prism mock of spec/openapi.yaml.
import { describe, expect, inject, it } from 'vitest';
import { createSmsClient, SmsApiError } from '../src/index.js';
import { createRawSmsClient } from '../src/raw.js';
import { specExample } from './helpers/spec-examples.js';

const baseUrl = inject('mockUrl');

/** A fetch that records every request before passing it on to the real one. */
function recordingFetch() {
  const requests: Request[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return globalThis.fetch(request);
  };
  return { requests, fetch };
}

describe('listMigrationErrors against the mock', () => {
  it("returns the page's own 200 example, typed, and every error_json in it parses", async () => {
    const client = createSmsClient({ baseUrl, token: 'test-token' });
    const page = await client.listMigrationErrors({ limit: 10 });

    expect(page).toEqual(specExample('page-example'));
    expect(page.count).toBe(4);
    expect(page.migration_errors.map((server) => server.name)).toEqual([
      'sms-ubuntu',
      'sms-win08',
      'sms-win16',
      'sms-centos',
    ]);
    expect(page.migration_errors[0]?.host_name).toBeNull();
    for (const server of page.migration_errors) {
      const decoded = JSON.parse(server.error_json) as { error_code: unknown; error_param: unknown };
      expect(decoded.error_code).toMatch(/^SMS\.\d{4}$/);
      // error_param is a JSON-encoded array of strings inside the JSON document.
      expect(typeof decoded.error_param).toBe('string');
      const params = JSON.parse(decoded.error_param as string) as unknown[];
      expect(Array.isArray(params)).toBe(true);
      for (const param of params) {
        expect(typeof param).toBe('string');
      }
    }
  });

  it('always sends offset (default 0), maps enterpriseProjectId, and sends the token', async () => {
    const { requests, fetch } = recordingFetch();
    const client = createSmsClient({ baseUrl, token: 'test-token', fetch });
    await client.listMigrationErrors();
    await client.listMigrationErrors({ limit: 5, offset: 20, enterpriseProjectId: 'ep-1' });

    const [first, second] = requests.map((request) => new URL(request.url));
    expect(first?.pathname).toBe('/v3/errors');
    expect(Object.fromEntries(first?.searchParams ?? [])).toEqual({ offset: '0' });
    expect(Object.fromEntries(second?.searchParams ?? [])).toEqual({
      limit: '5',
      offset: '20',
      enterprise_project_id: 'ep-1',
    });
    expect(requests[0]?.headers.get('X-Auth-Token')).toBe('test-token');
  });

  it('calls a token function before every request', async () => {
    const { requests, fetch } = recordingFetch();
    let issued = 0;
    const client = createSmsClient({ baseUrl, fetch, token: async () => `token-${++issued}` });
    await client.listMigrationErrors();
    await client.listMigrationErrors();
    expect(requests.map((request) => request.headers.get('X-Auth-Token'))).toEqual(['token-1', 'token-2']);
  });

  it('returns an empty page for the "empty" example (Prefer: example=empty)', async () => {
    const client = createSmsClient({ baseUrl, token: 'test-token' });
    const page = await client.listMigrationErrors({}, { headers: { Prefer: 'example=empty' } });
    expect(page).toEqual({ count: 0, migration_errors: [] });
  });

  it("throws SmsApiError with the page's 403 body (Prefer: code=403)", async () => {
    const client = createSmsClient({ baseUrl, token: 'test-token' });
    const error = await client.listMigrationErrors({}, { headers: { Prefer: 'code=403' } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SmsApiError);
    const apiError = error as SmsApiError;
    expect(apiError.status).toBe(403);
    expect(apiError.errorCode).toBe('SMS.9004');
    expect(apiError.errorMsg).toMatch(/^The current account does not have the permission/);
    expect(apiError.body).toEqual(specExample('forbidden'));
    expect(apiError.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(apiError.message).toContain('403 SMS.9004');
  });

  it('throws SmsApiError 401 when no credentials are given', async () => {
    const client = createSmsClient({ baseUrl });
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect((error as SmsApiError).status).toBe(401);
    expect((error as SmsApiError).errorCode).toBe('APIGW.0301');
  });

  it.each([
    [400, 'SMS.9005'],
    [500, 'SMS.6301'],
  ])('throws SmsApiError %i with the example body (Prefer: code=%i)', async (status, errorCode) => {
    const client = createSmsClient({ baseUrl, token: 'test-token', retries: 0 });
    const error = await client
      .listMigrationErrors({}, { headers: { Prefer: `code=${status}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect(error).toMatchObject({ status, errorCode });
  });

  it('gives the openapi-fetch client for the raw response (@sms-errors/client/raw)', async () => {
    const client = createRawSmsClient({ baseUrl, token: 'test-token' });
    const { data, response } = await client.GET('/v3/errors', { params: { query: { offset: 0, limit: 1 } } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(data?.count).toBe(4);
  });
});
