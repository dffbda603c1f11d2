// The fetch that openapi-fetch calls: authenticates each attempt, bounds it with `timeoutMs`, reads the
// whole body inside the attempt (so a stalled or truncated body is retried like any network failure), and
// retries network errors, timeouts, 429 and 5xx with exponential backoff, full jitter and Retry-After.
import { SmsNetworkError, SmsTimeoutError } from './errors.js';

export interface RetryOptions {
  /** Time limit of one attempt, in ms (default 30 000). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (default 2). Only network errors, timeouts, 429 and 5xx are retried. */
  retries?: number | undefined;
  /** Base of the exponential backoff, in ms (default 200). */
  retryDelayMs?: number | undefined;
  /** Cap of every delay, Retry-After included, in ms (default 20 000). */
  maxRetryDelayMs?: number | undefined;
}

export interface TransportOptions extends RetryOptions {
  fetch?: typeof globalThis.fetch | undefined;
  authenticate: (request: Request) => Promise<void>;
}

const retryable = (status: number): boolean => status === 429 || status >= 500;

/** Retry-After in ms (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
function retryAfterMs(response: Response | undefined): number | undefined {
  const value = response?.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

export function createTransport({
  fetch,
  authenticate,
  timeoutMs = 30_000,
  retries = 2,
  retryDelayMs = 200,
  maxRetryDelayMs = 20_000,
}: TransportOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const attemptRequest = new Request(request, { signal: AbortSignal.any([request.signal, timeout]) });
      await authenticate(attemptRequest);
      let response: Response | undefined;
      let failure: SmsNetworkError | undefined;
      try {
        // Resolved at call time, so a fetch replaced after the client was made (a test double) is used.
        const answer = await (fetch ?? globalThis.fetch)(attemptRequest);
        response = new Response(await answer.arrayBuffer(), answer);
      } catch (error) {
        // The caller's own abort is not a failure to retry: pass it on as it is.
        if (request.signal.aborted) throw request.signal.reason;
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
        failure = new (timeout.aborted ? SmsTimeoutError : SmsNetworkError)(
          `${timeout.aborted ? `no answer within ${timeoutMs} ms` : `request failed: ${cause}`} (attempts: ${attempt})`,
          attempt,
          { cause: error },
        );
      }
      if (response && !retryable(response.status)) return response;
      if (attempt > retries) {
        if (response) return response;
        throw failure;
      }
      const backoff = Math.random() * Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (attempt - 1));
      await sleep(Math.min(maxRetryDelayMs, retryAfterMs(response) ?? backoff), request.signal);
    }
  };
}
