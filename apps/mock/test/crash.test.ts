// No request crashes a server of ours: a few hundred malformed requests (fast-check, raw bytes on a TCP
// socket: bad percent-encoding, `..` and NUL, URLs and headers past every limit, unknown methods, bodies on
// GET, bad framing, garbage, junk credentials) to the mock, the sandbox and the sandbox's upstream, each
// answered with a 4xx (the mock, permissive, may accept junk credentials); then a good request must still
// succeed and Prism must still run. The docs server has the same test in apps/docs. Prints what each kind got.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, type RunningSandbox, startMock, startSandbox } from '../src/index.js';
import { type MalformedRequest, malformedRequests, type RawAnswer, sendRaw } from '../src/malformed-requests.js';
import { isRunning } from './helpers.js';

const RUNS = 300;
const token = { 'X-Auth-Token': 'crash-test-token' };
const goodRequest = { path: '/v3/errors', query: 'offset=0', headers: token };

let mock: RunningMock;
let sandbox: RunningSandbox;
beforeAll(async () => {
  [mock, sandbox] = await Promise.all([startMock(), startSandbox({ size: 20 })]);
});
afterAll(() => Promise.all([mock?.stop(), sandbox?.stop()]));

type Verdict = (request: MalformedRequest, answer: RawAnswer) => boolean;

/** Every malformed request gets a 4xx; garbage may also be dropped without a word (there is no request to answer). */
const fourXx: Verdict = ({ kind }, { status }) =>
  (status !== undefined && status >= 400 && status < 500) || (kind === 'garbage' && status === undefined);
/** The mock accepts any credential that is there, as documented: junk credentials on a good request may get a 200. */
const mockVerdict: Verdict = (request, answer) =>
  fourXx(request, answer) || (request.kind === 'credential-junk' && answer.status === 200);

async function hammer(name: string, url: string, verdict: Verdict): Promise<void> {
  const outcomes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(malformedRequests(goodRequest), async (request) => {
      const answer = await sendRaw(url, request.bytes);
      const outcome = `${request.kind}: ${answer.status ?? (answer.timedOut ? 'no answer in time' : 'closed')}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      expect(answer.timedOut, `${request.label}: no answer in time`).toBe(false);
      expect(answer.status === undefined || answer.status < 500, `${request.label}: ${answer.statusLine}`).toBe(true);
      expect(
        verdict(request, answer),
        `${request.kind}, ${request.label}: ${answer.statusLine || 'closed without an answer'}`,
      ).toBe(true);
    }),
    { numRuns: RUNS },
  );
  console.log(
    `${name}, ${RUNS} malformed requests:\n${[...outcomes]
      .sort()
      .map(([outcome, count]) => `  ${outcome.padEnd(34)} ${count}`)
      .join('\n')}`,
  );
  const response = await fetch(`${url}/v3/errors?offset=0`, { headers: token });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
}

describe('no request crashes a server', () => {
  it('the mock (its front, then Prism) answers every malformed request with a 4xx and keeps serving', async () => {
    await hammer('mock', mock.url, mockVerdict);
    expect(isRunning(mock.pid)).toBe(true);
  });

  it("the sandbox's front answers every malformed request with a 4xx and keeps serving", async () => {
    await hammer('sandbox', sandbox.url, fourXx);
    expect(isRunning(sandbox.pid)).toBe(true);
  });

  it("the sandbox's upstream answers every malformed request with a 4xx and keeps serving", async () => {
    await hammer('sandbox upstream', sandbox.upstreamUrl, fourXx);
  });
});
