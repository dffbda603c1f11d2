// One page of failed source servers, with an IAM token.
import { createSmsClient, SmsApiError } from '@sms-errors/client';
import { decodeErrorJson } from '@sms-errors/client/decode';

// A project-scoped IAM token: the X-Subject-Token response
// header of IAM's POST /v3/auth/tokens.
const token = process.env.SMS_AUTH_TOKEN;
if (!token) {
  throw new Error('Set SMS_AUTH_TOKEN');
}

const sms = createSmsClient({
  region: 'cn-north-4',
  token,
});
try {
  const page = await sms.listMigrationErrors({
    limit: 10,
    offset: 0,
  });
  console.log(`${page.count} failed source servers`);
  for (const server of page.migration_errors) {
    // error_json is a JSON string: decode code and message.
    const error = decodeErrorJson(server.error_json);
    const why = error.code === undefined ? error.reason : `${error.code} ${error.message ?? ''}`;
    console.log(server.name, server.source_ip, why);
  }
} catch (error) {
  if (!(error instanceof SmsApiError)) {
    throw error;
  }
  // Quote requestId (X-Request-Id) to Huawei support.
  const { status, errorCode, errorMsg, requestId } = error;
  console.error(status, errorCode, errorMsg, requestId);
}
