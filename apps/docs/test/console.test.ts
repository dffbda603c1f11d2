// The try-it console (dist/console/index.html) in real headless Chromium, against a real mock and sandbox
// started on free ports and the docs served on another: the page is on its own loopback origin, so every
// call is cross-origin, as a reader's would be. Each case of the issue: a token request to the sandbox
// shows its records, decoded; AK/SK with the sandbox's test credentials is accepted and a wrong SK shows the
// 401; the mock's 403 scenario shows SMS.9004; `limit` above its maximum shows the client's validation error
// and no request leaves the page; "List every page" lists every record; the page opened from the file works;
// plus a target that does not answer, Stop, and the form made from the spec. In every page: no request
// leaves 127.0.0.1, the console has no error but the lines Chromium itself writes for the failed fetches a
// case asks for (a page cannot silence them), and no secret is stored, put in the URL or logged. Then the
// servers that tell the page where the mock and sandbox are (serve-docs.mjs, npm start's serve-all.mjs),
// and the Redoc page's links to the console.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSmsClient, type MigrationError } from '@sms-errors/client';
import { decodeErrorJson, errorCategoryText, smsErrorCategories } from '@sms-errors/client/decode/zh';
import { authToken, listErrorServersQuery } from '@sms-errors/client/facts';
import {
  findFreePort,
  type RunningMock,
  type RunningSandbox,
  sandboxTestCredentials,
  servedFiles,
  startMock,
  startSandbox,
} from '@sms-errors/mock';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../../scripts/chromium.mjs';
import {
  CONSOLE_CONFIG_PATH,
  consoleConfigFiles,
  consoleTargetsFromEnv,
  DEFAULT_CONSOLE_TARGETS,
} from '../scripts/console-targets.mjs';
import { CONSOLE_LINK, errorCodesPath, readSpec } from '../scripts/docs-spec.mjs';
import { codeLink, readCatalogue } from '../scripts/error-code-catalogue.mjs';
import { mockScenarios } from '../scripts/mock-scenarios.mjs';
import { serveDirectory } from '../scripts/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const consoleFile = `${dist}console/index.html`;
const results = fileURLToPath(new URL('../test-results/', import.meta.url));
const VIEWPORT = { width: 1400, height: 1000 };
const clientBrowserBundle = join(
  dirname(createRequire(import.meta.url).resolve('@sms-errors/client/package.json')),
  'dist/browser/sms-errors-client.js',
);

// What the page must show, from the spec, the catalogue and the mock: nothing typed here.
const spec = readSpec();
const operation = spec.paths['/v3/errors'].get;
type Parameter = {
  name: string;
  required?: boolean;
  schema: {
    type: string;
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
    default?: unknown;
  };
};
const parameters: Parameter[] = operation.parameters;
const limitFacts = listErrorServersQuery.limit;
const catalogue = readCatalogue(errorCodesPath);
const servedMockSpec = JSON.parse(readFileSync(servedFiles.mockSpec, 'utf8'));
const scenarios: { status: number; prefer: string; value: { error_code?: string; error_msg?: string } }[] =
  mockScenarios(servedMockSpec);
const forbidden = scenarios.find(({ status }) => status === 403)!;

// Secrets typed into the page, each distinct so that any leak can be told apart.
const TOKEN = 'console-test-token-5f1c9a';
const WRONG_SK = 'console-wrong-sk-7d2e4b';

let mock: RunningMock;
let sandbox: RunningSandbox;
let docs: Server;
let docsUrl: string;
let consoleUrl: string;
let browser: Browser;

