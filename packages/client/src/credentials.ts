// How a request is authenticated: an IAM token (`X-Auth-Token`) or an AK/SK signature. Runs once per
// attempt, so every retry carries a fresh `X-Sdk-Date` signature or a freshly fetched token.
import { authToken } from './generated/spec-facts.js';
import { checkHeaderValue } from './check-headers.js';
import { codePointLength } from './code-points.js';
import type { Middleware } from 'openapi-fetch';
import { SmsValidationError } from './errors.js';
import { type AkSkCredentials, createRequestSigner } from './sign-request.js';

export type { AkSkCredentials };

/** An IAM token, or a function that returns a fresh one (called before every attempt). */
export type TokenSource = string | (() => string | Promise<string>);

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
  /** The IAM token sent as `X-Auth-Token`. */
  token?: TokenSource | undefined;
  /** AK/SK credentials: every request is signed (SDK-HMAC-SHA256). Wins over `token`. */
  credentials?: AkSkCredentials | undefined;
  /** The clock used for `X-Sdk-Date` (default: the system clock); inject one for reproducible signatures. */
  now?: (() => Date) | undefined;
}

function checkToken(token: unknown): string {
  const length = typeof token === 'string' ? codePointLength(token) : -1;
  if (length < authToken.minLength || length > authToken.maxLength) {
    throw new SmsValidationError('token', `a string of ${authToken.minLength} to ${authToken.maxLength} characters`);
  }
  checkHeaderValue('token', token);
  return token as string;
}

/** Checks the credentials now, and returns what adds them to each attempt's request. */
export function createAuthenticator({ token, credentials, now = () => new Date() }: CredentialOptions) {
  if (credentials) {
    // The security token is optional, but an empty one would silently not be sent, and the gateway would
    // then refuse the temporary AK/SK: given, it must be a non-empty header value like the others.
    for (const key of ['ak', 'sk', 'projectId', 'securityToken'] as const) {
      if (key === 'securityToken' && credentials[key] === undefined) continue;
      checkHeaderValue(key, credentials[key]);
      if (!credentials[key]) throw new SmsValidationError(key, 'a non-empty string');
    }
    // One signer per client: the HMAC key is imported once, not per request.
    const sign = createRequestSigner(credentials);
    return async (request: Request): Promise<void> => {
      const headers = await sign(request.method, request.url, now());
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    };
  }
  if (typeof token === 'string') {
    // Checked once: the same string is sent every time.
    const checked = checkToken(token);
    return async (request: Request): Promise<void> => {
      request.headers.set(authToken.header, checked);
    };
  }
  if (typeof token === 'function') {
    // A token function may return a different (or a bad) token each time: checked every time.
    return async (request: Request): Promise<void> => {
      request.headers.set(authToken.header, checkToken(await token()));
    };
  }
  if (token !== undefined) checkToken(token);
  return async (): Promise<void> => {};
}
