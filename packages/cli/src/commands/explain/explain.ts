// `sms-errors explain CODE...`: each code's catalogue entry, read from the client's decode entry: no
// network, no credentials. A code is taken as typed, in any case, with or without its `SMS.` prefix
// (`sms.2802` and `2802` are SMS.2802). A code the catalogue does not have is reported as unknown, never
// guessed at; run.ts then exits with its own code.
import { smsErrorCodes } from '@sms-errors/client/decode';
import { type CatalogueFields, catalogueFields } from '../../shared/catalogue-entry.js';
import type { Language } from '../../shared/messages.js';

export interface ExplainedCode extends CatalogueFields {
  code: string;
}

/** `sms.2802` and `2802` as `SMS.2802`; anything else upper-cased and trimmed. */
export function normalizeCode(text: string): string {
  const trimmed = text.trim().toUpperCase();
  return /^\d{4}$/.test(trimmed) ? `SMS.${trimmed}` : trimmed;
}

export function explain(codes: readonly string[], lang: Language = 'en'): ExplainedCode[] {
  return codes.map((text) => {
    const code = normalizeCode(text);
    return { code, ...catalogueFields(code, lang) };
  });
}

/** How many codes the catalogue has, for the message about an unknown one. */
export const catalogueSize = Object.keys(smsErrorCodes).length;
