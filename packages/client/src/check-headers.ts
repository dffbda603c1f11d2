// Values the client puts into header fields (the token, AK/SK parts, extra headers) must be printable
// Latin-1: a CR/LF could smuggle a header, and fetch rejects anything above U+00FF with a bare TypeError.
// Query values may hold any character (they are percent-encoded) except control characters.
import { SmsValidationError } from './errors.js';

/** Anything but printable Latin-1. */
const NOT_A_HEADER_VALUE = /[^\x20-\x7e\x80-\xff]/;
/** Control characters, and unpaired surrogates (which cannot be percent-encoded). */
const CONTROL_CHARACTERS = /[\0-\x1f\x7f\ud800-\udfff]/u;

/** Throws SmsValidationError naming `name` (never the value, which may be a secret). */
export function checkHeaderValue(name: string, value: unknown, allowed = NOT_A_HEADER_VALUE): void {
  if (typeof value !== 'string' || allowed.test(value)) {
    throw new SmsValidationError(name, 'a string without control characters (CR, LF, NUL) or, in headers, non-Latin-1');
  }
}

/** The same for a query value. */
export const checkQueryValue = (name: string, value: string): void => checkHeaderValue(name, value, CONTROL_CHARACTERS);

/** A header name as RFC 9110 defines it (a token): fetch refuses any other with a bare TypeError. */
const HEADER_NAME = /^[!#$%&'*+.^`|~\w-]+$/;

/**
 * Checks a caller's extra headers before anything is sent: names fetch accepts, values as above, and none
 * of `reserved` (the credentials' own headers, lower-cased), which the client sets.
 */
export function checkHeaders(headers: Record<string, string> | undefined, reserved: string[]): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!HEADER_NAME.test(name)) {
      throw new SmsValidationError(
        `header ${JSON.stringify(name)}`,
        "a header name (letters, digits and !#$%&'*+-.^_`|~)",
      );
    }
    if (reserved.includes(name.toLowerCase())) {
      throw new SmsValidationError(`header ${name}`, 'left to the credentials');
    }
    checkHeaderValue(`header ${name}`, value);
  }
}
