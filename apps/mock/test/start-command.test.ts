// `start`: the command integrators run. It must say where it listens, honour HOST/PORT, stop Prism too,
// and fail in one line on a bad flag, a bad PORT or a port in use.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectOneLine, mockCommand, runToEnd, startCommand } from './helpers.js';

describe('start command', () => {
  it('serves on HOST:PORT, prints the URL once Prism answers, and stops Prism on SIGTERM', async () => {
    // PORT=0: the OS chooses the port, and the command's line says which.
    const started = await startCommand(mockCommand, { HOST: '127.0.0.1', PORT: '0' });
    const url = `${started.origin}/v3/errors`;
    expect(started.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    try {
      const response = await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 't' } });
      expect(response.status).toBe(200);
      // Nothing went wrong, so nothing in the log says so (Prism once logged a start-up probe of / as an error).
      expect(started.output()).toContain('Prism is listening');
      expect(started.output()).not.toMatch(/✖|\berror\b|\bfatal\b/i);
    } finally {
      started.child.kill('SIGTERM');
    }
    expect(await started.exited).toBe(0);
    // Prism went with it: nothing answers on the port any more.
    await expect(fetch(`${started.origin}/`)).rejects.toThrow();
  });

  it('rejects a bad PORT with one line and exit code 2', async () => {
    const { code, stderr } = await runToEnd(mockCommand, [], { PORT: 'eighty' });
    expect(code).toBe(2);
    expect(expectOneLine(stderr)[0]).toContain('PORT');
  });

  it('rejects an unknown flag with one line and exit code 2', async () => {
    const { code, stderr } = await runToEnd(mockCommand, ['--dynamc']);
    expect(code).toBe(2);
    expect(expectOneLine(stderr)[0]).toContain('--dynamc');
  });

  it.each(['MOCK_PORT', 'PORT'])(
    'reports a port in use in one line naming %s, with exit code 1, without starting Prism',
    async (variable) => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const { port } = blocker.address() as { port: number };
      try {
        const { code, stderr } = await runToEnd(mockCommand, [], { [variable]: String(port) });
        expect(code).toBe(1);
        expect(expectOneLine(stderr)[0]).toContain(
          `127.0.0.1:${port} is already in use (set ${variable} to another port)`,
        );
      } finally {
        blocker.close();
      }
    },
  );

  it('takes MOCK_PORT over PORT', async () => {
    const started = await startCommand(mockCommand, { MOCK_PORT: '0', PORT: '1' });
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});
