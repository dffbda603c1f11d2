// The exit codes of `sms-errors`, one per kind of failure, and the one place that turns an error into its
// code and its one-line message: the client's argument errors become messages naming the flag or the
// environment variable behind the argument. The messages come from the client's errors, which never hold a
// credential; run.ts still redacts the credential values from every line as a second guard.
import {
  type AkSkCredentials,
  type ListMigrationErrorsQuery,
  type PaginateOptions,
  SmsApiError,
  SmsAuthError,
  SmsNetworkError,
  SmsPaginationError,
  SmsResponseError,
  SmsTimeoutError,
  SmsValidationError,
} from '@sms-errors/client';
import { SmsCredentialsError, SmsIamError } from '@sms-errors/client/env';
import { SnapshotFileError } from '../commands/diff/snapshot-file.js';
import { PaginationStopped } from '../commands/list/list.js';
import { StateFileError } from '../commands/watch/state-file.js';
import { AKSK_VARIABLES, CredentialsError, SECURITY_TOKEN_VARIABLE, TOKEN_VARIABLE } from './credentials.js';
import { type Messages, messagesFor } from './messages.js';

export const ExitCode = {
  /** The records were printed. */
  ok: 0,
  /** A bug: an error the CLI did not expect. */
  internal: 1,
  /**
   * Bad command line: unknown flag, bad or out-of-bounds value, flags that exclude each other; a snapshot
   * or watch state file that cannot be read or written.
   */
  usage: 2,
  /** Credentials missing or malformed in the environment, or the service answered 401 or 403. */
  auth: 3,
  /** The service answered another non-2xx status (400, 404, 429 and 5xx after retries, ...). */
  api: 4,
  /** No answer: connection refused or reset, DNS failure, timeout (after retries). */
  network: 5,
  /** `--all`: the pages disagreed with the announced count (short page, repeated records). */
  pagination: 6,
  /** A 2xx answer that is not the JSON the spec describes. */
  response: 7,
  /** `explain`: one of the codes is not in the catalogue (the known ones were still printed). */
  unknownCode: 8,
  /** diff, watch: `--fail-on` found changes of that class (the output was printed in full). */
  changes: 9,
  /** Interrupted by Ctrl-C (SIGINT), as shells report it. */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** What to do about a clock the gateway refused. */
export interface Failure {
  code: ExitCodeValue;
  message: string;
}

/**
 * A mistake on the command line: a bad flag, a missing value, flags that exclude each other. Its message
 * names the flag, never the value given (a value typed by mistake could be a secret).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `explain` was given codes the catalogue does not have. */
export class UnknownCodesError extends Error {
  override name = 'UnknownCodesError';
  constructor(
    readonly codes: readonly string[],
    readonly catalogueSize: number,
  ) {
    super(`unknown codes ${codes.join(', ')}`);
  }
}

/** Thrown when the run was aborted by a signal. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

/** The flag behind each query parameter and pager option the client may reject. */
const FLAG_OF: Partial<Record<keyof ListMigrationErrorsQuery | keyof PaginateOptions | 'baseUrl', string>> = {
  limit: '--limit',
  offset: '--offset',
  enterpriseProjectId: '--enterprise-project-id',
  pageSize: '--limit',
  concurrency: '--concurrency',
  baseUrl: '--endpoint',
};

/** The environment variable behind each credential option of the client. */
const VARIABLE_OF: Record<keyof AkSkCredentials | 'token', string> = {
  token: TOKEN_VARIABLE,
  ak: AKSK_VARIABLES[0],
  sk: AKSK_VARIABLES[1],
  projectId: AKSK_VARIABLES[2],
  securityToken: SECURITY_TOKEN_VARIABLE,
};

export interface FailureContext {
  /** The host the CLI talked to, for network errors. */
  host?: string | undefined;
  /** Whether --project-id was given: then a bad project id is the flag's fault, not the variable's. */
  projectIdFlag?: boolean | undefined;
}

/** A value the client refused, before anything was sent: the flag's fault, or the environment's. */
function refusedValue(error: SmsValidationError, { projectIdFlag }: FailureContext, text: Messages): Failure {
  const parameter = error.parameter;
  const expected = text.expected(error.expected);
  if (parameter === 'projectId' && projectIdFlag) {
    return { code: ExitCode.usage, message: text.mustBe('--project-id', expected) };
  }
  const flag = FLAG_OF[parameter as keyof typeof FLAG_OF];
  if (flag) {
    return { code: ExitCode.usage, message: text.mustBe(flag, expected) };
  }
  const variable = VARIABLE_OF[parameter as keyof typeof VARIABLE_OF];
  if (variable) {
    return { code: ExitCode.auth, message: text.mustBe(variable, expected) };
  }
  return { code: ExitCode.usage, message: text.mustBe(parameter, expected) };
}

/** The exit code and one-line message of an error, in the language of `text` (English by default). */
export function classify(error: unknown, context: FailureContext = {}, text: Messages = messagesFor('en')): Failure {
  const where = context.host;
  if (error instanceof UsageError) {
    return { code: ExitCode.usage, message: error.message };
  }
  if (error instanceof SnapshotFileError || error instanceof StateFileError) {
    return { code: ExitCode.usage, message: error.message };
  }
  if (error instanceof CredentialsError) {
    return { code: ExitCode.auth, message: error.message };
  }
  if (error instanceof InterruptedError) {
    return { code: ExitCode.interrupted, message: text.interrupted };
  }
  if (error instanceof UnknownCodesError) {
    return { code: ExitCode.unknownCode, message: text.unknownCodes(error.codes, error.catalogueSize) };
  }
  if (error instanceof SmsApiError) {
    // A clock the gateway refused is not a credentials problem: say how to fix the clock instead.
    if (error.clockSkewMs !== undefined) {
      return { code: ExitCode.auth, message: text.clockRefused(error.message) };
    }
    if (error.lockedUntil !== undefined) {
      return { code: ExitCode.auth, message: error.message };
    }
    // By the client's error class, not by reading the status again.
    if (error instanceof SmsAuthError) {
      return { code: ExitCode.auth, message: text.checkCredentials(error.message) };
    }
    return { code: ExitCode.api, message: text.serviceError(error.message) };
  }
  // Before SmsValidationError, which it extends: a file, section or profile and key, or a variable.
  if (error instanceof SmsCredentialsError) {
    return { code: ExitCode.auth, message: error.message };
  }
  if (error instanceof SmsIamError) {
    return { code: error.status === undefined ? ExitCode.network : ExitCode.auth, message: error.message };
  }
  if (error instanceof SmsTimeoutError || error instanceof SmsNetworkError) {
    return { code: ExitCode.network, message: text.noAnswer(where, error.message, error.attempts) };
  }
  if (error instanceof PaginationStopped) {
    return {
      code: ExitCode.pagination,
      message: text.paginationStoppedAfter(error.received, error.parameter, text.expected(error.expected)),
    };
  }
  if (error instanceof SmsPaginationError) {
    return { code: ExitCode.pagination, message: text.paginationStopped(error.message) };
  }
  if (error instanceof SmsResponseError) {
    return { code: ExitCode.response, message: text.badResponse(error.message) };
  }
  if (error instanceof SmsValidationError) {
    return refusedValue(error, context, text);
  }
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { code: ExitCode.internal, message: text.unexpected(name, message) };
}
