// Huawei Cloud AK/SK request signing, "SDK-HMAC-SHA256". Signs host, x-sdk-date and, when set, x-project-id
// and x-security-token. Unlike the official Node SDK's service clients it does not sign content-type (they
// send `content-type: application/json` even on a GET); the gateway checks only the headers named in
// SignedHeaders. The hashes come from ./signing-crypto.ts: node:crypto where the runtime has it, else Web
// Crypto.

import { SmsValidationError } from './errors.js';
import { akSkHeaders } from './generated/spec-facts.js';
import { type SigningCrypto, signingCrypto } from './signing-crypto.js';

/** AK/SK credentials. (The signer sends no `X-Project-Id` for an empty `projectId`; the client refuses one.) */
export interface AkSkCredentials {
  ak: string;
  sk: string;
  projectId: string;
  securityToken?: string;
}

/** Signs one request: returns the headers to ADD to it: { 'X-Sdk-Date', 'X-Project-Id'?, 'X-Security-Token'?, 'Authorization' } (names from the spec). */
export type RequestSigner = (method: string, url: string, now: Date, body?: string) => Promise<Record<string, string>>;

/** SHA-256 of the empty string: the body hash of every GET, so it is never computed. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function compare(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  return 0;
}

/** Sorts [name, value] pairs by name, then by value. */
function sortPairs(pairs: [string, string][]): [string, string][] {
  return pairs.sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
}

/** YYYYMMDDTHHmmssZ in UTC */
export function sdkDate(date: Date): string {
  // 2026-11-27T03:15:00.000Z -> 20261127T031500Z, by position: the ISO form is fixed for years 0 to 9999.
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** RFC 3986 percent-encoding leaving only A-Z a-z 0-9 - _ . ~ (space -> %20, never +). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Only A-Z a-z 0-9 - _ . ~: text that percentEncode leaves as it is. */
const UNRESERVED = /^[\w.~-]*$/;

// Most parts of a URL need no decoding or encoding: these two skip the work then.
const decode = (part: string) => (part.includes('%') ? decodeURIComponent(part) : part);
const encode = (text: string) => (UNRESERVED.test(text) ? text : percentEncode(text));

/** Each path segment decoded, then encoded once; always ending in `/`. */
function canonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => encode(decode(segment)))
    .join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

/** The raw query's parts decoded (a `+` stays a `+`: the client encodes with encodeURIComponent), encoded, sorted. */
function canonicalQuery(search: string): string {
  const pairs: [string, string][] = [];
  for (const part of search.slice(1).split('&')) {
    if (part === '') {
      continue;
    }
    // A name without `=` has an empty value; a value may hold further `=`.
    const [name = '', ...value] = part.split('=');
    pairs.push([decode(name), decode(value.join('='))]);
  }
  return sortPairs(pairs)
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .join('&');
}

/**
 * Throws SmsValidationError unless every path segment of `baseUrl` percent-decodes: the signature covers the
 * decoded path, and a `%zz` found only when the first request is signed would look like a network failure.
 */
export function checkSignable(baseUrl: string): void {
  try {
    canonicalUri(new URL(baseUrl).pathname);
  } catch {
    throw new SmsValidationError('baseUrl', 'a URL whose path percent-decodes (AK/SK signs the decoded path)');
  }
}

/**
 * The canonical request string (METHOD\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders\nSignedHeaders\nHexSha256(body)).
 * `headers`: lowercase name -> value, only the signed ones.
 */
export function canonicalRequest(method: string, url: URL, headers: Record<string, string>, bodyHash: string): string {
  const signed = sortPairs(Object.entries(headers));
  const canonicalHeaders = signed.map(([name, value]) => `${name}:${value.trim()}\n`).join('');
  const signedNames = signed.map(([name]) => name).join(';');
  return [method, canonicalUri(url.pathname), canonicalQuery(url.search), canonicalHeaders, signedNames, bodyHash].join(
    '\n',
  );
}

/**
 * A signer for one set of credentials: the HMAC key is imported once, here, and reused by every request.
 * `crypto` is for tests (the Web Crypto path on Node); by default the runtime decides.
 */
export function createRequestSigner(
  credentials: AkSkCredentials,
  crypto: SigningCrypto = signingCrypto(credentials.sk),
): RequestSigner {
  // Read once, like the key: a later change to the caller's object cannot mix two sets of credentials.
  const { ak, projectId, securityToken } = credentials;
  // What is the same for every request of a client, made once: the headers added besides the date, the
  // signed header names in canonical order, and the start of the Authorization value.
  const fixed: Record<string, string> = {};
  if (projectId) {
    fixed[akSkHeaders.projectId] = projectId;
  }
  if (securityToken) {
    fixed[akSkHeaders.securityToken] = securityToken;
  }
  const dateName = akSkHeaders.date.toLowerCase();
  const fixedSigned = Object.entries(fixed).map(([name, value]) => [name.toLowerCase(), value.trim()] as const);
  const signedNames = ['host', dateName, ...fixedSigned.map(([name]) => name)].sort();
  const authorization = `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${signedNames.join(';')}, Signature=`;
  // A client signs the same path request after request: its canonical form is kept until the path changes.
  let lastPath: string | undefined;
  let lastCanonicalUri = '';
  return async (method, url, now, body = '') => {
    const target = new URL(url);
    if (target.pathname !== lastPath) {
      lastCanonicalUri = canonicalUri(target.pathname);
      lastPath = target.pathname;
    }
    const date = sdkDate(now);
    const values: Record<string, string> = {
      host: target.host.trim(),
      [dateName]: date,
      ...Object.fromEntries(fixedSigned),
    };
    const canonicalHeaders = signedNames.map((name) => `${name}:${values[name]}\n`).join('');
    const bodyHash = body === '' ? EMPTY_BODY_SHA256 : await crypto.sha256Hex(body);
    const canonical = [
      method,
      lastCanonicalUri,
      canonicalQuery(target.search),
      canonicalHeaders,
      signedNames.join(';'),
      bodyHash,
    ].join('\n');
    const stringToSign = `SDK-HMAC-SHA256\n${date}\n${await crypto.sha256Hex(canonical)}`;
    const signature = await crypto.hmacSha256Hex(stringToSign);
    return { [akSkHeaders.date]: date, ...fixed, [akSkHeaders.authorization]: authorization + signature };
  };
}

/** Signs one request with a signer made for it (tests and one-off use; a client keeps its signer). */
export function signRequest(
  method: string,
  url: string,
  credentials: AkSkCredentials,
  now: Date,
  body = '',
): Promise<Record<string, string>> {
  return createRequestSigner(credentials)(method, url, now, body);
}
