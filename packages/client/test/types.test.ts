// Type tests: these assertions are checked by `tsc` in the typecheck task (they are no-ops at run time).
import { describe, expectTypeOf, it } from 'vitest';
import type {
  components,
  createSmsClient,
  ListErrorServersResponse,
  ListMigrationErrorsQuery,
  MigrationError,
  SmsClient,
  SmsRegion,
} from '../src/index.js';

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
    expectTypeOf<Parameters<SmsClient['listMigrationErrors']>[0]>().toEqualTypeOf<ListMigrationErrorsQuery | undefined>();
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
