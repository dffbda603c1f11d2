// Header values (and query strings) must not carry control characters: a CR/LF could smuggle a header,
// and fetch implementations disagree on whether they reject or strip them. Refuse them before sending.
import { SmsValidationError } from './errors.js';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Throws SmsValidationError naming `name` (never the value, which may be a secret). */
export function checkHeaderValue(name: string, value: unknown): void {
  if (typeof value !== 'string' || CONTROL_CHARACTERS.test(value)) {
    throw new SmsValidationError(name, 'a string without control characters (CR, LF, NUL, ...)');
  }
}

export function checkHeaders(headers: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) checkHeaderValue(`header ${name}`, value);
}
