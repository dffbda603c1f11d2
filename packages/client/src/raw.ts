// `@sms-errors/client/raw`: the openapi-fetch client typed from the spec, with the same base URL checks and
// credentials as createSmsClient, for the raw `{ data, error, response }`. A separate entry so the main
// bundle does not carry openapi-fetch: createSmsClient sends through ./attempt.ts. No retries, timeouts
// or body checks here; redirects are not followed, so the credentials stay with the base URL.
import createClient, { type Client } from 'openapi-fetch';
import { type CredentialOptions, createAuthenticator } from './credentials.js';
import { resolveBaseUrl, type SmsRegion } from './endpoints.js';
import type { paths } from './generated/openapi.js';
import { checkSignable } from './sign-request.js';

export interface RawSmsClientOptions extends CredentialOptions {
  region?: SmsRegion | undefined;
  baseUrl?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
}

export function createRawSmsClient(options: RawSmsClientOptions): Client<paths> {
  const baseUrl = resolveBaseUrl(options);
  const authenticate = createAuthenticator(options);
  if (options.credentials) {
    checkSignable(baseUrl);
  }
  const raw = createClient<paths>({ baseUrl, fetch: options.fetch, redirect: 'manual' });
  // A credential provider (options.auth, from `@sms-errors/client/env`) is openapi-fetch middleware itself.
  raw.use(
    options.auth ?? {
      async onRequest({ request }) {
        await authenticate(request);
        return request;
      },
    },
  );
  return raw;
}
