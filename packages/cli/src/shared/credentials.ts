// Credentials come from the environment only (a flag would show in `ps` and in shell history), read by the
// client's own credentialsFromEnv. `--project-id` is not a secret, so it may come from the command line,
// where it overrides HUAWEICLOUD_SDK_PROJECT_ID.
import { credentialsFromEnv } from '@sms-errors/client/env';
import type { Messages } from './messages.js';

/** The variables credentialsFromEnv reads, as its documentation names them (for messages and --help). */
export const TOKEN_VARIABLE = 'SMS_AUTH_TOKEN';
export const PROJECT_ID_VARIABLE = 'HUAWEICLOUD_SDK_PROJECT_ID';
export const AKSK_VARIABLES = ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', PROJECT_ID_VARIABLE] as const;
export const SECURITY_TOKEN_VARIABLE = 'HUAWEICLOUD_SDK_SECURITY_TOKEN';

/** Which variables to set, in the run's language. */
export function credentialsHint(text: Messages): string {
  return text.credentialsHint(TOKEN_VARIABLE, AKSK_VARIABLES, SECURITY_TOKEN_VARIABLE);
}

/** A credentials problem found before anything was sent: missing, half-set or malformed. */
export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

export type Credentials = ReturnType<typeof credentialsFromEnv>;

/**
 * The client options carrying the credentials. Throws CredentialsError when there are none; a half-set
 * AK/SK pair is the client's SmsValidationError naming the missing variable (never a value).
 */
export function credentialsFrom(env: Record<string, string | undefined>, projectId: string | undefined, text: Messages): Credentials {
  const found = credentialsFromEnv(projectId === undefined ? env : { ...env, [PROJECT_ID_VARIABLE]: projectId });
  if (!found.token && !found.credentials) throw new CredentialsError(text.noCredentials(credentialsHint(text)));
  return found;
}
