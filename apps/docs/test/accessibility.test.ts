// axe-core in real Chromium, in the light and the dark colour scheme (Redoc and the console follow the
// system's): the console has no violation at all, before and after a result is shown; every route of the docs
// page (the overview, the operation, each tag, each error-code category, each guide and its sections) has no
// serious or critical one. Moderate findings Redoc does not let us fix (its sidebar sits outside a landmark,
// a guide's page has no level-one heading) are printed, not asserted.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { listErrorServersQuery } from '@sms-errors/client/facts';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../../scripts/chromium.mjs';
import { errorCodesPath, readSpec } from '../scripts/docs-spec.mjs';
import { codesByCategory, ERROR_CODES_TAG, readCatalogue, slug } from '../scripts/error-code-catalogue.mjs';
import { serveDirectory } from '../scripts/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
const BLOCKING = new Set(['serious', 'critical']);

// The routes the page must have, from the spec and the catalogue: the crawl below must find each of them.
const spec = readSpec();
const operation = spec.paths['/v3/errors'].get;
const catalogue = readCatalogue(errorCodesPath);
const expectedRoutes = [
  '/',
  `/${slug(spec.tags[0].name)}`,
  `/${slug(spec.tags[0].name)}/${operation.operationId.toLowerCase()}`,
  `/${slug(ERROR_CODES_TAG)}`,
  ...codesByCategory(catalogue).map(({ title }: { title: string }) => `/${slug(ERROR_CODES_TAG)}/${slug(title)}`),
  '/pagination',
  '/mock-and-sandbox',
];

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

// The audit is of the built page in Chromium: Node's version cannot change it, so the runs of every suite on
// other Nodes (scripts/test-other-nodes.mjs) leave it to the main run.
const onOtherNode = process.env['SMS_ERRORS_OTHER_NODE'] !== undefined;

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (onOtherNode) {
    return;
  }
  ({ server, url } = await serveDirectory(dist));
  browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * A page in the given scheme. Both pages forbid scripts they did not ship (the console by hash), so axe can
 * only be injected with the page's content security policy bypassed, in this test's browser context alone.
 */
async function openPage(scheme: (typeof SCHEMES)[number]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    colorScheme: scheme,
    bypassCSP: true,
  });
  return context.newPage();
}

async function axe(page: Page): Promise<Violation[]> {
  // Redoc's elements transition every property: a colour still fading from one scheme to the other is not
  // what a reader sees for long, so axe waits for the page to settle.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
  );
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } }
    ).axe.run(document);
    return violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map(({ target }) => ({ target })) }));
  });
}

const describeViolation = ({ id, impact, nodes }: Violation) =>
  `${impact} ${id} (${nodes.length}: ${nodes[0]?.target.join(' ')})`;

/** Opens a route of the docs page as a bookmark would: the page at that hash, loaded afresh. */
async function openRoute(page: Page, route: string): Promise<void> {
  await page.goto(`${url}#${route}`, { waitUntil: 'networkidle' });
  await page.reload({ waitUntil: 'networkidle' });
  // Redoc renders after load: a heading in the document says the route is on the page.
  await page.waitForFunction(() => document.querySelector('main h1, main h2, main h3') !== null);
}

/** The links of the page to routes one or two levels deep (a code's anchor on a category page is not a route). */
async function routeLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs
    .map((href) => href.replace(/^#/, ''))
    .filter((href) => href.startsWith('/') && !href.includes('#') && href.split('/').length <= 3);
}

/** The serious and critical violations of one route, and a count of the others by rule. */
async function checkRoute(
  page: Page,
  route: string,
  scheme: string,
  blocking: string[],
  other: Map<string, number>,
): Promise<void> {
  await openRoute(page, route);
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark');
  for (const violation of await axe(page)) {
    if (BLOCKING.has(violation.impact ?? '')) {
      blocking.push(`${scheme} ${route}: ${describeViolation(violation)}`);
    } else {
      other.set(violation.id, (other.get(violation.id) ?? 0) + 1);
    }
  }
}

describe.skipIf(onOtherNode)('the docs page under axe-core', () => {
  // Every route the sidebar and the pages link to, found by the first test as it goes.
  const routes: string[] = [];

  it('has no serious or critical violation on any route, light; and every route the spec and the catalogue call for', async () => {
    const page = await openPage('light');
    const blocking: string[] = [];
    const other = new Map<string, number>();
    const queue = ['/'];
    while (queue.length > 0) {
      const route = queue.shift()!;
      if (routes.includes(route)) {
        continue;
      }
      routes.push(route);
      await checkRoute(page, route, 'light', blocking, other);
      queue.push(...(await routeLinks(page)).filter((link) => !routes.includes(link)));
    }
    await page.context().close();
    console.log(
      `axe on ${routes.length} docs routes (light): other findings by rule, in routes: ${JSON.stringify(Object.fromEntries(other))}`,
    );
    expect(routes).toEqual(expect.arrayContaining(expectedRoutes));
    // The guides' sections are routes of their own.
    expect(routes.filter((route) => route.startsWith('/pagination/')).length).toBeGreaterThan(0);
    expect(blocking, blocking.join('\n')).toEqual([]);
  }, 300_000);

  it('has no serious or critical violation on any route, dark', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(expectedRoutes.length);
    const page = await openPage('dark');
    const blocking: string[] = [];
    const other = new Map<string, number>();
    for (const route of routes) {
      await checkRoute(page, route, 'dark', blocking, other);
    }
    await page.context().close();
    console.log(
      `axe on ${routes.length} docs routes (dark): other findings by rule, in routes: ${JSON.stringify(Object.fromEntries(other))}`,
    );
    expect(blocking, blocking.join('\n')).toEqual([]);
  }, 300_000);
});

describe.skipIf(onOtherNode)('the console under axe-core', () => {
  for (const scheme of SCHEMES) {
    it(`has no violation, ${scheme}, before and after a result is shown`, async () => {
      const page = await openPage(scheme);
      await page.goto(`${url}console/index.html`, { waitUntil: 'networkidle' });
      expect(await axe(page)).toEqual([]);
      // A value out of its bounds: the client refuses it in the page, and the result panel shows the error.
      await page.getByLabel('limit', { exact: true }).fill(String(listErrorServersQuery.limit.maximum + 1));
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('#error').waitFor();
      expect((await axe(page)).map(describeViolation)).toEqual([]);
      await page.context().close();
    });
  }
});
