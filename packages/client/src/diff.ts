// The diff entry (`@sms-errors/client/diff`): compare two snapshots of failing servers and read a saved
// snapshot. Its own entry so that the main bundle carries none of it; it brings the decoder (and with it the
// catalogue), which the comparison of error codes and parameters uses.
export {
  type ChangedMigrationError,
  type DiffableMigrationError,
  type DuplicateIdentity,
  diffMigrationErrors,
  type MigrationErrorsDiff,
  migrationErrorIdentity,
} from './diff-migration-errors.js';
export { readSnapshot, type Snapshot, SnapshotError } from './read-snapshot.js';
