// One page of failed source servers, signed with AK/SK.
import { createSmsClient } from '@sms-errors/client';

// Access keys: console, My Credentials > Access Keys.
// The project ID is that of the region's project.
const { HUAWEICLOUD_SDK_AK: ak, HUAWEICLOUD_SDK_SK: sk, HUAWEICLOUD_SDK_PROJECT_ID: projectId } = process.env;
if (!ak || !sk || !projectId) {
  throw new Error('Set HUAWEICLOUD_SDK_AK/_SK/_PROJECT_ID');
}

// Every attempt is signed afresh (SDK-HMAC-SHA256); the SK
// only keys the signature and is never sent.
const sms = createSmsClient({
  region: 'cn-north-4',
  credentials: { ak, sk, projectId },
});
const page = await sms.listMigrationErrors({
  limit: 10,
  offset: 0,
});
for (const server of page.migration_errors) {
  console.log(server.name, server.source_ip);
}
console.log(`${page.count} failed source servers`);
