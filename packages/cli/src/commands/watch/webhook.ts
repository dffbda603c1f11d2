// `watch --webhook URL`: each non-empty change set POSTed as JSON, with a timeout per attempt and a few
// retries on what may pass (no answer, 408, 429, 5xx). Nothing of the account goes with it but the change
// set: no credential header, no cookie, no redirect followed (a redirect could carry the body elsewhere).
// The result is reported, never thrown: a failing webhook does not stop the watch.
import { setTimeout as sleep } from 'node:timers/promises';
import { packageVersion } from '../../shared/version.js';

export interface WebhookOptions {
  /** Per attempt. */
  timeoutMs?: number;
  /** Waits before the second, third, ... attempt: its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  signal?: AbortSignal | undefined;
}

/** `timeoutSeconds`: the last attempt had no answer within that many seconds (its reason says so in English). */
export type WebhookResult =
  | { ok: true; attempts: number }
  | { ok: false; attempts: number; reason: string; timeoutSeconds?: number };

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_RETRY_DELAYS_MS = [1_000, 4_000] as const;

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

/** The webhook as messages name it: its origin only, since a path or query may hold the hook's own secret. */
export function webhookLabel(url: string): string {
  return new URL(url).origin;
}

export async function postWebhook(url: string, payload: unknown, options: WebhookOptions = {}): Promise<WebhookResult> {
  const delays = options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
  const body = JSON.stringify(payload);
  let reason = '';
  let timeoutSeconds: number | undefined;
  for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
    // The wait before a retry ends early on Ctrl-C.
    if (attempt > 1) {
      await sleep(delays[attempt - 2], undefined, options.signal ? { signal: options.signal } : {}).catch(
        () => undefined,
      );
    }
    if (options.signal?.aborted) {
      return { ok: false, attempts: attempt - 1, reason: 'interrupted' };
    }
    const timeout = AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': `sms-errors/${packageVersion()}` },
        body,
        redirect: 'error',
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      });
      // The answer's body is not read beyond what frees the connection.
      await response.body?.cancel();
      if (response.ok) {
        return { ok: true, attempts: attempt };
      }
      reason = `HTTP ${response.status}`;
      timeoutSeconds = undefined;
      if (!RETRYABLE(response.status)) {
        return { ok: false, attempts: attempt, reason };
      }
    } catch (error) {
      timeoutSeconds = timeout.aborted ? (options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000 : undefined;
      reason =
        timeoutSeconds !== undefined
          ? `no answer within ${timeoutSeconds} s`
          : (((error as Error).cause as { code?: string } | undefined)?.code ?? (error as Error).name);
    }
  }
  return {
    ok: false,
    attempts: delays.length + 1,
    reason,
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  };
}
