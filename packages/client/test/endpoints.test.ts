import { describe, expect, it } from 'vitest';
import { regionEndpoints } from '../src/generated/spec-facts.js';
import { createSmsClient, knownRegions, SmsValidationError } from '../src/index.js';

describe('endpoints', () => {
  it("resolves every region in the spec's servers, ru-moscow-1 on its sms-api host", () => {
    expect(knownRegions).toEqual(Object.keys(regionEndpoints));
    expect(knownRegions).toContain('cn-north-4');
    expect(createSmsClient({ region: 'cn-north-4' }).baseUrl).toBe('https://sms.cn-north-4.myhuaweicloud.com');
    expect(createSmsClient({ region: 'ru-moscow-1' }).baseUrl).toBe('https://sms-api.ru-moscow-1.myhuaweicloud.com');
  });

  it('lets baseUrl override region', () => {
    expect(createSmsClient({ region: 'cn-north-4', baseUrl: 'http://127.0.0.1:4010/' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it('rejects an unknown region, or none, with a typed error listing the known ones', () => {
    for (const options of [{ region: 'mars-north-1' as 'cn-north-4' }, {}]) {
      const error = (() => {
        try {
          createSmsClient(options);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SmsValidationError);
      expect((error as SmsValidationError).parameter).toBe('region');
      for (const region of knownRegions) {
        expect((error as Error).message).toContain(region);
      }
    }
  });

  it('rejects a baseUrl that is not an absolute http(s) URL', () => {
    expect(() => createSmsClient({ baseUrl: 'sms.example' })).toThrow(SmsValidationError);
    expect(() => createSmsClient({ baseUrl: 'ftp://127.0.0.1' })).toThrow(SmsValidationError);
  });
});
