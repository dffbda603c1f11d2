// Builds the client from the flags and the environment, in two steps so that each mistake gets the right
// exit code: first where to send (--region or --endpoint: a usage error), then the credentials (an auth
// error, naming the environment variable at fault and never its value).
import { createSmsClient, SmsValidationError, type SmsClient, type SmsRegion } from '@sms-errors/client';
import { blockedPorts, checkBaseUrl, knownRegions } from '@sms-errors/client/facts';
import { strictResponses } from '@sms-errors/client/strict';
import { CredentialsError, credentialsFrom, TOKEN_VARIABLE } from './credentials.js';
import type { Messages } from './messages.js';
import type { ListingOptions } from './parse-args.js';
import { UsageError } from './usage-error.js';

function destination({ region, endpoint }: ListingOptions, text: Messages): { region: SmsRegion } | { baseUrl: string } {
  if (endpoint !== undefined) {
    // What the client's own check of a base URL refuses (checkBaseUrl, below), each with its message here,
    // so that a refusal is a usage error before the credentials are even read, and nothing is sent.
    const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(text.endpointNotUrl);
    if (url.username || url.password) throw new UsageError(text.endpointCredentials);
    if (/[?#]/.test(endpoint)) throw new UsageError(text.endpointQuery);
    if (blockedPorts.has(Number(url.port))) throw new UsageError(text.endpointBlockedPort(url.port));
    try {
      checkBaseUrl(endpoint);
    } catch (error) {
      if (error instanceof SmsValidationError) throw new UsageError(text.mustBe('--endpoint', error.expected));
      throw error;
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
  // --project-id belongs to AK/SK signing (X-Project-Id); an IAM token carries its project inside, so with a
  // token the flag would be silently ignored: a usage error instead (exit 2), before anything is sent.
  if (command.projectId !== undefined && !credentials.credentials) {
    throw new UsageError(text.projectIdWithToken(TOKEN_VARIABLE));
  }
  // A value the client refuses (a malformed key) is its SmsValidationError, which exit-codes.ts names by
  // the flag or the variable behind it. Strict mode: every body's shape is checked, so a malformed 200 is
  // an SmsResponseError naming the field (exit 7), never a crash of the output code.
  return createSmsClient({ ...target, ...credentials, strict: strictResponses });
}
