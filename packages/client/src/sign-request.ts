// Huawei Cloud AK/SK request signing, "SDK-HMAC-SHA256", with Web Crypto only (Node 20+, browsers, Deno, Bun).
// Signs host, x-sdk-date and, when set, x-project-id and x-security-token. Unlike the official Node SDK's
// service clients it does not sign content-type (they send `content-type: application/json` even on a GET);
// the gateway checks only the headers named in SignedHeaders.

/** AK/SK credentials. (The signer sends no `X-Project-Id` for an empty `projectId`; the client refuses one.) */
export interface AkSkCredentials {
  ak: string;
  sk: string;
  projectId: string;
  securityToken?: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (text: string) => hex(await crypto.subtle.digest('SHA-256', utf8(text)));
const compare = (a: string, b: string) => (a < b ? -1 : +(a > b));
const sortPairs = (pairs: [string, string][]) => pairs.sort(([a, x], [b, y]) => compare(a, b) || compare(x, y));

/** YYYYMMDDTHHmmssZ in UTC */
export function sdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d+/g, '');
}

/** RFC 3986 percent-encoding leaving only A-Z a-z 0-9 - _ . ~ (space -> %20, never +). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * The canonical request string (METHOD\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders\nSignedHeaders\nHexSha256(body)).
 * `headers`: lowercase name -> value, only the signed ones. Path segments and query parts are decoded first
 * (a `+` stays a `+`: the client encodes with encodeURIComponent), then percent-encoded; the query is sorted
 * by name, then value.
 */
export function canonicalRequest(method: string, url: URL, headers: Record<string, string>, bodyHash: string): string {
  const signed = sortPairs(Object.entries(headers));
  return [
    method,
    url.pathname
      .split('/')
      .map((segment) => percentEncode(decodeURIComponent(segment)))
      .join('/')
      .replace(/\/?$/, '/'),
    sortPairs(
      url.search
        .slice(1)
        .split('&')
        .filter(Boolean)
        .map((part) => {
          const [name = '', ...value] = part.split('=');
          return [decodeURIComponent(name), decodeURIComponent(value.join('='))];
        }),
    )
      .map(([name, value]) => percentEncode(name) + '=' + percentEncode(value))
      .join('&'),
    signed.map(([name, value]) => `${name}:${value.trim()}\n`).join(''),
    signed.map(([name]) => name).join(';'),
    bodyHash,
  ].join('\n');
}

/** Signs a request: returns the headers to ADD to it: { 'X-Sdk-Date', 'X-Project-Id'?, 'X-Security-Token'?, 'Authorization' } */
export async function signRequest(
  method: string,
  url: string,
  credentials: AkSkCredentials,
  now: Date,
  body = '',
): Promise<Record<string, string>> {
  const target = new URL(url);
  const date = sdkDate(now);
  const added: Record<string, string> = { 'X-Sdk-Date': date };
  if (credentials.projectId) added['X-Project-Id'] = credentials.projectId;
  if (credentials.securityToken) added['X-Security-Token'] = credentials.securityToken;
  const signed: Record<string, string> = { host: target.host };
  for (const [name, value] of Object.entries(added)) signed[name.toLowerCase()] = value;
  const stringToSign = `SDK-HMAC-SHA256\n${date}\n${await sha256(canonicalRequest(method, target, signed, await sha256(body)))}`;
  const key = await crypto.subtle.importKey('raw', utf8(credentials.sk), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  added.Authorization = `SDK-HMAC-SHA256 Access=${credentials.ak}, SignedHeaders=${Object.keys(signed).sort().join(';')}, Signature=${hex(await crypto.subtle.sign('HMAC', key, utf8(stringToSign)))}`;
  return added;
}
