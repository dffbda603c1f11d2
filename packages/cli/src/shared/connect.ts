// Builds the client from the flags and the environment, in two steps so that each mistake gets the right
// exit code: first where to send (--region or --endpoint: a usage error), then the credentials (an auth
// error, naming the environment variable at fault and never its value).
import { createSmsClient, SmsValidationError, type SmsClient, type SmsRegion } from '@sms-errors/client';
import { knownRegions } from '@sms-errors/client/facts';
import { CredentialsError, credentialsFrom } from './credentials.js';
import type { Messages } from './messages.js';
import type { ListingOptions } from './parse-args.js';
import { UsageError } from './usage-error.js';

function destination({ region, endpoint }: ListingOptions, text: Messages): { region: SmsRegion } | { baseUrl: string } {
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      // Not a URL at all: said below.
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new UsageError(text.endpointNotUrl);
    }
    if (url.username || url.password) {
      throw new UsageError(text.endpointCredentials);
    }
    return { baseUrl: endpoint };
  }
  if (region === undefined) throw new UsageError(text.giveRegion(knownRegions));
  if (!(knownRegions as string[]).includes(region)) throw new UsageError(text.regionOneOf(knownRegions));
  return { region: region as SmsRegion };
}

export type Target = ({ region: SmsRegion } | { baseUrl: string }) & { fetch?: typeof globalThis.fetch };

/** Where requests go (--region or --endpoint): a mistake is a usage error. */
export function targetOf(command: ListingOptions, text: Messages, fetch?: typeof globalThis.fetch): Target {
  return { ...destination(command, text), ...(fetch ? { fetch } : {}) };
}

/** The client for `target` with the credentials of the environment: a mistake is a credentials error. */
export function connect(target: Target, command: ListingOptions, env: Record<string, string | undefined>, text: Messages): SmsClient {
  let credentials: ReturnType<typeof credentialsFrom>;
  try {
    credentials = credentialsFrom(env, command.projectId, text);
  } catch (error) {
    if (error instanceof SmsValidationError) throw new CredentialsError(text.credentialsInvalid(error.message));
    throw error;
  }
  // A value the client refuses (the endpoint, a malformed key) is its SmsValidationError, which
  // exit-codes.ts names by the flag or the variable behind it.
  return createSmsClient({ ...target, ...credentials });
}
