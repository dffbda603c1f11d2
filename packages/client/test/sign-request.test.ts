// Known-answer tests for SDK-HMAC-SHA256 AK/SK signing (src/sign-request.ts).
//
// The expected canonical requests, strings to sign and Authorization headers below were produced by the
// official Huawei Node SDK core, @huaweicloud/huaweicloud-sdk-core 3.1.211 (npm), installed outside this
// repository: a ClientBuilder-built HcClient with BasicCredentials (the AK, SK, project id and security token
// below) and the endpoint below, `hcClient.buildRequest({ method, url: '/v3/errors', queryParams, pathParams: {},
// headers: {}, data? })` with Date.now pinned to NOW, capturing AKSKSigner.buildCanonicalRequest and
// AKSKSigner.getStringToSign, and reading Authorization from the signed request's headers. The SDK is given
// the query as an object; here the same query goes through openapi-fetch's serializer, as the client sends it.
//
// Differences from the SDK (the facts file decides; see src/sign-request.ts):
// - Its SMS service client passes contentType 'application/json' even for this GET, so it also signs
//   `content-type`; these vectors leave contentType out, which gives the facts file's header set. The last
//   vector is the SDK's exact SMS-client request, reproduced with canonicalRequest() given content-type too.
// - It does not trim header values, and percent-encodes the path as given (an already-encoded segment is
//   encoded twice); canonicalRequest() trims values and decodes each segment before encoding it.
import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { type AkSkCredentials, canonicalRequest, percentEncode, sdkDate, signRequest } from '../src/sign-request.js';

const AK = 'AKEXAMPLE0123456789X';
const SK = 'SKexample/0123456789+abcdefghijKLMNOPQRS=';
const PROJECT_ID = '0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e';
const TOKEN = 'gQpjbi1ub3J0aC00EXAMPLE+token/with=chars';
const NOW = new Date('2026-11-27T03:15:00Z');
const DATE = '20261127T031500Z';
const ENDPOINT = 'https://sms.cn-north-4.myhuaweicloud.com';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256Hex = async (text: string) => toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
async function hmacHex(key: string, text: string) {
  const k = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return toHex(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(text)));
}

/** The URL exactly as openapi-fetch builds it for the client. */
const requestUrl = (query: Record<string, unknown>, endpoint = ENDPOINT) => {
  const search = createQuerySerializer()(query);
  return `${endpoint}/v3/errors${search ? `?${search}` : ''}`;
};

interface Vector {
  name: string;
  method: string;
  url: string;
  credentials: AkSkCredentials;
  body?: string;
  /** lowercase name -> value, as the SDK signed them */
  signedHeaders: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  authorization: string;
}

const withProject: AkSkCredentials = { ak: AK, sk: SK, projectId: PROJECT_ID };
const host = 'sms.cn-north-4.myhuaweicloud.com';

