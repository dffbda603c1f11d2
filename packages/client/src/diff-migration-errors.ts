// Compares two snapshots of failing servers: which failed newly, which recovered, which now fail for
// another reason. A server has no stable key in every answer (a source can be listed before SMS gives it an
// ID), so it is identified by `source_id` and, where that is empty, by `name` with `source_ip`. Two records
// with one identity in the same snapshot are reported apart rather than merged, since either might be the
// one the operator cares about.
import { decodeErrorJson } from './decode-error-json.js';

/** What the diff reads of a record; every other field is carried through untouched. */
export interface DiffableMigrationError {
  name: string;
  source_id: string;
  source_ip: string;
  error_json: string;
}

/** A server failing in both snapshots with another error code or other parameters. */
export interface ChangedMigrationError<T> {
  before: T;
  after: T;
}

/** An identity held by more than one record in one snapshot (or both): left out of the four classes. */
export interface DuplicateIdentity<T> {
  /** The identity, as migrationErrorIdentity returns it. */
  identity: string;
  before: T[];
  after: T[];
}

export interface MigrationErrorsDiff<T> {
  /** Failing now, not before; in the order of `after`. */
  new: T[];
  /** Failing before, not now; in the order of `before`. */
  resolved: T[];
  /** Failing in both with another code or other parameters; in the order of `after`. */
  changed: ChangedMigrationError<T>[];
  /** Failing in both for the same reason (the records of `after`). */
  unchanged: T[];
  /** Identities held by several records of one snapshot; their records take no part in the classes above. */
  duplicates: DuplicateIdentity<T>[];
}

/**
 * The key a server is known by across snapshots: `id:` and its `source_id`, or, when that is empty,
 * `name:` and the JSON of `[name, source_ip]` (so that no name or address can run into the other).
 */
export function migrationErrorIdentity(record: DiffableMigrationError): string {
  return record.source_id !== '' ? `id:${record.source_id}` : `name:${JSON.stringify([record.name, record.source_ip])}`;
}

/**
 * What "the same reason" compares: the decoded code and parameters, so that whitespace or key order inside
 * `error_json` is no change; an unreadable `error_json` compares as its raw text.
 */
function reasonOf(record: DiffableMigrationError): string {
  const { code, params } = decodeErrorJson(record.error_json);
  return code === undefined ? `raw:${String(record.error_json)}` : JSON.stringify([code, params]);
}

/** Records by identity, in first-seen order; identities with more than one record listed apart. */
function byIdentity<T extends DiffableMigrationError>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const identity = migrationErrorIdentity(record);
    const group = groups.get(identity);
    if (group === undefined) groups.set(identity, [record]);
    else group.push(record);
  }
  return groups;
}

/** Compares two snapshots; pure (neither array nor record is changed) and independent of record order. */
export function diffMigrationErrors<T extends DiffableMigrationError>(before: readonly T[], after: readonly T[]): MigrationErrorsDiff<T> {
  const beforeGroups = byIdentity(before);
  const afterGroups = byIdentity(after);
  const diff: MigrationErrorsDiff<T> = { new: [], resolved: [], changed: [], unchanged: [], duplicates: [] };
  const duplicated = new Set<string>();
  for (const [identity, group] of [...beforeGroups, ...afterGroups]) {
    if (group.length > 1 && !duplicated.has(identity)) {
      duplicated.add(identity);
      diff.duplicates.push({ identity, before: beforeGroups.get(identity) ?? [], after: afterGroups.get(identity) ?? [] });
    }
  }
  for (const [identity, [record]] of afterGroups) {
    if (duplicated.has(identity)) continue;
    const earlier = beforeGroups.get(identity)?.[0];
    if (earlier === undefined) diff.new.push(record!);
    else if (reasonOf(earlier) !== reasonOf(record!)) diff.changed.push({ before: earlier, after: record! });
    else diff.unchanged.push(record!);
  }
  for (const [identity, [record]] of beforeGroups) {
    if (!duplicated.has(identity) && !afterGroups.has(identity)) diff.resolved.push(record!);
  }
  return diff;
}
