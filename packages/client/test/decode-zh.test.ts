// @sms-errors/client/decode/zh: the same decoder with the catalogue's Chinese texts, read against the spec's
// build (independently of the generated code). English stays the default; a language an entry lacks is
// refused with a RangeError that says where the Chinese texts are.
import { describe, expect, it } from 'vitest';
import * as englishEntry from '../src/decode-error-json.js';
import {
  decodeErrorJson,
  errorCategoryText,
  lookupErrorCode,
  type smsErrorCategoriesZh,
  smsErrorTextsZh,
} from '../src/decode-zh.js';
import { specCatalogue, specCatalogueZh, specErrorCodes } from './helpers/spec-facts.js';

const slotCount = (message: string) =>
  Math.max(0, ...[...message.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]) + 1));
const errorJson = (code: string, params: string[]) =>
  JSON.stringify({ error_code: code, error_param: JSON.stringify(params) });

describe('decodeErrorJson with { lang: "zh" }', () => {
  it('gives every code its Chinese message, parameters filled in the same slots, and its Chinese action', () => {
    for (const [code, entry] of Object.entries(specErrorCodes)) {
      const params = Array.from({ length: slotCount(entry.message) }, (_, n) => `value-${n}`);
      const zh = specCatalogueZh.codes[code]!;
      const message = zh.message.replace(/\{(\d+)\}/g, (_, n: string) => params[Number(n)]!);
      expect(decodeErrorJson(errorJson(code, params), { lang: 'zh' }), code).toEqual({
        code,
        params,
        message,
        category: entry.category,
        action: zh.action,
        status: entry.status,
      });
    }
  });

  it('stays English by default and with { lang: "en" }, exactly as the English entry decodes', () => {
    const value = errorJson('SMS.2802', ['10.0.0.9']);
    expect(decodeErrorJson(value)).toEqual(englishEntry.decodeErrorJson(value));
    expect(decodeErrorJson(value, { lang: 'en' })).toEqual(englishEntry.decodeErrorJson(value));
    expect(decodeErrorJson(value).message).toBe(specErrorCodes['SMS.2802']!.message.replace('{0}', '10.0.0.9'));
  });

  it('treats unknown codes and malformed values as the English entry does, in either language', () => {
    for (const value of ['{"error_code":"SMS.4242"}', 'not json', '{"error_code":"__proto__"}', 42, null]) {
      expect(decodeErrorJson(value, { lang: 'zh' })).toEqual(englishEntry.decodeErrorJson(value));
    }
  });
});

describe('lookupErrorCode and errorCategoryText in either language', () => {
  it('looks a code up in Chinese with the English status, category and related codes', () => {
    const english = specErrorCodes['SMS.0203']!;
    expect(lookupErrorCode('SMS.0203', { lang: 'zh' })).toEqual({ ...english, ...specCatalogueZh.codes['SMS.0203'] });
    expect(lookupErrorCode('SMS.0203')).toEqual(english);
    for (const name of ['SMS.1302', '__proto__', 'toString']) {
      expect(lookupErrorCode(name, { lang: 'zh' }), name).toBeUndefined();
    }
  });

  it("gives every category's title and description in both languages", () => {
    for (const name of Object.keys(specCatalogue.categories) as (keyof typeof smsErrorCategoriesZh)[]) {
      expect(errorCategoryText(name, { lang: 'zh' })).toEqual(specCatalogueZh.categories[name]);
      expect(errorCategoryText(name)).toEqual(specCatalogue.categories[name]);
      expect(englishEntry.errorCategoryText(name)).toEqual(specCatalogue.categories[name]);
    }
  });

  it('carries the Chinese texts of every code, and nothing else', () => {
    expect(smsErrorTextsZh).toEqual(specCatalogueZh.codes);
  });
});

describe('a language an entry does not have', () => {
  it("is refused by the English entry with a pointer to '@sms-errors/client/decode/zh'", () => {
    const zh = { lang: 'zh' } as unknown as englishEntry.DecodeOptions;
    expect(() => englishEntry.decodeErrorJson('{"error_code":"SMS.0203"}', zh)).toThrow(RangeError);
    expect(() => englishEntry.lookupErrorCode('SMS.0203', zh)).toThrow(/@sms-errors\/client\/decode\/zh/);
    expect(() => englishEntry.errorCategoryText('network', zh)).toThrow(/has no language "zh"/);
  });

  it('is refused by the Chinese entry too (no silent fallback to English)', () => {
    const fr = { lang: 'fr' } as unknown as { lang: 'en' };
    expect(() => decodeErrorJson('{"error_code":"SMS.0203"}', fr)).toThrow(
      '@sms-errors/client/decode/zh has no language "fr" (it has en, zh)',
    );
  });
});
