// Retries and timeouts around one call of the openapi-fetch client (request and body read together, so a
// stalled or truncated body is retried like any network failure): network errors, timeouts, 429 and 5xx are
// retried with exponential backoff, full jitter and Retry-After; nothing else is. A plain timer and one
// AbortController per attempt keep the cost per request low (no second Request, no copied Response).
import { SmsError, SmsNetworkError, SmsTimeoutError, SmsValidationError } from './errors.js';

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

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Retry-After in ms (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
function retryAfterMs(response: Response | undefined): number | undefined {
  const value = response?.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  // Unreadable (NaN) or zero: undefined, so the backoff applies.
  return Math.max(0, Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000) || undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/** Checks the options now, and returns what runs an attempt (given its signal) until it may stop. */
export function createRetrier({ timeoutMs = 30_000, retries = 2, retryDelayMs = 200, maxRetryDelayMs = 20_000 }: RetryOptions) {
  // A NaN, negative or huge timeout would time out every attempt at once (a NaN retry count is read as 0
  // below, `!(count <= retries)`, so it cannot retry for ever).
  if (!(timeoutMs >= 1 && timeoutMs <= MAX_TIMER_MS)) throw new SmsValidationError('timeoutMs', `a number from 1 to ${MAX_TIMER_MS}`);
  return async <T extends { response: Response }>(attempt: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    for (let count = 1; ; count++) {
      const controller = new AbortController();
      // The caller's abort and this attempt's timeout both abort the attempt; which one it was is read below.
      const abort = () => controller.abort(signal?.reason);
      signal?.throwIfAborted();
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
        const timedOut = controller.signal.aborted;
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
        failure = new (timedOut ? SmsTimeoutError : SmsNetworkError)(
          timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${cause}`,
          count,
          { cause: error },
        );
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }
      const status = result?.response.status ?? 0;
      if (result && status !== 429 && status < 500) return result;
      if (!(count <= retries)) {
        if (result) return result;
        throw failure;
      }
      const backoff = Math.random() * Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (count - 1));
      await sleep(Math.min(maxRetryDelayMs, retryAfterMs(result?.response) ?? backoff), signal);
    }
  };
}
