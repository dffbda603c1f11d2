// How a request is authenticated: an IAM token (`X-Auth-Token`) or an AK/SK signature. Asked once per
// attempt, so every retry carries a fresh `X-Sdk-Date` signature or a freshly fetched token. The header
// names come from the spec's security schemes (generated).

import type { Middleware } from 'openapi-fetch';
import { checkHeaderValue } from './check-headers.js';
import { codePointLength } from './code-points.js';
import { SmsValidationError } from './errors.js';
import { akSkHeaders, authToken } from './generated/spec-facts.js';
import type { IamCredentials } from './iam-token.js';
import { type AkSkCredentials, createRequestSigner } from './sign-request.js';

export type { AkSkCredentials };

/**
 * An IAM token, or a function that returns a fresh one (called before every attempt). The function gets the
 * attempt's signal, which aborts at the attempt's deadline or the caller's abort; the client stops waiting
 * for it then, whether or not the function listens.
 */
export type TokenSource = string | ((signal: AbortSignal) => string | Promise<string>);

/**
 * Credentials that come and go (an IAM token, temporary AK/SK from an ECS agency) and explain a refusal (the
 * gateway's clock, its lockout of an AK). `@sms-errors/client/env` builds these; the main entry carries only
 * this hook, openapi-fetch middleware: onRequest adds the credentials to each attempt's request, onResponse
 * may send a refused request once more with renewed credentials, or throw the refusal as an SmsApiError
 * that says more (an SmsError passes the retries unchanged).
 */
export type CredentialProvider = Middleware;

export interface CredentialOptions {
  /** A credential provider (from `@sms-errors/client/env`). Replaces `credentials` and `token`. */
  auth?: CredentialProvider | undefined;
  /**
   * An IAM user: a token is fetched from IAM (`POST /v3/auth/tokens`, password method), kept, renewed before
   * it expires (concurrent calls share one IAM request), and a 401 is retried once with a fresh one.
   */
  iam?: IamCredentials | undefined;
  /** The IAM token sent as `X-Auth-Token`. */
  token?: TokenSource | undefined;
  /** AK/SK credentials: every request is signed (SDK-HMAC-SHA256). Wins over `token`. */
  credentials?: AkSkCredentials | undefined;
  /** The clock used for `X-Sdk-Date` (default: the system clock); inject one for reproducible signatures. */
  now?: (() => Date) | undefined;
}

/** The headers that authenticate a GET of `url`; `signal` ends the wait for a token function. */
export type CredentialHeaders = (url: string, signal: AbortSignal) => Promise<Record<string, string>>;

/** Every header the credentials set, lower-cased: a caller's extra header may not set one of them too. */
export const credentialHeaderNames = [authToken.header, ...Object.values(akSkHeaders)].map((name) =>
  name.toLowerCase(),
);

function checkToken(token: unknown): string {
  const length = typeof token === 'string' ? codePointLength(token) : -1;
  if (length < authToken.minLength || length > authToken.maxLength) {
    throw new SmsValidationError('token', `a string of ${authToken.minLength} to ${authToken.maxLength} characters`);
  }
  checkHeaderValue('token', token);
  return token as string;
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts (the promise is then left to itself). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Checks the credentials now, and returns what gives each attempt its credential headers. */
export function createCredentialHeaders({
  token,
  credentials,
  now = () => new Date(),
}: CredentialOptions): CredentialHeaders {
  if (credentials) {
    // The security token is optional, but an empty one would silently not be sent, and the gateway would
    // then refuse the temporary AK/SK: given, it must be a non-empty header value like the others.
    for (const key of ['ak', 'sk', 'projectId', 'securityToken'] as const) {
      if (key === 'securityToken' && credentials[key] === undefined) {
        continue;
      }
      checkHeaderValue(key, credentials[key]);
      if (!credentials[key]) {
        throw new SmsValidationError(key, 'a non-empty string');
      }
    }
    // One signer per client: the HMAC key is imported once, not per request.
    const sign = createRequestSigner(credentials);
    return async (url) => sign('GET', url, now());
  }
  if (typeof token === 'string') {
    // Checked once, and one headers object for every request: the same string is sent every time.
    const headers = { [authToken.header]: checkToken(token) };
    return async () => headers;
  }
  if (typeof token === 'function') {
    // A token function may return a different (or a bad) token each time: checked every time. What it
    // throws is its own error and reaches the caller as it is.
    return async (_url, signal) => ({
      [authToken.header]: checkToken(await untilAborted(Promise.resolve(token(signal)), signal)),
    });
  }
  if (token !== undefined) {
    checkToken(token);
  }
  const none = {};
  return async () => none;
}

/**
 * What adds the credentials to a Request, for credential providers and openapi-fetch middleware (the raw
 * client): the same checks and headers as createCredentialHeaders, set on the request one by one.
 */
export function createAuthenticator(options: CredentialOptions): (request: Request) => Promise<void> {
  const credentialHeaders = createCredentialHeaders(options);
  return async (request) => {
    for (const [name, value] of Object.entries(await credentialHeaders(request.url, request.signal))) {
      request.headers.set(name, value);
    }
  };
}