beforeAll(async () => {
  [mock, sandbox, browser] = await Promise.all([
    startMock(),
    startSandbox(),
    chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS }),
  ]);
  // The docs served as serve-docs.mjs serves them, telling the console where this mock and sandbox listen.
  ({ server: docs, url: docsUrl } = await serveDirectory(dist, {
    extraFiles: consoleConfigFiles({ mock: mock.url, sandbox: sandbox.url }),
  }));
  consoleUrl = `${docsUrl}console/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => docs?.close(resolve));
  await Promise.all([mock?.stop(), sandbox?.stop()]);
});

interface WatchedPage {
  page: Page;
  requests: string[];
  /** Every console message and page error, of every type. */
  messages: ConsoleMessage[];
  pageErrors: string[];
}

/** A page that records every request, console message and page error, for the checks at the end of each test. */
async function openConsole(url = consoleUrl): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const watched: WatchedPage = { page, requests: [], messages: [], pageErrors: [] };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('console', (message) => watched.messages.push(message));
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  await page.goto(url);
  // The page has asked the docs server where the mock and the sandbox are (or, as a file, taken the defaults).
  await expect.poll(() => page.locator('#targets-source').innerText()).not.toContain('loading');
  return watched;
}

/** Chromium's own console line for a fetch answered with this status: the only console errors allowed. */
const networkLine = (status: number, text: string) =>
  `Failed to load resource: the server responded with a status of ${status} (${text})`;

/**
 * The checks every test ends with: nothing left loopback, no page error, no console error but the network
 * lines the case expects, and no secret stored, in the URL or in any console message.
 */
async function expectCleanPage(
  { page, requests, messages, pageErrors }: WatchedPage,
  { allowedErrors = [] as string[], secrets = [] as string[], url = consoleUrl } = {},
) {
  const pageUrl = new URL(url);
  const outside = requests.filter(
    (request) =>
      !request.startsWith('http://127.0.0.1:') &&
      !request.startsWith('data:') &&
      !(pageUrl.protocol === 'file:' && request === pageUrl.href),
  );
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(messages.filter((message) => message.type() === 'error').map((message) => message.text())).toEqual(
    allowedErrors,
  );
  expect(page.url()).toBe(pageUrl.href);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
  expect(stored).toEqual({ local: 0, session: 0, cookie: '', databases: 0 });
  for (const secret of secrets) {
    expect(page.url()).not.toContain(secret);
    for (const message of messages) {
      expect(message.text()).not.toContain(secret);
    }
  }
  await page.close();
}

/** Presses Send (or Enter in a field) and waits until the result is shown. */
async function send(page: Page, how: 'click' | { enterIn: string } = 'click') {
  if (how === 'click') {
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  } else {
    await page.getByLabel(how.enterIn, { exact: true }).press('Enter');
  }
  await page.locator('#result[aria-busy="false"]').waitFor();
}

const summary = (page: Page) => page.locator('#result-summary').innerText();
const curl = (page: Page) => page.locator('#curl').innerText();

/** The records table as its rows of cells (the row header first). */
function tableRows(page: Page): Promise<string[][]> {
  return page
    .locator('#records tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => (cell as HTMLElement).innerText.trim())),
    );
}

/** The rows the table must have for these records: each error decoded by the client, with the catalogue's words. */
function expectedRows(records: MigrationError[]): string[][] {
  return records.map((record) => {
    const decoded = decodeErrorJson(record.error_json);
    if (decoded.category === undefined) {
      return [
        record.name,
        record.source_ip,
        `${decoded.code} unknown code`,
        '',
        expect.stringContaining('Not in the catalogue'),
        '',
      ];
    }
    return [
      record.name,
      record.source_ip,
      decoded.code,
      smsErrorCategories[decoded.category].title,
      decoded.message,
      decoded.action,
    ];
  }) as string[][];
}

async function chooseTarget(page: Page, target: 'Mock' | 'Sandbox' | 'Custom base URL', customUrl?: string) {
  await page.getByRole('radio', { name: new RegExp(`^${target}`) }).check();
  if (customUrl !== undefined) {
    await page.getByLabel('Base URL', { exact: true }).fill(customUrl);
  }
}

async function useToken(page: Page, token = TOKEN) {
  await page.getByRole('radio', { name: /^Token/ }).check();
  await page.getByLabel(authToken.header, { exact: true }).fill(token);
}

describe('console page (dist/console/index.html)', () => {
  it('is one self-contained file with its own CSP, running the client from its browser bundle', () => {
    const html = readFileSync(consoleFile, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?https?:/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[^']+'(;|$)/);
    expect(csp).toContain("form-action 'none'");
    // The bundle the client's build writes, license line and all, is inside the page's one script.
    const bundle = readFileSync(clientBrowserBundle, 'utf8');
    expect(html).toContain(bundle.slice(0, bundle.indexOf('*/') + 2));
    expect(html).toContain('Includes openapi-fetch');
  });

  it('has a form made from the spec: each query parameter by its wire name with its bounds and default, every control labelled', async () => {
    const watched = await openConsole();
    const { page } = watched;
    for (const { name, required, schema } of parameters) {
      const input = page.getByLabel(name, { exact: true });
      const attribute = (attributeName: string) => input.getAttribute(attributeName);
      if (schema.type === 'integer') {
        expect(await attribute('type'), name).toBe('number');
        expect(await attribute('min'), name).toBe(String(schema.minimum));
        expect(await attribute('max'), name).toBe(String(schema.maximum));
      } else {
        expect(await attribute('minlength'), name).toBe(String(schema.minLength));
        expect(await attribute('maxlength'), name).toBe(String(schema.maxLength));
      }
      expect(await input.inputValue(), name).toBe(schema.default === undefined ? '' : String(schema.default));
      expect(await attribute('required'), name).toBe(required ? '' : null);
    }
    // The scenario picker offers every scenario of the spec the mock serves, as its Prefer value.
    const options = await page
      .getByLabel(/Mock scenario/)
      .locator('option')
      .evaluateAll((elements) => elements.map((option) => (option as HTMLOptionElement).value));
    expect(options).toEqual(['', ...scenarios.map(({ prefer }) => prefer)]);
    // Every control has a label (an accessible name) and the result is a live region.
    const unnamed = await page
      .locator('input, select, button, textarea')
      .evaluateAll((controls) =>
        controls
          .filter(
            (control) =>
              (control as HTMLInputElement).labels?.length === 0 &&
              !control.getAttribute('aria-label') &&
              !control.textContent?.trim(),
          )
          .map((control) => control.id),
      );
    expect(unnamed).toEqual([]);
    expect(await page.locator('#result').getAttribute('aria-live')).toBe('polite');
    for (const legend of ['Target', 'Credentials', 'Query']) {
      await expect.poll(() => page.getByRole('group', { name: legend }).count()).toBe(1);
    }
    // The docs server told the page where this mock and sandbox are.
    expect(
      await page
        .getByRole('radio', { name: /^Mock/ })
        .evaluate((radio) => (radio as HTMLInputElement).labels![0]!.innerText),
    ).toContain(mock.url);
    expect(
      await page
        .getByRole('radio', { name: /^Sandbox/ })
        .evaluate((radio) => (radio as HTMLInputElement).labels![0]!.innerText),
    ).toContain(sandbox.url);
    expect(await page.locator('#targets-source').innerText()).toContain('the docs server');
    await expectCleanPage(watched);
  });

  it('sends a token request to the sandbox and shows its records, decoded; curl masks the token unless asked; focus moves to the result', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await chooseTarget(page, 'Sandbox');
    await useToken(page);
    await send(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-heading');
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: `${results}console-sandbox-records.png` });

    const expected = await createSmsClient({ baseUrl: sandbox.url, token: TOKEN }).listMigrationErrors({
      limit: limitFacts.default,
    });
    expect(await summary(page)).toBe(
      `Answered 200: ${expected.migration_errors.length} failed source servers on this page, of ${expected.count} in all.`,
    );
    expect(await tableRows(page)).toEqual(expectedRows(expected.migration_errors));
    // Each known code links to its entry in the docs' catalogue.
    const links = await page
      .locator('#records tbody a')
      .evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent, anchor.getAttribute('href')]));
    expect(links).toEqual(
      expected.migration_errors
        .map((record) => decodeErrorJson(record.error_json).code)
        .map((code) => [code, `../index.html${codeLink(catalogue, code!)}`]),
    );

    // The request as the client sent it, the token hidden until "Show secrets" is ticked.
    const command = await curl(page);
    expect(command).toContain(
      `'${sandbox.url}/v3/errors?limit=${limitFacts.default}&offset=${listErrorServersQuery.offset.default}'`,
    );
    expect(command).toContain(`-H '${authToken.header.toLowerCase()}: <hidden>'`);
    expect(await page.locator('body').innerText()).not.toContain(TOKEN);
    await page.getByLabel('Show secrets').check();
    expect(await curl(page)).toContain(`-H '${authToken.header.toLowerCase()}: ${TOKEN}'`);
    await page.getByLabel('Show secrets').uncheck();
    expect(await curl(page)).not.toContain(TOKEN);

    // The status, the headers the sandbox exposes, and the body as the client returned it.
    expect(await page.locator('#response-status').innerText()).toMatch(/^HTTP 200\b/);
    expect(await page.locator('#response-headers').innerText()).toMatch(/content-type\s+application\/json/);
    expect(JSON.parse(await page.locator('#response-body').innerText())).toEqual(expected);

    await expectCleanPage(watched, { secrets: [TOKEN] });
  });

  it("signs with AK/SK in the page: the sandbox's test credentials are accepted, a wrong SK gets the 401", async () => {
    const watched = await openConsole();
    const { page } = watched;
    const authorizations: string[] = [];
    page.on('request', (request) => {
      const authorization = request.headers()['authorization'];
      if (authorization) {
        authorizations.push(authorization);
      }
    });
    await chooseTarget(page, 'Sandbox');
    await page.getByRole('button', { name: "Use the sandbox's test credentials" }).click();
    expect(await page.getByRole('radio', { name: /^AK\/SK/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('AK', { exact: true }).inputValue()).toBe(sandboxTestCredentials.ak);
    expect(await page.getByLabel('Project ID', { exact: true }).inputValue()).toBe(sandboxTestCredentials.projectId);
    await send(page);
    expect(await summary(page)).toMatch(/^Answered 200: /);
    expect(await page.locator('#records tbody tr').count()).toBe(limitFacts.default);
    // The signature was sent, and is not on the page until asked for; the AK and the signed headers are.
    const signature = /Signature=([0-9a-f]+)/.exec(authorizations.at(-1) ?? '')?.[1];
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    const command = await curl(page);
    expect(command).toContain(`Access=${sandboxTestCredentials.ak}`);
    expect(command).toContain('Signature=<hidden>');
    expect(command).toMatch(/x-sdk-date: \d{8}T\d{6}Z/);
    expect(await page.locator('body').innerText()).not.toContain(signature);
    await page.getByLabel('Show secrets').check();
    expect(await curl(page)).toContain(`Signature=${signature}`);
    expect(await curl(page)).not.toContain(sandboxTestCredentials.sk);
    await page.getByLabel('Show secrets').uncheck();

    await page.getByLabel('SK', { exact: true }).fill(WRONG_SK);
    await send(page, { enterIn: 'SK' });
    expect(await summary(page)).toMatch(/^The API answered 401 APIGW\.0301: /);
    const error = await page.locator('#error').innerText();
    expect(error).toMatch(/status\s+401/);
    expect(error).toMatch(/code\s+APIGW\.0301/);
    expect(error).toMatch(/request id\s+\S+/);
    expect(await page.locator('#response-status').innerText()).toMatch(/^HTTP 401\b/);
    expect(await page.locator('body').innerText()).not.toContain(WRONG_SK);
    const wrongSignature = /Signature=([0-9a-f]+)/.exec(authorizations.at(-1) ?? '')?.[1];
    await expectCleanPage(watched, {
      allowedErrors: [networkLine(401, 'Unauthorized')],
      secrets: [WRONG_SK, signature!, wrongSignature!],
    });
  });

  it("shows the mock's 403 scenario: status, SMS.9004, its message and request id, from the Prefer header", async () => {
    const watched = await openConsole();
    const { page } = watched;
    await chooseTarget(page, 'Mock');
    await useToken(page);
    await page.getByLabel(/Mock scenario/).selectOption(forbidden.prefer);
    await send(page, { enterIn: authToken.header });
    expect(forbidden.value.error_code).toBe('SMS.9004');
    expect(await summary(page)).toBe(
      `The API answered 403 ${forbidden.value.error_code}: ${forbidden.value.error_msg}`,
    );
    const error = await page.locator('#error').innerText();
    expect(error).toMatch(/status\s+403/);
    expect(error).toContain(forbidden.value.error_msg);
    expect(error).toMatch(/request id\s+\S+/);
    expect(error).toContain(
      smsErrorCategories[catalogue.codes['SMS.9004']!.category as keyof typeof smsErrorCategories].title,
    );
    expect(await curl(page)).toContain(`-H 'prefer: ${forbidden.prefer}'`);
    expect(JSON.parse(await page.locator('#response-body').innerText())).toEqual(forbidden.value);
    await expectCleanPage(watched, { allowedErrors: [networkLine(403, 'Forbidden')], secrets: [TOKEN] });
  });

  it("shows the mock's default page with every code decoded and an unknown code marked", async () => {
    const watched = await openConsole();
    const { page } = watched;
    await useToken(page);
    await send(page);
    const page200 = scenarios.find(({ status }) => status === 200)!.value as unknown as {
      migration_errors: MigrationError[];
    };
    const rows = await tableRows(page);
    expect(rows).toEqual(expectedRows(page200.migration_errors));
    expect(rows.some((row) => row[2]!.endsWith('unknown code'))).toBe(true);
    await expectCleanPage(watched, { secrets: [TOKEN] });
  });

  it('shows the decoded errors in the language of the switch, English first, without sending again', async () => {
    const watched = await openConsole();
    const { page, requests } = watched;
    await useToken(page);
    await send(page);
    const page200 = scenarios.find(({ status }) => status === 200)!.value as unknown as {
      migration_errors: MigrationError[];
    };
    const known = page200.migration_errors.filter(
      (record) => decodeErrorJson(record.error_json).category !== undefined,
    );
    expect(await page.getByLabel(/^Decoded errors in/).inputValue()).toBe('en');
    const sent = requests.length;

    await page.getByLabel(/^Decoded errors in/).selectOption('zh');
    expect(requests.length, 'the switch re-renders the last result: nothing is sent').toBe(sent);
    // Each known code's category, message and action in Chinese, marked as Chinese, linked to the Chinese catalogue page.
    const rows = await tableRows(page);
    for (const record of known) {
      const decoded = decodeErrorJson(record.error_json, { lang: 'zh' });
      expect(rows, record.name).toContainEqual([
        record.name,
        record.source_ip,
        decoded.code,
        errorCategoryText(decoded.category!, { lang: 'zh' }).title,
        decoded.message,
        decoded.action,
      ]);
    }
    expect(rows.some((row) => row[2]!.endsWith('未知错误码'))).toBe(true);
    const code = decodeErrorJson(known[0]!.error_json).code!;
    const link = page.locator('#records tbody a', { hasText: code }).first();
    expect(await link.getAttribute('href')).toBe(`../zh/index.html#${code.toLowerCase().replace('.', '-')}`);
    expect(await page.locator('#records tbody td.col-message').first().getAttribute('lang')).toBe('zh-CN');
    await page.screenshot({ path: `${results}console-records-zh.png` });

    // The Chinese link opens the code on the Chinese catalogue page.
    await link.click();
    await page.waitForURL(/\/zh\/index\.html#sms-/);
    await expect
      .poll(() => page.locator(`[id="${code.toLowerCase().replace('.', '-')}"]`).innerText())
      .toContain(decodeErrorJson(known[0]!.error_json, { lang: 'zh' }).action!.slice(0, 20));
    await expectCleanPage(watched, { secrets: [TOKEN], url: page.url() });
  });

  it('switches back to English', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await useToken(page);
    await send(page);
    const page200 = scenarios.find(({ status }) => status === 200)!.value as unknown as {
      migration_errors: MigrationError[];
    };
    await page.getByLabel(/^Decoded errors in/).selectOption('zh');
    await page.getByLabel(/^Decoded errors in/).selectOption('en');
    expect(await tableRows(page)).toEqual(expectedRows(page200.migration_errors));
    await expectCleanPage(watched, { secrets: [TOKEN] });
  });

  it("refuses limit above its maximum with the client's SmsValidationError, and sends nothing", async () => {
    const watched = await openConsole();
    const { page } = watched;
    await chooseTarget(page, 'Sandbox');
    await useToken(page);
    await page.getByLabel('limit', { exact: true }).fill(String(limitFacts.maximum + 1));
    const before = watched.requests.length;
    await send(page, { enterIn: 'limit' });
    expect(watched.requests.length - before).toBe(0);
    expect(await summary(page)).toBe(
      `Not sent: limit must be an integer from ${limitFacts.minimum} to ${limitFacts.maximum}. No request left the page.`,
    );
    const error = await page.locator('#error').innerText();
    expect(error).toMatch(/error\s+SmsValidationError/);
    expect(error).toMatch(/parameter\s+limit/);
    expect(error).toMatch(new RegExp(`expected\\s+an integer from ${limitFacts.minimum} to ${limitFacts.maximum}`));
    expect(await page.getByLabel('limit', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#request-panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-heading');
    await expectCleanPage(watched, { secrets: [TOKEN] });
  });

  it('lists every page of the sandbox with the pager, showing progress, then every record', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await chooseTarget(page, 'Sandbox');
    await useToken(page);
    await page.getByLabel('List every page').check();
    await send(page);
    const all = await createSmsClient({ baseUrl: sandbox.url, token: TOKEN }).listAllMigrationErrors();
    const pages = Math.ceil(all.length / limitFacts.default);
    expect(await summary(page)).toBe(
      `Every page: ${all.length} failed source servers of ${all.length}, in ${pages} requests.`,
    );
    expect(await tableRows(page)).toEqual(expectedRows(all));
    expect(await page.locator('#progress-text').innerText()).toContain(`${all.length} of ${all.length} records`);
    expect(
      await page
        .locator('#progress-bar')
        .evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max]),
    ).toEqual([all.length, all.length]);
    // One curl command per page the pager asked for, each at its own offset.
    const offsets = [...(await curl(page)).matchAll(/[?&]offset=(\d+)/g)].map(([, offset]) => Number(offset));
    expect(offsets).toEqual(Array.from({ length: pages }, (_, index) => index * limitFacts.default));
    await expectCleanPage(watched, { secrets: [TOKEN] });
  });

  it('compares the listing with a snapshot file read in the page (never sent): new, changed, resolved, unchanged', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await chooseTarget(page, 'Sandbox');
    await useToken(page);
    await page.getByLabel('List every page').check();
    await send(page);
    expect(await page.locator('#compare-panel').isVisible()).toBe(true);
    // A snapshot of "yesterday", saved as list's ndjson: one server not failing yet (new now), one failing
    // with another code (changed now), one that has since recovered (resolved now).
    const all = await createSmsClient({ baseUrl: sandbox.url, token: TOKEN }).listAllMigrationErrors();
    const [fresh, changed, ...rest] = all as [MigrationError, MigrationError, ...MigrationError[]];
    const earlierCode = decodeErrorJson(changed.error_json).code === 'SMS.3805' ? 'SMS.2802' : 'SMS.3805';
    const recovered = {
      ...changed,
      source_id: 'recovered-since',
      name: 'recovered-1',
      error_json: JSON.stringify({ error_code: 'SMS.2802', error_param: '[]' }),
    };
    const snapshot = [
      { ...changed, error_json: JSON.stringify({ error_code: earlierCode, error_param: '[]' }) },
      ...rest,
      recovered,
    ];
    mkdirSync(results, { recursive: true });
    const file = join(results, 'console-snapshot.ndjson');
    writeFileSync(file, snapshot.map((record) => JSON.stringify(record)).join('\n'));
    const requestsBefore = watched.requests.length;
    await page.setInputFiles('#snapshot-file', file);
    await expect
      .poll(() => page.locator('#compare-summary').innerText())
      .toBe(
        `Since console-snapshot.ndjson (${snapshot.length} servers): 1 new, 1 changed, 1 resolved, ${rest.length} unchanged.`,
      );
    const rows = (id: string) =>
      page
        .locator(`#${id} tbody tr`)
        .evaluateAll((trs) =>
          trs.map((tr) => Array.from(tr.children).map((cell) => (cell as HTMLElement).innerText.trim())),
        );
    expect(await rows('compare-new')).toEqual(expectedRows([fresh]));
    expect((await rows('compare-changed')).map((row) => row.slice(0, 4))).toEqual([
      [changed.name, changed.source_ip, earlierCode, decodeErrorJson(changed.error_json).code],
    ]);
    expect((await rows('compare-resolved')).map((row) => row.slice(0, 3))).toEqual([
      ['recovered-1', recovered.source_ip, 'SMS.2802'],
    ]);
    // Reading the file sent nothing: the page made no request after the Send.
    expect(watched.requests.length).toBe(requestsBefore);
    await page.screenshot({ path: `${results}console-compare.png` });

    // A file that is no snapshot says why, in the page.
    const wrong = join(results, 'console-not-a-snapshot.json');
    writeFileSync(wrong, '{"error_code":"SMS.9004"}');
    await page.setInputFiles('#snapshot-file', wrong);
    await expect
      .poll(() => page.locator('#compare-summary').innerText())
      .toBe('console-not-a-snapshot.json is not a snapshot: line 1 has no name string.');
    await expectCleanPage(watched, { secrets: [TOKEN] });
  });

  it('warns that one page compared with a snapshot shows the other pages as resolved', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await chooseTarget(page, 'Sandbox');
    await useToken(page);
    const all = await createSmsClient({ baseUrl: sandbox.url, token: TOKEN }).listAllMigrationErrors();
    mkdirSync(results, { recursive: true });
    const file = join(results, 'console-snapshot-page.json');
    writeFileSync(file, JSON.stringify({ count: all.length, migration_errors: all }));
    await page.setInputFiles('#snapshot-file', file);
    // No listing yet: nothing to compare with, and the panel is hidden until a Send.
    expect(await page.locator('#compare-panel').isHidden()).toBe(true);
    await send(page);
    await expect
      .poll(() => page.locator('#compare-summary').innerText())
      .toBe(
        `Since console-snapshot-page.json (${all.length} servers): 0 new, 0 changed, ${all.length - limitFacts.default} resolved, ${limitFacts.default} unchanged.`,
      );
    expect(await page.locator('.compare-note').innerText()).toContain(
      `The current listing is one page (${limitFacts.default} of ${all.length} servers)`,
    );
    await expectCleanPage(watched, { secrets: [TOKEN] });
  });

  it('says when the target does not answer, naming the URL', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    const watched = await openConsole();
    const { page } = watched;
    await chooseTarget(page, 'Custom base URL', closed);
    await useToken(page);
    await send(page);
    expect(await summary(page)).toContain(`The target did not answer: ${closed}/v3/errors?`);
    expect(await page.locator('#error').innerText()).toMatch(/error\s+SmsNetworkError/);
    await expectCleanPage(watched, {
      allowedErrors: ['Failed to load resource: net::ERR_CONNECTION_REFUSED'],
      secrets: [TOKEN],
    });
  });

  it('stops a request that gets no answer when Stop is pressed', async () => {
    // A server that accepts every request and never answers it.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const watched = await openConsole();
      const { page } = watched;
      await chooseTarget(page, 'Custom base URL', silentUrl);
      await useToken(page);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await page.locator('#result[aria-busy="false"]').waitFor();
      expect(await summary(page)).toBe('Stopped after 1 request.');
      expect(await page.getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Stop', exact: true }).isDisabled()).toBe(true);
      await expectCleanPage(watched, { secrets: [TOKEN] });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('works opened from the built file: the default targets, and a custom base URL reaches the sandbox', async () => {
    const fileUrl = pathToFileURL(consoleFile).href;
    const watched = await openConsole(fileUrl);
    const { page } = watched;
    expect(await page.locator('#targets-source').innerText()).toContain('opened as a file');
    expect(
      await page
        .getByRole('radio', { name: /^Mock/ })
        .evaluate((radio) => (radio as HTMLInputElement).labels![0]!.innerText),
    ).toContain(DEFAULT_CONSOLE_TARGETS.mock);
    expect(
      await page
        .getByRole('radio', { name: /^Sandbox/ })
        .evaluate((radio) => (radio as HTMLInputElement).labels![0]!.innerText),
    ).toContain(DEFAULT_CONSOLE_TARGETS.sandbox);
    expect(watched.requests).toEqual([fileUrl]);

    await chooseTarget(page, 'Custom base URL', sandbox.url);
    await useToken(page);
    await send(page);
    const expected = await createSmsClient({ baseUrl: sandbox.url, token: TOKEN }).listMigrationErrors({
      limit: limitFacts.default,
    });
    expect(await tableRows(page)).toEqual(expectedRows(expected.migration_errors));
    await expectCleanPage(watched, { url: fileUrl, secrets: [TOKEN] });
  });
});

describe('the docs server and the links to the console', () => {
  it('serve-docs.mjs tells the console the ports it was given, and sends /console to /console/', async () => {
    const port = await findFreePort();
    const child = spawn(process.execPath, [fileURLToPath(new URL('../scripts/serve-docs.mjs', import.meta.url))], {
      env: { ...process.env, HOST: '127.0.0.1', DOCS_PORT: String(port), MOCK_PORT: '4321', SANDBOX_PORT: '4322' },
    });
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await expect.poll(() => output, { timeout: 30_000 }).toContain('console at');
      expect(output).toContain(`sms-errors docs: console at http://127.0.0.1:${port}/console/`);
      const config = await fetch(`http://127.0.0.1:${port}${CONSOLE_CONFIG_PATH}`);
      expect(await config.json()).toEqual({ mock: 'http://127.0.0.1:4321', sandbox: 'http://127.0.0.1:4322' });
      const folder = await fetch(`http://127.0.0.1:${port}/console`, { redirect: 'manual' });
      await folder.arrayBuffer();
      expect([folder.status, folder.headers.get('location')]).toEqual([301, '/console/']);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    expect(consoleTargetsFromEnv({})).toEqual(DEFAULT_CONSOLE_TARGETS);
    expect(() => consoleTargetsFromEnv({ MOCK_PORT: '70000' })).toThrow(
      'MOCK_PORT must be an integer from 1 to 65535, got "70000"',
    );
  });

  it("npm start (scripts/serve-all.mjs) prints the console's URL with the others, and its docs server knows the moved ports", async () => {
    const [docsPort, mockPort, sandboxPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort()]);
    const serveAll = fileURLToPath(new URL('../../../scripts/serve-all.mjs', import.meta.url));
    const child = spawn(process.execPath, [serveAll], {
      env: {
        ...process.env,
        DOCS_PORT: String(docsPort),
        MOCK_PORT: String(mockPort),
        SANDBOX_PORT: String(sandboxPort),
      },
    });
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await expect.poll(() => output, { timeout: 30_000 }).toContain('ports:');
      expect(output).toMatch(
        new RegExp(
          `^  docs +http://127\\.0\\.0\\.1:${docsPort}/\n  console +http://127\\.0\\.0\\.1:${docsPort}/console/ `,
          'm',
        ),
      );
      const config = await fetch(`http://127.0.0.1:${docsPort}${CONSOLE_CONFIG_PATH}`);
      expect(await config.json()).toEqual({
        mock: `http://127.0.0.1:${mockPort}`,
        sandbox: `http://127.0.0.1:${sandboxPort}`,
      });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it("the operation's description and the mock guide on the Redoc page link to the console, which opens", async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // Redoc 3 shows one section at a time, opened from the sidebar as a reader would.
    const open = (name: string) =>
      page
        .getByRole('link', { name: new RegExp(`^${name}`) })
        .first()
        .click();
    const consoleLink = page.getByRole('link', { name: 'console', exact: true });
    await page.goto(docsUrl);
    await open('Mock and sandbox');
    await consoleLink.waitFor();
    expect(await consoleLink.getAttribute('href')).toBe(CONSOLE_LINK);
    await open(spec.tags[0].name);
    await open(operation.summary);
    await consoleLink.waitFor();
    expect(await consoleLink.getAttribute('href')).toBe(CONSOLE_LINK);
    await consoleLink.click();
    await page.getByRole('heading', { level: 1, name: `Console: ${operation.summary}` }).waitFor();
    expect(page.url()).toBe(new URL(CONSOLE_LINK, docsUrl).href);
    await page.close();
  });
});
