// Credentials from the environment, as a separate entry point (`@sms-errors/client/env`): it is for Node
// and other runtimes with environment variables, and browsers bundling the client should not carry it.
import { SmsValidationError } from './errors.js';
import type { CredentialOptions } from './credentials.js';

const AKSK_VARIABLES = 'HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_PROJECT_ID';

/**
 * Credentials from the environment, named as Huawei's SDKs name them: `HUAWEICLOUD_SDK_AK`,
 * `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_PROJECT_ID`, `HUAWEICLOUD_SDK_SECURITY_TOKEN`; or `SMS_AUTH_TOKEN`
 * for a token. AK/SK wins when both are set. A half-set AK/SK pair is an SmsValidationError.
 */
export function credentialsFromEnv(
  env: Record<string, string | undefined> = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {},
): Pick<CredentialOptions, 'token' | 'credentials'> {
  const ak = env['HUAWEICLOUD_SDK_AK'];
  const sk = env['HUAWEICLOUD_SDK_SK'];
  const projectId = env['HUAWEICLOUD_SDK_PROJECT_ID'];
  const securityToken = env['HUAWEICLOUD_SDK_SECURITY_TOKEN'];
  if (ak || sk) {
    const missing = !ak ? 'HUAWEICLOUD_SDK_AK' : !sk ? 'HUAWEICLOUD_SDK_SK' : !projectId ? 'HUAWEICLOUD_SDK_PROJECT_ID' : undefined;
    if (missing) throw new SmsValidationError(missing, `set: AK/SK signing needs ${AKSK_VARIABLES}`);
    return { credentials: { ak: ak!, sk: sk!, projectId: projectId!, ...(securityToken ? { securityToken } : {}) } };
  }
  const token = env['SMS_AUTH_TOKEN'];
  return token ? { token } : {};
}
