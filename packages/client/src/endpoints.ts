// Which base URL a client talks to: an explicit `baseUrl`, or the endpoint of a region from the spec.
import { regionEndpoints } from './generated/spec-facts.js';
import { SmsValidationError } from './errors.js';

/** A region with a known SMS endpoint (from the spec's `servers`). */
export type SmsRegion = keyof typeof regionEndpoints;

/** The regions the client knows, in the spec's order. */
export const knownRegions = Object.keys(regionEndpoints) as SmsRegion[];

export function resolveBaseUrl(options: { region?: string; baseUrl?: string }): string {
  if (options.baseUrl !== undefined) {
    if (!/^https?:\/\/[^/]/.test(options.baseUrl)) throw new SmsValidationError('baseUrl', 'an absolute http(s) URL');
    return options.baseUrl.replace(/\/+$/, '');
  }
  if (!Object.hasOwn(regionEndpoints, options.region ?? '')) {
    throw new SmsValidationError('region', `one of ${knownRegions.join(', ')}`);
  }
  return regionEndpoints[options.region as SmsRegion];
}
