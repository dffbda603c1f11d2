// The checks the sandbox's upstream makes before it pages, as the real service and its API gateway do:
// credentials (an IAM token within the spec's bounds, or an AK/SK signature verified with the configured SK,
// with the project id and security token the gateway requires) and the query (every parameter's type, bounds
// and required flag, defaults filled in). Rules come from the spec; the error bodies take their codes, and the
// start of their messages, from the spec's examples.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { codePointLength } from '@sms-errors/client/code-points';
import type { SandboxCredentials } from './sandbox-credentials.js';
import {
  type CredentialHeader,
  credentialAlternatives,
  type QueryParameter,
  queryParameters,
  requestIdHeader,
  responseExample,
  type Spec,
} from './spec-facts.js';
import { parseAuthorization, type SignedRequest, signatureProblem } from './verify-signature.js';

export interface ErrorBody {
  error_code: string;
  error_msg: string;
  request_id?: string;
}

export interface SandboxRules {
  parameters: QueryParameter[];
  /** The token alternative (X-Auth-Token and its bounds) and the headers of the AK/SK alternative. */
  token: CredentialHeader;
  signature: { authorization: CredentialHeader; date: CredentialHeader; projectId: string; securityToken: string };
  /** The header that carries the request ID (X-Request-Id). */
  requestId: string;
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

/**
 * The spec's two credential alternatives: a token header alone, and the SDK-HMAC-SHA256 pair (the signature
 * with its date, the one that states a clock skew), which the sandbox verifies. Anything else is a spec the
 * sandbox cannot check: loud.
 */
function credentialRules(spec: Spec): Pick<SandboxRules, 'token' | 'signature'> {
  const alternatives = credentialAlternatives(spec);
  const token = alternatives.find((alternative) => alternative.length === 1)?.[0];
  const pair = alternatives.find((alternative) => alternative.length === 2);
  const date = pair?.find((c) => c.maxClockSkewSeconds !== undefined);
  const authorization = pair?.find((c) => c !== date);
  if (alternatives.length !== 2 || !token || !authorization || !date) {
    throw new Error(
      'spec: the sandbox checks a token header, or a signature header with a date header that states x-sms-max-clock-skew-seconds; teach src/sandbox-checks.ts',
    );
  }
  const { projectIdHeader: projectId, securityTokenHeader: securityToken } = authorization;
  if (projectId === undefined || securityToken === undefined) {
    throw new Error(
      `spec: the ${authorization.scheme} scheme must state x-sms-signed-headers with projectId and securityToken`,
    );
  }
  return { token, signature: { authorization, date, projectId, securityToken } };
}

export function rulesFromSpec(spec: Spec): SandboxRules {
  return {
    parameters: queryParameters(spec),
    ...credentialRules(spec),
    requestId: requestIdHeader(spec),
    badRequest: errorExample(spec, '400'),
    unauthorized: errorExample(spec, '401'),
  };
}

/** `Invalid parameter: limit must be ...`: the example's message up to its colon, then our reason. */
function message(example: ErrorBody, reason: string): string {
  const colon = example.error_msg.indexOf(':');
  return `${colon > 0 ? example.error_msg.slice(0, colon) : example.error_msg}: ${reason}`;
}

/** A request ID like the gateway's: 32 hex digits, also sent as X-Request-Id. */
export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

/** The error body shaped like `example`, with `reason` and, if the example has one, a request ID. */
export function errorBody(example: ErrorBody, reason: string, requestId: string): ErrorBody {
  return {
    error_code: example.error_code,
    error_msg: message(example, reason),
    ...(example.request_id !== undefined ? { request_id: requestId } : {}),
  };
}

/** A header's value; an empty one counts as not sent, as the gateway counts it. */
function sentHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const key = name.toLowerCase();
  if (!Object.hasOwn(headers, key)) {
    return undefined;
  }
  const raw = headers[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value;
}

function lengthRule(subject: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    return `${subject} must be ${min} to ${max} characters long`;
  }
  return min !== undefined
    ? `${subject} must be at least ${min} characters long`
    : `${subject} must be at most ${String(max)} characters long`;
}

/** `of 1 to 16384 characters`: the token's bounds from the spec, for the lines the sandbox prints at start. */
export function tokenLengthRule(rules: SandboxRules): string {
  const { minLength: min, maxLength: max } = rules.token;
  if (min !== undefined && max !== undefined) {
    return `of ${min} to ${max} characters`;
  }
  if (min !== undefined) {
    return `of at least ${min} characters`;
  }
  return max !== undefined ? `of at most ${max} characters` : '';
}

/** Compares two secrets in constant time (their digests, so that their lengths do not show either). */
function sameSecret(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

function tokenProblem(token: string, rules: SandboxRules, credentials: SandboxCredentials): string | undefined {
  const { header, minLength: min, maxLength: max } = rules.token;
  const length = codePointLength(token);
  if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
    return lengthRule(header, min, max);
  }
  if (credentials.token !== undefined && !sameSecret(token, credentials.token)) {
    return `${header} is not the sandbox's token`;
  }
  return undefined;
}

