// Marks the summary against --since's snapshot (read before the listing, so a bad file sends nothing);
// the snapshot's warnings go to stderr.

import { type Messages, messagesFor } from '../../shared/messages.js';
import type { DecodedRecord } from '../../shared/records.js';
import { compareListings, duplicateWarnings } from '../diff/compare.js';
import type { SnapshotRecords } from '../diff/snapshot-file.js';
import { type SinceMarks, sinceMarks } from './since.js';
import type { Summary } from './summarize.js';

export function summarySince(
  summary: Summary,
  records: readonly DecodedRecord[],
  since: string,
  snapshot: SnapshotRecords,
  warn: (line: string) => void,
  text: Messages = messagesFor('en'),
): SinceMarks {
  const name = since === '-' ? 'stdin' : since;
  const comparison = compareListings(snapshot.records, records);
  [...snapshot.warnings, ...duplicateWarnings(comparison, name, text.liveListing, text)].forEach(warn);
  return sinceMarks(summary, comparison, name);
}
