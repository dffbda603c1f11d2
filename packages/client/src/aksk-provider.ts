// AK/SK credentials as a credential provider: each attempt signed (as the main entry does), and each 401
// explained: a 401 is thrown from here as SmsApiError with the local clock against the gateway's, or the
// gateway's lockout of the AK, in its message and fields. The credentials may be
// a function, for temporary ones that are renewed (an ECS agency's): it is called before every attempt.
import { type CredentialProvider, createAuthenticator } from './credentials.js';
import { SmsApiError } from './errors.js';
import { createLockoutTracker, explainAkSkRefusal } from './gateway-refusal.js';
import { requestIdHeader } from './generated/spec-facts.js';
import type { AkSkCredentials } from './sign-request.js';

export type AkSkSource = AkSkCredentials | (() => Promise<AkSkCredentials>);

export interface AkSkProviderOptions {
  /** The clock used for X-Sdk-Date and to judge the gateway's Date (default: the system clock). */
  now?: (() => Date) | undefined;
}

export function akSkProvider(
  source: AkSkSource,
  { now = () => new Date() }: AkSkProviderOptions = {},
): CredentialProvider {
  const lockout = createLockoutTracker(now);
  // Fixed credentials are checked now; renewed ones when they arrive. One signer per set of credentials.
  let current =
    typeof source === 'function'
      ? undefined
      : { credentials: source, authenticate: createAuthenticator({ credentials: source, now }) };
  const authenticator = async () => {
    if (typeof source !== 'function') {
      return current!.authenticate;
    }
    const credentials = await source();
    if (current?.credentials !== credentials) {
      current = { credentials, authenticate: createAuthenticator({ credentials, now }) };
    }
    return current.authenticate;
  };
  return {
    async onRequest({ request }) {
      await (await authenticator())(request);
      return request;
    },
    async onResponse({ response }) {
      if (response.ok) {
        lockout.accepted();
      }
      if (response.status !== 401) {
        return undefined;
      }
      // The refusal as the client would throw it, with what the answer says about the clock or the lockout.
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the error keeps the text.
      }
      const error = SmsApiError.generate(response.status, body, response.headers.get(requestIdHeader));
      explainAkSkRefusal(error, response, now(), lockout);
      throw error;
    },
  };
}
