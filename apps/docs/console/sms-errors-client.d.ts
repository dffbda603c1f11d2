// The client's browser bundle (packages/client/dist/browser/sms-errors-client.js), as the console imports it.
// scripts/build-console.mjs resolves `virtual:sms-errors-client` to that very file, so the page runs the
// bundle a program without a bundler gets, not a copy built for the docs. Its types are those of the
// package's own entries, which the bundle re-exports (packages/client/src/browser-bundle.ts); a name the
// bundle does not export fails the console's build.
declare module 'virtual:sms-errors-client' {
  export * from '@sms-errors/client';
  export {
    type DecodedError,
    decodeErrorJson,
    errorCategoryText,
    lookupErrorCode,
    type SmsErrorCategory,
    type SmsErrorLanguage,
    smsErrorCategories,
  } from '@sms-errors/client/decode/zh';
  export {
    diffMigrationErrors,
    type MigrationErrorsDiff,
    migrationErrorIdentity,
    readSnapshot,
    type Snapshot,
    SnapshotError,
  } from '@sms-errors/client/diff';
}
