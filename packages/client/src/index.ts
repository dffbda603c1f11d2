export {
  createSmsClient,
  type SmsClient,
  type SmsClientOptions,
  type RequestOptions,
  type TokenSource,
  type ListErrorServersResponse,
  type MigrationError,
} from './create-sms-client.js';
export type { ListMigrationErrorsQuery, ListErrorServersWireQuery } from './query.js';
export { knownRegions, type SmsRegion } from './endpoints.js';
export { SmsError, SmsApiError, SmsValidationError, type SmsErrorBody } from './errors.js';
export type { paths, components, operations } from './generated/openapi.js';
