// `error_json` is a JSON document inside a string, and its `error_param` is a JSON-encoded string array
// inside that. Decoding it is fiddly and the service is not always consistent, so it never throws: a value
// it cannot read comes back with `code: undefined`, the raw value and the reason. A code of the catalogue
// (spec/error-codes.yaml) comes back with its diagnosis: message (parameters filled in), category, action
// and HTTP status. This is its own entry (`@sms-errors/client/decode`) so that the catalogue's data never
// weighs on the main bundle; it has the English texts only (the Chinese ones are `@sms-errors/client/decode/zh`).
import { chosenLanguage, type DecodedError, decodeWithTexts, findErrorCode } from './decode-core.js';
import { type SmsErrorCategory, type SmsErrorCodeEntry, smsErrorCategories } from './generated/error-codes.js';

export {
  type DecodedError,
  type DecodedKnownError,
  type DecodedUnknownError,
  fillMessage,
  type MalformedErrorJson,
} from './decode-core.js';
export {
  type SmsErrorCategory,
  type SmsErrorCodeEntry,
  smsErrorCategories,
  smsErrorCodes,
} from './generated/error-codes.js';

/** The language of the texts: this entry has English only, the default everywhere. */
export interface DecodeOptions {
  lang?: 'en';
}

const languages = ['en'] as const;
const entryName = '@sms-errors/client/decode';

/**
 * The catalogue's entry for `code`, or undefined (also for names such as `__proto__` or `toString`).
 * @throws RangeError when `options.lang` is not `en` (the Chinese texts are `@sms-errors/client/decode/zh`'s).
 */
export function lookupErrorCode(code: string, options?: DecodeOptions): SmsErrorCodeEntry | undefined {
  chosenLanguage(options?.lang, languages, entryName);
  return findErrorCode(code);
}

/** A category's title and description. @throws RangeError as lookupErrorCode does. */
export function errorCategoryText(
  category: SmsErrorCategory,
  options?: DecodeOptions,
): { readonly title: string; readonly description: string } {
  chosenLanguage(options?.lang, languages, entryName);
  return smsErrorCategories[category];
}

/**
 * `error_json` read, with the catalogue's diagnosis for a known code. Never throws on the value, whatever it is.
 * @throws RangeError when `options.lang` is not `en` (a mistake in the call, not in the data).
 */
export function decodeErrorJson(errorJson: unknown, options?: DecodeOptions): DecodedError {
  chosenLanguage(options?.lang, languages, entryName);
  return decodeWithTexts(errorJson, undefined);
}
