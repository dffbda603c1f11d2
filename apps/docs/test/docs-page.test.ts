// The built page in real headless Chromium, served from loopback, read as a reader would: the operation
// with its parameter bounds and defaults, both credential methods, the 403 example, every code sample exactly as in samples/, the
// whole error-code catalogue grouped by category (found by Redoc's own search, and by link) and the guides;
// no console error and not one request leaving 127.0.0.1; a deep link to the operation shows it. It prints
// the page weight (a figure, not an assertion).
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../../scripts/chromium.mjs';
import { createDocsSpec, errorCodesPath, readSpec } from '../scripts/docs-spec.mjs';
import { codeLink, codesByCategory, readCatalogue } from '../scripts/error-code-catalogue.mjs';
import { mockScenarios } from '../scripts/mock-scenarios.mjs';
import { serveDirectory } from '../scripts/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const results = fileURLToPath(new URL('../test-results/', import.meta.url));
const VIEWPORT = { width: 1400, height: 900 };

// What the page must show, read from the spec so that no bound, example or label is typed here.
const spec = readSpec();
const operation = spec.paths['/v3/errors'].get;
const parameters = operation.parameters;
const forbidden: { value: { error_code: string; error_msg: string } } = Object.values(
  operation.responses['403'].content['application/json'].examples,
)[0] as never;
const samples: { lang: string; label: string; source: string }[] =
  createDocsSpec().paths['/v3/errors'].get['x-codeSamples'];
type CatalogueEntry = { status: number; category: string; message: string; action: string; see?: string[] };
const catalogue: {
  categories: Record<string, { title: string; description: string }>;
  codes: Record<string, CatalogueEntry>;
} = readCatalogue(errorCodesPath);
const categories: { key: string; title: string; description: string; codes: [string, CatalogueEntry][] }[] =
  codesByCategory(catalogue);
/** The first sentence of each credential method's description, as plain text. */
const credentialHowTo = Object.fromEntries(
  Object.entries(spec.components.securitySchemes as Record<string, { description: string }>).map(
    ([name, { description }]) => [
      name,
      description
        .replace(/[*`]/g, '')
        .replace(/\s+/g, ' ')
        .split(/(?<=\.) /)[0]!,
    ],
  ),
);

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveDirectory(dist));
  browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A page that records every request and every console error, for the checks at the end of each test. */
async function watchedPage(): Promise<{ page: Page; outside: () => string[]; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const origin = new URL(url).origin;
  const outside = () =>
    requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
  return { page, outside, consoleErrors };
}

/** The lines of the parameter's entry on the page, from its name to the next parameter's. */
function parameterEntry(lines: string[], name: string): string {
  const start = lines.indexOf(name);
  expect(start, `parameter ${name} on the page`).toBeGreaterThan(-1);
  const names = new Set(parameters.map((parameter: { name: string }) => parameter.name));
  const end = lines.findIndex((line, index) => index > start && (names.has(line) || line === 'Responses'));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The heading of a section, by its text (its accessible name also has the deep-link anchor's label). */
function heading(page: Page, text: string) {
  return page
    .locator('h1, h2, h3')
    .filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) })
    .first();
}

/**
 * Opens a page of Redoc 3 (one section per page) from the sidebar, as a reader would. The link's name
 * starts with the title (an operation's also has its method); "Source servers" must not match "List
 * failed source servers".
 */
function sidebarLink(page: Page, name: string) {
  return page.getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}`) }).first();
}
async function openFromSidebar(page: Page, name: string): Promise<void> {
  await sidebarLink(page, name).click();
  await heading(page, name).waitFor();
}

/** The text of every section on the page now (Redoc keeps the neighbours of the open one). */
async function middleText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="middle-panel"]').allInnerTexts()).join('\n');
}

