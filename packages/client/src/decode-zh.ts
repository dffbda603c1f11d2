// `@sms-errors/client/decode/zh`: the decode entry with the catalogue's Chinese texts beside the English ones.
// Its functions take `{ lang: 'zh' }` (English stays the default, so it can replace the English entry in a
// program that speaks both). The Chinese texts are in this entry only, so English users never download them.
import {
  chosenLanguage,
  type DecodedError,
  decodeWithTexts,
  type ErrorCodeTexts,
  findErrorCode,
  inLanguage,
} from './decode-core.js';
import { type SmsErrorCategory, type SmsErrorCodeEntry, smsErrorCategories } from './generated/error-codes.js';
import { smsErrorCategoriesZh, smsErrorTextsZh } from './generated/error-codes-zh.js';

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
export { smsErrorCategoriesZh, smsErrorTextsZh } from './generated/error-codes-zh.js';

/** The languages of the catalogue: English (the default) and Simplified Chinese. */
export type SmsErrorLanguage = 'en' | 'zh';

export interface DecodeOptions {
  lang?: SmsErrorLanguage;
}

const languages: readonly SmsErrorLanguage[] = ['en', 'zh'];
const entryName = '@sms-errors/client/decode/zh';

/** The texts of `lang` that differ from the entries (undefined for English). */
function textsOf(options: DecodeOptions | undefined): ErrorCodeTexts | undefined {
  return chosenLanguage(options?.lang, languages, entryName) === 'zh' ? smsErrorTextsZh : undefined;
}

/**
 * The catalogue's entry for `code` with its message and action in `options.lang`, or undefined.
 * @throws RangeError when `options.lang` is neither `en` nor `zh`.
 */
export function lookupErrorCode(code: string, options?: DecodeOptions): SmsErrorCodeEntry | undefined {
  const texts = textsOf(options);
  const entry = findErrorCode(code);
  return entry === undefined ? undefined : inLanguage(code, entry, texts);
}

/** A category's title and description in `options.lang`. @throws RangeError as lookupErrorCode does. */
export function errorCategoryText(
  category: SmsErrorCategory,
  options?: DecodeOptions,
): { readonly title: string; readonly description: string } {
  return textsOf(options) === undefined ? smsErrorCategories[category] : smsErrorCategoriesZh[category];
}

/**
 * `error_json` read, with the catalogue's diagnosis in `options.lang` for a known code. Never throws on the value.
 * @throws RangeError when `options.lang` is neither `en` nor `zh` (a mistake in the call, not in the data).
 */
export function decodeErrorJson(errorJson: unknown, options?: DecodeOptions): DecodedError {
  return decodeWithTexts(errorJson, textsOf(options));
}
