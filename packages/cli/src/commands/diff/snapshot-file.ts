// Reads a snapshot argument of diff and summary --since: a file, or `-` for stdin, in any shape the client's
// readSnapshot takes (list's json or ndjson, a saved page). A file that cannot be read or is no snapshot is
// the command line's fault: one line naming the file and the place, exit 2, and nothing is compared.
import { readFile } from 'node:fs/promises';
import type { MigrationError } from '@sms-errors/client';
import { readSnapshot, SnapshotError } from '@sms-errors/client/diff';
import { printable } from '../../output/one-line.js';
import { type Messages, messagesFor } from '../../shared/messages.js';

/** A snapshot argument that cannot be used; its message names the file. */
export class SnapshotFileError extends Error {
  override name = 'SnapshotFileError';
}

export interface SnapshotRecords {
  /** The records as MigrationError (a field a snapshot lacks, host_name or target_ip, is null). */
  records: MigrationError[];
  /** Why the comparison may mislead (a snapshot of one page of a longer listing); printed on stderr. */
  warnings: string[];
}

export type ReadStdin = () => Promise<string>;

const label = (argument: string) => (argument === '-' ? 'stdin' : printable(argument));

export async function readSnapshotFile(
  argument: string,
  readStdin: ReadStdin,
  text: Messages = messagesFor('en'),
): Promise<SnapshotRecords> {
  let content: string;
  try {
    content = argument === '-' ? await readStdin() : await readFile(argument, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SnapshotFileError(text.cannotReadSnapshot(label(argument), code));
  }
  try {
    const snapshot = readSnapshot(content);
    // The decoded field a snapshot of list --json carries is dropped: the records are decoded again here.
    const records = snapshot.records.map(
      ({ decoded: _decoded, ...record }) =>
        ({
          ...record,
          host_name: record['host_name'] ?? null,
          target_ip: record['target_ip'] ?? null,
        }) as MigrationError,
    );
    const warnings =
      snapshot.count !== undefined && snapshot.count > records.length
        ? [text.partialSnapshot(label(argument), records.length, snapshot.count)]
        : [];
    return { records, warnings };
  } catch (error) {
    if (error instanceof SnapshotError) {
      throw new SnapshotFileError(text.notASnapshot(label(argument), error.message));
    }
    throw error;
  }
}
