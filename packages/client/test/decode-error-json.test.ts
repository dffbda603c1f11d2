import { describe, expect, it } from 'vitest';
import { decodeErrorJson } from '../src/decode-error-json.js';
import { smsErrorMessages } from '../src/generated/error-codes.js';
import { specErrorCodes } from './helpers/spec-facts.js';
import { specExample } from './helpers/spec-examples.js';

describe('decodeErrorJson', () => {
  it("decodes every error_json of the page's example", () => {
    const page = specExample('page-example') as { migration_errors: { error_json: string }[] };
    expect(page.migration_errors.map((server) => decodeErrorJson(server.error_json))).toEqual([
      { code: 'SMS.1302', params: ['/', '/mnt/vdb1'] },
      {
        code: 'SMS.2802',
        params: ['192.168.0.1'],
        message: specErrorCodes['SMS.2802']!.replace('{0}', '192.168.0.1'),
      },
      { code: 'SMS.1114', params: [], message: specErrorCodes['SMS.1114'] },
      { code: 'SMS.3805', params: [], message: specErrorCodes['SMS.3805'] },
    ]);
  });

  it('takes error_param as a JSON-encoded string, a real array, or missing', () => {
    expect(decodeErrorJson('{"error_code":"SMS.0210","error_param":"[\\"/etc/x\\"]"}').params).toEqual(['/etc/x']);
    expect(decodeErrorJson('{"error_code":"SMS.0210","error_param":["/etc/x"]}')).toMatchObject({
      params: ['/etc/x'],
      message: expect.stringContaining('/etc/x'),
    });
    expect(decodeErrorJson('{"error_code":"SMS.0007"}')).toEqual({ code: 'SMS.0007', params: [], message: specErrorCodes['SMS.0007'] });
  });

  it('leaves a placeholder with no parameter as it is, and an unknown code without message', () => {
    expect(decodeErrorJson('{"error_code":"SMS.0210","error_param":"[]"}')).toMatchObject({ message: expect.stringContaining('{0}') });
    expect(decodeErrorJson('{"error_code":"SMS.4242","error_param":"[\\"x\\"]"}')).toEqual({ code: 'SMS.4242', params: ['x'] });
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
    expect(decoded).toMatchObject({ raw, reason: expect.any(String) });
  });

  it('has the catalogue of spec/error-codes.yaml, generated', () => {
    expect(smsErrorMessages).toEqual(specErrorCodes);
  });
});
