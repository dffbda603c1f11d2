// `sms-errors diff BEFORE [AFTER]`: two snapshots, or one and the live listing (every page, read as
// `list --all` reads it, with the same flags and credentials). Returns the comparison and the warnings to
// print on stderr; printing and --fail-on are run.ts's.
import type { MigrationError } from '@sms-errors/client';
import type { Messages } from '../../shared/messages.js';
import type { DecodedRecord } from '../../shared/records.js';
import { type Comparison, compareListings, duplicateWarnings } from './compare.js';
import { type ReadStdin, readSnapshotFile } from './snapshot-file.js';

export interface DiffSources {
  before: string;
  after: string | undefined;
  readStdin: ReadStdin;
  /** Lists every page now; called only when AFTER is not given. */
  listLive: () => Promise<MigrationError[]>;
  /** Decodes a record in the run's language. */
  decode: (record: MigrationError) => DecodedRecord;
  /** The run's language, for the warnings and the errors of a snapshot. */
  text: Messages;
}

export async function diff({
  before,
  after,
  readStdin,
  listLive,
  decode,
  text,
}: DiffSources): Promise<{ comparison: Comparison; warnings: string[] }> {
  // Both files first: a bad file fails before any request is sent.
  const earlier = await readSnapshotFile(before, readStdin, text);
  const later = after === undefined ? undefined : await readSnapshotFile(after, readStdin, text);
  const records = later?.records ?? (await listLive());
  const comparison = compareListings(earlier.records, records, decode);
  const names = [
    before === '-' ? 'stdin' : before,
    after === undefined ? text.liveListing : after === '-' ? 'stdin' : after,
  ];
  return {
    comparison,
    warnings: [
      ...earlier.warnings,
      ...(later?.warnings ?? []),
      ...duplicateWarnings(comparison, names[0]!, names[1]!, text),
    ],
  };
}