const vectors: Vector[] = [
  {
    name: 'basic GET with project id',
    method: 'GET',
    url: requestUrl({ offset: 0, limit: 10 }),
    credentials: withProject,
    signedHeaders: { host, 'x-project-id': PROJECT_ID, 'x-sdk-date': DATE },
    canonicalRequest:
      'GET\n/v3/errors/\nlimit=10&offset=0\nhost:sms.cn-north-4.myhuaweicloud.com\nx-project-id:0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e\nx-sdk-date:20261127T031500Z\n\nhost;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    stringToSign: 'SDK-HMAC-SHA256\n20261127T031500Z\n3c738cc23bf5a3a2da9c8ed4f8d2d8ec8e8c90ec81c31456f9147ede470e0b26',
    authorization:
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789X, SignedHeaders=host;x-project-id;x-sdk-date, Signature=c43444b44fe0e2a75bdbde69c7f92bf0d628cb3db3c06e29d920ae2adc55c68d',
  },
  {
    name: "query with space / + ~ = * ! ' ( ) é 中, an empty value, a repeated name, upper case and ~ names",
    method: 'GET',
    url: requestUrl({
      offset: 0,
      limit: 20,
      enterprise_project_id: "a b/c+d~e=f*g!'()é中",
      empty: '',
      tag: ['b', 'a c'],
      Zeta: 'z',
      '~t': 'tilde',
    }),
    credentials: withProject,
    signedHeaders: { host, 'x-project-id': PROJECT_ID, 'x-sdk-date': DATE },
    canonicalRequest:
      'GET\n/v3/errors/\nZeta=z&empty=&enterprise_project_id=a%20b%2Fc%2Bd~e%3Df%2Ag%21%27%28%29%C3%A9%E4%B8%AD&limit=20&offset=0&tag=a%20c&tag=b&~t=tilde\nhost:sms.cn-north-4.myhuaweicloud.com\nx-project-id:0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e\nx-sdk-date:20261127T031500Z\n\nhost;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    stringToSign: 'SDK-HMAC-SHA256\n20261127T031500Z\n30a497b93bff9987a84b4b40b012cd1001c638b232dcd799c9f1be58199051f5',
    authorization:
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789X, SignedHeaders=host;x-project-id;x-sdk-date, Signature=7f7da2d5ad809e5f658470eb3c015618c597f2a54ef5bf4e3991053710e91692',
  },
  {
    name: 'no project id',
    method: 'GET',
    url: requestUrl({ offset: 0 }),
    credentials: { ak: AK, sk: SK, projectId: '' },
    signedHeaders: { host, 'x-sdk-date': DATE },
    canonicalRequest:
      'GET\n/v3/errors/\noffset=0\nhost:sms.cn-north-4.myhuaweicloud.com\nx-sdk-date:20261127T031500Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    stringToSign: 'SDK-HMAC-SHA256\n20261127T031500Z\n9e9f14865c7ecc1cf8503fcfbd4341d7b3e5e7abc3701c90415b55252bf251d2',
    authorization:
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789X, SignedHeaders=host;x-sdk-date, Signature=d2c010084b4cb9d1cd7a5b70bfda0b98b288ad43f3d5edef3ece89d684fff4ef',
  },
  {
    name: 'security token with project id',
    method: 'GET',
    url: requestUrl({ offset: 0 }),
    credentials: { ...withProject, securityToken: TOKEN },
    signedHeaders: { host, 'x-project-id': PROJECT_ID, 'x-sdk-date': DATE, 'x-security-token': TOKEN },
    canonicalRequest:
      'GET\n/v3/errors/\noffset=0\nhost:sms.cn-north-4.myhuaweicloud.com\nx-project-id:0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e\nx-sdk-date:20261127T031500Z\nx-security-token:gQpjbi1ub3J0aC00EXAMPLE+token/with=chars\n\nhost;x-project-id;x-sdk-date;x-security-token\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    stringToSign: 'SDK-HMAC-SHA256\n20261127T031500Z\n0e548d31c17cfb8f8b7a457611a244fbc171f8bd628724b2ae652a48f01272cb',
    authorization:
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789X, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=8008941d084fa525c8b28c812ef258d53190f2aaaa57df12adf5e4b10be2200a',
  },
  {
    name: 'security token without project id',
    method: 'GET',
    url: requestUrl({ offset: 0 }),
    credentials: { ak: AK, sk: SK, projectId: '', securityToken: TOKEN },
    signedHeaders: { host, 'x-sdk-date': DATE, 'x-security-token': TOKEN },
    canonicalRequest:
      'GET\n/v3/errors/\noffset=0\nhost:sms.cn-north-4.myhuaweicloud.com\nx-sdk-date:20261127T031500Z\nx-security-token:gQpjbi1ub3J0aC00EXAMPLE+token/with=chars\n\nhost;x-sdk-date;x-security-token\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    stringToSign: 'SDK-HMAC-SHA256\n20261127T031500Z\n2f93f09362c330090d16c2a9cbc33cdfe964f30d43d59acec1e850ba67a6c095',
    authorization:
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789X, SignedHeaders=host;x-sdk-date;x-security-token, Signature=f4397a25c08f030b02a6df3a8bfd9e6e4096f7b18b7b8b8dd8136be88f63ce76',
  },
  {
    name: 'host with a port (the mock)',
    method: 'GET',
    url: requestUrl({ offset: 0 }, 'http://127.0.0.1:4010'),
    credentials: withProject,
    signedHeaders: { host: '127.0.0.1:4010', 'x-project-id': PROJECT_ID, 'x-sdk-date': DATE },
    canonicalRequest:
      'GET\n/v3/errors/\noffset=0\nhost:127.0.0.1:4010\nx-project-id:0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e\nx-sdk-date:20261127T031500Z\n\nhost;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    stringToSign: 'SDK-HMAC-SHA256\n20261127T031500Z\neda415e4b8945c87bf27d0a966442d2e72733bff0e2bfd492d5f880f5cdf0b52',
    authorization:
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789X, SignedHeaders=host;x-project-id;x-sdk-date, Signature=31c2343213d49260ec7fd8f3a51c948ed79a4223b9c49ff7c6bbc1a241fe0541',
  },
  {
    name: 'POST with a non-ASCII JSON body (SDK data { name: "é 中", n: 1 })',
    method: 'POST',
    url: `${ENDPOINT}/v3/errors`,
    credentials: withProject,
    body: '{"name":"é 中","n":1}',
    signedHeaders: { host, 'x-project-id': PROJECT_ID, 'x-sdk-date': DATE },
    canonicalRequest:
      'POST\n/v3/errors/\n\nhost:sms.cn-north-4.myhuaweicloud.com\nx-project-id:0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e\nx-sdk-date:20261127T031500Z\n\nhost;x-project-id;x-sdk-date\n147eed6ab3597d1a74757bfec20577caaa64b287996c1739acfffcc4f262dd05',
    stringToSign: 'SDK-HMAC-SHA256\n20261127T031500Z\n2f17162c85b9fcb71cd54cd853da4dfdef9721ce9022de812337cafec0546064',
    authorization:
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789X, SignedHeaders=host;x-project-id;x-sdk-date, Signature=0c7aaedd263b682e78024ff1938d02cef079735abae5c8307d1535332f4050b7',
  },
];

