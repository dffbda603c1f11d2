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
  /** Failing now, not before; in the order of `after` (servers with a `source_id` first, then the others). */
  new: T[];
  /** Failing before, not now; in the order of `before` (servers with a `source_id` first, then the others). */
  resolved: T[];
  /** Failing in both with another code or other parameters; in the order of `after`, as `new`. */
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

/** Equal texts are the same reason without decoding: most servers of a wave fail as they did. */
function sameReason(before: DiffableMigrationError, after: DiffableMigrationError): boolean {
  return before.error_json === after.error_json || reasonOf(before) === reasonOf(after);
}

/** The `name` and `source_ip` of a server without `source_id`, as one key that keeps them apart. */
const nameKey = (record: DiffableMigrationError): string => JSON.stringify([record.name, record.source_ip]);

/**
 * A snapshot by identity: the first record of each (in the snapshot's order, as a Map keeps it), and apart,
 * every record of identities held twice or more. Keyed by `source_id` itself (and by name and address in a
 * map of their own), so that indexing a whole account builds no key string per record.
 */
interface Indexed<T> {
  byId: Map<string, T>;
  byName: Map<string, T>;
  /** By migrationErrorIdentity. */
  repeated: Map<string, T[]>;
}

function byIdentity<T extends DiffableMigrationError>(records: readonly T[]): Indexed<T> {
  const index: Indexed<T> = { byId: new Map(), byName: new Map(), repeated: new Map() };
  for (const record of records) {
    const [map, key] = record.source_id !== '' ? [index.byId, record.source_id] : [index.byName, nameKey(record)];
    const earlier = map.get(key);
    if (earlier === undefined) {
      map.set(key, record);
      continue;
    }
    const identity = migrationErrorIdentity(record);
    const group = index.repeated.get(identity);
    if (group === undefined) {
      index.repeated.set(identity, [earlier, record]);
    } else {
      group.push(record);
    }
  }
  return index;
}

/** The first record of `record`'s identity in `index`. */
function firstOf<T extends DiffableMigrationError>(index: Indexed<T>, record: DiffableMigrationError): T | undefined {
  return record.source_id !== '' ? index.byId.get(record.source_id) : index.byName.get(nameKey(record));
}

/** Compares two snapshots; pure (neither array nor record is changed) and independent of record order. */
export function diffMigrationErrors<T extends DiffableMigrationError>(
  before: readonly T[],
  after: readonly T[],
): MigrationErrorsDiff<T> {
  const earlier = byIdentity(before);
  const later = byIdentity(after);
  const diff: MigrationErrorsDiff<T> = { new: [], resolved: [], changed: [], unchanged: [], duplicates: [] };
  const duplicated = new Set([...earlier.repeated.keys(), ...later.repeated.keys()]);
  for (const identity of duplicated) {
    // A record of the identity, to find its single record on the side where it is not repeated.
    const sample = (earlier.repeated.get(identity) ?? later.repeated.get(identity))![0]!;
    const all = (index: Indexed<T>): T[] => {
      const single = firstOf(index, sample);
      return index.repeated.get(identity) ?? (single === undefined ? [] : [single]);
    };
    diff.duplicates.push({ identity, before: all(earlier), after: all(later) });
  }
  // Identities are only built when some are held twice: the common case compares by the maps alone.
  const isDuplicated = (record: T) => duplicated.size > 0 && duplicated.has(migrationErrorIdentity(record));
  // Each identity once, at its first record: the maps hold exactly those, in the order of the snapshot; the
  // servers with a source_id first, then those without (each group in the snapshot's order).
  for (const [key, record] of later.byId) {
    classify(record, earlier.byId.get(key));
  }
  for (const [key, record] of later.byName) {
    classify(record, earlier.byName.get(key));
  }
  function classify(record: T, previous: T | undefined): void {
    if (isDuplicated(record)) {
      return;
    }
    if (previous === undefined) {
      diff.new.push(record);
    } else if (sameReason(previous, record)) {
      diff.unchanged.push(record);
    } else {
      diff.changed.push({ before: previous, after: record });
    }
  }
  for (const [key, record] of earlier.byId) {
    if (!later.byId.has(key) && !isDuplicated(record)) {
      diff.resolved.push(record);
    }
  }
  for (const [key, record] of earlier.byName) {
    if (!later.byName.has(key) && !isDuplicated(record)) {
      diff.resolved.push(record);
    }
  }
  return diff;
}
