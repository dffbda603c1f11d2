// `@sms-errors/client/facts`: the API facts the client is generated with, and its own checks of them, for
// tools built on the client (the CLI's flag checks and help text): each query parameter's type, bounds and
// default, the regions and their endpoints, the token's bounds, the pager's bounds, and the words for a
// bound. All of it comes from the spec at build time; a separate entry so the main bundle carries no more.

export { blockedPorts, checkBaseUrl, knownRegions } from './endpoints.js';
export {
  authToken,
  listErrorServersPath,
  listErrorServersQuery,
  regionEndpoints,
  requestIdHeader,
  specVersion,
} from './generated/spec-facts.js';
export { checkPaginateOptions, pagerBounds } from './paginate.js';
export { toWireQuery } from './query.js';
export { checkBounds, describeBounds, isWithinBounds, type ValueBounds } from './value-bounds.js';