/** The gateway's checks of an AK/SK request beyond the signature: SMS is a project-level service. */
function projectProblem(
  request: SignedRequest,
  rules: SandboxRules,
  credentials: SandboxCredentials,
): string | undefined {
  const { authorization, projectId: projectIdHeader, securityToken: securityTokenHeader } = rules.signature;
  const signed = parseAuthorization(sentHeader(request.headers, authorization.header) ?? '')?.signedHeaders ?? [];
  const projectId = sentHeader(request.headers, projectIdHeader);
  if (projectId === undefined) {
    return `${projectIdHeader} is required with AK/SK (SMS is a project-level service)`;
  }
  if (!signed.includes(projectIdHeader.toLowerCase())) {
    return `${projectIdHeader} must be signed (listed in SignedHeaders)`;
  }
  if (projectId !== credentials.projectId) {
    return `${projectIdHeader} is not the sandbox's project id`;
  }
  const securityToken = sentHeader(request.headers, securityTokenHeader);
  if (credentials.securityToken !== undefined && securityToken === undefined) {
    return `${securityTokenHeader} is required: the sandbox has temporary credentials`;
  }
  if (securityToken !== undefined && !signed.includes(securityTokenHeader.toLowerCase())) {
    return `${securityTokenHeader} must be signed (listed in SignedHeaders)`;
  }
  if (credentials.securityToken !== undefined && !sameSecret(securityToken ?? '', credentials.securityToken)) {
    return `${securityTokenHeader} is not the sandbox's security token`;
  }
  return undefined;
}

export interface Gateway {
  credentials: SandboxCredentials;
  /** The gateway's clock, for the X-Sdk-Date check. */
  now(): Date;
  /** When set, judges X-Auth-Token (after its bounds) instead of the credentials' token rule. */
  tokenProblem?: ((token: string) => string | undefined) | undefined;
}

/**
 * Why the request is not authenticated, or undefined when it is. A request that sends either header of the
 * AK/SK pair is judged by its signature (a token beside it does not rescue a bad one); otherwise by its token.
 */
export function credentialProblem(request: SignedRequest, rules: SandboxRules, gateway: Gateway): string | undefined {
  const { authorization, date } = rules.signature;
  const sentAuthorization = sentHeader(request.headers, authorization.header);
  const sentDate = sentHeader(request.headers, date.header);
  if (sentAuthorization !== undefined || sentDate !== undefined) {
    if (sentAuthorization === undefined) {
      return `${date.header} needs ${authorization.header}`;
    }
    if (sentDate === undefined) {
      return `${authorization.header} needs ${date.header}`;
    }
    const headers = { authorization: authorization.header, date: date.header };
    return (
      signatureProblem(request, gateway.credentials, gateway.now(), (date.maxClockSkewSeconds ?? 0) * 1000, headers) ??
      projectProblem(request, rules, gateway.credentials)
    );
  }
  const token = sentHeader(request.headers, rules.token.header);
  if (token !== undefined) {
    return tokenProblem(token, rules, gateway.credentials) ?? gateway.tokenProblem?.(token);
  }
  return `missing credentials (send ${rules.token.header}, or ${authorization.header} with ${date.header}; an empty header counts as missing)`;
}

/**
 * Whether the request sends every header of one credential alternative (non-empty), whatever their values:
 * what the mock, which accepts any credentials, needs before it looks at the query, as the gateway does.
 */
export function sendsCredentials(headers: IncomingHttpHeaders, rules: SandboxRules): boolean {
  const { token, signature } = rules;
  return [[token], [signature.authorization, signature.date]].some((alternative) =>
    alternative.every(({ header }) => sentHeader(headers, header) !== undefined),
  );
}

export type QueryValues = Record<string, number | string | undefined>;

/**
 * Why the query is not in a form the service reads, or undefined: a parameter sent more than once, or an
 * integer written any other way than optional minus and digits (`0x5`, `1e2`, `5.0`, `+5`, ` 5` and an empty
 * value, all of which Prism would coerce into a number). The sandbox checks this before the bounds, and the
 * mock's front before Prism, so both refuse the same queries.
 */
export function queryFormProblem(search: URLSearchParams, rules: SandboxRules): string | undefined {
  for (const { name, schema } of rules.parameters) {
    const sent = search.getAll(name);
    if (sent.length > 1) {
      return `${name} is given ${sent.length} times (send it once)`;
    }
    const raw = sent[0];
    if (raw !== undefined && schema.type === 'integer' && !/^-?\d+$/.test(raw)) {
      return `${name} must be an integer written in digits`;
    }
  }
  return undefined;
}

/** The query's values with the spec's defaults filled in, or why it is invalid. */
export function checkQuery(
  search: URLSearchParams,
  rules: SandboxRules,
): { values: QueryValues } | { problem: string } {
  const form = queryFormProblem(search, rules);
  if (form !== undefined) {
    return { problem: form };
  }
  const values: QueryValues = {};
  for (const { name, required, schema } of rules.parameters) {
    const raw = search.get(name);
    if (raw === null) {
      if (required) {
        return { problem: `${name} is required` };
      }
      values[name] = schema.default;
      continue;
    }
    if (schema.type === 'integer') {
      const value = Number(raw);
      const { minimum: min, maximum: max } = schema;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        const range =
          min !== undefined && max !== undefined
            ? `between ${min} and ${max}`
            : min !== undefined
              ? `>= ${min}`
              : `<= ${String(max)}`;
        return { problem: `${name} must be ${range}` };
      }
      values[name] = value;
    } else {
      const { minLength: min, maxLength: max, pattern } = schema;
      const length = codePointLength(raw);
      if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
        return { problem: lengthRule(name, min, max) };
      }
      if (pattern !== undefined && !new RegExp(pattern, 'u').test(raw)) {
        return { problem: `${name} must match the pattern ${pattern}` };
      }
      values[name] = raw;
    }
  }
  return { values };
}
