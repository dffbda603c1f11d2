// A recorded request as a curl command a reader can paste into a shell. Secrets are masked unless the
// reader asks to see them: the token, the security token and the signature in Authorization (the AK and
// the signed header names stay: they are not secret, and they say what was signed). The SK is never sent,
// so it can never appear here.
import type { Exchange } from './recording-fetch.js';

export const HIDDEN = '<hidden>';

// Headers whose values are never secret. Every other value is hidden unless the reader asks: a list of the
// safe ones, not of the secret ones, so a credential header this page does not know of is hidden too.
const PLAIN_HEADERS = new Set(['accept', 'content-type', 'prefer', 'x-sdk-date', 'x-project-id', 'user-agent']);

/** A header value as shown: itself, or masked when it is (or holds) a secret. */
function shownValue(name: string, value: string, showSecrets: boolean): string {
  if (showSecrets || PLAIN_HEADERS.has(name)) {
    return value;
  }
  if (name === 'authorization') {
    // An SDK-HMAC-SHA256 header keeps its Access and SignedHeaders; anything else is hidden whole.
    const masked = value.replace(/\bSignature=[^,\s]*/, `Signature=${HIDDEN}`);
    return masked === value ? HIDDEN : masked;
  }
  return HIDDEN;
}

/** POSIX shell single quotes: the text as one word, whatever it holds. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function curlCommand(exchange: Exchange, showSecrets: boolean): string {
  const parts = ['curl'];
  if (exchange.method !== 'GET') {
    parts.push(`-X ${exchange.method}`);
  }
  for (const [name, value] of exchange.headers) {
    parts.push(`-H ${shellQuote(`${name}: ${shownValue(name, value, showSecrets)}`)}`);
  }
  parts.push(shellQuote(exchange.url));
  return parts.join(' \\\n  ');
}
