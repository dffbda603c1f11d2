// The header names the mock and the sandbox use come from the spec, not from their code: a spec that renames
// one is followed, and a spec that drops one is a loud error at start rather than a silent default.
import { describe, expect, it } from 'vitest';
import { rulesFromSpec } from '../src/sandbox-checks.js';
import { listOperation, requestIdHeader, type Spec } from '../src/spec-facts.js';
import { spec } from './helpers.js';

type Node = Record<string, Record<string, unknown>>;
const schemes = (copy: Spec) =>
  (copy['components'] as Node)['securitySchemes'] as Record<string, Record<string, unknown>>;
const signatureScheme = (copy: Spec) =>
  Object.values(schemes(copy)).find((scheme) => 'x-sms-signed-headers' in scheme)!;
const signedHeaders = (copy: Spec) => signatureScheme(copy)['x-sms-signed-headers'] as Record<string, string>;

describe('header names from the spec', () => {
  it('reads the request ID header from components.headers, as every response declares it', () => {
    const declared = Object.keys((spec['components'] as Node)['headers'] ?? {});
    expect(declared).toContain(requestIdHeader(spec));
    const renamed = structuredClone(spec);
    const old = requestIdHeader(spec);
    const headers = (renamed['components'] as Node)['headers'] as Record<string, unknown>;
    headers['X-Trace'] = headers[old];
    delete headers[old];
    for (const response of Object.values(
      listOperation(renamed).operation['responses'] as Record<string, { headers: Record<string, unknown> }>,
    )) {
      response.headers['X-Trace'] = response.headers[old];
      delete response.headers[old];
    }
    expect(requestIdHeader(renamed)).toBe('X-Trace');
    expect(rulesFromSpec(renamed).requestId).toBe('X-Trace');
  });

  it('takes the project id and security token headers from the signature scheme', () => {
    const renamed = structuredClone(spec);
    signedHeaders(renamed)['projectId'] = 'X-Tenant';
    signedHeaders(renamed)['securityToken'] = 'X-Session';
    expect(rulesFromSpec(renamed).signature).toMatchObject({ projectId: 'X-Tenant', securityToken: 'X-Session' });
    expect(rulesFromSpec(spec).signature.projectId).toBe(signedHeaders(spec)['projectId']);
  });

  it('refuses a spec whose signature scheme does not name the project id header', () => {
    const stripped = structuredClone(spec);
    delete signedHeaders(stripped)['projectId'];
    expect(() => rulesFromSpec(stripped)).toThrow(/must state x-sms-signed-headers with projectId and securityToken/);
  });
});
