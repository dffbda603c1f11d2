// `error_json` is a JSON document inside a string, and its `error_param` is a JSON-encoded string array
// inside that. Decoding it is fiddly and the service is not always consistent, so it never throws: a value
// it cannot read comes back with `code: undefined`, the raw value and the reason.
import { smsErrorMessages } from './generated/error-codes.js';

export type DecodedError =
  | {
      /** The SMS error code, such as `SMS.2802`. */
      code: string;
      /** `error_param`, decoded. */
      params: string[];
      /** The catalogue's message with `{0}`... filled from `params`; undefined for an unknown code. */
      message?: string;
    }
  | { code: undefined; params: string[]; raw: unknown; reason: string };

export function decodeErrorJson(errorJson: unknown): DecodedError {
  const malformed = (reason: string): DecodedError => ({ code: undefined, params: [], raw: errorJson, reason });
  let document: unknown;
  try {
    document = JSON.parse(errorJson as string);
  } catch {
    return malformed('error_json is not JSON');
  }
  const { error_code: code, error_param: param } = (document ?? {}) as Record<string, unknown>;
  if (typeof code !== 'string') return malformed('error_json has no error_code string');
  let params: unknown = param ?? [];
  if (typeof params === 'string') {
    try {
      params = JSON.parse(params);
    } catch {
      return malformed('error_param is not a JSON array');
    }
  }
  if (!Array.isArray(params) || params.some((p) => typeof p !== 'string' && typeof p !== 'number')) {
    return malformed('error_param is not an array of strings');
  }
  const strings = params.map(String);
  const template = Object.hasOwn(smsErrorMessages, code) ? smsErrorMessages[code] : undefined;
  return template === undefined
    ? { code, params: strings }
    : { code, params: strings, message: template.replace(/\{(\d)\}/g, (placeholder, i: string) => strings[+i] ?? placeholder) };
}
