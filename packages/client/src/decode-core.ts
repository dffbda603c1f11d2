// What both decode entries share (@sms-errors/client/decode, English, and @sms-errors/client/decode/zh, which
// adds Chinese): reading `error_json` and filling a message. Not an entry of its own: each entry passes in
// the texts of the language it was asked for, so the English one never references the Chinese texts.
import { type SmsErrorCategory, type SmsErrorCodeEntry, smsErrorCodes } from './generated/error-codes.js';

// Every member of DecodedError declares every field (those it lacks as `?: undefined`), so that
// `decodeErrorJson(x).message ?? fallback` type-checks without narrowing first.

/** A code of the catalogue: what went wrong, with the parameters filled in, and what to do. */
export interface DecodedKnownError {
  /** The SMS error code, such as `SMS.2802`. */
  code: string;
  /** `error_param`, decoded; every value, including any beyond the message's placeholders. */
  params: string[];
  /** The catalogue's message with `{0}`, `{1}`, ... filled from `params`; a placeholder with no value stays. */
  message: string;
  /** The catalogue's category (its title: `errorCategoryText(category).title`). */
  category: SmsErrorCategory;
  /** What the operator does next. */
  action: string;
  /** The HTTP status Huawei's table gives for the code. */
  status: number;
  raw?: undefined;
  reason?: undefined;
}

/** A readable `error_json` whose code the catalogue does not have: only the code and its parameters. */
export interface DecodedUnknownError {
  code: string;
  params: string[];
  message?: undefined;
  category?: undefined;
  action?: undefined;
  status?: undefined;
  raw?: undefined;
  reason?: undefined;
}

/** An `error_json` that cannot be read: the value as given and why. */
export interface MalformedErrorJson {
  code: undefined;
  params: string[];
  raw: unknown;
  reason: string;
  message?: undefined;
  category?: undefined;
  action?: undefined;
  status?: undefined;
}

export type DecodedError = DecodedKnownError | DecodedUnknownError | MalformedErrorJson;

/** A code's message and action in one language other than English. */
export type ErrorCodeTexts = Readonly<Record<string, { readonly message: string; readonly action: string }>>;

/** The catalogue's entry for `code`, or undefined (also for names such as `__proto__` or `toString`). */
export function findErrorCode(code: string): SmsErrorCodeEntry | undefined {
  return Object.hasOwn(smsErrorCodes, code) ? smsErrorCodes[code] : undefined;
}

/** `entry` with its message and action from `texts` (English, the entry as it is, when `texts` is undefined). */
export function inLanguage(
  code: string,
  entry: SmsErrorCodeEntry,
  texts: ErrorCodeTexts | undefined,
): SmsErrorCodeEntry {
  const translated = texts?.[code];
  return translated === undefined ? entry : { ...entry, message: translated.message, action: translated.action };
}

/** `template` with each `{n}` replaced by `params[n]`, in one pass (a value holding `{1}` stays as it is). */
export function fillMessage(template: string, params: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => params[Number(index)] ?? placeholder);
}

/** The language named by a `lang` option: `en` when none is given; a language the entry lacks is refused. */
export function chosenLanguage<Language extends string>(
  lang: unknown,
  languages: readonly Language[],
  entry: string,
): Language {
  if (lang === undefined) {
    return languages[0]!;
  }
  if (languages.includes(lang as Language)) {
    return lang as Language;
  }
  const hint = lang === 'zh' ? "; the Chinese texts are in '@sms-errors/client/decode/zh'" : '';
  throw new RangeError(`${entry} has no language ${JSON.stringify(lang)} (it has ${languages.join(', ')})${hint}`);
}

/** decodeErrorJson with the message and action from `texts` (English when undefined). */
export function decodeWithTexts(errorJson: unknown, texts: ErrorCodeTexts | undefined): DecodedError {
  const malformed = (reason: string): MalformedErrorJson => ({ code: undefined, params: [], raw: errorJson, reason });
  let document: unknown;
  try {
    document = JSON.parse(errorJson as string);
  } catch {
    return malformed('error_json is not JSON');
  }
  const { error_code: code, error_param: param } = (document ?? {}) as Record<string, unknown>;
  if (typeof code !== 'string') {
    return malformed('error_json has no error_code string');
  }
  let params: unknown = param ?? [];
  if (typeof params === 'string') {
    try {
      params = JSON.parse(params);
    } catch {
      return malformed('error_param is not a JSON array');
    }
  }
  if (!Array.isArray(params)) {
    return malformed('error_param is not an array of strings');
  }
  // One pass over the values; a copy only when some are numbers (the service sends strings).
  let numbers = false;
  for (const value of params) {
    if (typeof value === 'number') {
      numbers = true;
    } else if (typeof value !== 'string') {
      return malformed('error_param is not an array of strings');
    }
  }
  const strings: string[] = numbers ? params.map(String) : params;
  const found = findErrorCode(code);
  if (found === undefined) {
    return { code, params: strings };
  }
  const entry = inLanguage(code, found, texts);
  return {
    code,
    params: strings,
    message: fillMessage(entry.message, strings),
    category: entry.category,
    action: entry.action,
    status: entry.status,
  };
}
