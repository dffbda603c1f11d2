// The one place that owns a request to the service, on the model of Stainless-generated SDKs (one module
// times out, decides retries, reads Retry-After and casts errors) and Octokit's request (redirect passed
// explicitly). An attempt: builds the URL and headers, adds the credentials, sends, reads the body, and
// judges the answer. Everything of an attempt waits on one signal: its deadline combined with the caller's.
//
// What is retried: what fetch raised on the wire (SmsNetworkError), a deadline passed while sending or
// reading (SmsTimeoutError), 429 and 5xx. Never retried: the caller's abort (its reason is thrown as it is),
// a token function's failure (its own error, or SmsTimeoutError if it gave no token in time), a redirect,
// any other status, a 2xx body that is not a page.

import type { MiddlewareCallbackParams } from 'openapi-fetch';
import { checkHeaders } from './check-headers.js';
import { type CredentialHeaders, type CredentialProvider, credentialHeaderNames, untilAborted } from './credentials.js';
import { SmsApiError, SmsError, SmsNetworkError, SmsResponseError, SmsTimeoutError } from './errors.js';
import { listErrorServersPath, requestIdHeader } from './generated/spec-facts.js';
import { checkPageShape } from './page-shape.js';
import { type RetrySettings, retryDelay, sleep } from './retry.js';

export interface SendOptions {
  /** Aborts the request, retries included. */
  signal?: AbortSignal | undefined;
  /** Extra request headers, checked before anything is sent. */
  headers?: Record<string, string> | undefined;
}

export interface AttemptSettings {
  /** The checked base URL, without a trailing slash. */
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  credentialHeaders: CredentialHeaders;
  /** A credential provider (`@sms-errors/client/env`): replaces credentialHeaders when given. */
  provider?: CredentialProvider | undefined;
  retry: RetrySettings;
  /** Strict mode's check of a 2xx body: the first violation, or undefined. */
  strict: ((body: unknown) => string | undefined) | undefined;
}

/** A failure worth another attempt, with the response's Retry-After when there was a response. */
interface Retryable {
  failure: SmsError;
  retryAfter: string | null;
}

/** The reason the deadline aborts an attempt with, told apart from the caller's own reason. */
const DEADLINE = Symbol('deadline');

/** fetch's error for a failed connection: the system's code (ECONNRESET...) is on its cause. */
type WireFailure = { cause?: { code?: string } };

