// The bounds of the numeric and string flags, as the client states them: the help text asks the client
// to check an impossible value and quotes what it expects. No request is ever made (the fetch refuses),
// and no bound is written down in this package.
import { createSmsClient, SmsValidationError, type ListMigrationErrorsQuery, type PaginateOptions } from '@sms-errors/client';

const refuse = () => Promise.reject(new Error('the bounds probe never sends a request'));
const probeClient = () => createSmsClient({ baseUrl: 'http://127.0.0.1', fetch: refuse, retries: 0 });

const expectedOf = (error: unknown): string | undefined =>
  error instanceof SmsValidationError ? error.expected.replace(/\s*\(got [^)]*\)$/, '') : undefined;

/** What the client expects of a query parameter, such as `an integer from 0 to 100`. */
export async function queryBound(query: ListMigrationErrorsQuery): Promise<string | undefined> {
  try {
    await probeClient().listMigrationErrors(query);
  } catch (error) {
    return expectedOf(error);
  }
  return undefined;
}

/** What the pager expects of one of its options, such as `an integer from 1 to 100` for pageSize. */
export async function pagerBound(options: PaginateOptions): Promise<string | undefined> {
  try {
    await probeClient().paginateMigrationErrors({}, options).next();
  } catch (error) {
    return expectedOf(error);
  }
  return undefined;
}

export interface FlagBounds {
  limit?: string | undefined;
  offset?: string | undefined;
  enterpriseProjectId?: string | undefined;
  pageSize?: string | undefined;
  concurrency?: string | undefined;
}

export async function flagBounds(): Promise<FlagBounds> {
  const [limit, offset, enterpriseProjectId, pageSize, concurrency] = await Promise.all([
    queryBound({ limit: Number.NaN }),
    queryBound({ offset: Number.NaN }),
    queryBound({ enterpriseProjectId: null as unknown as string }),
    pagerBound({ pageSize: Number.NaN }),
    pagerBound({ concurrency: Number.NaN }),
  ]);
  return { limit, offset, enterpriseProjectId, pageSize, concurrency };
}
