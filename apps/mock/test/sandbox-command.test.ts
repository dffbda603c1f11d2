// `sandbox`: the command integrators run. It must say where it listens and which credentials to send (never a
// configured secret), honour HOST, SANDBOX_PORT/PORT, SANDBOX_SIZE and the credential settings, stop its Prism
// and its upstream on SIGINT, and fail in one line on a bad setting or a port in use, naming the setting.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sandboxTestCredentials } from '../src/index.js';
import { expectOneLine, runToEnd, sandboxCommand, startCommand, startCommandWithArgs } from './helpers.js';

describe('sandbox command', () => {
  it('serves SANDBOX_SIZE servers on HOST:PORT, prints the URL, and stops everything on SIGINT', async () => {
    const started = await startCommand(sandboxCommand, { HOST: '127.0.0.1', PORT: '0', SANDBOX_SIZE: '30' });
    const url = `${started.origin}/v3/errors`;
    try {
      const response = await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 't' } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { count: number }).count).toBe(30);
      expect(started.output()).toContain('30 seeded failed servers');
    } finally {
      started.child.kill('SIGINT');
    }
    expect(await started.exited).toBe(0);
    await expect(fetch(`${started.origin}/`)).rejects.toThrow();
  });

  it('prints the default test credentials to copy, and works with them', async () => {
    const started = await startCommand(sandboxCommand, { SANDBOX_PORT: '0', SANDBOX_SIZE: '3' });
    try {
      const output = started.output();
      for (const value of Object.values(sandboxTestCredentials)) {
        expect(output).toContain(value);
      }
      expect(output).toMatch(/any X-Auth-Token of \d+ to \d+ characters/);
    } finally {
      started.child.kill('SIGINT');
    }
    expect(await started.exited).toBe(0);
  });

  it('never prints a configured SK, security token or token, from the environment or from flags', async () => {
    const secrets = {
      SANDBOX_SK: 'configured-sk-never-printed',
      SANDBOX_SECURITY_TOKEN: 'configured-security-token',
      SANDBOX_TOKEN: 'configured-token-never-printed',
    };
    const started = await startCommand(sandboxCommand, {
      PORT: '0',
      SANDBOX_AK: 'CONFIGUREDAK',
      SANDBOX_PROJECT_ID: 'configured-project',
      ...secrets,
    });
    const url = `${started.origin}/v3/errors`;
    try {
      expect((await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': secrets.SANDBOX_TOKEN } })).status).toBe(200);
      expect((await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 'another' } })).status).toBe(401);
    } finally {
      started.child.kill('SIGINT');
    }
    expect(await started.exited).toBe(0);
    const output = started.output();
    expect(output).toContain('CONFIGUREDAK');
    expect(output).toContain('configured-project');
    expect(output).toContain('not shown');
    for (const secret of Object.values(secrets)) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toContain(sandboxTestCredentials.sk);
  });

  it('takes credentials from flags over the environment', async () => {
    const child = await startCommandWithArgs(sandboxCommand, ['--token', 'flag-token'], {
      PORT: '0',
      SANDBOX_TOKEN: 'env-token',
    });
    const url = `${child.origin}/v3/errors`;
    try {
      expect((await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 'flag-token' } })).status).toBe(200);
      expect((await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 'env-token' } })).status).toBe(401);
    } finally {
      child.child.kill('SIGINT');
    }
    expect(await child.exited).toBe(0);
    expect(child.output()).not.toContain('flag-token');
  });

  it.each([
    [['--sk', 'with space'], {}, '--sk'],
    [[], { SANDBOX_AK: 'A,B' }, 'SANDBOX_AK'],
    [[], { SANDBOX_TOKEN: 'bad\ttoken' }, 'SANDBOX_TOKEN'],
  ])(
    'rejects the bad credential %j %j in one line naming where it came from, not its value',
    async (args, env, named) => {
      const { code, stderr } = await runToEnd(sandboxCommand, args, env);
      expect(code).toBe(2);
      const [line] = expectOneLine(stderr);
      expect(line).toContain(named);
      for (const value of [...args.slice(1), ...Object.values(env)]) {
        expect(line).not.toContain(value);
      }
    },
  );

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

  it.each(['SANDBOX_PORT', 'PORT'])(
    'reports a port in use in one line naming %s, with exit code 1',
    async (variable) => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const { port } = blocker.address() as { port: number };
      try {
        const { code, stderr } = await runToEnd(sandboxCommand, [], { [variable]: String(port) });
        expect(code).toBe(1);
        expect(expectOneLine(stderr)[0]).toContain(
          `127.0.0.1:${port} is already in use (set ${variable} to another port)`,
        );
      } finally {
        blocker.close();
      }
    },
  );
});