describe('signRequest against @huaweicloud/huaweicloud-sdk-core 3.1.211', () => {
  for (const v of vectors) {
    describe(v.name, () => {
      it('builds the same canonical request', async () => {
        const bodyHash = await sha256Hex(v.body ?? '');
        expect(canonicalRequest(v.method, new URL(v.url), v.signedHeaders, bodyHash)).toBe(v.canonicalRequest);
      });

      it('gives the same string to sign and signature', async () => {
        expect(`SDK-HMAC-SHA256\n${DATE}\n${await sha256Hex(v.canonicalRequest)}`).toBe(v.stringToSign);
        expect(v.authorization.endsWith(`Signature=${await hmacHex(SK, v.stringToSign)}`)).toBe(true);
      });

      it('returns exactly the headers to add, with the same Authorization', async () => {
        const expected: Record<string, string> = { 'X-Sdk-Date': DATE };
        if (v.credentials.projectId) {
          expected['X-Project-Id'] = v.credentials.projectId;
        }
        if (v.credentials.securityToken) {
          expected['X-Security-Token'] = v.credentials.securityToken;
        }
        expected.Authorization = v.authorization;
        expect(await signRequest(v.method, v.url, v.credentials, NOW, v.body)).toEqual(expected);
      });
    });
  }

  it("reproduces the SDK SMS client's own request, which also signs content-type", async () => {
    // SmsClient.listErrorServers sets contentType 'application/json' on this GET; signRequest does not sign it.
    const canonical =
      'GET\n/v3/errors/\nlimit=10&offset=0\ncontent-type:application/json\nhost:sms.cn-north-4.myhuaweicloud.com\nx-project-id:0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e\nx-sdk-date:20261127T031500Z\n\ncontent-type;host;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const headers = { 'x-sdk-date': DATE, host, 'x-project-id': PROJECT_ID, 'content-type': 'application/json' };
    expect(canonicalRequest('GET', new URL(requestUrl({ offset: 0, limit: 10 })), headers, EMPTY_SHA256)).toBe(
      canonical,
    );
    const stringToSign = `SDK-HMAC-SHA256\n${DATE}\n${await sha256Hex(canonical)}`;
    expect(stringToSign).toBe(
      'SDK-HMAC-SHA256\n20261127T031500Z\n61c1fa0d997b3714108d1a1914e813029298ede8fec35678ecaf617f144b578c',
    );
    expect(await hmacHex(SK, stringToSign)).toBe('7481986428c0b69e3efc9326947aa52e6f5445da3295f88c82c790e572b32b24');
  });
});

describe('percentEncode', () => {
  it("matches the SDK's AKSKSigner.urlEncode on all of ASCII, é, 中 and an astral character", () => {
    let ascii = '';
    for (let code = 0; code < 128; code++) {
      ascii += String.fromCharCode(code);
    }
    expect(percentEncode(`${ascii}é中😀`)).toBe(
      '%00%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%7F%C3%A9%E4%B8%AD%F0%9F%98%80',
    );
  });
});

describe('sdkDate', () => {
  it('formats YYYYMMDDTHHmmssZ in UTC, dropping milliseconds', () => {
    expect(sdkDate(NOW)).toBe(DATE);
    expect(sdkDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe('20260102T030405Z');
    expect(sdkDate(new Date('2026-06-30T23:59:59.999-02:00'))).toBe('20260701T015959Z');
  });
});

describe('canonicalRequest details', () => {
  const headers = { host, 'x-sdk-date': DATE };
  const parts = (url: string) => canonicalRequest('GET', new URL(url), headers, EMPTY_SHA256).split('\n');

  it('reads the raw query: a literal + is %2B, not a space; a name without = has an empty value', () => {
    expect(parts(`${ENDPOINT}/v3/errors?a+b=c+d&flag&&x=%20`)[2]).toBe('a%2Bb=c%2Bd&flag=&x=%20');
  });

  it('does not depend on the order of the query parameters', () => {
    expect(parts(`${ENDPOINT}/v3/errors?offset=0&limit=10&tag=b&tag=a`)[2]).toBe(
      parts(`${ENDPOINT}/v3/errors?tag=a&limit=10&tag=b&offset=0`)[2],
    );
  });

  it('ends the canonical URI with one /, and encodes each decoded path segment once', () => {
    expect(parts(`${ENDPOINT}/v3/errors/`)[1]).toBe('/v3/errors/');
    expect(parts(`${ENDPOINT}/`)[1]).toBe('/');
    expect(parts(`${ENDPOINT}/v3/a b/%C3%A9/x*`)[1]).toBe('/v3/a%20b/%C3%A9/x%2A/');
  });

  it('trims header values and sorts header names', () => {
    expect(canonicalRequest('GET', new URL(ENDPOINT), { 'x-sdk-date': ` ${DATE} `, host }, EMPTY_SHA256)).toBe(
      `GET\n/\n\nhost:${host}\nx-sdk-date:${DATE}\n\nhost;x-sdk-date\n${EMPTY_SHA256}`,
    );
  });
});
