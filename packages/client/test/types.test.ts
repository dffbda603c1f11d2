// Type tests: these assertions are checked by `tsc` in the typecheck task (they are no-ops at run time).
import { describe, expectTypeOf, it } from 'vitest';
import type { credentialsFromEnv } from '../src/credentials-from-env.js';
import type {
  DecodedError,
  decodeErrorJson,
  lookupErrorCode,
  SmsErrorCategory,
  SmsErrorCodeEntry,
  smsErrorCategories,
} from '../src/decode-error-json.js';
import type {
  components,
  createSmsClient,
  ListErrorServersResponse,
  ListMigrationErrorsQuery,
  MigrationError,
  PaginateOptions,
  SmsApiError,
  SmsClient,
  SmsClientOptions,
  SmsNetworkError,
  SmsPaginationError,
  SmsRegion,
  SmsTimeoutError,
  SmsValidationError,
} from '../src/index.js';
import type { strictResponses } from '../src/strict.js';

describe('types follow the spec', () => {
  it('listMigrationErrors resolves to the 200 schema', () => {
    expectTypeOf<Awaited<ReturnType<SmsClient['listMigrationErrors']>>>().toEqualTypeOf<ListErrorServersResponse>();
    expectTypeOf<ListErrorServersResponse>().toEqualTypeOf<components['schemas']['ListErrorServersResponse']>();
    expectTypeOf<ListErrorServersResponse['count']>().toEqualTypeOf<number>();
    expectTypeOf<ListErrorServersResponse['migration_errors']>().toEqualTypeOf<MigrationError[]>();
  });

  it('nullable fields are nullable, the others are not', () => {
    expectTypeOf<MigrationError['host_name']>().toEqualTypeOf<string | null>();
    expectTypeOf<MigrationError['target_ip']>().toEqualTypeOf<string | null>();
    expectTypeOf<MigrationError['name']>().toEqualTypeOf<string>();
    expectTypeOf<MigrationError['error_json']>().toEqualTypeOf<string>();
  });

  it('the query takes the spec parameters in camelCase, all optional', () => {
    expectTypeOf<ListMigrationErrorsQuery>().toEqualTypeOf<{
      limit?: number;
      offset?: number;
      enterpriseProjectId?: string;
    }>();
    expectTypeOf<Parameters<SmsClient['listMigrationErrors']>[0]>().toEqualTypeOf<
      ListMigrationErrorsQuery | undefined
    >();
    // @ts-expect-error wire names are not accepted
    expectTypeOf<ListMigrationErrorsQuery>().toMatchTypeOf<{ enterprise_project_id: string }>();
  });

  it('region takes the regions of the spec', () => {
    expectTypeOf<'cn-north-4'>().toMatchTypeOf<SmsRegion>();
    expectTypeOf<'ru-moscow-1'>().toMatchTypeOf<SmsRegion>();
    expectTypeOf<'mars-north-1'>().not.toMatchTypeOf<SmsRegion>();
    expectTypeOf<Parameters<typeof createSmsClient>[0]['region']>().toEqualTypeOf<SmsRegion | undefined>();
  });

  it('the 403 body is the forbidden schema', () => {
    expectTypeOf<components['schemas']['ForbiddenResponse']['details']>().toEqualTypeOf<
      components['schemas']['ForbiddenDetail'][] | undefined
    >();
  });
});

describe('types of the listing helpers and optional entries', () => {
  it('paginateMigrationErrors yields records, listAllMigrationErrors collects them', () => {
    expectTypeOf<ReturnType<SmsClient['paginateMigrationErrors']>>().toEqualTypeOf<AsyncGenerator<MigrationError>>();
    expectTypeOf<Awaited<ReturnType<SmsClient['listAllMigrationErrors']>>>().toEqualTypeOf<MigrationError[]>();
    expectTypeOf<NonNullable<PaginateOptions['offsetMode']>>().toEqualTypeOf<'record' | 'page'>();
  });

  it('decodeErrorJson returns a code and params, or the raw value and a reason', () => {
    expectTypeOf<ReturnType<typeof decodeErrorJson>>().toEqualTypeOf<DecodedError>();
    expectTypeOf<Extract<DecodedError, { code: string }>['message']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Extract<DecodedError, { code: undefined }>['reason']>().toEqualTypeOf<string>();
  });

  it('every field of a decoded value can be read without narrowing first', () => {
    const decoded = {} as ReturnType<typeof decodeErrorJson>;
    // The newcomer's line (TS2339 before): no `in` check, no narrowing on `code`.
    const message: string = decoded.message ?? 'no message for this code';
    expectTypeOf(message).toEqualTypeOf<string>();
    expectTypeOf(decoded.message).toEqualTypeOf<string | undefined>();
    expectTypeOf(decoded.category).toEqualTypeOf<SmsErrorCategory | undefined>();
    expectTypeOf(decoded.action).toEqualTypeOf<string | undefined>();
    expectTypeOf(decoded.status).toEqualTypeOf<number | undefined>();
    expectTypeOf(decoded.code).toEqualTypeOf<string | undefined>();
    expectTypeOf(decoded.params).toEqualTypeOf<string[]>();
    expectTypeOf(decoded.reason).toEqualTypeOf<string | undefined>();
  });

  it('a message narrows to a known code: category, action and status are then defined', () => {
    const decoded = {} as DecodedError;
    if (decoded.message !== undefined) {
      expectTypeOf(decoded.category).toEqualTypeOf<SmsErrorCategory>();
      expectTypeOf(decoded.action).toEqualTypeOf<string>();
      expectTypeOf(decoded.status).toEqualTypeOf<number>();
      expectTypeOf(decoded.code).toEqualTypeOf<string>();
    }
    if (decoded.code === undefined) {
      expectTypeOf(decoded.reason).toEqualTypeOf<string>();
    }
  });

  it('the catalogue is typed: categories by key with their titles, entries by code', () => {
    expectTypeOf<SmsErrorCategory>().toEqualTypeOf<keyof typeof smsErrorCategories>();
    expectTypeOf<'network'>().toMatchTypeOf<SmsErrorCategory>();
    expectTypeOf<'weather'>().not.toMatchTypeOf<SmsErrorCategory>();
    expectTypeOf<(typeof smsErrorCategories)['network']['title']>().toMatchTypeOf<string>();
    expectTypeOf<ReturnType<typeof lookupErrorCode>>().toEqualTypeOf<SmsErrorCodeEntry | undefined>();
    expectTypeOf<SmsErrorCodeEntry['category']>().toEqualTypeOf<SmsErrorCategory>();
  });

  it('credentialsFromEnv feeds createSmsClient', () => {
    expectTypeOf<ReturnType<typeof credentialsFromEnv>>().toMatchTypeOf<Partial<SmsClientOptions>>();
    expectTypeOf<typeof strictResponses>().toMatchTypeOf<NonNullable<SmsClientOptions['strict']>>();
  });

  it('errors carry typed fields', () => {
    expectTypeOf<SmsApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<SmsApiError['errorCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SmsValidationError['parameter']>().toEqualTypeOf<string>();
    expectTypeOf<SmsPaginationError['count']>().toEqualTypeOf<number>();
    expectTypeOf<SmsTimeoutError>().toMatchTypeOf<SmsNetworkError>();
  });
});
