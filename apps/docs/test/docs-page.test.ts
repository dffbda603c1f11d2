// The built page in real headless Chromium, served from loopback: it renders the operation, and not one
// request leaves 127.0.0.1 (Redoc is inlined, telemetry is off).
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory } from '../scripts/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const results = fileURLToPath(new URL('../test-results/', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveDirectory(dist));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('docs page (dist/index.html)', () => {
  it('is one self-contained file: no script or stylesheet from elsewhere', () => {
    const html = readFileSync(`${dist}index.html`, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=["']?https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?https?:/i);
    expect(html).toContain('ListErrorServers');
  });

  it('renders the operation in Chromium with no request leaving 127.0.0.1 and no console error', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(url, { waitUntil: 'networkidle' });
    // Redoc 3 shows one section at a time: open the tag from the sidebar, as a reader would.
    await page.getByRole('link', { name: 'Source servers', exact: true }).first().click();
    await page.waitForFunction(() => document.body.innerText.includes('Query'));
    const text = await page.locator('body').innerText();
    expect(text).toContain('/v3/errors');
    expect(text).toMatch(/authToken or \(akSkSignature and akSkDate\)/);
    expect(text).toContain('[ 0 .. 100 ]'); // limit
    expect(text).toContain('[ 0 .. 65535 ]'); // offset
    await page.waitForLoadState('networkidle');

    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: `${results}docs-page.png`, fullPage: false });
    await page.close();

    const origin = new URL(url).origin;
    const outside = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
