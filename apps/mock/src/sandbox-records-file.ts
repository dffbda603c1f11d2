// `SANDBOX_DATA=path` (or `sandbox --data path`): the sandbox serves your own records instead of seeded ones,
// so that an integrator can replay what a real account returned. The file is a saved page (`{ count,
// migration_errors }`, as the API answers) or an array of records. It is checked against the spec's own 200
// schema (`@sms-errors/spec/openapi.json`, already dereferenced) before anything starts, and the first problem
// is one line naming the record and the field, so a bad file never reaches Prism.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { FailedServer } from './sandbox-data.js';
import { listOperation, type Spec } from './spec-facts.js';

const require = createRequire(import.meta.url);
const openapiPath = require.resolve('@sms-errors/spec/openapi.json');

/** A records file that cannot be served: its message is one line naming the file, the record and the field. */
export class RecordsFileError extends Error {
  override name = 'RecordsFileError';
}

export interface RecordsFile {
  servers: FailedServer[];
  /** The `count` of a saved page, when the file is one (the sandbox serves `servers.length` as the count). */
  savedCount?: number;
}

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema } & Record<string, unknown>;

/** The 200 body's schema, from the spec package's dereferenced build. */
function pageSchema(): JsonSchema {
  const spec = JSON.parse(readFileSync(openapiPath, 'utf8')) as Spec;
  const responses = listOperation(spec).operation['responses'] as Record<
    string,
    { content: Record<string, { schema: JsonSchema }> }
  >;
  const schema = responses['200']?.content['application/json']?.schema;
  if (!schema?.properties?.['migration_errors']?.items?.properties) {
    throw new Error('spec: the 200 body has no migration_errors items schema');
  }
  return schema;
}

/** A value as a short phrase for a message: never the whole of a long string. */
function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/** Ajv's error as `field host_name must be string or null (got 42)`, placed at its record. */
function problemOf(error: ErrorObject, page: Record<string, unknown>, arrayFile: boolean): string {
  const path = error.instancePath.split('/').slice(1);
  const field = error.keyword === 'required' ? String(error.params['missingProperty']) : path[2];
  const rule =
    error.keyword === 'type'
      ? `must be ${String(error.params['type']).split(',').join(' or ')}`
      : (error.message ?? 'is not valid');
  if (path[0] !== 'migration_errors' || path[1] === undefined) {
    const where = path[0] ?? (error.keyword === 'required' ? field : 'the page');
    return `${where} ${error.keyword === 'required' ? 'is missing' : rule}`;
  }
  const index = Number(path[1]);
  const record = (page['migration_errors'] as unknown[])[index] as Record<string, unknown> | undefined;
  const name = typeof record?.['name'] === 'string' ? ` (name ${describeValue(record['name'])})` : '';
  const at = `${arrayFile ? '' : 'migration_errors'}[${index}]${name}`;
  if (field === undefined) {
    return `${at}: the record ${rule}`;
  }
  if (error.keyword === 'required') {
    return `${at}: field ${field} is missing`;
  }
  return `${at}: field ${field} ${rule} (got ${describeValue(record?.[field])})`;
}

/** Reads and checks a records file; throws RecordsFileError with one line. */
export function readRecordsFile(path: string): RecordsFile {
  const label = basename(path);
  const fail = (problem: string): never => {
    throw new RecordsFileError(`${label}: ${problem}`);
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let content: unknown;
  try {
    // A byte-order mark (editors on Windows write one) is no part of the JSON text (RFC 8259, 8.1).
    content = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    fail(`not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const arrayFile = Array.isArray(content);
  const isPage = typeof content === 'object' && content !== null && !arrayFile && 'migration_errors' in content;
  if (!arrayFile && !isPage) {
    fail('must be a saved page { "count": N, "migration_errors": [...] } or an array of records');
  }
  const page = (arrayFile ? { count: (content as unknown[]).length, migration_errors: content } : content) as Record<
    string,
    unknown
  >;

  const schema = pageSchema();
  // OpenAPI's own keywords (example, format int32) are not JSON Schema assertions: not strict, no formats.
  const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: false }).compile(schema);
  if (!validate(page)) {
    fail(problemOf(validate.errors![0]!, page, arrayFile));
  }
  const records = page['migration_errors'] as Record<string, unknown>[];
  const savedCount = page['count'] as number;
  if (isPage && savedCount < records.length) {
    fail(`count is ${savedCount}, fewer than the ${records.length} records in migration_errors`);
  }

  // Only the fields the spec lists are served (a record saved by `sms-errors list --json` also has `decoded`).
  const fields = Object.keys(schema.properties!['migration_errors']!.items!.properties!);
  const servers = records.map(
    (record) =>
      Object.fromEntries(
        fields.filter((field) => field in record).map((field) => [field, record[field]]),
      ) as unknown as FailedServer,
  );
  return isPage ? { servers, savedCount } : { servers };
}
