// Retries and timeouts around one call of the openapi-fetch client (request and body read together, so a
// stalled or truncated body is retried like any network failure): network errors, timeouts, 429 and 5xx are
// retried with exponential backoff, full jitter and Retry-After; nothing else is. A plain timer and one
// AbortController per attempt keep the cost per request low (no second Request, no copied Response). Every
// listener added to the caller's signal is removed when its attempt or its sleep ends, however it ends.
import { SmsError, SmsNetworkError, SmsTimeoutError } from './errors.js';
import { checkBounds, type ValueBounds } from './value-bounds.js';

export interface RetryOptions {
  /** Time limit of one attempt, body included, in ms (default 30 000). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (default 2). Only network errors, timeouts, 429 and 5xx are retried. */
  retries?: number | undefined;
  /** Base of the exponential backoff, in ms (default 200). */
  retryDelayMs?: number | undefined;
  /** Cap of every delay, Retry-After included, in ms (default 20 000). */
  maxRetryDelayMs?: number | undefined;
}

/** fetch's error for a failed connection: the system's code (ECONNRESET...) is on its cause. */
type NetworkFailure = { cause?: { code?: string } };

/** The longest delay setTimeout keeps (a longer one fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A NaN, negative or huge value would time out every attempt at once, retry for ever or never wait. (100
 * retries is more than anyone means, and keeps a typo from retrying for ever.)
 */
const OPTION_BOUNDS = {
  timeoutMs: { type: 'integer', minimum: 1, maximum: MAX_TIMER_MS },
  retries: { type: 'integer', minimum: 0, maximum: 100 },
  retryDelayMs: { type: 'integer', minimum: 0, maximum: MAX_TIMER_MS },
  maxRetryDelayMs: { type: 'integer', minimum: 0, maximum: MAX_TIMER_MS },
} as const satisfies Record<keyof RetryOptions, ValueBounds>;

/** Retry-After in ms (delta-seconds or an HTTP date), or undefined when absent, unreadable or zero. */
function retryAfterMs(response: Response | undefined): number | undefined {
  const value = response?.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000;
  if (Number.isNaN(ms) || ms <= 0) return undefined;
  return ms;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Checks the options now, and returns what runs an attempt (given its signal) until it may stop. */
export function createRetrier({ timeoutMs = 30_000, retries = 2, retryDelayMs = 200, maxRetryDelayMs = 20_000 }: RetryOptions) {
  const options = { timeoutMs, retries, retryDelayMs, maxRetryDelayMs };
  for (const [name, bounds] of Object.entries(OPTION_BOUNDS)) checkBounds(name, options[name as keyof RetryOptions], bounds);

  return async <T extends { response: Response }>(attempt: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    for (let count = 1; ; count++) {
      signal?.throwIfAborted();
      const controller = new AbortController();
      // The caller's abort and this attempt's timeout both abort the attempt; which one it was is read below.
      const abort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', abort);
      const timer = setTimeout(abort, timeoutMs);
      let result: T | undefined;
      let failure: SmsNetworkError | undefined;
      try {
        result = await attempt(controller.signal);
      } catch (error) {
        // The caller's own abort, and the client's own errors (a bad token from a token function), are
        // not failures to retry: pass them on as they are.
        if (signal?.aborted) throw signal.reason;
        if (error instanceof SmsError) throw error;
        // The message names the failure by its code or its error's name, never by its message: what a token
        // function throws (a failed IAM call, say) lands here too, and its message may hold a secret.
        failure = controller.signal.aborted
          ? new SmsTimeoutError(`no answer within ${timeoutMs} ms`, count, { cause: error })
          : new SmsNetworkError(`request failed: ${(error as NetworkFailure).cause?.code ?? (error as Error).name}`, count, { cause: error });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }
      const retryable = result === undefined || result.response.status === 429 || result.response.status >= 500;
      if (result && !retryable) return result;
      if (count > retries) {
        if (result) return result;
        throw failure;
      }
      const backoff = Math.random() * Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (count - 1));
      await sleep(Math.min(maxRetryDelayMs, retryAfterMs(result?.response) ?? backoff), signal);
    }
  };
}
