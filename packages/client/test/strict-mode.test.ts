// Strict mode: each 2xx body is checked against the spec's response schema.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createSmsClient, SmsResponseError } from '../src/index.js';
import { strictResponses } from '../src/strict.js';
import { sendJson, startLocalServer, type LocalServer } from './helpers/local-server.js';
import { spec } from './helpers/spec-facts.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const good = { source_id: 'id', source_ip: '10.0.0.1', target_ip: null, name: 'web-1', host_name: null, error_json: '{}' };
const nameMax = spec.components.schemas.MigrationError.properties.name.maxLength as number;

async function serving(body: unknown, strict = true) {
  server = await startLocalServer((_, response) => sendJson(response, 200, body));
  return createSmsClient({ baseUrl: server.url, token: 't', strict: strict ? strictResponses : undefined });
}

describe('strict mode', () => {
  it("accepts the mock's examples", async () => {
    const client = createSmsClient({ baseUrl: inject('mockUrl'), token: 't', strict: strictResponses });
    await expect(client.listMigrationErrors()).resolves.toMatchObject({ count: 4 });
    await expect(client.listMigrationErrors({}, { headers: { Prefer: 'example=empty' } })).resolves.toMatchObject({ count: 0 });
  });

  it.each([
    ['a name over its maxLength', { count: 1, migration_errors: [{ ...good, name: 'n'.repeat(nameMax + 1) }] }, `body.migration_errors[0].name must be at most ${nameMax} characters`],
    ['a negative count', { count: -1, migration_errors: [] }, 'body.count must be at least 0'],
    ['a fractional count', { count: 1.5, migration_errors: [] }, 'body.count must be integer, not number'],
    ['a missing field', { count: 1, migration_errors: [{ ...good, source_ip: undefined }] }, 'body.migration_errors[0].source_ip is required'],
    ['a null where the spec allows none', { count: 1, migration_errors: [{ ...good, name: null }] }, 'body.migration_errors[0].name must be string, not null'],
    ['no migration_errors', { count: 0 }, 'body.migration_errors is required'],
    ['an array body', [], 'body must be object, not array'],
  ])('names the first violation: %s', async (_, body, violation) => {
    const client = await serving(body);
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsResponseError);
    expect((error as SmsResponseError).violation).toBe(violation);
  });

  it('is off by default: the body comes back as it is', async () => {
    const body = { count: -1, migration_errors: [] };
    const client = await serving(body, false);
    await expect(client.listMigrationErrors()).resolves.toEqual(body);
  });
});
