// The main entry. Optional parts have entries of their own so that a bundle carries only what it uses:
// `@sms-errors/client/decode` (decodeErrorJson and the error-code catalogue; `/decode/zh` adds its Chinese
// texts), `@sms-errors/client/env`
// (credentialsFromEnv), `@sms-errors/client/strict` (strictResponses, the spec's response schema) and
// `@sms-errors/client/facts` (the API facts and the client's checks of them, for tools).
export {
  createSmsClient,
  type SmsClient,
  type SmsClientOptions,
  type RequestOptions,
  type ListErrorServersResponse,
  type MigrationError,
} from './create-sms-client.js';
export type { AkSkCredentials, CredentialOptions, CredentialProvider, TokenSource } from './credentials.js';
export { knownRegions, type SmsRegion } from './endpoints.js';
export {
  SmsError,
  SmsApiError,
  SmsValidationError,
  SmsNetworkError,
  SmsTimeoutError,
  SmsResponseError,
  SmsPaginationError,
  type SmsErrorBody,
} from './errors.js';
export type { PaginateOptions } from './paginate.js';
export type { ListMigrationErrorsQuery, ListErrorServersWireQuery } from './query.js';
export type { RetryOptions } from './retry.js';
export type { paths, components, operations } from './generated/openapi.js';
