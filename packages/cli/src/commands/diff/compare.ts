// The comparison as the CLI prints it: the client's diffMigrationErrors on the decoded records, so that
// every record in every output carries `decoded`, as `list --output json` prints it.
import type { MigrationError } from '@sms-errors/client';
import { diffMigrationErrors, type MigrationErrorsDiff } from '@sms-errors/client/diff';
import { type Messages, messagesFor } from '../../shared/messages.js';
import { type DecodedRecord, decodeRecord } from '../../shared/records.js';

export type Comparison = MigrationErrorsDiff<DecodedRecord>;

/** One line per identity held by several records of a snapshot: they are left out of every class. */
export function duplicateWarnings(
  comparison: Comparison,
  beforeName: string,
  afterName: string,
  text: Messages = messagesFor('en'),
): string[] {
  return comparison.duplicates.map(({ identity, before, after }) =>
    text.duplicateIdentity(identity, before.length, beforeName, after.length, afterName),
  );
}

/** `decode` gives the catalogue's texts in the run's language (decoderFor(lang)); English by default. */
export function compareListings(
  before: readonly MigrationError[],
  after: readonly MigrationError[],
  decode: (record: MigrationError) => DecodedRecord = decodeRecord,
): Comparison {
  return diffMigrationErrors(before.map(decode), after.map(decode));
}
