// `@sms-errors/client/env`: credentials from where Huawei's tools keep them (the environment, the SDKs'
// profile file, KooCLI's configuration, an IAM user, an ECS agency), as a separate entry point: it is for
// Node, and neither browsers nor the main entry's size budget should carry it.

import { credentialVariables as names } from './credential-variables.js';
import type { CredentialOptions } from './credentials.js';
import { SmsValidationError } from './errors.js';

export { type AkSkProviderOptions, type AkSkSource, akSkProvider } from './aksk-provider.js';
export {
  type CredentialSource,
  forcibleSources,
  type ResolveCredentialsOptions,
  type ResolvedCredentials,
  resolveCredentials,
} from './credential-chain.js';
export { SmsCredentialsError, SmsIamError } from './credential-errors.js';
export { maskAk, permissionWarning } from './credential-files.js';
export { type CredentialVariable, credentialVariables } from './credential-variables.js';
export type { CredentialProvider } from './credentials.js';
export { type EcsMetadataOptions, ecsAgencyCredentials, type TemporaryCredentials } from './ecs-metadata.js';
export { CLOCK_HINT_MS, clockSkewOf, describeClockSkew } from './gateway-refusal.js';
export { akLockout, credentialSources, iam, maxClockSkewSeconds } from './generated/credential-facts.js';
export {
  type IamCredentials,
  type IamProviderOptions,
  type IamToken,
  type IamTokenProvider,
  iamEndpointFor,
  iamTokenProvider,
} from './iam-token.js';

const AKSK_VARIABLES = `${names.ak}, ${names.sk} and ${names.projectId}`;

/**
 * Credentials from the environment only, named as Huawei's SDKs name them (`HUAWEICLOUD_SDK_AK`, `_SK`,
 * `_PROJECT_ID`, `_SECURITY_TOKEN`), or `SMS_AUTH_TOKEN` for a token. AK/SK wins when both are set. A half-set
 * AK/SK pair is an SmsValidationError. `resolveCredentials` is the whole chain.
 */
export function credentialsFromEnv(
  env: Record<string, string | undefined> = (globalThis as { process?: { env: Record<string, string | undefined> } })
    .process?.env ?? {},
): Pick<CredentialOptions, 'token' | 'credentials'> {
  const ak = env[names.ak];
  const sk = env[names.sk];
  const projectId = env[names.projectId];
  const securityToken = env[names.securityToken];
  if (ak || sk) {
    const missing = !ak ? names.ak : !sk ? names.sk : !projectId ? names.projectId : undefined;
    if (missing) {
      throw new SmsValidationError(missing, `set: AK/SK signing needs ${AKSK_VARIABLES}`);
    }
    return { credentials: { ak: ak!, sk: sk!, projectId: projectId!, ...(securityToken ? { securityToken } : {}) } };
  }
  const token = env[names.token];
  return token ? { token } : {};
}
