// Builds the client from the flags, the environment and the files Huawei's tools keep credentials in, in
// steps so that each mistake gets the right exit code: where to send (--region or --endpoint, or a KooCLI
// profile's region: a usage error), then the credentials (an auth error, naming the variable, file, section
// or profile and key at fault, never a value).
import { createSmsClient, type SmsClient, type SmsRegion, SmsValidationError } from '@sms-errors/client';
import type { ResolvedCredentials } from '@sms-errors/client/env';
import { blockedPorts, checkBaseUrl, knownRegions } from '@sms-errors/client/facts';
import { strictResponses } from '@sms-errors/client/strict';
import { type CredentialFlags, type ResolveContext, resolveCliCredentials } from './credentials.js';
import { UsageError } from './exit-codes.js';
import type { Messages } from './messages.js';
import type { ListingOptions } from './parse-args.js';

function destination(
  { region, endpoint }: ListingOptions,
  text: Messages,
): { region: SmsRegion } | { baseUrl: string } {
  if (endpoint !== undefined) {
    // What the client's own check of a base URL refuses (checkBaseUrl, below), each with its message here,
    // so that a refusal is a usage error before the credentials are even read, and nothing is sent.
    const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new UsageError(text.endpointNotUrl);
    }
    if (url.username || url.password) {
      throw new UsageError(text.endpointCredentials);
    }
    if (/[?#]/.test(endpoint)) {
      throw new UsageError(text.endpointQuery);
    }
    if (blockedPorts.has(Number(url.port))) {
      throw new UsageError(text.endpointBlockedPort(url.port));
    }
    try {
      checkBaseUrl(endpoint);
    } catch (error) {
      if (error instanceof SmsValidationError) {
        throw new UsageError(text.mustBe('--endpoint', error.expected));
      }
      throw error;
    }
    return { baseUrl: endpoint };
  }
  if (region === undefined) {
    throw new UsageError(text.giveRegion(knownRegions));
  }
  if (!(knownRegions as string[]).includes(region)) {
    throw new UsageError(text.regionOneOf(knownRegions));
  }
  return { region: region as SmsRegion };
}

export type Target = ({ region: SmsRegion } | { baseUrl: string }) & { fetch?: typeof globalThis.fetch };

/** Where requests go (--region or --endpoint): a mistake is a usage error. */
export function targetOf(command: ListingOptions, text: Messages, fetch?: typeof globalThis.fetch): Target {
  return { ...destination(command, text), ...(fetch ? { fetch } : {}) };
}

export interface Connection {
  client: SmsClient;
  credentials: ResolvedCredentials;
  /** Where the region came from, when a KooCLI profile gave it. */
  regionFrom: string | undefined;
}

/**
 * The client with the chain's credentials. Without --region and --endpoint, a KooCLI profile's region is
 * used; when there is none, that is the usage error it always was.
 */
export async function connect(
  command: ListingOptions & CredentialFlags,
  context: ResolveContext,
  text: Messages,
): Promise<Connection> {
  const given = command.region !== undefined || command.endpoint !== undefined;
  const target = given ? targetOf(command, text, context.fetch) : undefined;
  let credentials: ResolvedCredentials;
  try {
    credentials = await resolveCliCredentials(command, context, text);
  } catch (error) {
    if (!given) {
      targetOf(command, text, context.fetch);
    }
    throw error;
  }
  const region = given ? undefined : credentials.region;
  const resolvedTarget = target ?? targetOf({ ...command, region }, text, context.fetch);
  // --project-id belongs to AK/SK signing (X-Project-Id); a token carries its project inside, so with one the
  // flag would be silently ignored: a usage error instead (exit 2), before anything is sent.
  if (command.projectId !== undefined && credentials.maskedAk === undefined) {
    throw new UsageError(text.projectIdWithToken(credentials.detail));
  }
  // A value the client refuses (a malformed key) is its SmsValidationError, which exit-codes.ts names by
  // the flag or the variable behind it. Strict mode: every body's shape is checked, so a malformed 200 is
  // an SmsResponseError naming the field (exit 7), never a crash of the output code.
  const client = createSmsClient({ ...resolvedTarget, auth: credentials.auth, strict: strictResponses });
  return { client, credentials, regionFrom: region === undefined ? undefined : credentials.detail };
}
