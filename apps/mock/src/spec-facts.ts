// Reads the API facts the sandbox and the full-page example need out of the spec package's build (the spec
// with every $ref resolved, so a node is always the node itself): the operation,
// its query parameters with their bounds and defaults, the credential alternatives, the example error
// bodies and the regional host names. Nothing here restates a value of the spec; a name the code relies on
// (the paging parameters, the list operation) is looked up and its absence is a loud error.

// The spec is JSON read from disk: walked with a few checked accessors rather than typed field by field.
type Json = unknown;
type JsonObject = Record<string, Json>;

export interface Spec extends JsonObject {}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(node: Json, key: string, where: string): Json {
  if (!isObject(node) || !(key in node)) {
    throw new Error(`spec: ${where} has no "${key}"`);
  }
  return node[key];
}

/** The keywords a query parameter's schema may use; the sandbox checks every one of them. */
export const CHECKED_KEYWORDS = [
  'type',
  'format',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'default',
] as const;

export interface ParameterSchema {
  type: 'integer' | 'string';
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** An ECMA-262 regular expression the whole value must match (JSON Schema's `pattern`, unanchored). */
  pattern?: string;
  default?: number | string;
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: ParameterSchema;
}

/** The operation the sandbox serves: the spec's only one (path, method and the operation object). */
export function listOperation(spec: Spec): { path: string; method: string; operation: JsonObject } {
  const found: { path: string; method: string; operation: JsonObject }[] = [];
  for (const [path, item] of Object.entries(at(spec, 'paths', 'the document') as JsonObject)) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const operation = isObject(item) ? item[method] : undefined;
      if (isObject(operation)) {
        found.push({ path, method: method.toUpperCase(), operation });
      }
    }
  }
  const only = found[0];
  if (found.length !== 1 || only === undefined || only.method !== 'GET') {
    throw new Error(
      `spec: the sandbox serves exactly one GET operation, the spec has ${found.map((f) => `${f.method} ${f.path}`).join(', ')}`,
    );
  }
  return only;
}

/** The operation's query parameters; a schema keyword the sandbox cannot check is an error. */
export function queryParameters(spec: Spec): QueryParameter[] {
  const { operation } = listOperation(spec);
  const parameters = (operation['parameters'] ?? []) as Json[];
  return parameters
    .map((parameter) => parameter as JsonObject)
    .filter((parameter) => parameter['in'] === 'query')
    .map((parameter) => {
      const name = String(parameter['name']);
      const schema = at(parameter, 'schema', `parameter ${name}`) as JsonObject;
      const unchecked = Object.keys(schema).filter((key) => !(CHECKED_KEYWORDS as readonly string[]).includes(key));
      const format = schema['format'];
      if (format !== undefined && !(schema['type'] === 'integer' && (format === 'int32' || format === 'int64'))) {
        unchecked.push(`format ${String(format)}`);
      }
      if (unchecked.length > 0 || (schema['type'] !== 'integer' && schema['type'] !== 'string')) {
        throw new Error(
          `spec: the sandbox cannot check ${unchecked.join(', ') || `type ${String(schema['type'])}`} of query parameter ${name}; teach src/sandbox-checks.ts`,
        );
      }
      return { name, required: parameter['required'] === true, schema: schema as unknown as ParameterSchema };
    });
}

/** One query parameter by name; the sandbox pages with `limit` and `offset`, so their absence is loud. */
export function queryParameter(spec: Spec, name: string): QueryParameter {
  const parameter = queryParameters(spec).find((p) => p.name === name);
  if (!parameter) {
    throw new Error(`spec: the operation has no query parameter "${name}"`);
  }
  return parameter;
}

export interface CredentialHeader {
  scheme: string;
  header: string;
  /** Bounds of the value, where the spec states them (`x-sms-value-schema`). */
  minLength?: number;
  maxLength?: number;
  /** For a signing date: how far it may be from the gateway's clock (`x-sms-max-clock-skew-seconds`). */
  maxClockSkewSeconds?: number;
  /** For a signature: the headers sent and signed beside it (`x-sms-signed-headers`: `projectId`, `securityToken`). */
  projectIdHeader?: string;
  securityTokenHeader?: string;
}

