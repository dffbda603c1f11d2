// No request crashes the docs server: a few hundred malformed requests (fast-check, raw bytes on a TCP
// socket; the generator is apps/mock's, shared with the mock's and the sandbox's crash tests) to the real
// `start` command, each answered with a 4xx, then the page must still be served and the process still run.
// The static files are sirv's; this proves the server around it too.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@sms-errors/mock';
import { malformedRequests, sendRaw } from '@sms-errors/mock/malformed-requests';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RUNS = 300;
const serveDocs = fileURLToPath(new URL('../scripts/serve-docs.mjs', import.meta.url));

let child: ChildProcessWithoutNullStreams;
let url: string;
beforeAll(async () => {
  const port = await findFreePort();
  url = `http://127.0.0.1:${port}/`;
  child = spawn(process.execPath, [serveDocs], { env: { ...process.env, HOST: '127.0.0.1', DOCS_PORT: String(port) } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 100 && !output.includes(url); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!output.includes(url)) {
    throw new Error(`the docs server did not start: ${output}`);
  }
});
afterAll(async () => {
  if (child?.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

describe('no request crashes the docs server', () => {
  it('answers every malformed request with a 4xx and keeps serving the page', async () => {
    const outcomes = new Map<string, number>();
    // Credentials mean nothing to the docs server: every kind but junk credentials.
    const requests = malformedRequests({
      path: '/',
      kinds: [
        'bad-percent-encoding',
        'dot-segments',
        'nul',
        'long-url',
        'long-headers',
        'unknown-method',
        'body-on-get',
        'bad-framing',
        'garbage',
      ],
    });
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const answer = await sendRaw(url, request.bytes);
        const outcome = `${request.kind}: ${answer.status ?? (answer.timedOut ? 'no answer in time' : 'closed')}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        const fourXx = answer.status !== undefined && answer.status >= 400 && answer.status < 500;
        // Garbage may be dropped without a word: there is no request to answer.
        expect(
          fourXx || (request.kind === 'garbage' && answer.status === undefined && !answer.timedOut),
          `${request.label}: ${answer.statusLine || 'no answer'}`,
        ).toBe(true);
      }),
      { numRuns: RUNS },
    );
    console.log(
      `docs, ${RUNS} malformed requests:\n${[...outcomes]
        .sort()
        .map(([outcome, count]) => `  ${outcome.padEnd(34)} ${count}`)
        .join('\n')}`,
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('</html>');
    expect(child.exitCode).toBeNull();
  });

  it('answers the malformed URL that crashed the hand-written server (GET /%E0%A4%A) with a 4xx', async () => {
    const answer = await sendRaw(url, Buffer.from('GET /%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'latin1'));
    expect(answer.status).toBe(400);
    expect((await fetch(url)).status).toBe(200);
  });
});
