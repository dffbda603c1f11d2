// Verifies an AK/SK request signature, "SDK-HMAC-SHA256", the way Huawei's API gateway does: the signature is
// recomputed with the SK over exactly the headers the request lists in SignedHeaders, and the date must be
// recent. Written from the algorithm (node:crypto), not from our client's signer: the sandbox judges signing,
// so it must not share the code it judges. Huawei's own signer (AKSKSigner) is what the tests sign with.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
// Huawei's SDKs send this instead of a body hash when they do not hash the body; the gateway accepts it.
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface SdkAuthorization {
  access: string;
  /** Lowercase header names, in the order the request lists them. */
  signedHeaders: string[];
  signature: string;
}

// `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<64 hex digits>`; header names are HTTP tokens.
const AUTHORIZATION =
  /^SDK-HMAC-SHA256 +Access=([^\s,]+) *, *SignedHeaders=([a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*) *, *Signature=([0-9a-f]{64})$/;

/** The parts of an SDK-HMAC-SHA256 Authorization header, or undefined when it is not one. */
export function parseAuthorization(value: string): SdkAuthorization | undefined {
  const match = AUTHORIZATION.exec(value);
  if (!match) {
    return undefined;
  }
  const [, access = '', signedHeaders = '', signature = ''] = match;
  return { access, signedHeaders: signedHeaders.split(';'), signature };
}

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The instant of an X-Sdk-Date (`YYYYMMDDTHHmmssZ`, UTC), or undefined when it is malformed or no real time. */
export function parseSdkDate(value: string): Date | undefined {
  const match = SDK_DATE.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  // Date.UTC rolls 20261332 over into the next year; a real date survives the round trip.
  return date.toISOString().replace(/[-:]|\.\d+/g, '') === value ? date : undefined;
}

/** RFC 3986 percent-encoding leaving only A-Z a-z 0-9 - _ . ~ unencoded (so a space is %20, never +). */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Each path segment percent-encoded, and always a trailing `/` (the request itself is sent without it). */
export function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => encodeRfc3986(decodeSegment(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Parameters sorted by name (values of one name sorted too), names and values percent-encoded. */
export function canonicalQuery(query: URLSearchParams): string {
  const names = [...new Set(query.keys())].sort();
  return names
    .flatMap((name) =>
      query
        .getAll(name)
        .sort()
        .map((value) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`),
    )
    .join('&');
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  // Own properties only: a signed header named `__proto__` or `constructor` is just a header that was not sent.
  if (!Object.hasOwn(headers, name)) {
    return undefined;
  }
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export interface SignedRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The Host the client sent (and signed), which a proxy in between may have replaced. */
  host: string;
  /** Hex SHA-256 of the body; the empty body's by default. */
  bodyHash?: string;
}

/** `METHOD\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders\nSignedHeaders\nHexSha256(body)`. */
export function canonicalRequest(request: SignedRequest, signedHeaders: string[]): string {
  const bodyHash =
    headerText(request.headers, 'x-sdk-content-sha256') === UNSIGNED_PAYLOAD
      ? UNSIGNED_PAYLOAD
      : (request.bodyHash ?? sha256(''));
  const lines = signedHeaders.map(
    (name) => `${name}:${(name === 'host' ? request.host : (headerText(request.headers, name) ?? '')).trim()}\n`,
  );
  return [
    request.method,
    canonicalUri(request.pathname),
    canonicalQuery(request.query),
    lines.join(''),
    signedHeaders.join(';'),
    bodyHash,
  ].join('\n');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hex HMAC-SHA256 keyed with the SK over `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<HexSha256(canonical request)>`. */
export function computeSignature(sk: string, sdkDate: string, canonical: string): string {
  return createHmac('sha256', sk)
    .update(`${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256(canonical)}`, 'utf8')
    .digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface SigningKeys {
  ak: string;
  sk: string;
}

/** The names of the signature's two headers, from the spec (Authorization and X-Sdk-Date). */
export interface SignatureHeaders {
  authorization: string;
  date: string;
}

/**
 * Why the request's signature is not acceptable, or undefined when it is. `maxClockSkewMs` is how far
 * the date header may be from `now` (the spec states it). Each reason names the check that failed; none
 * repeats the SK, the signature sent or the one expected.
 */
export function signatureProblem(
  request: SignedRequest,
  keys: SigningKeys,
  now: Date,
  maxClockSkewMs: number,
  headers: SignatureHeaders,
): string | undefined {
  const authorization = parseAuthorization(headerText(request.headers, headers.authorization.toLowerCase()) ?? '');
  if (!authorization) {
    return `${headers.authorization} is not an ${SIGNING_ALGORITHM} signature (${SIGNING_ALGORITHM} Access=<AK>, SignedHeaders=<names>, Signature=<64 hex digits>)`;
  }
  if (!sameHex(authorization.access, keys.ak)) {
    return "the access key (Access) is not the sandbox's AK";
  }
  const dateHeader = headers.date.toLowerCase();
  const sdkDate = headerText(request.headers, dateHeader) ?? '';
  const signedAt = parseSdkDate(sdkDate);
  if (!signedAt) {
    return `${headers.date} must be a UTC time formatted YYYYMMDDTHHmmssZ`;
  }
  // Worded as the gateway words it, its own time included, so that a client can tell how far off its clock is.
  if (Math.abs(now.getTime() - signedAt.getTime()) > maxClockSkewMs) {
    return `signature expired, signature time:${sdkDate},server time:${now.toISOString().replace(/[-:]|\.\d+/g, '')} (${headers.date} is more than ${maxClockSkewMs / 60_000} minutes away from the gateway's clock)`;
  }
  const { signedHeaders } = authorization;
  if (!signedHeaders.includes('host') || !signedHeaders.includes(dateHeader)) {
    return `SignedHeaders must include host and ${dateHeader}`;
  }
  if (signedHeaders.some((name) => name !== 'host' && headerText(request.headers, name) === undefined)) {
    return 'SignedHeaders lists a header the request does not send';
  }
  const expected = computeSignature(keys.sk, sdkDate, canonicalRequest(request, signedHeaders));
  if (!sameHex(authorization.signature, expected)) {
    return "signature mismatch: Signature is not the request's signature with the sandbox's SK (check the SK, the canonical request and SignedHeaders)";
  }
  return undefined;
}
