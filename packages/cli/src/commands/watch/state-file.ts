// watch's state: the last sweep's records, kept between runs in a file that is itself a snapshot (a page
// `{count, migration_errors}` with when and where it was taken), so `sms-errors diff STATE` reads it too.
// It is written whole or not at all: write-file-atomic writes a temporary file beside it and renames it over
// the old one, so a process killed while writing leaves the old state readable. Mode 0600: it names the
// account's servers and addresses.
import { stat } from 'node:fs/promises';
import type { MigrationError } from '@sms-errors/client';
import writeFileAtomic from 'write-file-atomic';
import { printable } from '../../output/one-line.js';
import { type Messages, messagesFor } from '../../shared/messages.js';
import { readSnapshotFile, SnapshotFileError } from '../diff/snapshot-file.js';

/** The state file cannot be read, is no snapshot, or cannot be written; its message names the file. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

export interface WatchState {
  taken_at: string;
  endpoint: string;
  count: number;
  migration_errors: MigrationError[];
}

/** The state's records; undefined when there is no state file yet (the first run). */
export async function readState(
  path: string,
  text: Messages = messagesFor('en'),
): Promise<MigrationError[] | undefined> {
  try {
    await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
  }
  try {
    return (await readSnapshotFile(path, () => Promise.reject(new Error('no stdin')), text)).records;
  } catch (error) {
    if (error instanceof SnapshotFileError) {
      throw new StateFileError(text.stateUnreadable(error.message));
    }
    throw error;
  }
}

/** The records as the API sent them: `decoded` is recomputed on every read, so it is not stored. */
export function stateOf(records: readonly MigrationError[], takenAt: string, endpoint: string): WatchState {
  const plain = records.map((record) => {
    const { decoded: _decoded, ...fields } = record as MigrationError & { decoded?: unknown };
    return fields;
  });
  return { taken_at: takenAt, endpoint, count: plain.length, migration_errors: plain };
}

export async function writeState(path: string, state: WatchState, text: Messages = messagesFor('en')): Promise<void> {
  try {
    await writeFileAtomic(path, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StateFileError(text.stateUnwritable(printable(path), code));
  }
}
