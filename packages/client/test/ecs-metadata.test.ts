// An ECS agency's temporary AK/SK from a fake of the metadata service on loopback (never 169.254.169.254):
// the session token is required, the credentials are fetched again before they expire, the project id comes
// from meta_data.json, and the sandbox accepts the temporary AK/SK with its security token, signed.

import { type RunningSandbox, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsAgencyCredentials, resolveCredentials, SmsCredentialsError } from '../src/credentials-from-env.js';
import { createSmsClient } from '../src/index.js';
import { type LocalServer, startLocalServer } from './helpers/local-server.js';

const agency = {
  ak: 'ECSTEMPAK00000000001',
  sk: 'ecs-temporary-sk-never-shown',
  securityToken: 'ecs-security-token-never-shown',
  projectId: '0000000000000000000000000000ecs1',
};
const SESSION = 'session-token-from-put';
// The fake's clock for expires_at; each securitykey answer expires an hour after it.
let expiresAt = Date.parse('2026-12-02T10:00:00.000000Z');

let metadata: LocalServer;
let sandbox: RunningSandbox;
beforeAll(async () => {
  metadata = await startLocalServer((request, response) => {
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method === 'PUT' && request.url.pathname === '/meta-data/latest/api/token') {
      if (!request.headers['x-metadata-token-ttl-seconds']) {
        return json(400, {});
      }
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end(SESSION);
      return;
    }
    // Without the session token, nothing: as the service answers when IMDS tokens are required.
    if (request.headers['x-metadata-token'] !== SESSION) {
      return json(401, {});
    }
    if (request.url.pathname === '/openstack/latest/securitykey') {
      return json(200, {
        credential: {
          access: agency.ak,
          secret: agency.sk,
          securitytoken: agency.securityToken,
          expires_at: new Date(expiresAt).toISOString(),
        },
      });
    }
    if (request.url.pathname === '/openstack/latest/meta_data.json') {
      return json(200, { project_id: agency.projectId, uuid: 'x' });
    }
    return json(404, {});
  });
  sandbox = await startSandbox({ size: 2, credentials: agency });
}, 30_000);
afterAll(() => Promise.all([metadata?.close(), sandbox?.stop()]));

describe('ECS agency credentials from the metadata service (a loopback fake)', () => {
  it('asks for a session token first and sends it with every read', async () => {
    metadata.requests.length = 0;
    const credentials = await ecsAgencyCredentials({
      endpoint: metadata.url,
      now: () => new Date(expiresAt - 3_600_000),
    })();
    expect(credentials).toMatchObject({ ...agency, expiresAt: new Date(expiresAt) });
    expect(metadata.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'PUT /meta-data/latest/api/token',
      'GET /openstack/latest/securitykey',
      'GET /openstack/latest/meta_data.json',
    ]);
    for (const request of metadata.requests.slice(1)) {
      expect(request.headers['x-metadata-token']).toBe(SESSION);
    }
  });

  it('keeps the credentials, and fetches them again before expires_at', async () => {
    metadata.requests.length = 0;
    let clock = expiresAt - 3_600_000;
    const get = ecsAgencyCredentials({ endpoint: metadata.url, now: () => new Date(clock) });
    await get();
    clock += 30 * 60_000;
    await get();
    expect(metadata.requests.filter((r) => r.url.pathname.endsWith('securitykey'))).toHaveLength(1);
    // Four minutes before expiry: fetched again (the project id is kept).
    clock = expiresAt - 4 * 60_000;
    expiresAt += 3_600_000;
    const renewed = await get();
    expect(renewed.expiresAt).toEqual(new Date(expiresAt));
    expect(metadata.requests.filter((r) => r.url.pathname.endsWith('securitykey'))).toHaveLength(2);
    expect(metadata.requests.filter((r) => r.url.pathname.endsWith('meta_data.json'))).toHaveLength(1);
  });

  it('signs with the temporary AK/SK and its security token, which the sandbox accepts (forced source ecs, SMS_METADATA_ENDPOINT)', async () => {
    const resolved = await resolveCredentials({
      source: 'ecs',
      env: { SMS_METADATA_ENDPOINT: metadata.url },
      home: '/nonexistent',
    });
    expect(resolved).toMatchObject({ source: 'ecs', detail: expect.stringContaining(metadata.url) });
    await expect(
      createSmsClient({ baseUrl: sandbox.url, auth: resolved.auth }).listMigrationErrors(),
    ).resolves.toMatchObject({ count: 2 });
  });

  it('says in one line that the service does not answer, naming the URL and nothing secret', async () => {
    const closed = await startLocalServer((_request, response) => {
      response.destroy();
    });
    await closed.close();
    const error = await ecsAgencyCredentials({ endpoint: closed.url })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsCredentialsError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${closed.url}/meta-data/latest/api/token: no answer \\(ECONNREFUSED\\)`),
    );
  });

  it('names a missing field of the security key', async () => {
    const broken = await startLocalServer((request, response) => {
      if (request.method === 'PUT') {
        response.end(SESSION);
        return;
      }
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(
          JSON.stringify({ credential: { access: agency.ak, expires_at: '2026-12-02T10:00:00Z' }, project_id: 'p' }),
        );
    });
    const error = await ecsAgencyCredentials({ endpoint: broken.url })().catch((e: unknown) => e);
    await broken.close();
    expect((error as Error).message).toMatch(/securitykey credential\.secret: missing$/);
  });
});
