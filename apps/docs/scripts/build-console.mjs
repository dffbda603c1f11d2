// Builds dist/console/index.html: the try-it console, one self-contained file beside the Redoc page. Its
// script (console/*.ts) is bundled by esbuild together with the client's browser bundle
// (@sms-errors/client's dist/browser/sms-errors-client.js, the very file a page without a bundler loads),
// and inlined with the stylesheet and the facts the script reads. The form comes from the spec (the
// client's facts), the scenario picker from the spec the mock serves, the test-credentials button from
// @sms-errors/mock. A content security policy lets the page run only its own inline script and style and
// load nothing; it may connect anywhere over http(s), as a custom base URL needs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authToken, describeBounds } from '@sms-errors/client/facts';
import { sandboxTestCredentials, servedFiles } from '@sms-errors/mock';
import { build } from 'esbuild';
import { queryFields, scenarioOptions, wireName } from './console-form.mjs';
import { DEFAULT_CONSOLE_TARGETS } from './console-targets.mjs';
import { errorCodesPath, OPERATION, readSpec } from './docs-spec.mjs';
import { consoleThemeCss } from './docs-theme.mjs';
import { ERROR_CODES_TAG, readCatalogue, slug, ZH_PAGE } from './error-code-catalogue.mjs';
import { fillTemplate } from './fill-template.mjs';
import { mockScenarios } from './mock-scenarios.mjs';

const require = createRequire(import.meta.url);
const consoleDir = fileURLToPath(new URL('../console/', import.meta.url));
const output = fileURLToPath(new URL('../dist/console/index.html', import.meta.url));
/** The client's browser bundle, which the console's `virtual:sms-errors-client` import resolves to. */
export const clientBrowserBundle = join(
  dirname(require.resolve('@sms-errors/client/package.json')),
  'dist/browser/sms-errors-client.js',
);
/** The Redoc page, from the console's folder. */
const DOCS_PAGE = '../index.html';

const spec = readSpec();
const operation = spec.paths[OPERATION.path][OPERATION.method];
const catalogue = readCatalogue(errorCodesPath);

const bundled = await build({
  absWorkingDir: consoleDir,
  entryPoints: ['main.ts'],
  bundle: true,
  write: false,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // The bundle's license lines (the client's, openapi-fetch's MIT notice) stay, at the end.
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [
    {
      name: 'sms-errors-client-browser-bundle',
      setup(plugin) {
        plugin.onResolve({ filter: /^virtual:sms-errors-client$/ }, () => ({ path: clientBrowserBundle }));
      },
    },
  ],
});
const script = bundled.outputFiles[0].text.trim();
// Inline, the script must not end its own element early.
if (/<\/script/i.test(script)) {
  throw new Error('build-console: the bundled script contains "</script"');
}
// The docs' colours and type (the same values the Redoc page is themed with), then the console's own rules.
const style = `${consoleThemeCss()}\n${readFileSync(join(consoleDir, 'console.css'), 'utf8').trim()}`;

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const contentSecurityPolicy = [
  "default-src 'none'",
  `script-src ${sha256(script)}`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  // 'self' for the docs server's config.json; http: and https: for the mock, the sandbox or a custom target.
  "connect-src 'self' http: https:",
  "base-uri 'none'",
  // The form is never submitted: a page whose script failed must not send its fields anywhere.
  "form-action 'none'",
].join('; ');

/** What the script reads at run time (console/facts.ts), as JSON safe inside a <script> element. */
const facts = {
  defaultTargets: DEFAULT_CONSOLE_TARGETS,
  sandboxCredentials: {
    ak: sandboxTestCredentials.ak,
    sk: sandboxTestCredentials.sk,
    projectId: sandboxTestCredentials.projectId,
  },
  docsPage: DOCS_PAGE,
  categoryLinks: Object.fromEntries(
    Object.entries(catalogue.categories).map(([key, { title }]) => [key, `#/${slug(ERROR_CODES_TAG)}/${slug(title)}/`]),
  ),
  zhCataloguePage: `../${ZH_PAGE}`,
};
const factsJson = JSON.stringify(facts).replace(/</g, '\\u003c');

// The scenarios of the spec the mock serves: the spec's examples and the mock's generated full page.
const servedMockSpec = JSON.parse(readFileSync(servedFiles.mockSpec, 'utf8'));

const html = fillTemplate(
  readFileSync(join(consoleDir, 'index.html'), 'utf8'),
  {
    'content-security-policy': contentSecurityPolicy,
    'operation-summary': operation.summary,
    operation: `${OPERATION.method.toUpperCase()} ${OPERATION.path}`,
    path: OPERATION.path,
    'docs-page': DOCS_PAGE,
    'default-mock-url': DEFAULT_CONSOLE_TARGETS.mock,
    'default-sandbox-url': DEFAULT_CONSOLE_TARGETS.sandbox,
    'scenario-options': scenarioOptions(mockScenarios(servedMockSpec)),
    'token-header': authToken.header,
    'token-bounds': describeBounds({ type: 'string', minLength: authToken.minLength, maxLength: authToken.maxLength }),
    'query-fields': queryFields(operation.parameters),
    'offset-name': wireName('offset'),
    'limit-name': wireName('limit'),
    style,
    facts: factsJson,
    script,
  },
  'console/index.html',
);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`built ${output} (${Math.round(html.length / 1024)} KiB, self-contained)`);
