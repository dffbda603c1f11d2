// Strict mode: each 2xx body is checked against the spec's response schema.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { queryParameterSchema, strictSchema } from '../scripts/schema-keywords.mjs';
import { listErrorServersOkSchema } from '../src/generated/response-schema.js';
import { createSmsClient, SmsResponseError } from '../src/index.js';
import { strictResponses } from '../src/strict.js';
import { type LocalServer, sendJson, startLocalServer } from './helpers/local-server.js';
import { spec } from './helpers/spec-facts.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const good = {
  source_id: 'id',
  source_ip: '10.0.0.1',
  target_ip: null,
  name: 'web-1',
  host_name: null,
  error_json: '{}',
};
const nameMax = spec.components.schemas.MigrationError.properties.name.maxLength as number;

async function serving(body: unknown, strict = true) {
  server = await startLocalServer((_, response) => sendJson(response, 200, body));
  return createSmsClient({ baseUrl: server.url, token: 't', strict: strict ? strictResponses : undefined });
}

describe('strict mode', () => {
  it("accepts the mock's examples", async () => {
    const client = createSmsClient({ baseUrl: inject('mockUrl'), token: 't', strict: strictResponses });
    await expect(client.listMigrationErrors()).resolves.toMatchObject({ count: 4 });
    await expect(client.listMigrationErrors({}, { headers: { Prefer: 'example=empty' } })).resolves.toMatchObject({
      count: 0,
    });
  });

  it.each([
    [
      'a name over its maxLength',
      { count: 1, migration_errors: [{ ...good, name: 'n'.repeat(nameMax + 1) }] },
      `body.migration_errors[0].name must be at most ${nameMax} characters`,
    ],
    ['a negative count', { count: -1, migration_errors: [] }, 'body.count must be at least 0'],
    ['a fractional count', { count: 1.5, migration_errors: [] }, 'body.count must be integer, not number'],
    [
      'a missing field',
      { count: 1, migration_errors: [{ ...good, source_ip: undefined }] },
      'body.migration_errors[0].source_ip is required',
    ],
    [
      'a null where the spec allows none',
      { count: 1, migration_errors: [{ ...good, name: null }] },
      'body.migration_errors[0].name must be string, not null',
    ],
    ['no migration_errors', { count: 0 }, 'body.migration_errors is required'],
    ['an array body', [], 'body must be object, not array'],
  ])('names the first violation: %s', async (_, body, violation) => {
    const client = await serving(body);
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsResponseError);
    expect((error as SmsResponseError).violation).toBe(violation);
  });

  it('is off by default: the body comes back as it is (only count and migration_errors are checked)', async () => {
    const body = { count: 1, migration_errors: [{ ...good, name: 'n'.repeat(nameMax + 1) }] };
    const client = await serving(body, false);
    await expect(client.listMigrationErrors()).resolves.toEqual(body);
  });
});

describe('strict mode keywords (scripts/schema-keywords.mjs, run by the generator)', () => {
  const okSchema = spec.paths['/v3/errors'].get.responses['200'].content['application/json'].schema;

  it("carries every keyword of the spec's 200 schema that constrains a value", () => {
    expect(strictSchema(okSchema)).toEqual(listErrorServersOkSchema);
    expect(listErrorServersOkSchema.properties?.['migration_errors']?.items?.properties?.['name']?.maxLength).toBe(
      nameMax,
    );
  });

  it.each([
    ['enum', { type: 'string', enum: ['a', 'b'] }],
    ['const', { const: 1 }],
    ['additionalProperties', { type: 'object', additionalProperties: false }],
    ['oneOf', { oneOf: [{ type: 'string' }, { type: 'integer' }] }],
  ])('fails loudly, naming the place, on a keyword it does not check: %s', (keyword, schema) => {
    const inResponse = {
      type: 'object',
      properties: { migration_errors: { type: 'array', items: { type: 'object', properties: { name: schema } } } },
    };
    expect(() => strictSchema(inResponse)).toThrow(
      `the 200 schema.properties.migration_errors.items.properties.name: the keyword "${keyword}" is not checked by strict mode`,
    );
    expect(() =>
      queryParameterSchema({ ...schema, type: 'string', minLength: 0, maxLength: 1 }, 'query parameter name'),
    ).toThrow(`query parameter name: the keyword "${keyword}"`);
  });

  it('refuses pattern in strict mode, and carries it for the query checks (src/query.ts checks it)', () => {
    const inResponse = { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]+$' } } };
    expect(() => strictSchema(inResponse)).toThrow(
      'the 200 schema.properties.name: the keyword "pattern" is not checked by strict mode',
    );
    expect(
      queryParameterSchema({ type: 'string', minLength: 0, maxLength: 1, pattern: '^[a-z]+$' }, 'query parameter name'),
    ).toEqual({
      type: 'string',
      minLength: 0,
      maxLength: 1,
      pattern: '^[a-z]+$',
    });
  });

  it('accepts format only where the bounds it names are checked anyway', () => {
    expect(strictSchema({ type: 'integer', format: 'int32', minimum: 0, maximum: 10 })).toEqual({
      type: 'integer',
      minimum: 0,
      maximum: 10,
    });
    expect(() => strictSchema({ type: 'integer', format: 'int32' })).toThrow(/format "int32" is not checked/);
    expect(() => strictSchema({ type: 'string', format: 'email' })).toThrow(/format "email" is not checked/);
  });

  it('leaves out annotations and extensions', () => {
    expect(strictSchema({ type: 'string', description: 'd', example: 'e', title: 't', 'x-any': 1 })).toEqual({
      type: 'string',
    });
  });
});
