// A code's catalogue entry as the CLI prints it (explain, summary): every field present, null where the
// catalogue has no entry, so the JSON and CSV outputs have one shape for known and unknown codes alike.
import { errorCategoryText, lookupErrorCode, type SmsErrorCodeEntry } from '@sms-errors/client/decode/zh';
import type { Language } from './messages.js';
import type { Nullable } from './records.js';

/**
 * The catalogue's entry for a code (the client's SmsErrorCodeEntry, null where the code is unknown), with
 * whether it is known and its category's title; `message` keeps its `{0}`, `{1}`, ... slots.
 */
export type CatalogueFields = Nullable<Pick<SmsErrorCodeEntry, 'category' | 'status' | 'message' | 'action'>> & {
  known: boolean;
  category_title: string | null;
  /** Related codes, from the catalogue. */
  see: string[];
};

/** The entry of `code` in `lang` (null: an error_json that cannot be read, so no code at all). */
export function catalogueFields(code: string | null, lang: Language = 'en'): CatalogueFields {
  const entry = code === null ? undefined : lookupErrorCode(code, { lang });
  return {
    known: entry !== undefined,
    category: entry?.category ?? null,
    category_title: entry ? errorCategoryText(entry.category, { lang }).title : null,
    status: entry?.status ?? null,
    message: entry?.message ?? null,
    action: entry?.action ?? null,
    see: [...(entry?.see ?? [])],
  };
}
