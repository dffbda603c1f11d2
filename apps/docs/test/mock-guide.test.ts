// The mock guide (content/mock.md and the scenario list generated from the spec) tells the truth about
// the real Prism mock: every listed Prefer header gets its status and example, and the credential and
// bound behaviour it describes is what the mock does.
import { type RunningMock, startMock } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpec } from '../scripts/docs-spec.mjs';
import { mockScenarios } from '../scripts/mock-scenarios.mjs';

const spec = readSpec();
const scenarios: { status: number; example: string; value: unknown; prefer: string }[] = mockScenarios(spec);
const limit = spec.paths['/v3/errors'].get.parameters.find((p: { name: string }) => p.name === 'limit');
const credentials = { 'X-Auth-Token': 'docs-mock-guide-test-token' };

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock?.stop();
});

const list = (query: string, headers: Record<string, string>) => fetch(`${mock.url}/v3/errors?${query}`, { headers });

describe('mock guide', () => {
  it('has a scenario for every response of the operation', () => {
    expect(scenarios.map(({ status }) => status)).toEqual(
      expect.arrayContaining(Object.keys(spec.paths['/v3/errors'].get.responses).map(Number)),
    );
  });

  it.each(scenarios.map((scenario) => [scenario.prefer, scenario] as const))(
    'Prefer: %s gets that status and example',
    async (_, scenario) => {
      const response = await list('offset=0', { ...credentials, Prefer: scenario.prefer });
      expect(response.status).toBe(scenario.status);
      expect(await response.json()).toEqual(scenario.value);
    },
  );

  it('serves the full page the guide promises: Prefer: example=full-page, the largest limit of records', async () => {
    const response = await list('offset=0', { ...credentials, Prefer: 'example=full-page' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { count: number; migration_errors: unknown[] };
    expect(body.migration_errors).toHaveLength(limit.schema.maximum);
    expect(body.count).toBeGreaterThanOrEqual(limit.schema.maximum);
  });

  it('serves the first 200 example with no Prefer header', async () => {
    const response = await list('offset=0', credentials);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(scenarios.find(({ status }) => status === 200)?.value);
  });

  it('answers 401 to a request with no credentials', async () => {
    const response = await list('offset=0', {});
    await response.arrayBuffer();
    expect(response.status).toBe(401);
  });

  it('answers 400 naming the parameter in sl-violations when a bound is broken', async () => {
    const response = await list(`offset=0&limit=${limit.schema.maximum + 1}`, credentials);
    await response.arrayBuffer();
    expect(response.status).toBe(400);
    expect(response.headers.get('sl-violations')).toContain('limit');
  });
});
