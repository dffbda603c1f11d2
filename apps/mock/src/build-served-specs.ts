// Build step (`build` runs it after tsc): derives dist/served/ from spec/. The mock's spec gains the
// `full-page` example, a full page of generated failed servers, which is exactly the first page
// (`offset=0&limit=<max>`) of the sandbox's default data set; generated rather than hand-written so that
// spec/openapi.yaml stays readable and the example follows the spec's bounds and error catalogue. The
// sandbox's spec leaves credentials to the sandbox's own check, which answers with the gateway's body.
// Both are linted by test/served-specs.test.ts; Prism's --errors rejects a broken example at serve time too.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type CatalogueEntry, DEFAULT_SANDBOX_SIZE, DEFAULT_SEED, generateFailedServers } from './sandbox-data.js';
import { defaultSpecPath, errorCodesPath, servedFiles, sourcesDigest } from './served-files.js';
import { listOperation, queryParameter, regionHosts, type Spec } from './spec-facts.js';

type JsonObject = Record<string, unknown>;

// The spec package's build: every $ref already resolved, so the served specs need no reference either.
const spec = JSON.parse(await readFile(defaultSpecPath, 'utf8')) as Spec;
const catalogue = JSON.parse(await readFile(errorCodesPath, 'utf8')) as { codes: Record<string, CatalogueEntry> };
const errorCodes = catalogue.codes;

const pageSize = queryParameter(spec, 'limit').schema.maximum;
if (pageSize === undefined || pageSize > DEFAULT_SANDBOX_SIZE) {
  throw new Error(
    `full-page example: the spec's largest page (${String(pageSize)}) must be set and at most ${DEFAULT_SANDBOX_SIZE}`,
  );
}

/** The spec the mock serves: the spec, the full-page example, and bounds for Prism's --dynamic bodies. */
function mockSpec(): Spec {
  const served = structuredClone(spec);
  const servers = generateFailedServers({
    size: DEFAULT_SANDBOX_SIZE,
    seed: DEFAULT_SEED,
    errorCodes,
    regionHosts: regionHosts(spec),
  });
  const fullPage = {
    summary: `A full page of ${pageSize} failed source servers`,
    description:
      `Generated at build time by apps/mock (not in spec/openapi.yaml): the first page, at the largest \`limit\`, ` +
      `of the sandbox's default data set of ${DEFAULT_SANDBOX_SIZE} servers (seed "${DEFAULT_SEED}").`,
    value: { count: DEFAULT_SANDBOX_SIZE, migration_errors: servers.slice(0, pageSize) },
  };
  // Where Prism serves it from (the 200 response, inline like every other example there), and beside the
  // spec's named examples.
  const components = served['components'] as JsonObject;
  components['examples'] = { ...(components['examples'] as JsonObject | undefined), 'full-page': fullPage };
  const ok = (listOperation(served).operation['responses'] as JsonObject)['200'] as JsonObject;
  const media = (ok['content'] as JsonObject)['application/json'] as JsonObject;
  (media['examples'] as JsonObject)['full-page'] = fullPage;
  // Without these, json-schema-faker fills arrays up to maxItems (65535) and adds made-up properties.
  served['x-json-schema-faker'] = { maxItems: pageSize, fillProperties: false };
  return served;
}

/**
 * The spec the sandbox's Prism proxy serves: the spec without its security requirements, so that Prism
 * forwards every request and the upstream's credential check answers with the gateway's body. (An anonymous
 * `{}` alternative is not enough: Prism still rejects any request that has an Authorization header.)
 */
function sandboxSpec(): Spec {
  const served = structuredClone(spec);
  delete served['security'];
  delete listOperation(served).operation['security'];
  return served;
}

/** Writes through a temporary file, so that a Prism watching the file never reads half of it. */
async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

await rm(servedFiles.sources, { force: true });
await mkdir(dirname(servedFiles.mockSpec), { recursive: true });
await writeJson(servedFiles.mockSpec, mockSpec());
await writeJson(servedFiles.sandboxSpec, sandboxSpec());
await writeJson(servedFiles.errorCodes, catalogue);
// Last, so that an interrupted build leaves dist/served/ stale rather than half new.
await writeJson(servedFiles.sources, { sha256: sourcesDigest() });
console.log(`apps/mock: wrote ${dirname(servedFiles.mockSpec)}`);
