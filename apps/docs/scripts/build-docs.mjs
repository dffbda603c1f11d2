// Builds dist/index.html: the Redoc page of the docs copy of the spec (scripts/docs-spec.mjs: the spec plus
// the guides, the error-code table and the code samples), with Redoc inlined (--inlineBundle) so the page
// works offline and loads nothing from a CDN. Settings (telemetry off, lint rules) are spec/redocly.yaml's,
// plus the code-sample languages (scripts/redocly-config.mjs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocsSpec, OPERATION } from './docs-spec.mjs';
import { redocThemeCss } from './docs-theme.mjs';
import { createRedoclyConfig } from './redocly-config.mjs';

const require = createRequire(import.meta.url);
const output = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const redocly = require.resolve('@redocly/cli/bin/cli.js');

// Redocly's own chatter (banners, "validated in 66ms") is shown only when it fails.
function redoclyRun(args) {
  try {
    execFileSync(process.execPath, [redocly, ...args], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`build-docs: redocly ${args[0]} failed`);
  }
}

mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
// The copy lives in a temporary directory, never beside the spec, so nobody mistakes it for a source.
const workDir = mkdtempSync(join(tmpdir(), 'sms-errors-docs-'));
try {
  const docsSpec = createDocsSpec();
  const docsSpecPath = join(workDir, 'openapi.docs.json');
  // Redocly reads its config from YAML, of which JSON is a subset.
  const configPath = join(workDir, 'redocly.yaml');
  writeFileSync(docsSpecPath, JSON.stringify(docsSpec, null, 2));
  writeFileSync(
    configPath,
    JSON.stringify(createRedoclyConfig(docsSpec.paths[OPERATION.path][OPERATION.method]['x-codeSamples']), null, 2),
  );
  // The same rules as the spec itself, so a malformed tag or code sample fails here, not in the browser.
  // Every $ref is resolved in the spec's build: its components are copies that nothing references
  // (spec/openapi.yaml itself is linted with no-unused-components).
  redoclyRun([
    'lint',
    docsSpecPath,
    '--config',
    configPath,
    '--format',
    'stylish',
    '--skip-rule',
    'no-unused-components',
  ]);
  redoclyRun([
    'build-docs',
    docsSpecPath,
    '--config',
    configPath,
    '--inlineBundle',
    '--output',
    output,
    '--title',
    'SMS v3: list failed source servers',
  ]);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

// Even inlined, Redoc 3 shows its attribution logo from a CDN and has no option to turn that off. Swap the
// two image URLs for an inline SVG, and fail the build if they move so a Redoc update cannot go unnoticed.
const logo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044D4">Redocly</text></svg>',
)}`;
let html = readFileSync(output, 'utf8');
for (const url of ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg']) {
  if (!html.includes(url)) {
    throw new Error(`build-docs: expected Redoc to reference ${url}; check the page for requests to a CDN`);
  }
  html = html.replaceAll(url, logo);
}

// Redoc's example picker is a button named "Example" whose visible text is the example's summary: a
// speech-input user saying what they see would not find it (axe's label-content-name-mismatch). Without the
// aria-label its name is the text it shows. Fail the build if the code moves, as for the logo.
const exampleLabel = '"aria-label":`Example`,options:';
if (html.split(exampleLabel).length !== 2) {
  throw new Error(`build-docs: expected Redoc's example picker to be labelled ${exampleLabel} once`);
}
html = html.replace(exampleLabel, 'options:');

// A content security policy that lets the page load nothing from anywhere but itself, an inline icon
// (browsers otherwise ask the server for /favicon.ico), and the theme (scripts/docs-theme.mjs).
const head = [
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self' data: blob:; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' data: blob:; worker-src 'self' blob:">`,
  `<link rel="icon" href="${logo}">`,
  `<style>\n${redocThemeCss()}\n</style>`,
].join('\n');
if (!html.includes('<head>')) {
  throw new Error('build-docs: no <head> in the page Redoc built');
}
html = html.replace('<head>', `<head>\n${head}`);
writeFileSync(output, html);
console.log(`built ${output} (${Math.round(html.length / 1024)} KiB, self-contained)`);
