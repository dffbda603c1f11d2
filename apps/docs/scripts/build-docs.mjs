// Builds dist/index.html: the Redoc page of spec/openapi.yaml, with Redoc inlined (--inlineBundle) so the
// page works offline and loads nothing from a CDN. Settings (telemetry off, lint rules) are spec/redocly.yaml.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const specPath = require.resolve('@sms-errors/spec/openapi.yaml');
const configPath = require.resolve('@sms-errors/spec/redocly.yaml');
const output = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const redocly = require.resolve('@redocly/cli/bin/cli.js');

mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
execFileSync(
  process.execPath,
  [redocly, 'build-docs', specPath, '--config', configPath, '--inlineBundle', '--output', output, '--title', 'SMS v3: list failed source servers'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

// Even inlined, Redoc 3 shows its attribution logo from a CDN and has no option to turn that off. Swap the
// two image URLs for an inline SVG, and fail the build if they move so a Redoc update cannot go unnoticed.
const logo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044D4">Redocly</text></svg>',
)}`;
let html = readFileSync(output, 'utf8');
for (const url of ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg']) {
  if (!html.includes(url)) throw new Error(`build-docs: expected Redoc to reference ${url}; check the page for requests to a CDN`);
  html = html.replaceAll(url, logo);
}

// A content security policy that lets the page load nothing from anywhere but itself, and an inline icon
// (browsers otherwise ask the server for /favicon.ico).
const head = [
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self' data: blob:; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' data: blob:; worker-src 'self' blob:">`,
  `<link rel="icon" href="${logo}">`,
].join('\n');
if (!html.includes('<head>')) throw new Error('build-docs: no <head> in the page Redoc built');
html = html.replace('<head>', `<head>\n${head}`);
writeFileSync(output, html);
console.log(`built ${output} (${Math.round(html.length / 1024)} KiB, self-contained)`);
