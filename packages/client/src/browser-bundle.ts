// The entry of the browser bundle, dist/browser/sms-errors-client.js (scripts/build-browser.mjs): one ES
// module a page loads with <script type="module"> and no bundler, as the browser tests and the docs' try-it
// console do. It carries the main entry and the optional parts a page can use; not the environment reader,
// as a page has no environment. decodeErrorJson brings the whole catalogue in, so its lookups (a code's
// entry, the categories' titles) cost the bundle next to nothing. It is the decode entry with Chinese
// (decode/zh): the docs' console shows decoded errors in its page's language. The diff uses the
// decoder, so it costs the bundle next to nothing too; the raw openapi-fetch client is there as well.

export {
  type DecodedError,
  decodeErrorJson,
  errorCategoryText,
  lookupErrorCode,
  type SmsErrorLanguage,
  smsErrorCategories,
} from './decode-zh.js';
export { diffMigrationErrors, migrationErrorIdentity, readSnapshot, SnapshotError } from './diff.js';
export * from './index.js';
export { createRawSmsClient } from './raw.js';
export { strictResponses } from './strict.js';
