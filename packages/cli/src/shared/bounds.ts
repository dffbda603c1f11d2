// The bounds of the numeric and string flags, from the client's facts (`@sms-errors/client/facts`, generated
// from the spec): the help text quotes them and the flags are checked against them, with the client's own
// check functions, before any client is made. No bound is written down in this package.
import {
  checkPaginateOptions,
  describeBounds,
  listErrorServersQuery,
  pagerBounds,
  toWireQuery,
} from '@sms-errors/client/facts';
import { type Messages, messagesFor } from './messages.js';
import type { ListingOptions } from './parse-args.js';

export interface FlagBounds {
  limit: string;
  offset: string;
  enterpriseProjectId: string;
  pageSize: string;
  concurrency: string;
}

/** What each flag must be, such as `an integer from 0 to 100`, for the help text (in `text`'s language). */
export function flagBounds(text: Messages = messagesFor('en')): FlagBounds {
  return {
    limit: text.expected(describeBounds(listErrorServersQuery.limit)),
    offset: text.expected(describeBounds(listErrorServersQuery.offset)),
    enterpriseProjectId: text.expected(describeBounds(listErrorServersQuery.enterpriseProjectId)),
    pageSize: text.expected(describeBounds(pagerBounds.pageSize)),
    concurrency: text.expected(describeBounds(pagerBounds.concurrency)),
  };
}

/**
 * Checks every flag as the client will (query bounds, page size, concurrency) before credentials are even
 * looked at, so a bad flag is a usage error whatever the environment holds (the client's SmsValidationError,
 * which exit-codes.ts names by its flag). Nothing is sent.
 */
export function checkFlags(command: ListingOptions): void {
  if (command.all) {
    checkPaginateOptions({ pageSize: command.limit, concurrency: command.concurrency });
  }
  toWireQuery({
    offset: command.offset,
    enterpriseProjectId: command.enterpriseProjectId,
    // With --all, --limit is the page size, checked above.
    ...(command.all ? {} : { limit: command.limit }),
  });
}
