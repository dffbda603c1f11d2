// AK/SK signing on both of its paths, judged by Huawei's own signer (AKSKSigner.sign of
// @huaweicloud/huaweicloud-sdk-core, run here): node:crypto, which Node, Bun and Deno have, and Web Crypto,
// which browsers take (forced on Node by hiding process.getBuiltinModule). Each must give Huawei's
// Authorization for the same request; the HMAC key is imported once per client, and a GET's empty body
// is never hashed.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { createQuerySerializer } from 'openapi-fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSmsClient } from '../src/index.js';
import { type AkSkCredentials, createRequestSigner, EMPTY_BODY_SHA256, sdkDate } from '../src/sign-request.js';
import { loadNodeCrypto, nodeSigningCrypto, type SigningCrypto, webSigningCrypto } from '../src/signing-crypto.js';

interface HuaweiRequest {
  method: string;
  endpoint: string;
  queryParams: Record<string, string>;
  headers: Record<string, string>;
}
const { AKSKSigner } = createRequire(import.meta.url)('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js') as {
  AKSKSigner: {
    sign(request: HuaweiRequest, credential: { getAk(): string; getSk(): string }): Record<string, string>;
  };
};

const ENDPOINT = 'https://sms.cn-north-4.myhuaweicloud.com';

/** Huawei's Authorization for a GET of `url` with the headers our signer adds (it signs the same set). */
function huaweiAuthorization(url: string, credentials: AkSkCredentials, now: Date): string | undefined {
  const target = new URL(url);
  const headers: Record<string, string> = { 'X-Sdk-Date': sdkDate(now) };
  if (credentials.projectId) {
    headers['X-Project-Id'] = credentials.projectId;
  }
  if (credentials.securityToken) {
    headers['X-Security-Token'] = credentials.securityToken;
  }
  const queryParams = Object.fromEntries(target.searchParams);
  const credential = { getAk: () => credentials.ak, getSk: () => credentials.sk };
  return AKSKSigner.sign(
    { method: 'GET', endpoint: `${target.origin}${target.pathname}`, queryParams, headers },
    credential,
  )['Authorization'];
}

const nodeCrypto = loadNodeCrypto();
const paths: [string, (sk: string) => SigningCrypto][] = [
  ['node:crypto', (sk) => nodeSigningCrypto(nodeCrypto!, sk)],
  ['Web Crypto', (sk) => webSigningCrypto(sk)],
];

// Printable ASCII without the separators a header value cannot hold unchanged by trimming.
const headerSafe = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_.'),
  minLength: 1,
  maxLength: 40,
});
const credentialsArbitrary = fc.record(
  { ak: headerSafe, sk: headerSafe, projectId: headerSafe, securityToken: headerSafe },
  { requiredKeys: ['ak', 'sk', 'projectId'] },
);
const queryArbitrary = fc.record(
  {
    offset: fc.integer({ min: 0, max: 65535 }),
    limit: fc.integer({ min: 0, max: 100 }),
    // Any characters a query value may hold (no control characters, no unpaired surrogates).
    enterprise_project_id: fc.string({ unit: 'grapheme', maxLength: 20 }).filter((text) => !/[\0-\x1f\x7f]/.test(text)),
  },
  { requiredKeys: ['offset'] },
);
const dateArbitrary = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe.each(paths)('signing with %s', (_, cryptoFor) => {
  it("gives Huawei's Authorization for any credentials, query and date", async () => {
    expect(nodeCrypto, 'node:crypto through process.getBuiltinModule').toBeDefined();
    await fc.assert(
      fc.asyncProperty(credentialsArbitrary, queryArbitrary, dateArbitrary, async (credentials, query, now) => {
        const url = `${ENDPOINT}/v3/errors?${createQuerySerializer()(query)}`;
        const sign = createRequestSigner(credentials, cryptoFor(credentials.sk));
        const headers = await sign('GET', url, now);
        expect(headers['Authorization']).toBe(huaweiAuthorization(url, credentials, now));
      }),
      { numRuns: 100 },
    );
  });

  it("hashes a GET's canonical request only: the empty body's hash is a constant", async () => {
    const hashed: string[] = [];
    const base = cryptoFor('sk');
    const counting: SigningCrypto = {
      sha256Hex: (text) => {
        hashed.push(text);
        return base.sha256Hex(text);
      },
      hmacSha256Hex: (text) => base.hmacSha256Hex(text),
    };
    await createRequestSigner({ ak: 'ak', sk: 'sk', projectId: 'p' }, counting)(
      'GET',
      `${ENDPOINT}/v3/errors?offset=0`,
      new Date(),
    );
    expect(hashed).toHaveLength(1);
    expect(hashed[0]?.endsWith(`\n${EMPTY_BODY_SHA256}`)).toBe(true);
  });
});

describe('the client picks its signing path', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const credentials = {
    ak: 'AKEXAMPLE0123456789X',
    sk: 'SKexample/0123456789+abcdefghijKLMNOPQRS=',
    projectId: '0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e',
  };
  const now = new Date('2026-11-27T03:15:00Z');

  /** Lists `calls` pages through a fetch stub; returns the Authorization of each request and its URL. */
  async function signedRequests(calls: number): Promise<{ url: string; authorization: string | null }[]> {
    const seen: { url: string; authorization: string | null }[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, authorization: request.headers.get('Authorization') });
      return new Response('{"count":0,"migration_errors":[]}', { headers: { 'Content-Type': 'application/json' } });
    };
    const client = createSmsClient({ baseUrl: ENDPOINT, credentials, now: () => now, fetch });
    for (let i = 0; i < calls; i++) {
      await client.listMigrationErrors({ offset: i, limit: 10 });
    }
    return seen;
  }

  it("uses node:crypto on Node: no Web Crypto call, Huawei's signatures", async () => {
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    const subtleDigest = vi.spyOn(crypto.subtle, 'digest');
    for (const { url, authorization } of await signedRequests(3)) {
      expect(authorization).toBe(huaweiAuthorization(url, credentials, now));
    }
    expect(subtleSign).not.toHaveBeenCalled();
    expect(subtleDigest).not.toHaveBeenCalled();
  });

  it("falls back to Web Crypto where there is no process.getBuiltinModule: the key imported once, Huawei's signatures", async () => {
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    const requests = await signedRequests(5);
    for (const { url, authorization } of requests) {
      expect(authorization).toBe(huaweiAuthorization(url, credentials, now));
    }
    expect(importKey).toHaveBeenCalledTimes(1);
    expect(subtleSign).toHaveBeenCalledTimes(5);
  });
});
