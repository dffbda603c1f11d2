// The client's browser bundle (dist/browser/sms-errors-client.js, built by the client's build: the same file
// the docs' try-it console loads) in real headless Chromium. The page comes from a loopback server of its own,
// so every call to the sandbox and the mock is cross-origin: a token or a signature needs a preflight, and the
// request id is read from a header only when the server exposes it. The page imports the bundle and the same
// probe as Bun and Deno; nothing may leave loopback and the console must stay free of errors. The sandbox's
// upstream, which answers no CORS, shows what the page would see without it.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../../scripts/chromium.mjs';
import { fixture, type ProbeResult, probeConfig } from './helpers.js';
import { expectSameAsNode } from './runtime-expectations.js';
import { testToken } from './test-credentials.js';

const clientDir = dirname(createRequire(import.meta.url).resolve('@sms-errors/client/package.json'));
// The page loads the bundle as a page without a bundler would, and hands the tests its exports and the probe.
const pageHtml = `<!doctype html>
<meta charset="utf-8">
<title>sms-errors in the browser</title>
<link rel="icon" href="data:,">
<script type="module">
  import * as client from './sms-errors-client.js';
  import { probe } from './probe.mjs';
  window.smsErrors = { client, probe: (config) => probe(client, config) };
</script>`;
const files: Record<string, { body: Buffer; type: string }> = {
  '/': { body: Buffer.from(pageHtml), type: 'text/html; charset=utf-8' },
  '/sms-errors-client.js': {
    body: readFileSync(join(clientDir, 'dist/browser/sms-errors-client.js')),
    type: 'text/javascript',
  },
  '/probe.mjs': { body: readFileSync(fixture('probe.mjs')), type: 'text/javascript' },
};

let server: Server;
let pageUrl: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://page').pathname];
    if (!file) {
      return void response.writeHead(404).end();
    }
    response.writeHead(200, { 'Content-Type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'smsErrors' in window);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** What the page's module script puts on window. */
interface PageApi {
  client: { createSmsClient: (options: unknown) => { listMigrationErrors: () => Promise<unknown> } };
  probe: (config: unknown) => Promise<ProbeResult>;
}

/** Runs the probe in the page, with the bundle's exports as the client. */
function probeInPage(): Promise<ProbeResult> {
  return page.evaluate(
    (config) => (window as unknown as { smsErrors: PageApi }).smsErrors.probe(config),
    probeConfig(),
  );
}

describe('Chromium', () => {
  let result: ProbeResult;
  beforeAll(async () => {
    result = await probeInPage();
  });

  it('is Chromium, with the page on another loopback origin than the sandbox and the mock', async () => {
    expect(browser.version()).toMatch(/^\d+\./);
    console.log(`chromium: ${browser.version()}`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    for (const url of [inject('sandboxUrl'), inject('mockUrl')]) {
      expect(new URL(url).origin).not.toBe(new URL(pageUrl).origin);
    }
  });

  expectSameAsNode(() => result);

  it('keeps every request on loopback, and the console free of errors but the 401 the probe asks for', () => {
    expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
    // Chromium logs every non-2xx fetch; the probe's call without credentials is meant to get its 401.
    expect(consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
  });

  it('cannot read a server that answers no CORS: the sandbox upstream, a network error', async () => {
    const outcome = await page.evaluate(
      ({ upstreamUrl, token }) =>
        (window as unknown as { smsErrors: PageApi }).smsErrors.client
          .createSmsClient({ baseUrl: upstreamUrl, token, retries: 0 })
          .listMigrationErrors()
          .then(
            () => 'read',
            (error: Error) => error.name,
          ),
      { upstreamUrl: inject('upstreamUrl'), token: testToken },
    );
    expect(outcome).toBe('SmsNetworkError');
    // Blocked by Chromium's CORS check (the upstream is up and answering), as its console says.
    expect(consoleErrors.some((message) => message.includes('blocked by CORS policy'))).toBe(true);
  });
});