/** The query string, encoded as openapi-fetch encodes it (and as the AK/SK signer expects it). */
function queryString(query: Record<string, string | number>): string {
  return Object.entries(query)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** `text` parsed as JSON, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sends GET ListErrorServers with `query` (the checked wire query), retrying as above; resolves with the page. */
export function createSender({ baseUrl, fetch, credentialHeaders, provider, retry, strict }: AttemptSettings) {
  const endpoint = baseUrl + listErrorServersPath;
  const { timeoutMs, retries } = retry;

  /** One attempt: the page, or a Retryable. Anything not worth another attempt is thrown. */
  async function attempt(
    url: string,
    extraHeaders: Record<string, string> | undefined,
    callerSignal: AbortSignal | undefined,
    attempts: number,
  ) {
    // The deadline and the caller's abort, combined into the one signal the token function, fetch and the
    // body read all wait on. The listener on the caller's signal goes when the attempt ends, however it ends.
    const controller = new AbortController();
    const signal = controller.signal;
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort);
    const deadline = setTimeout(() => controller.abort(DEADLINE), timeoutMs);
    try {
      // Redirects are never followed: the credentials go to the base URL's origin and nowhere else.
      let send: () => Promise<Response>;
      try {
        send = provider
          ? await providerRequest(url, extraHeaders, signal)
          : await plainRequest(url, extraHeaders, signal);
      } catch (error) {
        if (callerSignal?.aborted) {
          throw callerSignal.reason;
        }
        if (signal.reason === DEADLINE) {
          throw new SmsTimeoutError(`the token function gave no token within ${timeoutMs} ms`, attempts);
        }
        throw error;
      }

      let response: Response;
      let text: string;
      try {
        response = await send();
        text = await response.text();
      } catch (error) {
        if (callerSignal?.aborted) {
          throw callerSignal.reason;
        }
        // A credential provider's explained refusal (clock skew, lockout) is the caller's to read as it is.
        if (error instanceof SmsError) {
          throw error;
        }
        // The message names the failure by its code or its error's name, never by its message.
        const failure =
          signal.reason === DEADLINE
            ? new SmsTimeoutError(`no answer within ${timeoutMs} ms`, attempts, { cause: error })
            : new SmsNetworkError(
                `request failed: ${(error as WireFailure).cause?.code ?? (error as Error).name}`,
                attempts,
                { cause: error },
              );
        return { failure, retryAfter: null } satisfies Retryable;
      }
      return judge(response, text);
    } finally {
      clearTimeout(deadline);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** The request with plain headers: what every client without a credential provider sends, no Request object. */
  async function plainRequest(url: string, extraHeaders: Record<string, string> | undefined, signal: AbortSignal) {
    let headers = await credentialHeaders(url, signal);
    if (extraHeaders) {
      headers = { ...extraHeaders, ...headers };
    }
    return () => fetch(url, { method: 'GET', headers, redirect: 'manual', signal });
  }

  /**
   * The request through a credential provider, which is openapi-fetch middleware: it sets its headers on a
   * Request (its wait, for an IAM token say, raced against the attempt's signal), and may answer the
   * response: send the request once more with renewed credentials, or throw an SmsApiError that explains a
   * refusal. It is given what openapi-fetch would give it, as far as this one operation needs.
   */
  async function providerRequest(url: string, extraHeaders: Record<string, string> | undefined, signal: AbortSignal) {
    const request = new Request(url, { method: 'GET', headers: extraHeaders, redirect: 'manual', signal });
    const context = {
      request,
      schemaPath: listErrorServersPath,
      params: {},
      id: '',
      options: { baseUrl, fetch, parseAs: 'text' },
    } as unknown as MiddlewareCallbackParams;
    const prepared = await untilAborted(Promise.resolve(provider?.onRequest?.(context)), signal);
    const sent = prepared instanceof Request ? prepared : request;
    return async () => {
      const response = await fetch(sent);
      const answered = await provider?.onResponse?.({ ...context, request: sent, response });
      return answered instanceof Response ? answered : response;
    };
  }

  /** What an answer means: the page, a Retryable (429, 5xx), or a thrown error. */
  function judge(response: Response, text: string) {
    const { status } = response;
    const requestId = response.headers.get(requestIdHeader);
    // A browser hides a redirect's status and Location (an opaque redirect, status 0).
    if (status === 0 || (status >= 300 && status < 400)) {
      const location = response.headers.get('Location');
      throw new SmsApiError(
        status,
        text,
        requestId,
        `, a redirect to ${location ?? 'an address not shown'}; not followed: credentials are sent to the base URL only`,
      );
    }
    const body = parseJson(text);
    if (status >= 200 && status < 300) {
      // A page must say it is JSON and be JSON; an error body is read either way.
      const contentType = response.headers.get('Content-Type');
      if (body === undefined || !/json/i.test(contentType ?? '')) {
        throw new SmsResponseError(status, `not JSON (Content-Type ${contentType})`);
      }
      // Strict mode's path-style message first, where it is on; the two fields a page needs in any case.
      const violation = strict?.(body) ?? checkPageShape(body);
      if (violation) {
        throw new SmsResponseError(status, violation);
      }
      return { page: body };
    }
    // Every SmsApiError of a request without a credential provider is made here. A provider answers a 401
    // itself (providerRequest): renews its credentials once, or explains the refusal (clock skew, lockout).
    const error = SmsApiError.generate(status, body ?? text, requestId);
    if (status === 429 || status >= 500) {
      return { failure: error, retryAfter: response.headers.get('Retry-After') } satisfies Retryable;
    }
    throw error;
  }

  return async (query: Record<string, string | number>, { signal, headers }: SendOptions = {}): Promise<unknown> => {
    checkHeaders(headers, credentialHeaderNames);
    const url = `${endpoint}?${queryString(query)}`;
    for (let attempts = 1; ; attempts++) {
      signal?.throwIfAborted();
      const outcome = await attempt(url, headers, signal, attempts);
      if ('page' in outcome) {
        return outcome.page;
      }
      if (attempts > retries) {
        throw outcome.failure;
      }
      await sleep(retryDelay(retry, attempts, outcome.retryAfter), signal);
    }
  };
}
