// A snapshot is whatever an operator saved of a listing: `sms-errors list --all --output json` (the API's
// page shape, records with `decoded`), `--output ndjson` (one record a line), or a page of the API as it
// came, `{count, migration_errors}`. The reader takes any of them and checks the fields the diff reads, so
// that a wrong file is refused with the line or index at fault instead of diffing as "everything resolved".
import type { DiffableMigrationError } from './diff-migration-errors.js';

/** A snapshot that cannot be read: not JSON or NDJSON, or a record without the fields the diff needs. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

export interface Snapshot<T extends DiffableMigrationError = DiffableMigrationError & Record<string, unknown>> {
  /** The records as they were saved, every field kept. */
  records: T[];
  /**
   * The `count` a page or `list --output json` announced; undefined for NDJSON. Above `records.length`, the
   * snapshot is one page of a longer listing, and servers beyond it would diff as new or resolved.
   */
  count: number | undefined;
  format: 'page' | 'ndjson' | 'array';
}

const REQUIRED_FIELDS = ['name', 'source_id', 'source_ip', 'error_json'] as const;

// `where` names the record only when it is at fault: a snapshot holds up to 65,535 records, and a message
// built for each of them would cost more than the check.
function checkRecord(value: unknown, where: () => string): DiffableMigrationError & Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SnapshotError(`${where()} is not a record (an object)`);
  }
  const record = value as Record<string, unknown>;
  for (const field of REQUIRED_FIELDS) {
    if (typeof record[field] !== 'string') {
      throw new SnapshotError(`${where()} has no ${field} string`);
    }
  }
  return record as DiffableMigrationError & Record<string, unknown>;
}

function fromDocument(document: unknown): Snapshot {
  if (Array.isArray(document)) {
    return {
      records: document.map((value, index) => checkRecord(value, () => `record ${index}`)),
      count: undefined,
      format: 'array',
    };
  }
  const page = Object(document) as { count?: unknown; migration_errors?: unknown };
  if (Array.isArray(page.migration_errors)) {
    const count =
      typeof page.count === 'number' && Number.isInteger(page.count) && page.count >= 0 ? page.count : undefined;
    return {
      records: page.migration_errors.map((value, index) => checkRecord(value, () => `migration_errors[${index}]`)),
      count,
      format: 'page',
    };
  }
  // A lone record is an NDJSON snapshot of one line.
  return { records: [checkRecord(document, () => 'line 1')], count: undefined, format: 'ndjson' };
}

/** Reads a snapshot from its text; throws SnapshotError naming the place at fault. Empty text is no failing server. */
export function readSnapshot(text: string): Snapshot {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A test of the whole text, not trim(), which may copy all of it.
  if (/^\s*$/.test(body)) {
    return { records: [], count: undefined, format: 'ndjson' };
  }
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    // Not one document: read it as NDJSON, one record a line, blank lines skipped.
    const records: Snapshot['records'] = [];
    const lines = body.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!.trim();
      if (line === '') {
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new SnapshotError(
          `line ${index + 1} is not JSON: a snapshot is list's json or ndjson output, or a saved page {count, migration_errors}`,
        );
      }
      records.push(checkRecord(value, () => `line ${index + 1}`));
    }
    return { records, count: undefined, format: 'ndjson' };
  }
  return fromDocument(document);
}
