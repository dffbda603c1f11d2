// createSmsClient: the typed client of GET /v3/errors. Its requests go through ./attempt.ts (one place owns
// an attempt). The openapi-fetch client, for raw responses, is `@sms-errors/client/raw` (./raw.ts).

import { createSender, type SendOptions } from './attempt.js';
import { type CredentialOptions, createCredentialHeaders } from './credentials.js';
import { resolveBaseUrl, type SmsRegion } from './endpoints.js';
import type { components } from './generated/openapi.js';
import { iamTokenProvider } from './iam-token.js';
import { type Page, type PaginateOptions, paginate, paginatePages } from './paginate.js';
import { type ListMigrationErrorsQuery, toWireQuery } from './query.js';
import { type RetryOptions, retrySettings } from './retry.js';
import { checkSignable } from './sign-request.js';

/** A page of failed source servers, as the spec's 200 response describes it. */
export type ListErrorServersResponse = components['schemas']['ListErrorServersResponse'];
/** One failed source server. */
export type MigrationError = components['schemas']['MigrationError'];
export type { Page };

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

/** Per request: `signal` aborts it, retries included; `headers` adds request headers (such as `Prefer: code=403` for the mock). */
export type RequestOptions = SendOptions;

export interface SmsClient {
  /**
   * Lists one page of failed source servers. `offset` defaults to 0 and is always sent. Resolves with the
   * typed body; any non-2xx status rejects with SmsApiError, a bad argument with SmsValidationError (and
   * nothing is sent).
   */
  listMigrationErrors(query?: ListMigrationErrorsQuery, options?: RequestOptions): Promise<ListErrorServersResponse>;
  /** Every page, in order, as `{ offset, count, records }`, each checked against the first page's `count`. */
  paginateMigrationErrorPages(query?: ListMigrationErrorsQuery, options?: PaginateOptions): AsyncGenerator<Page>;
  /** Every failed source server, page after page, as records in order. */
  paginateMigrationErrors(query?: ListMigrationErrorsQuery, options?: PaginateOptions): AsyncGenerator<MigrationError>;
  /** Every failed source server, collected. */
  listAllMigrationErrors(query?: ListMigrationErrorsQuery, options?: PaginateOptions): Promise<MigrationError[]>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

export function createSmsClient(options: SmsClientOptions): SmsClient {
  // Everything the options decide is checked and prepared here, once per client, not per request.
  const baseUrl = resolveBaseUrl(options);
  const credentialHeaders = createCredentialHeaders(options);
  if (options.credentials) {
    checkSignable(baseUrl);
  }
  const send = createSender({
    baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    credentialHeaders,
    provider:
      options.auth ??
      (options.iam ? iamTokenProvider(options.iam, { region: options.region, fetch: options.fetch }) : undefined),
    retry: retrySettings(options),
    strict: options.strict,
  });

  const listMigrationErrors: SmsClient['listMigrationErrors'] = async (query = {}, requestOptions) =>
    (await send(toWireQuery(query), requestOptions)) as ListErrorServersResponse;

  return {
    baseUrl,
    listMigrationErrors,
    paginateMigrationErrorPages: (query, paginateOptions) => paginatePages(listMigrationErrors, query, paginateOptions),
    paginateMigrationErrors: (query, paginateOptions) => paginate(listMigrationErrors, query, paginateOptions),
    async listAllMigrationErrors(query, paginateOptions) {
      const records: MigrationError[] = [];
      for await (const page of paginatePages(listMigrationErrors, query, paginateOptions)) {
        records.push(...page.records);
      }
      return records;
    },
  };
}
