// `sandbox`: the command integrators run. It must say where it listens, honour HOST/PORT/SANDBOX_SIZE,
// stop its Prism and its upstream on SIGINT, and fail in one line on a bad setting or a port in use.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../src/index.js';
import { expectOneLine, runToEnd, sandboxCommand, startCommand } from './helpers.js';

describe('sandbox command', () => {
  it('serves SANDBOX_SIZE servers on HOST:PORT, prints the URL, and stops everything on SIGINT', async () => {
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}/v3/errors`;
    const started = await startCommand(sandboxCommand, { HOST: '127.0.0.1', PORT: String(port), SANDBOX_SIZE: '30' }, url);
    try {
      const response = await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 't' } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { count: number }).count).toBe(30);
      expect(started.output()).toContain('30 seeded failed servers');
    } finally {
      started.child.kill('SIGINT');
    }
    expect(await started.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it.each([
    [['--sise', '3'], {}, '--sise'],
    [['--request-errors', 'maybe'], {}, '--request-errors'],
    [[], { SANDBOX_SIZE: 'lots' }, 'SANDBOX_SIZE'],
    [['--size=-1'], {}, '--size'],
    [[], { SANDBOX_SIZE: '999999' }, 'SANDBOX_SIZE'],
    [[], { PORT: '70000' }, 'PORT'],
  ])('rejects %j %j in one line with exit code 2', async (args, env, named) => {
    const { code, stderr } = await runToEnd(sandboxCommand, args, env);
    expect(code).toBe(2);
    expect(expectOneLine(stderr)[0]).toContain(named);
  });

  it('reports a port in use in one line with exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { code, stderr } = await runToEnd(sandboxCommand, [], { PORT: String(port) });
      expect(code).toBe(1);
      expect(expectOneLine(stderr)[0]).toContain(`127.0.0.1:${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});
