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

export function checkHeaders(headers: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) checkHeaderValue(`header ${name}`, value);
}
