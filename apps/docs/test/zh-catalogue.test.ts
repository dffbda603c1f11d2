// The error-code catalogue in Chinese (dist/zh/index.html) in real headless Chromium, served from loopback:
// every category with its Chinese title and description, every code at its own anchor with its Chinese
// message, status and action; each code links to itself on the English page, and the English page links to
// the Chinese one and to each code there. Nothing is requested from anywhere but 127.0.0.1.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../../scripts/chromium.mjs';
import { errorCodesPath } from '../scripts/docs-spec.mjs';
import { codeId, codeLink, codesByCategory, readCatalogue, zhCodeLink } from '../scripts/error-code-catalogue.mjs';
import { serveDirectory } from '../scripts/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const results = fileURLToPath(new URL('../test-results/', import.meta.url));
type Entry = {
  status: number;
  category: string;
  message: string;
  action: string;
  see?: string[];
  zh: { message: string; action: string };
};
const catalogue: {
  categories: Record<string, { title: string; zh: { title: string; description: string } }>;
  codes: Record<string, Entry>;
} = readCatalogue(errorCodesPath);
const categories: { key: string; zh: { title: string; description: string }; codes: [string, Entry][] }[] =
  codesByCategory(catalogue);

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

/** A page that records every request and every console error. */
async function watchedPage(): Promise<{ page: Page; outside: () => string[]; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
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
  // Redoc's page runs its search in a worker from a blob: URL of its own origin.
  return {
    page,
    outside: () => requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:')),
    consoleErrors,
  };
}

/** Catalogue text as the page shows it: the slots are code elements, so only whitespace may differ. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the Chinese catalogue page (dist/zh/index.html)', () => {
  it('is one self-contained file in Chinese: no script, nothing from elsewhere', () => {
    const html = readFileSync(`${dist}zh/index.html`, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)=["']?https?:/i);
  });

  it('shows every category and every code in Chinese, each code at its own anchor and linked to its English entry', async () => {
    const { page, outside, consoleErrors } = await watchedPage();
    await page.goto(new URL('zh/', url).href);
    for (const { key, zh, codes } of categories) {
      const section = page.locator(`section.category[id="${key}"]`);
      expect(await section.locator('h2').innerText()).toBe(zh.title);
      expect(flat(await section.locator('p').first().innerText())).toContain(flat(zh.description));
      const shown = await section.locator('section.code').evaluateAll((sections) =>
        sections.map((element) => ({
          id: element.id,
          text: (element as HTMLElement).innerText,
          english: element.querySelector('a.en')?.getAttribute('href') ?? '',
        })),
      );
      expect(shown.map(({ id }) => id)).toEqual(codes.map(([code]) => codeId(code)));
      for (const [i, [code, entry]] of codes.entries()) {
        const { text, english } = shown[i]!;
        expect(flat(text), code).toContain(flat(entry.zh.message));
        expect(flat(text), code).toContain(flat(entry.zh.action));
        expect(flat(text), code).toMatch(new RegExp(`HTTP 状态码\\s*${entry.status}`));
        expect(english, code).toBe(`../index.html${codeLink(catalogue, code)}`);
      }
    }
    await page.screenshot({ path: `${results}docs-zh-catalogue.png` });
    await page.close();
    expect(outside()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("opens a code from its link, as from a bookmark, and its English link opens the code on Redoc's page", async () => {
    const { page, outside, consoleErrors } = await watchedPage();
    await page.goto(new URL(zhCodeLink('SMS.5401'), url).href);
    const section = page.locator('[id="sms-5401"]');
    await expect
      .poll(() =>
        section.evaluate(
          (element) => element.matches(':target') && element.getBoundingClientRect().top < window.innerHeight,
        ),
      )
      .toBe(true);
    await section.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(codeLink(catalogue, 'SMS.5401'));
    await page
      .locator('h3')
      .filter({ hasText: /^SMS\.5401$/ })
      .first()
      .waitFor();
    await page.close();
    expect(outside()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('is linked from the English page, whole and for each code', async () => {
    const { page, outside, consoleErrors } = await watchedPage();
    await page.goto(new URL(codeLink(catalogue, 'SMS.2802'), url).href);
    const toCode = page.locator(`a[href="${zhCodeLink('SMS.2802')}"]`).first();
    await toCode.waitFor();
    await toCode.click();
    await page.waitForURL(/\/zh\/index\.html#sms-2802$/);
    expect(flat(await page.locator('[id="sms-2802"]').innerText())).toContain(
      flat(catalogue.codes['SMS.2802']!.zh.action),
    );
    await page.goto(url);
    await page
      .getByRole('link', { name: /^SMS error codes/ })
      .first()
      .click();
    const toPage = page.locator('a[href="zh/index.html"]').first();
    await toPage.waitFor();
    await toPage.click();
    await page.waitForURL(/\/zh\/index\.html$/);
    expect(await page.locator('h1').innerText()).toBe('SMS 错误码');
    await page.close();
    expect(outside()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
