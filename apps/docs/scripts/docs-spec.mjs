// The docs-only copy of the spec that the page is built from: the spec package's build of it (every $ref
// resolved), plus the guides (content/*.md) and the error-code catalogue as description-only tags, the
// code samples on the operation and a link to the console at the end of its description. Nothing here is
// written back to the spec.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { listOperation } from '@sms-errors/mock';
import { codeSamples } from './code-samples.mjs';
import { codeLink, ERROR_CODES_TAG, errorCodeCatalogue, readCatalogue } from './error-code-catalogue.mjs';
import { fillTemplate } from './fill-template.mjs';
import { mockScenarioList, mockScenarios } from './mock-scenarios.mjs';

const require = createRequire(import.meta.url);
const specPath = require.resolve('@sms-errors/spec/openapi.json');
export const errorCodesPath = require.resolve('@sms-errors/spec/error-codes.json');
const contentDir = new URL('../content/', import.meta.url);

/** The spec's one operation (`GET /v3/errors`), found in the spec rather than named here: `{ path, method }`, method as the spec's key. */
export const OPERATION = operationKey(readSpec());

/** The console (dist/console/index.html, beside the page), as the page links to it. */
export const CONSOLE_LINK = 'console/index.html';
/** The paragraph the operation's description ends with on the page: where to try it. */
export const CONSOLE_PARAGRAPH =
  `**Try it** in the [console](${CONSOLE_LINK}): a form that sends this request from your browser through ` +
  '`@sms-errors/client` to the mock, the sandbox or another endpoint, and shows it as a `curl` command, the ' +
  "answer, and each failed server's error decoded with the catalogue.";

/** The path and the method (lower case, as `paths` keys it) of the spec's one operation. */
export function operationKey(spec) {
  const { path, method } = listOperation(spec);
  return { path, method: method.toLowerCase() };
}

/** The spec as the spec package builds it (`@sms-errors/spec/openapi.json`), as a plain object. */
export function readSpec() {
  return JSON.parse(readFileSync(specPath, 'utf8'));
}

function content(name, values) {
  return fillTemplate(readFileSync(new URL(name, contentDir), 'utf8'), values, `content/${name}`).trimEnd();
}

/** The `error_json` of the first record in the spec's 200 examples whose code is in the catalogue. */
function errorJsonExample(operation, catalogue) {
  const examples = operation.responses['200'].content['application/json'].examples;
  for (const example of Object.values(examples)) {
    for (const record of example.value.migration_errors ?? []) {
      if (Object.hasOwn(catalogue.codes, JSON.parse(record.error_json).error_code)) return record.error_json;
    }
  }
  throw new Error('no 200 example has an error_json whose code is in the catalogue (spec/error-codes.yaml)');
}

/** The largest `limit`: the size of the mock's generated full page. */
function largestPage(spec) {
  const limit = spec.paths[OPERATION.path][OPERATION.method].parameters.find((parameter) => parameter.name === 'limit');
  if (limit?.schema?.maximum === undefined) throw new Error('the spec has no limit parameter with a maximum');
  return limit.schema.maximum;
}

/** Builds the docs copy from the spec, the catalogue, content/ and samples/. */
export function createDocsSpec(spec = readSpec(), catalogue = readCatalogue(errorCodesPath)) {
  const docs = structuredClone(spec);
  const operation = docs.paths?.[OPERATION.path]?.[OPERATION.method];
  if (!operation) throw new Error(`the spec has no ${OPERATION.method.toUpperCase()} ${OPERATION.path}`);
  operation['x-codeSamples'] = codeSamples(spec);
  operation.description = `${(operation.description ?? '').trimEnd()}\n\n${CONSOLE_PARAGRAPH}\n`;

  // Description-only tags (x-traitTag): Redoc gives each its own page in the sidebar, under its group.
  const example = errorJsonExample(operation, catalogue);
  const exampleCode = JSON.parse(example).error_code;
  const guides = [
    {
      group: 'API',
      name: ERROR_CODES_TAG,
      description: content('error-codes.md', {
        'error-json-example': example,
        'example-code': exampleCode,
        'example-code-link': codeLink(catalogue, exampleCode),
        'error-code-count': String(Object.keys(catalogue.codes).length),
        'error-code-catalogue': errorCodeCatalogue(catalogue),
      }),
    },
    { group: 'Guides', name: 'Pagination', description: content('pagination.md', {}) },
    {
      group: 'Guides',
      name: 'Mock and sandbox',
      description: content('mock.md', {
        'mock-scenarios': mockScenarioList(mockScenarios(spec)),
        'largest-page': String(largestPage(spec)),
        'console-link': CONSOLE_LINK,
      }),
    },
  ];
  docs.tags = [...(docs.tags ?? []), ...guides.map(({ name, description }) => ({ name, description, 'x-traitTag': true }))];
  const inGroup = (group) => guides.filter((guide) => guide.group === group).map((guide) => guide.name);
  docs['x-tagGroups'] = [
    { name: 'API', tags: [...(spec.tags ?? []).map((tag) => tag.name), ...inGroup('API')] },
    { name: 'Guides', tags: inGroup('Guides') },
  ];
  return docs;
}