describe('docs page (dist/index.html)', () => {
  it('is one self-contained file: no script or stylesheet from elsewhere', () => {
    const html = readFileSync(`${dist}index.html`, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=["']?https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?https?:/i);
    expect(html).toContain(operation.operationId);
  });

  it('shows the operation, its bounds and defaults, credentials, the 403 example and every code sample, all from loopback', async () => {
    const { page, outside, consoleErrors } = await watchedPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await openFromSidebar(page, spec.tags[0].name);
    await openFromSidebar(page, operation.summary);

    const text = await middleText(page);
    const lines = text.split('\n');
    expect(text).toContain('/v3/errors');
    expect(text).toMatch(/authToken or \(akSkSignature and akSkDate\)/);
    for (const { name, schema } of parameters) {
      const entry = parameterEntry(lines, name);
      const [min, max] =
        schema.type === 'string' ? [schema.minLength, schema.maxLength] : [schema.minimum, schema.maximum];
      expect(entry, name).toContain(`[ ${min} .. ${max} ]`);
      if (schema.default !== undefined) {
        expect(entry, name).toMatch(new RegExp(`Default:\\s*${schema.default}\\b`));
      }
    }

    // Each sample, picked from the language menu, is shown exactly as the file under samples/ has it.
    const codePanel = page.locator('pre').first();
    for (const [index, sample] of samples.entries()) {
      await page.getByRole('button', { name: (samples[index - 1] ?? samples[0]!).label, exact: true }).click();
      await page.getByRole('menuitem', { name: sample.label, exact: true }).click();
      await expect.poll(() => codePanel.innerText()).toBe(sample.source);
      if (index === 0) {
        mkdirSync(results, { recursive: true });
        await page.screenshot({ path: `${results}docs-page.png` });
      }
    }

    // Both credential methods, and how to get each, are one click away in Redoc's security window.
    const bodyText = () => page.locator('body').innerText();
    expect(await bodyText()).not.toContain(credentialHowTo['authToken']);
    await page.getByRole('button', { name: 'View security details' }).click();
    await expect.poll(bodyText).toContain(credentialHowTo['authToken']);
    await page.getByRole('tab', { name: 'akSkSignature and akSkDate', exact: true }).click();
    await expect.poll(bodyText).toContain(credentialHowTo['akSkSignature']);
    expect(await bodyText()).toContain(credentialHowTo['akSkDate']);
    await page.screenshot({ path: `${results}docs-page-credentials.png` });
    await page.keyboard.press('Escape');
    await expect.poll(bodyText).not.toContain(credentialHowTo['akSkSignature']);

    await page.getByRole('tab', { name: '403', exact: true }).click();
    const example = page.locator('pre').nth(1);
    await expect.poll(() => example.innerText()).toContain(`"error_code": "${forbidden.value.error_code}"`);
    expect(await example.innerText()).toContain(`"error_msg": "${forbidden.value.error_msg}"`);
    await expect.poll(() => example.isVisible()).toBe(true);
    await page.getByRole('tab', { name: '403', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${results}docs-page-403.png` });

    await page.waitForLoadState('networkidle');
    await page.close();
    expect(outside()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('shows the whole error-code catalogue grouped by category: every category, and every code linked under it', async () => {
    const { page, outside, consoleErrors } = await watchedPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await openFromSidebar(page, 'SMS error codes');
    expect(await middleText(page)).toContain(`all ${Object.keys(catalogue.codes).length} codes`);

    for (const { title, description, codes } of categories) {
      // The category's own page: its title and description, then its codes, the first of them in full.
      await openFromSidebar(page, title);
      const [first, entry] = codes[0]!;
      await heading(page, first).waitFor();
      // Redoc renders the sections beside the open one as they come into view: wait for the first code's text.
      await expect.poll(() => middleText(page), { timeout: 15_000 }).toContain(entry.message);
      const text = await middleText(page);
      expect(text, title).toContain(description);
      const section = text.slice(text.indexOf(first));
      expect(section, first).toContain(entry.message);
      expect(section, first).toMatch(new RegExp(`HTTP status:\\s*${entry.status}`));
      expect(section.replace(/\s+/g, ' '), first).toContain(`What to do: ${entry.action}`.replace(/\s+/g, ' '));
      // The sidebar lists every code of the category under it, each linking to its own anchor.
      const links = await page
        .getByRole('link')
        .evaluateAll((anchors) => anchors.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('href') ?? '']));
      for (const [code] of codes) {
        expect(links, `${title}: ${code}`).toContainEqual([code, codeLink(catalogue, code)]);
      }
    }
    await page.screenshot({ path: `${results}docs-error-codes.png` });
    await page.close();
    expect(outside()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("finds SMS.2802 with Redoc's own search box and opens it: message, status and action in view", async () => {
    const { page, outside, consoleErrors } = await watchedPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByTestId('search-trigger').click();
    await page.getByPlaceholder('Search docs...').pressSequentially('SMS.2802');
    const result = page
      .locator('a[data-component-name="Search/SearchItem"]')
      .filter({ hasText: /^SMS\.2802/ })
      .first();
    await result.waitFor();
    expect(await result.getAttribute('href')).toBe(codeLink(catalogue, 'SMS.2802'));
    await result.click();

    const target = heading(page, 'SMS.2802');
    await expect
      .poll(() =>
        target.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    expect(new URL(page.url()).hash).toBe(codeLink(catalogue, 'SMS.2802'));
    const entry = catalogue.codes['SMS.2802']!;
    const text = (await middleText(page)).replace(/\s+/g, ' ');
    for (const fact of [entry.message, `HTTP status: ${entry.status}`, `What to do: ${entry.action}`]) {
      expect(text).toContain(fact.replace(/\s+/g, ' '));
    }
    await page.screenshot({ path: `${results}docs-search-sms-2802.png` });
    await page.close();
    expect(outside()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("opens a code from its link, as from a bookmark, and a related code's link goes to that code", async () => {
    const related = Object.entries(catalogue.codes).find(([, entry]) => entry.see)!;
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(new URL(codeLink(catalogue, related[0]), url).href);
    const target = heading(page, related[0]);
    await target.waitFor();
    await expect
      .poll(() =>
        target.evaluate(
          (element) =>
            element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().top < window.innerHeight,
        ),
      )
      .toBe(true);
    const seeAlso = related[1].see![0]!;
    await page.getByRole('link', { name: seeAlso, exact: true }).last().click();
    await heading(page, seeAlso).waitFor();
    await expect.poll(() => new URL(page.url()).hash).toBe(codeLink(catalogue, seeAlso));
    await context.close();
  });

  it('shows the guides', async () => {
    const { page, outside, consoleErrors } = await watchedPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    // Each ### of a guide is a page of its own in Redoc 3, opened from the sidebar under the guide.
    const guides: [string, string, string[]][] = [
      ['Pagination', 'Paging with the client', ['paginateMigrationErrors', 'listAllMigrationErrors', 'offsetMode']],
      ['Pagination', 'When the pages disagree with the count', ['SmsPaginationError']],
      [
        'Mock and sandbox',
        'Scenarios and the Prefer header',
        [
          ...mockScenarios(spec).map(({ prefer }: { prefer: string }) => `Prefer: ${prefer}`),
          'Prefer: example=full-page',
        ],
      ],
      ['Credentials', 'KooCLI (hcloud)', ['accessKeyId', '--cli-auth-encrypt=false', 'SMS_PROFILE']],
      ['Credentials', 'The lockout', ['SmsApiError.lockedUntil', 'SANDBOX_LOCKOUT=on']],
      [
        'Following a migration wave',
        'How servers are matched, and the four classes',
        ['source_id', 'source_ip', 'resolved', 'duplicates'],
      ],
      ['Following a migration wave', 'Cron and CI', ['--fail-on new', 'exit with code 9']],
      [
        'Mock and sandbox',
        'Sandbox: paging for real',
        ['pnpm --filter @sms-errors/mock sandbox', '127.0.0.1:4011', 'SANDBOX_SIZE', 'SANDBOX_DATA'],
      ],
    ];
    for (const [guide, section, facts] of guides) {
      await openFromSidebar(page, guide);
      await openFromSidebar(page, section);
      const text = await middleText(page);
      for (const fact of facts) {
        expect(text, `${guide} > ${section}`).toContain(fact);
      }
    }

    await page.close();
    expect(outside()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("opened at the operation's own link in a fresh browser, shows the operation's heading on screen", async () => {
    // The operation's own link, as the sidebar gives it.
    const finder = await browser.newPage({ viewport: VIEWPORT });
    await finder.goto(url);
    await openFromSidebar(finder, spec.tags[0].name);
    const link = await sidebarLink(finder, operation.summary).getAttribute('href');
    await finder.close();
    expect(link).toBeTruthy();

    // A fresh context (empty cache) opened at that link, as from a bookmark: the heading must come into the
    // viewport by itself (waitFor fails the test when it does not). How long it takes is not judged here.
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(new URL(link!, url).href);
    const title = heading(page, operation.summary);
    await title.waitFor();
    await expect
      .poll(() =>
        title.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
        }),
      )
      .toBe(true);
    await context.close();

    const html = readFileSync(`${dist}index.html`);
    console.log(`docs page weight: dist/index.html ${html.length} bytes, gzip ${gzipSync(html).length} bytes`);
  });
});
