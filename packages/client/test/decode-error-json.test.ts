// decodeErrorJson against the catalogue as the spec package builds it (read independently of the generated
// code): every known code gives its diagnosis, unknown codes give only code and params, and malformed values
// never throw.
import { describe, expect, it } from 'vitest';
import {
  decodeErrorJson,
  fillMessage,
  lookupErrorCode,
  smsErrorCategories,
  smsErrorCodes,
} from '../src/decode-error-json.js';
import { specExample } from './helpers/spec-examples.js';
import { specCatalogue, specErrorCodes } from './helpers/spec-facts.js';

/** The highest placeholder number of a message plus one: how many values `error_param` should hold. */
const slotCount = (message: string) =>
  Math.max(0, ...[...message.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]) + 1));

const errorJson = (code: string, params?: unknown) =>
  JSON.stringify({ error_code: code, ...(params === undefined ? {} : { error_param: JSON.stringify(params) }) });

/** What the decoder must return for a known code, computed from the spec's catalogue. */
function expected(code: string, params: string[]) {
  const entry = specErrorCodes[code]!;
  const message = entry.message.replace(/\{(\d+)\}/g, (placeholder, n: string) => params[Number(n)] ?? placeholder);
  return { code, params, message, category: entry.category, action: entry.action, status: entry.status };
}

describe('decodeErrorJson: known codes', () => {
  it("decodes every error_json of the page's example (SMS.1302 is in no table: unknown)", () => {
    const page = specExample('page-example') as { migration_errors: { error_json: string }[] };
    expect(page.migration_errors.map((server) => decodeErrorJson(server.error_json))).toEqual([
      { code: 'SMS.1302', params: ['/', '/mnt/vdb1'] },
      expected('SMS.2802', ['192.168.0.1']),
      expected('SMS.1114', []),
      expected('SMS.3805', []),
    ]);
  });

  it('gives every code of the catalogue its message (parameters filled), category, action and status', () => {
    const codes = Object.keys(specErrorCodes);
    expect(codes.length).toBeGreaterThanOrEqual(380);
    for (const code of codes) {
      const params = Array.from({ length: slotCount(specErrorCodes[code]!.message) }, (_, n) => `value-${n}`);
      const decoded = decodeErrorJson(errorJson(code, params));
      expect(decoded, code).toEqual(expected(code, params));
      expect(decoded.message, code).not.toMatch(/\{\d+\}/);
    }
  });

  it('takes error_param as a JSON-encoded string, a real array, or missing', () => {
    const code = 'SMS.2802';
    expect(decodeErrorJson(`{"error_code":"${code}","error_param":"[\\"10.0.0.9\\"]"}`)).toEqual(
      expected(code, ['10.0.0.9']),
    );
    expect(decodeErrorJson(`{"error_code":"${code}","error_param":["10.0.0.9"]}`)).toEqual(
      expected(code, ['10.0.0.9']),
    );
    expect(decodeErrorJson(`{"error_code":"${code}","error_param":[8899]}`)).toEqual(expected(code, ['8899']));
    expect(decodeErrorJson(`{"error_code":"SMS.0007"}`)).toEqual(expected('SMS.0007', []));
  });

  it('leaves a placeholder with no value as {n}, and keeps extra values in params', () => {
    const two = Object.keys(specErrorCodes).find((code) => slotCount(specErrorCodes[code]!.message) === 2)!;
    const missing = decodeErrorJson(errorJson(two, ['only-the-first']));
    expect(missing.message).toContain('only-the-first');
    expect(missing.message).toContain('{1}');
    const extra = decodeErrorJson(errorJson('SMS.2802', ['10.0.0.9', 'surplus', 'more']));
    expect(extra).toEqual(expected('SMS.2802', ['10.0.0.9', 'surplus', 'more']));
    expect(extra.message).not.toContain('surplus');
  });

  it('fills in one pass: a value that looks like a placeholder is not filled again', () => {
    const two = Object.keys(specErrorCodes).find((code) => slotCount(specErrorCodes[code]!.message) === 2)!;
    const decoded = decodeErrorJson(errorJson(two, ['{1}', 'second']));
    expect(decoded).toEqual(expected(two, ['{1}', 'second']));
    // The first value is shown as given, the second fills {1} once.
    expect(decoded.message).toContain('{1}');
    expect(decoded.message!.split('second')).toHaveLength(2);
    expect(fillMessage('{10} and {0}', ['a', ...Array.from({ length: 10 }, (_, n) => `v${n + 1}`)])).toBe('v10 and a');
  });
});

describe('decodeErrorJson: unknown codes and malformed values', () => {
  it('an unknown code: code and params only, message, category and action undefined', () => {
    const decoded = decodeErrorJson('{"error_code":"SMS.4242","error_param":"[\\"x\\"]"}');
    expect(decoded).toEqual({ code: 'SMS.4242', params: ['x'] });
    expect(Object.keys(decoded)).toEqual(['code', 'params']);
    expect([decoded.message, decoded.category, decoded.action, decoded.status]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each([
    ['not JSON', '{"error_code":'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['no error_code', '{"error_param":"[]"}'],
    ['a non-string error_code', '{"error_code":1302}'],
    ['error_param not JSON', '{"error_code":"SMS.1302","error_param":"[\\"/"}'],
    ['error_param an object', '{"error_code":"SMS.1302","error_param":{"a":1}}'],
    ['error_param with objects', '{"error_code":"SMS.1302","error_param":"[{}]"}'],
  ])('never throws on %s: code undefined, the raw value and the reason', (_, raw) => {
    const decoded = decodeErrorJson(raw);
    expect(decoded.code).toBeUndefined();
    expect(decoded).toEqual({ code: undefined, params: [], raw, reason: expect.any(String) });
  });
});

describe('the catalogue the decode entry carries', () => {
  it('is spec/error-codes.yaml, generated: every code and every category', () => {
    expect(smsErrorCodes).toEqual(specCatalogue.codes);
    expect(smsErrorCategories).toEqual(specCatalogue.categories);
  });

  it('lookupErrorCode finds a code, and nothing for an unknown code or a prototype name', () => {
    expect(lookupErrorCode('SMS.2802')).toEqual(specErrorCodes['SMS.2802']);
    for (const name of ['SMS.1302', '__proto__', 'constructor', 'toString', '']) {
      expect(lookupErrorCode(name), name).toBeUndefined();
    }
  });
});
