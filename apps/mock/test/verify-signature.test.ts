// The pieces of the signature check on their own: the date and Authorization parsers and the canonical
// forms, at the edges that a whole request through Prism does not reach (sandbox-gateway.test.ts covers that).
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalUri,
  parseAuthorization,
  parseSdkDate,
  signatureProblem,
} from '../src/verify-signature.js';

describe('parseSdkDate', () => {
  it('reads YYYYMMDDTHHmmssZ as UTC', () => {
    expect(parseSdkDate('20261127T031500Z')?.toISOString()).toBe('2026-11-27T03:15:00.000Z');
    expect(parseSdkDate('20240229T235959Z')?.toISOString()).toBe('2024-02-29T23:59:59.000Z');
  });

  it.each([
    '20261127T031500',
    '2026-11-27T03:15:00Z',
    '20261332T000000Z',
    '20250229T000000Z',
    '20261127T246000Z',
    '',
    ' 20261127T031500Z',
  ])('refuses %j', (value) => expect(parseSdkDate(value)).toBeUndefined());
});

describe('parseAuthorization', () => {
  const signature = 'a'.repeat(64);

  it('reads the three parts, with or without spaces after the commas', () => {
    expect(
      parseAuthorization(`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${signature}`),
    ).toEqual({
      access: 'AK',
      signedHeaders: ['host', 'x-sdk-date'],
      signature,
    });
    expect(
      parseAuthorization(`SDK-HMAC-SHA256 Access=AK,SignedHeaders=host,Signature=${signature}`)?.signedHeaders,
    ).toEqual(['host']);
  });

  it.each([
    `SDK-HMAC-SHA1 Access=AK, SignedHeaders=host, Signature=${'a'.repeat(64)}`,
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=Host, Signature=${'a'.repeat(64)}`,
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x-sdk-date, Signature=${'a'.repeat(64)}`,
    `SDK-HMAC-SHA256 SignedHeaders=host, Access=AK, Signature=${'a'.repeat(64)}`,
  ])('refuses %j', (value) => expect(parseAuthorization(value)).toBeUndefined());
});

describe('canonical forms', () => {
  it('sorts the query by name, then the values of one name, percent-encoding all but A-Z a-z 0-9 - _ . ~', () => {
    expect(canonicalQuery(new URLSearchParams('b=2&a=z&a=y&c=a+b%2B*~'))).toBe('a=y&a=z&b=2&c=a%20b%2B%2A~');
    expect(canonicalQuery(new URLSearchParams(''))).toBe('');
  });

  it('encodes each path segment and always ends the URI with /', () => {
    expect(canonicalUri('/v3/errors')).toBe('/v3/errors/');
    expect(canonicalUri('/v3/a%20b/')).toBe('/v3/a%20b/');
  });
});

describe('signatureProblem', () => {
  it('treats a signed header named like an Object property as one not sent', () => {
    const headers = {
      authorization: `SDK-HMAC-SHA256 Access=AK, SignedHeaders=constructor;host;x-sdk-date, Signature=${'0'.repeat(64)}`,
      'x-sdk-date': '20261127T031500Z',
    };
    const problem = signatureProblem(
      { method: 'GET', pathname: '/v3/errors', query: new URLSearchParams(), headers, host: 'h' },
      { ak: 'AK', sk: 'SK' },
      new Date('2026-11-27T03:15:00Z'),
      15 * 60 * 1000,
      { authorization: 'Authorization', date: 'X-Sdk-Date' },
    );
    expect(problem).toContain('does not send');
  });
});
