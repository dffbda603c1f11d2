// Credentials come from where Huawei's tools keep them, through the client's chain (@sms-errors/client/env):
// the environment, Huawei's SDK profile file, KooCLI's configuration, an IAM user, and an ECS agency when
// asked for (--credentials-source). Never from a flag with a secret in it (a flag would show in `ps` and in
// shell history). `--project-id` is not a secret, so it may come from the command line, where it overrides
// HUAWEICLOUD_SDK_PROJECT_ID.
import { SmsValidationError } from '@sms-errors/client';
import {
  credentialSources,
  credentialsFromEnv,
  credentialVariables,
  type ResolvedCredentials,
  resolveCredentials,
  SmsCredentialsError,
} from '@sms-errors/client/env';
import type { Messages } from './messages.js';
import type { ListingOptions } from './parse-args.js';

/** The variables the chain reads (their names from the client, Huawei's from the spec), for messages and --help. */
export const TOKEN_VARIABLE = credentialVariables.token;
export const PROJECT_ID_VARIABLE = credentialVariables.projectId;
export const AKSK_VARIABLES = [credentialVariables.ak, credentialVariables.sk, PROJECT_ID_VARIABLE] as const;
export const SECURITY_TOKEN_VARIABLE = credentialVariables.securityToken;
export const IAM_VARIABLES = [
  credentialVariables.iamUser,
  credentialVariables.iamPassword,
  credentialVariables.iamDomain,
] as const;
/** The variables that hold a secret, scrubbed from every message as a last guard. */
export const SECRET_VARIABLES = [
  TOKEN_VARIABLE,
  credentialVariables.ak,
  credentialVariables.sk,
  SECURITY_TOKEN_VARIABLE,
  credentialVariables.iamPassword,
] as const;

/** What to set or keep where, in the run's language. */
export function credentialsHint(text: Messages): string {
  return text.credentialsHint({
    token: TOKEN_VARIABLE,
    aksk: AKSK_VARIABLES,
    securityToken: SECURITY_TOKEN_VARIABLE,
    iam: IAM_VARIABLES,
    profileFile: `~/${credentialSources.profileFile.path}`,
    kooCli: `~/${credentialSources.kooCli.path}`,
  });
}

/** A credentials problem found before anything was sent: missing, half-set or malformed. */
export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

export interface CredentialFlags {
  credentialsSource?: 'env' | 'profile' | 'hcloud' | 'iam' | 'ecs' | undefined;
  profile?: string | undefined;
}

export interface ResolveContext {
  env: Record<string, string | undefined>;
  fetch?: typeof globalThis.fetch | undefined;
  /** Where the warning about a file others can read goes (stderr). */
  warn: (line: string) => void;
}

/**
 * The chain's winner for the command. A half-set AK/SK pair in the environment is named as before (the
 * client's credentialsFromEnv); no source at all is a CredentialsError with what to set.
 */
export async function resolveCliCredentials(
  command: ListingOptions & CredentialFlags,
  { env, fetch, warn }: ResolveContext,
  text: Messages,
): Promise<ResolvedCredentials> {
  const withProject = command.projectId === undefined ? env : { ...env, [PROJECT_ID_VARIABLE]: command.projectId };
  if (command.credentialsSource === undefined || command.credentialsSource === 'env') {
    try {
      credentialsFromEnv(withProject);
    } catch (error) {
      if (error instanceof SmsValidationError) {
        throw new CredentialsError(text.credentialsInvalid(error.message));
      }
      throw error;
    }
  }
  try {
    return await resolveCredentials({
      env: withProject,
      home: env['HOME'] || undefined,
      source: command.credentialsSource,
      profile: command.profile,
      region: command.region,
      fetch,
      warn,
    });
  } catch (error) {
    if (error instanceof SmsCredentialsError && error.parameter === 'credentials') {
      throw new CredentialsError(
        text.noCredentials(credentialsHint(text), error.expected.replace(/^none found \((.*)\)$/, '$1')),
      );
    }
    throw error;
  }
}
