// `sms-errors list`: one page, or with --all every page through the client's pager. Returns the decoded
// records and the service's count; throws the client's errors (shared/exit-codes.ts names the flag behind
// an argument error), and says where --all stopped when a later page's query broke a bound.
import {
  type ListMigrationErrorsQuery,
  type PaginateOptions,
  type SmsClient,
  SmsValidationError,
} from '@sms-errors/client';
import type { Language } from '../../shared/messages.js';
import type { ListingOptions } from '../../shared/parse-args.js';
import { decoderFor, type JsonOutput } from '../../shared/records.js';

/** `--all` stopped part-way because the next page's query broke a bound (offset past its maximum). */
export class PaginationStopped extends Error {
  override name = 'PaginationStopped';
  constructor(
    /** The records read before it stopped. */
    readonly received: number,
    readonly parameter: string,
    /** The bound, as the client states it. */
    readonly expected: string,
  ) {
    super(`stopped after ${received} records: the next page's ${parameter} must be ${expected}`);
  }
}

export interface ListOptions {
  signal?: AbortSignal | undefined;
  onPage?: PaginateOptions['onPage'];
}

export async function list(
  client: SmsClient,
  command: ListingOptions & { lang: Language },
  { signal, onPage }: ListOptions,
): Promise<JsonOutput> {
  const query: ListMigrationErrorsQuery = { offset: command.offset, enterpriseProjectId: command.enterpriseProjectId };
  let pages = 0;
  let received = 0;
  try {
    if (!command.all) {
      const page = await client.listMigrationErrors({ ...query, limit: command.limit }, { signal });
      return { count: page.count, migration_errors: page.migration_errors.map(decoderFor(command.lang)) };
    }
    let count = 0;
    const records = await client.listAllMigrationErrors(query, {
      pageSize: command.limit,
      concurrency: command.concurrency,
      ...(signal ? { signal } : {}),
      onPage(progress) {
        pages++;
        ({ count, received } = progress);
        onPage?.(progress);
      },
    });
    return { count, migration_errors: records.map(decoderFor(command.lang)) };
  } catch (error) {
    if (error instanceof SmsValidationError && pages > 0) {
      throw new PaginationStopped(received, error.parameter, error.expected);
    }
    throw error;
  }
}
