// Sends what the form says through the client itself: the same checks, signing, errors and pager a program
// gets. One attempt per request (retries: 0), so every request the page shows is one the client made.
import {
  createSmsClient,
  type ListErrorServersResponse,
  type ListMigrationErrorsQuery,
  type MigrationError,
} from 'virtual:sms-errors-client';
import type { ConsoleInput } from './read-form.js';
import { createRecordingFetch, type Exchange } from './recording-fetch.js';

export type Outcome =
  | { kind: 'page'; page: ListErrorServersResponse; exchanges: Exchange[] }
  | { kind: 'every-page'; records: MigrationError[]; count: number; exchanges: Exchange[] }
  | { kind: 'error'; error: unknown; exchanges: Exchange[] };

/** The form field each option of the pager is read from, for pointing at the field the pager refused. */
export const PAGER_OPTION_FIELDS: Record<string, keyof ListMigrationErrorsQuery> = { pageSize: 'limit' };

export interface Progress {
  offset: number;
  received: number;
  count: number;
}

export async function send(
  input: ConsoleInput,
  signal: AbortSignal,
  onProgress: (progress: Progress) => void,
): Promise<Outcome> {
  const exchanges: Exchange[] = [];
  try {
    const sms = createSmsClient({
      baseUrl: input.baseUrl,
      ...input.credentials,
      fetch: createRecordingFetch(exchanges),
      retries: 0,
    });
    if (!input.listAll) {
      const page = await sms.listMigrationErrors(input.query, { signal, headers: input.headers });
      return { kind: 'page', page, exchanges };
    }
    // "Every page" pages by the form's limit, from its offset; the pager checks both as its own options.
    const { limit, ...query } = input.query;
    let count = 0;
    const records = await sms.listAllMigrationErrors(query, {
      pageSize: limit,
      signal,
      headers: input.headers,
      onPage: (progress) => {
        count = progress.count;
        onProgress(progress);
      },
    });
    return { kind: 'every-page', records, count, exchanges };
  } catch (error) {
    return { kind: 'error', error, exchanges };
  }
}
