// The helper itself: free ports, stop by PID, and --errors making a broken example fail loudly.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSpecPath, startMock } from '../src/index.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startMock', () => {
  it('starts two mocks on different free loopback ports and stops each by PID', async () => {
    const [a, b] = await Promise.all([startMock(), startMock()]);
    try {
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.port).not.toBe(b.port);
      expect(isRunning(a.pid)).toBe(true);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(isRunning(a.pid)).toBe(false);
    expect(isRunning(b.pid)).toBe(false);
  });

  it('answers 500 instead of serving an example that breaks its schema (--errors)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sms-mock-'));
    const specPath = join(dir, 'openapi.json');
    const spec = JSON.parse(await readFile(defaultSpecPath, 'utf8'));
    // count must be >= 0: the broken example (the first 200 example, the one served) must not reach a caller.
    const examples = spec.paths['/v3/errors'].get.responses['200'].content['application/json'].examples;
    Object.values(examples as Record<string, { value: { count: number } }>)[0]!.value.count = -4;
    await writeFile(specPath, JSON.stringify(spec));
    const mock = await startMock({ specPath });
    try {
      const response = await fetch(`${mock.url}/v3/errors?offset=0`, { headers: { 'X-Auth-Token': 't' } });
      expect(response.status).toBe(500);
      expect(await response.text()).toContain('count');
    } finally {
      await mock.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
