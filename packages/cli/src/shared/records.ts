// The records as the CLI prints them: each record as the API sent it, plus `decoded`, its `error_json`
// read by the client's decodeErrorJson with the catalogue's diagnosis. `--output json` and `ndjson` print
// these; the table and CSV show some of their fields.
import type { MigrationError } from '@sms-errors/client';
import { type DecodedKnownError, decodeErrorJson } from '@sms-errors/client/decode/zh';
import type { Language } from './messages.js';

/** `T` with every field also allowing null: the JSON outputs print null where the catalogue has nothing. */
export type Nullable<T> = { [K in keyof T]-?: Exclude<T[K], undefined> | null };

/**
 * A record's decoded `error_json`: the client's DecodedError (its fields and their meaning), with null for
 * what is missing, so that known, unknown and unreadable codes print with one shape. `reason` says why
 * `error_json` could not be read, and is only present then.
 */
export type Decoded = Nullable<Pick<DecodedKnownError, 'code' | 'message' | 'category' | 'action' | 'status'>> &
  Pick<DecodedKnownError, 'params'> & { reason?: string };

export type DecodedRecord = MigrationError & { decoded: Decoded };

/** What `--output json` prints for `list`: the API's page shape, with every record decoded. */
export interface JsonOutput {
  /** The `count` the service announced: all failed servers, whatever `--limit` and `--offset`. */
  count: number;
  migration_errors: DecodedRecord[];
}

// `summary` decodes every record of an account (up to 65,535), so this is on the benchmark's path: the
// decoded field is built in one go, and the record copied with Object.assign, which V8 runs faster here than
// `{ ...record, decoded }` (both keep any field the service adds; the figures are in BENCHMARKS.md, Decoding). decoderFor(lang) gives the
// decoder of a language (the catalogue's texts in it).
export function decoderFor(lang: Language): (record: MigrationError) => DecodedRecord {
  const options = { lang };
  return (record) => {
    const { code, params, message, category, action, status, reason } = decodeErrorJson(record.error_json, options);
    const decoded: Decoded =
      code === undefined
        ? { code: null, params: [], message: null, category: null, action: null, status: null, reason: reason }
        : {
            code,
            params,
            message: message ?? null,
            category: category ?? null,
            action: action ?? null,
            status: status ?? null,
          };
    return Object.assign({}, record, { decoded });
  };
}

/** A record decoded in English: `records.map(decodeRecord)` (one argument, so map's index is not taken for a language). */
export const decodeRecord: (record: MigrationError) => DecodedRecord = decoderFor('en');
