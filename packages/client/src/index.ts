// The main entry. Optional parts have entries of their own so that a bundle carries only what it uses:
// `@sms-errors/client/decode` (decodeErrorJson and the error-code catalogue; `/decode/zh` adds its Chinese
// texts), `@sms-errors/client/env`
// (credentialsFromEnv), `@sms-errors/client/strict` (strictResponses, the spec's response schema) and
// `@sms-errors/client/facts` (the API facts and the client's checks of them, for tools).

export type { SendOptions } from './attempt.js';
export {
  createSmsClient,
  type ListErrorServersResponse,
  type MigrationError,
  type Page,
  type RequestOptions,
  type SmsClient,
  type SmsClientOptions,
} from './create-sms-client.js';
export type { AkSkCredentials, CredentialOptions, CredentialProvider, TokenSource } from './credentials.js';
export { knownRegions, type SmsRegion } from './endpoints.js';
export {
  SmsApiError,
  SmsAuthError,
  SmsError,
  type SmsErrorBody,
  SmsNetworkError,
  SmsPaginationError,
  SmsRateLimitError,
  SmsResponseError,
  SmsServerError,
  SmsTimeoutError,
  SmsValidationError,
} from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
export type { PaginateOptions } from './paginate.js';
export type { ListErrorServersWireQuery, ListMigrationErrorsQuery } from './query.js';
export type { RetryOptions } from './retry.js';
