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

/** spec/iam.yaml as the spec package builds it: the IAM call and where Huawei's tools keep credentials. */
export function readIamSpec() {
  return JSON.parse(readFileSync(require.resolve('@sms-errors/spec/iam.json'), 'utf8'));
}

/** The values of the Credentials guide's placeholders: every name, path and limit from the two documents. */
function credentialFacts(spec, iamSpec) {
  const sources = iamSpec.info['x-sms-credential-sources'];
  const [tokensPath, tokensItem] = Object.entries(iamSpec.paths)[0];
  const servers = iamSpec.servers.filter((server) => server.url.startsWith('https://'));
  const { akSkSignature, akSkDate } = spec.components.securitySchemes;
  const { environment: env, profileFile: profile, kooCli: koo, ecsMetadata: ecs } = sources;
  return {
    'env-ak': env.ak,
    'env-sk': env.sk,
    'env-project-id': env.projectId,
    'env-security-token': env.securityToken,
    'env-iam-endpoint': env.iamEndpoint,
    'env-credentials-file': env.credentialsFile,
    'profile-path': profile.path,
    'profile-section': profile.section,
    'profile-ak': profile.keys.ak,
    'profile-sk': profile.keys.sk,
    'profile-project-id': profile.keys.projectId,
    'profile-security-token': profile.keys.securityToken,
    'profile-iam-endpoint': profile.keys.iamEndpoint,
    'koo-path': koo.path,
    'koo-mode': koo.plainMode,
    'koo-ak': koo.keys.ak,
    'koo-sk': koo.keys.sk,
    'koo-project-id': koo.keys.projectId,
    'koo-region': koo.keys.region,
    'iam-global-endpoint': servers.find((server) => !server.variables).url,
    'iam-regional-endpoint': servers.find((server) => server.variables).url,
    'iam-tokens-path': tokensPath,
    'iam-token-header': Object.keys(tokensItem.post.responses['201'].headers).find((name) =>
      /subject-token/i.test(name),
    ),
    'ecs-base-url': ecs.baseUrl,
    'ecs-session-path': ecs.sessionTokenPath,
    'ecs-ttl-header': ecs.sessionTokenTtlHeader,
    'ecs-token-header': ecs.sessionTokenHeader,
    'ecs-securitykey-path': ecs.securityKeyPath,
    'ecs-metadata-path': ecs.metadataPath,
    'max-skew-minutes': String(akSkDate['x-sms-max-clock-skew-seconds'] / 60),
    'lockout-failures': String(akSkSignature['x-sms-lockout'].consecutiveFailures),
    'lockout-minutes': String(akSkSignature['x-sms-lockout'].seconds / 60),
  };
}

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
      if (Object.hasOwn(catalogue.codes, JSON.parse(record.error_json).error_code)) {
        return record.error_json;
      }
    }
  }
  throw new Error('no 200 example has an error_json whose code is in the catalogue (spec/error-codes.yaml)');
}

/** The largest `limit`: the size of the mock's generated full page. */
function largestPage(spec) {
  const limit = spec.paths[OPERATION.path][OPERATION.method].parameters.find((parameter) => parameter.name === 'limit');
  if (limit?.schema?.maximum === undefined) {
    throw new Error('the spec has no limit parameter with a maximum');
  }
  return limit.schema.maximum;
}

/** Builds the docs copy from the spec, the catalogue, content/ and samples/. */
export function createDocsSpec(spec = readSpec(), catalogue = readCatalogue(errorCodesPath)) {
  const docs = structuredClone(spec);
  const operation = docs.paths?.[OPERATION.path]?.[OPERATION.method];
  if (!operation) {
    throw new Error(`the spec has no ${OPERATION.method.toUpperCase()} ${OPERATION.path}`);
  }
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
      name: 'Credentials',
      description: content('credentials.md', credentialFacts(spec, readIamSpec())),
    },
    {
      group: 'Guides',
      name: 'Following a migration wave',
      description: content('migration-wave.md', { 'console-link': CONSOLE_LINK }),
    },
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
  docs.tags = [
    ...(docs.tags ?? []),
    ...guides.map(({ name, description }) => ({ name, description, 'x-traitTag': true })),
  ];
  const inGroup = (group) => guides.filter((guide) => guide.group === group).map((guide) => guide.name);
  docs['x-tagGroups'] = [
    { name: 'API', tags: [...(spec.tags ?? []).map((tag) => tag.name), ...inGroup('API')] },
    { name: 'Guides', tags: inGroup('Guides') },
  ];
  return docs;
}
