// --dynamic with a seed: bodies generated from the schemas, the same for the same seed (across requests and
// across runs), different for another seed, and kept within the page's bounds by the served spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { limitParameter, migrationErrorFields } from './helpers.js';

let runs: RunningMock[] = [];
beforeAll(async () => {
  runs = await Promise.all([
    startMock({ dynamic: true, seed: 'a' }),
    startMock({ dynamic: true, seed: 'a' }),
    startMock({ dynamic: true, seed: 'b' }),
  ]);
});
afterAll(() => Promise.all(runs.map((run) => run.stop())));

async function body(mock: RunningMock | undefined): Promise<string> {
  const response = await fetch(`${mock?.url}/v3/errors?offset=0`, { headers: { 'X-Auth-Token': 't' } });
  expect(response.status).toBe(200);
  return response.text();
}

describe('--dynamic --seed', () => {
  it('gives the same body for the same request, twice in one run and in a second run', async () => {
    const [a1, a2] = runs;
    const first = await body(a1);
    expect(await body(a1)).toBe(first);
    expect(await body(a2)).toBe(first);
  });

  it('gives another body for another seed', async () => {
    expect(await body(runs[2])).not.toBe(await body(runs[0]));
  });

  it('keeps generated pages within the largest limit and without made-up properties', async () => {
    const page = JSON.parse(await body(runs[0])) as { migration_errors: Record<string, unknown>[] };
    expect(page.migration_errors.length).toBeLessThanOrEqual(limitParameter.schema.maximum ?? 0);
    for (const server of page.migration_errors) {
      expect(Object.keys(server).sort()).toEqual(migrationErrorFields);
    }
  });
});
