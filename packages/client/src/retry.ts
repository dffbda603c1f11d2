// The retry policy's options and waits: how long before the next attempt (exponential backoff with full
// jitter, or the server's Retry-After, both capped by maxRetryDelayMs) and a wait the caller's signal ends.
// Which failures are retried is decided where an attempt is judged (./attempt.ts).
import { checkBounds, type ValueBounds } from './value-bounds.js';

export interface RetryOptions {
  /** Time limit of one attempt, token function and body included, in ms (default 30 000). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (default 2). Only network errors, timeouts, 429 and 5xx are retried. */
  retries?: number | undefined;
  /** Base of the exponential backoff, in ms (default 200). */
  retryDelayMs?: number | undefined;
  /** Cap of every delay, Retry-After included, in ms (default 20 000). */
  maxRetryDelayMs?: number | undefined;
}

export type RetrySettings = Required<{ [K in keyof RetryOptions]: number }>;

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

/** The options with their defaults, each checked (SmsValidationError naming the first one out of bounds). */
export function retrySettings({
  timeoutMs = 30_000,
  retries = 2,
  retryDelayMs = 200,
  maxRetryDelayMs = 20_000,
}: RetryOptions): RetrySettings {
  const settings = { timeoutMs, retries, retryDelayMs, maxRetryDelayMs };
  for (const [name, bounds] of Object.entries(OPTION_BOUNDS)) {
    checkBounds(name, settings[name as keyof RetrySettings], bounds);
  }
  return settings;
}

// RFC 9110 section 10.2.3: Retry-After is delay-seconds (digits only) or an HTTP-date (section 5.6.7: the
// IMF-fixdate, or the obsolete RFC 850 and asctime forms a recipient must still accept). `1.5`, `0x2`, `2e0`
// or ` 2` are none of these, though Number() reads them; they are ignored like any unreadable value.
const DELAY_SECONDS = /^\d+$/;
const HTTP_DATE =
  /^(\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT|\w{6,9}, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d GMT|\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;

/** Retry-After in ms, or undefined when absent, unreadable, zero or in the past. */
export function retryAfterMs(value: string | null): number | undefined {
  let ms = Number.NaN;
  if (value && DELAY_SECONDS.test(value)) {
    ms = Number(value) * 1000;
  }
  // asctime has no zone, and means GMT like the other two forms.
  else if (value && HTTP_DATE.test(value)) {
    ms = Date.parse(value.endsWith('GMT') ? value : `${value} GMT`) - Date.now();
  }
  return ms > 0 ? ms : undefined;
}

/** The wait before retry number `retry` (1 for the first): Retry-After if the server sent one, else jittered backoff. */
export function retryDelay(settings: RetrySettings, retry: number, retryAfter: string | null): number {
  const backoff = Math.random() * Math.min(settings.maxRetryDelayMs, settings.retryDelayMs * 2 ** (retry - 1));
  return Math.min(settings.maxRetryDelayMs, retryAfterMs(retryAfter) ?? backoff);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
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
