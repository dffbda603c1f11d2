// Which base URL a client talks to: an explicit `baseUrl`, or the endpoint of a region from the spec.

import { SmsValidationError } from './errors.js';
import { regionEndpoints } from './generated/spec-facts.js';

/** A region with a known SMS endpoint (from the spec's `servers`). */
export type SmsRegion = keyof typeof regionEndpoints;

/** The regions the client knows, in the spec's order. */
export const knownRegions = Object.keys(regionEndpoints) as SmsRegion[];

/**
 * The ports the Fetch standard blocks ("bad port"): fetch fails on them before sending anything, so such a
 * base URL is the caller's mistake, not a network failure. (A web-platform fact, not an API one.)
 */
export const blockedPorts = new Set(
  '1 7 9 11 13 15 17 19 20 21 22 23 25 37 42 43 53 69 77 79 87 95 101 102 103 104 109 110 111 113 115 117 119 123 135 137 139 143 161 179 389 427 465 512 513 514 515 526 530 531 532 540 548 554 556 563 587 601 636 989 990 993 995 1719 1720 1723 2049 3659 4045 4190 5060 5061 6000 6566 6665 6666 6667 6668 6669 6679 6697 10080'
    .split(' ')
    .map(Number),
);

/**
 * Checks a base URL as fetch will use it: absolute http(s), no user info (fetch refuses it), no query or
 * fragment (the path is appended to it), not a blocked port. Returns it without trailing slashes.
 */
export function checkBaseUrl(baseUrl: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  const refuse = (expected: string) => new SmsValidationError('baseUrl', expected);
  if (!url || !/^https?:$/.test(url.protocol) || !/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw refuse('an absolute http(s) URL');
  }
  if (url.username || url.password) {
    throw refuse('a URL without user info (user:password@)');
  }
  if (/[?#]/.test(baseUrl)) {
    throw refuse('a URL without a query (?) or fragment (#)');
  }
  if (blockedPorts.has(Number(url.port))) {
    throw refuse(`a URL on a port fetch may use: port ${url.port} is blocked by the Fetch standard`);
  }
  return baseUrl.replace(/\/+$/, '');
}

export function resolveBaseUrl(options: { region?: string; baseUrl?: string }): string {
  if (options.baseUrl !== undefined) {
    return checkBaseUrl(options.baseUrl);
  }
  if (!Object.hasOwn(regionEndpoints, options.region ?? '')) {
    throw new SmsValidationError('region', `one of ${knownRegions.join(', ')}`);
  }
  return regionEndpoints[options.region as SmsRegion];
}
