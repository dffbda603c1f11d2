// The checks the sandbox's upstream makes before it pages, as the real service and its API gateway do:
// credentials (one of the spec's security alternatives, every header present and within its bounds) and
// the query (every parameter's type, bounds and required flag, defaults filled in). Rules come from the
// spec; the error bodies take their codes, and the start of their messages, from the spec's examples.
import type { IncomingHttpHeaders } from 'node:http';
import { codePointLength } from './code-points.js';
import {
  credentialAlternatives,
  queryParameters,
  responseExample,
  type CredentialHeader,
  type QueryParameter,
  type Spec,
} from './spec-facts.js';

export interface ErrorBody {
  error_code: string;
  error_msg: string;
  request_id?: string;
}

export interface SandboxRules {
  parameters: QueryParameter[];
  credentials: CredentialHeader[][];
  /** The spec's 400 and 401 examples: their codes, the start of their messages, whether they carry request_id. */
  badRequest: ErrorBody;
  unauthorized: ErrorBody;
}

function errorExample(spec: Spec, status: string): ErrorBody {
  const example = responseExample(spec, status);
  return {
    error_code: String(example['error_code']),
    error_msg: String(example['error_msg']),
    ...(typeof example['request_id'] === 'string' ? { request_id: example['request_id'] } : {}),
  };
}

export function rulesFromSpec(spec: Spec): SandboxRules {
  return {
    parameters: queryParameters(spec),
    credentials: credentialAlternatives(spec),
    badRequest: errorExample(spec, '400'),
    unauthorized: errorExample(spec, '401'),
  };
}

/** `Invalid parameter: limit must be ...`: the example's message up to its colon, then our reason. */
function message(example: ErrorBody, reason: string): string {
  const colon = example.error_msg.indexOf(':');
  return `${colon > 0 ? example.error_msg.slice(0, colon) : example.error_msg}: ${reason}`;
}

/** The error body shaped like `example`, with `reason` and, if the example has one, a request ID. */
export function errorBody(example: ErrorBody, reason: string, requestId: string): ErrorBody {
  return {
    error_code: example.error_code,
    error_msg: message(example, reason),
    ...(example.request_id !== undefined ? { request_id: requestId } : {}),
  };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function lengthRule(subject: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${subject} must be ${min} to ${max} characters long`;
  return min !== undefined ? `${subject} must be at least ${min} characters long` : `${subject} must be at most ${String(max)} characters long`;
}

/** Why the request is not authenticated, or undefined when it is. */
export function credentialProblem(headers: IncomingHttpHeaders, rules: SandboxRules): string | undefined {
  const outOfBounds = (c: CredentialHeader): boolean => {
    const length = codePointLength(headerValue(headers, c.header) ?? '');
    return (c.minLength !== undefined && length < c.minLength) || (c.maxLength !== undefined && length > c.maxLength);
  };
  const sent = rules.credentials.map((alternative) => ({
    alternative,
    present: alternative.filter((c) => headerValue(headers, c.header) !== undefined),
  }));
  const complete = sent.filter(({ alternative, present }) => present.length === alternative.length);
  if (complete.some(({ alternative }) => !alternative.some(outOfBounds))) return undefined;
  const bad = complete.flatMap(({ alternative }) => alternative.filter(outOfBounds))[0];
  if (bad) return lengthRule(bad.header, bad.minLength, bad.maxLength);
  const partial = sent.filter(({ present }) => present.length > 0).sort((a, b) => b.present.length - a.present.length)[0];
  if (partial) {
    const missing = partial.alternative.filter((c) => !partial.present.includes(c)).map((c) => c.header);
    return `${partial.present.map((c) => c.header).join(' and ')} needs ${missing.join(' and ')}`;
  }
  return `missing credentials (send ${rules.credentials.map((alternative) => alternative.map((c) => c.header).join(' with ')).join(', or ')})`;
}

export type QueryValues = Record<string, number | string | undefined>;

/** The query's values with the spec's defaults filled in, or why it is invalid. */
export function checkQuery(search: URLSearchParams, rules: SandboxRules): { values: QueryValues } | { problem: string } {
  const values: QueryValues = {};
  for (const { name, required, schema } of rules.parameters) {
    const raw = search.get(name);
    if (raw === null) {
      if (required) return { problem: `${name} is required` };
      values[name] = schema.default;
      continue;
    }
    if (schema.type === 'integer') {
      if (!/^-?\d+$/.test(raw)) return { problem: `${name} must be an integer` };
      const value = Number(raw);
      const { minimum: min, maximum: max } = schema;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `>= ${min}` : `<= ${String(max)}`;
        return { problem: `${name} must be ${range}` };
      }
      values[name] = value;
    } else {
      const { minLength: min, maxLength: max } = schema;
      const length = codePointLength(raw);
      if ((min !== undefined && length < min) || (max !== undefined && length > max)) return { problem: lengthRule(name, min, max) };
      values[name] = raw;
    }
  }
  return { values };
}
