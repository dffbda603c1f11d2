// run() in-process, for what a subprocess with pipes cannot show: a terminal. Colour on a TTY stdout unless
// NO_COLOR (non-empty) or TERM=dumb; the --all progress line only on a TTY stderr. And each client error
// class mapped to its exit code, the timeout included (the client's 30 s timeout is too long to stage).

import {
  SmsApiError,
  SmsAuthError,
  SmsNetworkError,
  SmsPaginationError,
  SmsResponseError,
  SmsTimeoutError,
  SmsValidationError,
} from '@sms-errors/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { classify, ExitCode } from '../src/shared/exit-codes.js';
import { pagingService, startServer, type TestServer } from './helpers.js';

class Capture {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(pagingService(230));
});
afterAll(() => server?.close());

async function runIn(args: string[], env: Record<string, string>, tty: { stdout: boolean; stderr: boolean }) {
  const stdout = new Capture(tty.stdout);
  const stderr = new Capture(tty.stderr);
  const code = await run({
    argv: ['list', '--endpoint', server.url, ...args],
    env: { SMS_AUTH_TOKEN: 'run-token', ...env },
    stdout,
    stderr,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const ESC = '\u001b';

describe('colour', () => {
  it('bold header and styled cells on a terminal', async () => {
    const { code, stdout } = await runIn(['--limit', '5'], {}, { stdout: true, stderr: false });
    expect(code).toBe(ExitCode.ok);
    expect(stdout.startsWith(`${ESC}[1mNAME`)).toBe(true);
    // Colour never shifts the columns: without the escapes it is the plain table.
    const plain = await runIn(['--limit', '5'], {}, { stdout: false, stderr: false });
    expect(stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
    expect(plain.stdout).not.toContain(ESC);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['NO_COLOR=true', { NO_COLOR: 'true' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ])('none with %s', async (_name, env) => {
    const { stdout } = await runIn(['--limit', '5'], env, { stdout: true, stderr: true });
    expect(stdout).not.toContain(ESC);
  });

  it('an empty NO_COLOR does not count (no-color.org)', async () => {
    expect((await runIn(['--limit', '5'], { NO_COLOR: '' }, { stdout: true, stderr: false })).stdout).toContain(ESC);
  });

  it('never in JSON', async () => {
    const { stdout } = await runIn(['--json', '--limit', '5'], {}, { stdout: true, stderr: true });
    expect(stdout).not.toContain(ESC);
    expect(() => JSON.parse(stdout)).not.toThrow();
  });
});

describe('table width', () => {
  async function widest(args: string[], env: Record<string, string>, stdout: Capture) {
    const code = await run({
      argv: ['list', '--endpoint', server.url, ...args],
      env: { SMS_AUTH_TOKEN: 'run-token', NO_COLOR: '1', ...env },
      stdout,
      stderr: new Capture(false),
    });
    expect(code).toBe(ExitCode.ok);
    return Math.max(
      ...stdout.text
        .trimEnd()
        .split('\n')
        .map((line) => line.length),
    );
  }

  it("fits a terminal's own width, and COLUMNS wins over it", async () => {
    expect(await widest(['--limit', '5'], {}, new Capture(true, 70))).toBeLessThanOrEqual(70);
    expect(await widest(['--limit', '5'], { COLUMNS: '100' }, new Capture(true, 70))).toBeGreaterThan(70);
    expect(await widest(['--limit', '5'], { COLUMNS: '100' }, new Capture(true, 70))).toBeLessThanOrEqual(100);
  });

  it('is unlimited when stdout is not a terminal, and with --wide', async () => {
    const natural = await widest(['--limit', '5'], {}, new Capture(false, 70));
    expect(natural).toBeGreaterThan(70);
    expect(await widest(['--limit', '5', '--wide'], {}, new Capture(true, 70))).toBe(natural);
  });
});

describe('progress of --all', () => {
  it('one line rewritten in place on a terminal stderr, erased at the end', async () => {
    const { code, stdout, stderr } = await runIn(
      ['--all', '--limit', '100', '--json'],
      {},
      { stdout: false, stderr: true },
    );
    expect(code).toBe(ExitCode.ok);
    expect(stderr).toBe(
      `${['100 of 230', '200 of 230', '230 of 230'].map((n) => `\r${ESC}[2Kfetching failed source servers: ${n}`).join('')}\r${ESC}[2K`,
    );
    expect(stdout).not.toContain('fetching');
  });

  it('nothing on a stderr that is not a terminal', async () => {
    expect((await runIn(['--all', '--limit', '100'], {}, { stdout: true, stderr: false })).stderr).toBe('');
  });

  it('erased before an error line', async () => {
    const short = await startServer(
      pagingService(230, (records, offset) => (offset === 100 ? records.slice(0, 1) : records)),
    );
    try {
      const stdout = new Capture(false);
      const stderr = new Capture(true);
      const code = await run({
        argv: ['list', '--all', '--endpoint', short.url],
        env: { SMS_AUTH_TOKEN: 'run-token' },
        stdout,
        stderr,
      });
      expect(code).toBe(ExitCode.pagination);
      expect(stdout.text).toBe('');
      expect(stderr.text).toMatch(
        /^\r\u001b\[2Kfetching failed source servers: 100 of 230\r\u001b\[2Ksms-errors: pagination stopped: [^\n\u001b]+\n$/,
      );
    } finally {
      await short.close();
    }
  });
});

describe('exit code of each client error', () => {
  it.each([
    [new SmsAuthError(401, { error_code: 'APIGW.0301' }), ExitCode.auth],
    [SmsApiError.generate(403, { error_code: 'SMS.9004' }), ExitCode.auth],
    [new SmsApiError(302, '', null, ', a redirect to http://127.0.0.1:2/; not followed'), ExitCode.api],
    [new SmsApiError(400, {}), ExitCode.api],
    [new SmsApiError(404, 'not found'), ExitCode.api],
    [new SmsApiError(500, {}), ExitCode.api],
    [new SmsNetworkError('request failed: ECONNRESET (attempts: 3)', 3), ExitCode.network],
    [new SmsTimeoutError('no answer within 30000 ms (attempts: 3)', 3), ExitCode.network],
    [new SmsPaginationError('short page', 100, 100, 300), ExitCode.pagination],
    [new SmsResponseError(200, 'not JSON'), ExitCode.response],
    [new SmsValidationError('limit', 'an integer'), ExitCode.usage],
    [new TypeError('boom'), ExitCode.internal],
  ])('%s -> %i', (error, code) => {
    expect(classify(error, { host: '127.0.0.1:1' }).code).toBe(code);
  });

  it('the exit codes are distinct', () => {
    expect(new Set(Object.values(ExitCode)).size).toBe(Object.keys(ExitCode).length);
  });
});
