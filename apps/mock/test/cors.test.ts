// CORS for browser pages on another loopback origin (the client's browser bundle in Chromium, the docs'
// try-it console): the preflight a signed or token request needs, and the headers on every kind of answer
// of the mock and the sandbox (Prism's own errors, and the upstream's bodies passed through Prism), so
// that a page can read the body and X-Request-Id. Chromium itself is driven by apps/runtimes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FailedServer,
  generateFailedServers,
  type RunningMock,
  type RunningSandbox,
  startMock,
  startSandbox,
} from '../src/index.js';
import { readErrorCodes } from '../src/served-files.js';
import { credentialAlternatives, regionHosts } from '../src/spec-facts.js';
import { spec } from './helpers.js';

/** A page served from another port of the loopback interface, as the browser tests and the docs serve it. */
const origin = 'http://127.0.0.1:9';

let mock: RunningMock;
let sandbox: RunningSandbox;
let brokenSandbox: RunningSandbox;

const [valid] = generateFailedServers({
  size: 1,
  seed: 'cors',
  errorCodes: readErrorCodes(),
  regionHosts: regionHosts(spec),
}) as [FailedServer];

beforeAll(async () => {
  [mock, sandbox, brokenSandbox] = await Promise.all([
    startMock(),
    startSandbox({ size: 3 }),
    // A record that breaks the spec, for Prism's 500 in front of the upstream.
    startSandbox({ servers: [{ ...valid, name: 'n'.repeat(256) }] }),
  ]);
});
afterAll(() => Promise.all([mock, sandbox, brokenSandbox].map((running) => running?.stop())));

/** Every credential header of the spec (token, AK/SK signature, project, security token), as a browser lists them. */
const credentialHeaders = [
  ...new Set(
    credentialAlternatives(spec)
      .flat()
      .map((c) => c.header.toLowerCase()),
  ),
];
/** What the client adds besides: a signed request also sends X-Project-Id and, with temporary credentials, X-Security-Token. */
const requestedHeaders = [...new Set([...credentialHeaders, 'x-project-id', 'x-security-token'])].sort().join(',');

async function preflight(url: string): Promise<Response> {
  const response = await fetch(`${url}/v3/errors?offset=0`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': requestedHeaders,
    },
  });
  await response.arrayBuffer();
  return response;
}

async function corsHeadersOf(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; allowOrigin: string | null; expose: string | null }> {
  const response = await fetch(url, { headers: { Origin: origin, ...headers } });
  await response.arrayBuffer();
  return {
    status: response.status,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    expose: response.headers.get('access-control-expose-headers'),
  };
}

describe.each([
  ['mock', () => mock],
  ['sandbox', () => sandbox],
])('CORS of the %s', (_name, server) => {
  it('answers the preflight of a token or signed GET: 204, the method and every credential header allowed', async () => {
    expect(requestedHeaders).toContain('authorization');
    expect(requestedHeaders).toContain('x-auth-token');
    expect(requestedHeaders).toContain('x-sdk-date');
    const response = await preflight(server().url);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toContain('GET');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '')
      .toLowerCase()
      .split(',')
      .map((name) => name.trim());
    for (const header of requestedHeaders.split(',')) {
      expect(allowed).toContain(header);
    }
  });

  it('lets the page read the answer and its headers: 200, 401 and a bound violation', async () => {
    const base = `${server().url}/v3/errors`;
    const answers = await Promise.all([
      corsHeadersOf(`${base}?offset=0`, { 'X-Auth-Token': 'page-token' }),
      corsHeadersOf(`${base}?offset=0`, {}),
      corsHeadersOf(`${base}?offset=-1`, { 'X-Auth-Token': 'page-token' }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 400]);
    for (const answer of answers) {
      expect(answer).toMatchObject({ allowOrigin: origin, expose: '*' });
    }
  });
});

describe('CORS of the sandbox in front of its upstream', () => {
  it("keeps Prism's CORS headers on the upstream's answers: the upstream sends none of its own", async () => {
    const direct = await fetch(`${sandbox.upstreamUrl}/v3/errors?offset=0`, {
      headers: { Origin: origin, 'X-Auth-Token': 't' },
    });
    await direct.arrayBuffer();
    const corsHeaders: string[] = [];
    direct.headers.forEach((_value, name) => {
      if (name.startsWith('access-control-')) {
        corsHeaders.push(name);
      }
    });
    expect(corsHeaders).toEqual([]);
  });

  it("adds them to Prism's own 500 for an answer that breaks the spec, and to its 404", async () => {
    const [violation, noPath] = await Promise.all([
      corsHeadersOf(`${brokenSandbox.url}/v3/errors?offset=0`, { 'X-Auth-Token': 't' }),
      corsHeadersOf(`${sandbox.url}/nowhere`, { 'X-Auth-Token': 't' }),
    ]);
    expect(violation).toMatchObject({ status: 500, allowOrigin: origin, expose: '*' });
    expect(noPath).toMatchObject({ status: 404, allowOrigin: origin, expose: '*' });
  });
});