/**
 * The credential alternatives: a request is authenticated when it carries every header of one of them.
 * Empty requirements (anonymous access) are left out.
 */
export function credentialAlternatives(spec: Spec): CredentialHeader[][] {
  const { operation } = listOperation(spec);
  const requirements = (operation['security'] ?? spec['security'] ?? []) as JsonObject[];
  const schemes = at(at(spec, 'components', 'the document'), 'securitySchemes', 'components') as JsonObject;
  return requirements
    .filter((requirement) => Object.keys(requirement).length > 0)
    .map((requirement) =>
      Object.keys(requirement).map((scheme) => {
        const definition = at(schemes, scheme, 'securitySchemes') as JsonObject;
        if (definition['type'] !== 'apiKey' || definition['in'] !== 'header') {
          throw new Error(
            `spec: the sandbox checks header API keys only, scheme ${scheme} is ${String(definition['type'])}`,
          );
        }
        const valueSchema = (definition['x-sms-value-schema'] ?? {}) as JsonObject;
        const signedHeaders = (definition['x-sms-signed-headers'] ?? {}) as JsonObject;
        return {
          scheme,
          header: String(definition['name']),
          ...(typeof valueSchema['minLength'] === 'number' ? { minLength: valueSchema['minLength'] } : {}),
          ...(typeof valueSchema['maxLength'] === 'number' ? { maxLength: valueSchema['maxLength'] } : {}),
          ...(typeof definition['x-sms-max-clock-skew-seconds'] === 'number'
            ? { maxClockSkewSeconds: definition['x-sms-max-clock-skew-seconds'] }
            : {}),
          ...(typeof signedHeaders['projectId'] === 'string' ? { projectIdHeader: signedHeaders['projectId'] } : {}),
          ...(typeof signedHeaders['securityToken'] === 'string'
            ? { securityTokenHeader: signedHeaders['securityToken'] }
            : {}),
        };
      }),
    );
}

/** The value of the first example of a response (`'400'`, `'401'`, ...), as the spec gives it. */
export function responseExample(spec: Spec, status: string): JsonObject {
  const { operation } = listOperation(spec);
  const response = at(at(operation, 'responses', 'the operation'), status, 'responses');
  const media = at(at(response, 'content', `response ${status}`), 'application/json', `response ${status}`);
  const first = Object.values(at(media, 'examples', `response ${status}`) as JsonObject)[0];
  const value = at(first, 'value', `the first example of response ${status}`);
  if (!isObject(value)) {
    throw new Error(`spec: the example of response ${status} is not an object`);
  }
  return value;
}

/**
 * The request ID header (`X-Request-Id`): the one header of `components.headers` that every response of the
 * operation declares.
 */
export function requestIdHeader(spec: Spec): string {
  const { operation } = listOperation(spec);
  const responses = Object.values(at(operation, 'responses', 'the operation') as JsonObject);
  const declared = Object.keys(at(at(spec, 'components', 'the document'), 'headers', 'components') as JsonObject);
  const everywhere = declared.filter((name) =>
    responses.every((response) => isObject(response) && isObject(response['headers']) && name in response['headers']),
  );
  const only = everywhere[0];
  if (everywhere.length !== 1 || only === undefined) {
    throw new Error(
      `spec: expected one header of components.headers on every response, found ${everywhere.join(', ') || 'none'}`,
    );
  }
  return only;
}

/** Host names of the regional endpoints (servers that name their region). */
export function regionHosts(spec: Spec): string[] {
  const servers = (spec['servers'] ?? []) as JsonObject[];
  return servers.filter((server) => server['x-sms-region']).map((server) => new URL(String(server['url'])).hostname);
}
