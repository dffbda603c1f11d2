// createSmsClient: the typed client of GET /v3/errors, on top of openapi-fetch.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/openapi.js';
import { authToken } from './generated/spec-facts.js';
import { resolveBaseUrl, type SmsRegion } from './endpoints.js';
import { SmsApiError } from './errors.js';
import { toWireQuery, type ListMigrationErrorsQuery } from './query.js';

/** A page of failed source servers, as the spec's 200 response describes it. */
export type ListErrorServersResponse = components['schemas']['ListErrorServersResponse'];
/** One failed source server. */
export type MigrationError = components['schemas']['MigrationError'];

/** An IAM token, or a function that returns a fresh one (it is called before every request). */
export type TokenSource = string | (() => string | Promise<string>);

export interface SmsClientOptions {
  /** A region with a known endpoint, such as `cn-north-4`. */
  region?: SmsRegion;
  /** The service's base URL, such as the local mock `http://127.0.0.1:4010`. Overrides `region`. */
  baseUrl?: string;
  /** The IAM token sent as `X-Auth-Token`. */
  token?: TokenSource;
  /** The fetch to use (default: the global one). */
  fetch?: typeof globalThis.fetch;
}

export interface RequestOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
  /** Extra request headers, such as `Prefer: code=403` for the mock. */
  headers?: Record<string, string>;
}

export interface SmsClient {
  /**
   * Lists one page of failed source servers. `offset` defaults to 0 and is always sent. Resolves with the
   * typed body; any non-2xx status rejects with `SmsApiError`.
   */
  listMigrationErrors(query?: ListMigrationErrorsQuery, options?: RequestOptions): Promise<ListErrorServersResponse>;
  /** The underlying openapi-fetch client (same base URL, fetch and credentials), for the raw response. */
  readonly raw: Client<paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

function tokenMiddleware(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await token() : token;
      request.headers.set(authToken.header, value);
      return request;
    },
  };
}

export function createSmsClient(options: SmsClientOptions): SmsClient {
  const baseUrl = resolveBaseUrl(options);
  const raw = createClient<paths>({
    baseUrl,
    // Resolved at call time, so a fetch replaced after the client was made (a test double) is used.
    fetch: (request) => (options.fetch ?? globalThis.fetch)(request),
  });
  if (options.token !== undefined) raw.use(tokenMiddleware(options.token));

  return {
    raw,
    baseUrl,
    async listMigrationErrors(query = {}, { signal, headers } = {}) {
      const { data, error, response } = await raw.GET('/v3/errors', {
        params: { query: toWireQuery(query) },
        ...(headers ? { headers } : {}),
        ...(signal ? { signal } : {}),
      });
      if (!response.ok || data === undefined) {
        throw new SmsApiError(response.status, error, response.headers.get('X-Request-Id') ?? undefined);
      }
      return data;
    },
  };
}
