// createSmsClient: the typed client of GET /v3/errors, on top of openapi-fetch.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/openapi.js';
import { checkHeaders } from './check-headers.js';
import { createAuthenticator, type CredentialOptions } from './credentials.js';
import { resolveBaseUrl, type SmsRegion } from './endpoints.js';
import { SmsApiError, SmsResponseError } from './errors.js';
import { paginate, type PaginateOptions } from './paginate.js';
import { toWireQuery, type ListMigrationErrorsQuery } from './query.js';
import { createRetrier, type RetryOptions } from './retry.js';

/** A page of failed source servers, as the spec's 200 response describes it. */
export type ListErrorServersResponse = components['schemas']['ListErrorServersResponse'];
/** One failed source server. */
export type MigrationError = components['schemas']['MigrationError'];

export interface SmsClientOptions extends CredentialOptions, RetryOptions {
  /** A region with a known endpoint, such as `cn-north-4`. */
  region?: SmsRegion | undefined;
  /** The service's base URL, such as the local mock `http://127.0.0.1:4010`. Overrides `region`. */
  baseUrl?: string | undefined;
  /** The fetch to use (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Strict mode: checks every 2xx body and throws SmsResponseError naming the first violation. Pass
   * `strictResponses` from `@sms-errors/client/strict` (the spec's response schema), or your own check.
   */
  strict?: ((body: unknown) => string | undefined) | undefined;
}

export interface RequestOptions {
  /** Aborts the request, retries included. */
  signal?: AbortSignal | undefined;
  /** Extra request headers, such as `Prefer: code=403` for the mock. */
  headers?: Record<string, string> | undefined;
}

export interface SmsClient {
  /**
   * Lists one page of failed source servers. `offset` defaults to 0 and is always sent. Resolves with the
   * typed body; any non-2xx status rejects with SmsApiError, a bad argument with SmsValidationError (and
   * nothing is sent).
   */
  listMigrationErrors(query?: ListMigrationErrorsQuery, options?: RequestOptions): Promise<ListErrorServersResponse>;
  /** Every failed source server, page after page, as records in order. */
  paginateMigrationErrors(query?: ListMigrationErrorsQuery, options?: PaginateOptions): AsyncGenerator<MigrationError>;
  /** Every failed source server, collected. */
  listAllMigrationErrors(query?: ListMigrationErrorsQuery, options?: PaginateOptions): Promise<MigrationError[]>;
  /**
   * The underlying openapi-fetch client, with the same base URL and credentials, for the raw response.
   * Retries, timeouts and checks are the helpers' (listMigrationErrors and the listing helpers).
   */
  readonly raw: Client<paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

/** A 2xx body as JSON: it must say it is JSON and parse as JSON, or it is an SmsResponseError. */
function parseJsonBody(response: Response, text: string): unknown {
  const contentType = response.headers.get('Content-Type');
  if (/json/i.test(contentType ?? '')) {
    try {
      return JSON.parse(text);
    } catch {
      // Says JSON, is not: the same error as below.
    }
  }
  throw new SmsResponseError(response.status, `not JSON (Content-Type ${contentType})`);
}

export function createSmsClient(options: SmsClientOptions): SmsClient {
  const baseUrl = resolveBaseUrl(options);
  const authenticate = createAuthenticator(options);
  const retrying = createRetrier(options);
  const raw = createClient<paths>({ baseUrl, fetch: options.fetch });
  // Every request, every attempt: a fresh AK/SK signature (X-Sdk-Date) or a fresh call of a token function.
  // A credential provider (options.auth, from `@sms-errors/client/env`) is middleware of its own: it
  // authenticates each attempt, renews its credentials on a refusal, and explains one (clock, lockout).
  raw.use(
    options.auth ?? {
      async onRequest({ request }) {
        await authenticate(request);
        return request;
      },
    },
  );

  const listMigrationErrors: SmsClient['listMigrationErrors'] = async (query = {}, { signal, headers } = {}) => {
    const wireQuery = toWireQuery(query);
    checkHeaders(headers);
    const { data, error, response } = await retrying(
      (attemptSignal) => raw.GET('/v3/errors', { params: { query: wireQuery }, parseAs: 'text', headers, signal: attemptSignal }),
      signal,
    );
    if (!response.ok) throw new SmsApiError(response.status, error, response.headers.get('X-Request-Id'));
    const body = parseJsonBody(response, data as unknown as string);
    const violation = options.strict?.(body);
    if (violation) throw new SmsResponseError(response.status, violation);
    return body as ListErrorServersResponse;
  };

  const paginateMigrationErrors: SmsClient['paginateMigrationErrors'] = (query, paginateOptions) => paginate(listMigrationErrors, query, paginateOptions);

  return {
    raw,
    baseUrl,
    listMigrationErrors,
    paginateMigrationErrors,
    async listAllMigrationErrors(query, paginateOptions) {
      const records: MigrationError[] = [];
      for await (const record of paginateMigrationErrors(query, paginateOptions)) records.push(record);
      return records;
    },
  };
}
