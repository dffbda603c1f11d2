// Checked input: every query value and the token are checked against the spec's bounds before anything
// is sent. The fetch here counts calls: a refused value must leave it at zero.
import { describe, expect, it, vi } from 'vitest';
import { createSmsClient, type ListMigrationErrorsQuery, SmsValidationError } from '../src/index.js';
import { querySchema, spec } from './helpers/spec-facts.js';

function clientWithSpy(token: unknown = 'test-token') {
  const fetch = vi.fn(
    async () => new Response('{"count":0,"migration_errors":[]}', { headers: { 'Content-Type': 'application/json' } }),
  );
  const client = createSmsClient({ baseUrl: 'http://127.0.0.1:4', token: token as string, fetch, retries: 0 });
  return { client, fetch };
}

async function refusal(query: unknown, headers?: Record<string, string>) {
  const { client, fetch } = clientWithSpy();
  const error = await client
    .listMigrationErrors(query as ListMigrationErrorsQuery, { headers })
    .catch((e: unknown) => e);
  expect(fetch).not.toHaveBeenCalled();
  expect(error).toBeInstanceOf(SmsValidationError);
  return error as SmsValidationError;
}

const limit = querySchema('limit');
const offset = querySchema('offset');
const enterpriseProjectId = querySchema('enterprise_project_id');

describe('query values are checked against the spec before sending', () => {
  it.each([
    ['limit above its maximum', { limit: limit.maximum! + 1 }, 'limit'],
    ['limit below its minimum', { limit: limit.minimum! - 1 }, 'limit'],
    ['offset above its maximum', { offset: offset.maximum! + 1 }, 'offset'],
    ['offset below its minimum', { offset: offset.minimum! - 1 }, 'offset'],
    ['a fractional limit', { limit: 1.5 }, 'limit'],
    ['NaN', { limit: Number.NaN }, 'limit'],
    ['Infinity', { offset: Number.POSITIVE_INFINITY }, 'offset'],
    ['negative zero', { offset: -0 }, 'offset'],
    ['a numeric string', { limit: '10' }, 'limit'],
    ['a huge number', { offset: 2 ** 53 }, 'offset'],
    [
      'a too-long enterprise project id',
      { enterpriseProjectId: 'e'.repeat(enterpriseProjectId.maxLength! + 1) },
      'enterpriseProjectId',
    ],
    ['a non-string enterprise project id', { enterpriseProjectId: 42 }, 'enterpriseProjectId'],
    ['a CR/LF in the enterprise project id', { enterpriseProjectId: 'a\r\nX-Evil: 1' }, 'enterpriseProjectId'],
  ])('refuses %s, naming the parameter and its bound', async (_, query, parameter) => {
    const error = await refusal(query);
    expect(error.parameter).toBe(parameter);
    if (parameter !== 'enterpriseProjectId') {
      const schema = parameter === 'limit' ? limit : offset;
      expect(error.message).toContain(`from ${schema.minimum} to ${schema.maximum}`);
    }
  });

  it("refuses a NUL in the enterprise project id by the spec's pattern, as the mock and the sandbox do", async () => {
    expect(enterpriseProjectId.pattern).toBeDefined();
    const error = await refusal({ enterpriseProjectId: 'a\u0000b' });
    expect(error.parameter).toBe('enterpriseProjectId');
    expect(error.message).toContain(`a string matching ${enterpriseProjectId.pattern}`);
  });

  it('names the string bound from the spec', async () => {
    const error = await refusal({ enterpriseProjectId: 'e'.repeat(enterpriseProjectId.maxLength! + 1) });
    expect(error.message).toContain(`${enterpriseProjectId.minLength} to ${enterpriseProjectId.maxLength} characters`);
  });

  it('refuses an unknown key, and wire names, listing the known ones', async () => {
    for (const key of ['page', 'enterprise_project_id']) {
      const error = await refusal({ [key]: 1 });
      expect(error.parameter).toBe(key);
      expect(error.message).toContain('enterpriseProjectId');
    }
  });

  it('refuses a query that is not an object', async () => {
    expect((await refusal('limit=10')).parameter).toBe('query');
  });

  it('refuses control characters in extra header values', async () => {
    const error = await refusal({}, { Prefer: 'code=403\r\nX-Injected: 1' });
    expect(error.parameter).toBe('header Prefer');
  });

  it('accepts the edges of every bound and sends them', async () => {
    const { client, fetch } = clientWithSpy();
    await client.listMigrationErrors({
      limit: limit.minimum!,
      offset: offset.maximum!,
      enterpriseProjectId: 'e'.repeat(enterpriseProjectId.maxLength!),
    });
    await client.listMigrationErrors({ limit: limit.maximum!, offset: offset.minimum!, enterpriseProjectId: '' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('the token is checked against the bound the spec states', () => {
  const bound = spec.components.securitySchemes.authToken['x-sms-value-schema'];

  it.each([
    ['empty', ''],
    ['one character too long', 't'.repeat(bound.maxLength + 1)],
    ['with a line feed', 'abc\ndef'],
    ['with a NUL', 'abc\u0000def'],
  ])('refuses a token that is %s when the client is made', (_, token) => {
    expect(() => clientWithSpy(token)).toThrow(SmsValidationError);
    try {
      clientWithSpy(token);
    } catch (error) {
      expect((error as SmsValidationError).parameter).toBe('token');
      expect((error as Error).message).toMatch(
        new RegExp(`${bound.minLength} to ${bound.maxLength} characters|control characters`),
      );
    }
  });

  it('accepts a token of the maximum length', async () => {
    const { client, fetch } = clientWithSpy('t'.repeat(bound.maxLength));
    await client.listMigrationErrors();
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('checks what a token function returns, before sending', async () => {
    const { client, fetch } = clientWithSpy(async () => '');
    await expect(client.listMigrationErrors()).rejects.toBeInstanceOf(SmsValidationError);
    expect(fetch).not.toHaveBeenCalled();
  });
});
