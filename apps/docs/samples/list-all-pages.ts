// Every failed source server, page after page.
import { createSmsClient, SmsPaginationError } from '@sms-errors/client';
import { credentialsFromEnv } from '@sms-errors/client/env';

// AK/SK if HUAWEICLOUD_SDK_AK, _SK and _PROJECT_ID are set,
// else the IAM token in SMS_AUTH_TOKEN.
const sms = createSmsClient({
  region: 'cn-north-4',
  ...credentialsFromEnv(),
});

try {
  // Record offset: each page starts at offset + limit.
  const servers = sms.paginateMigrationErrors(
    {},
    {
      onPage: ({ received, count }) => console.error(`${received} of ${count}`),
    },
  );
  for await (const server of servers) {
    console.log(server.name, server.error_json);
  }

  // Or all in one array, 4 page requests at a time once
  // the first page has told the count.
  const all = await sms.listAllMigrationErrors(
    {},
    {
      concurrency: 4,
    },
  );
  console.log(`${all.length} failed source servers`);
} catch (error) {
  if (!(error instanceof SmsPaginationError)) {
    throw error;
  }
  // A page came back short, empty or overlapping before
  // `count` records: list again rather than trust it.
  const { offset, received, count } = error;
  console.error(`offset ${offset}: ${received}/${count}`);
}
