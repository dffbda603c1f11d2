// The credentials every runtime run sends to the sandbox: its documented test credentials, which its gateway
// verifies (a wrong signature is a 401), so an AK/SK run that passes proves the runtime signs correctly.
import { sandboxTestCredentials } from '@sms-errors/mock';

export const testCredentials = {
  ak: sandboxTestCredentials.ak,
  sk: sandboxTestCredentials.sk,
  projectId: sandboxTestCredentials.projectId,
};

/** An IAM token for the token runs (the sandbox, configured with no token, checks its bounds only). */
export const testToken = 'runtimes-test-token';
