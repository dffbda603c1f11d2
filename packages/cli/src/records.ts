// The records as the CLI prints them: each record as the API sent it, plus `decoded`, its `error_json`
// read by the client's decodeErrorJson. `--json` prints these; the table shows a few of their fields.
import type { MigrationError } from '@sms-errors/client';
import { decodeErrorJson } from '@sms-errors/client/decode';

export interface Decoded {
  /** The SMS error code, such as `SMS.2802`; null when `error_json` cannot be read. */
  code: string | null;
  /** `error_param`, decoded. */
  params: string[];
  /** The catalogue's message with the parameters filled in; null for an unknown code or unreadable JSON. */
  message: string | null;
  /** Why `error_json` could not be read; only present then. */
  reason?: string;
}

export type DecodedRecord = MigrationError & { decoded: Decoded };

/** What `--json` prints: the API's page shape, with every record decoded. */
export interface JsonOutput {
  /** The `count` the service announced: all failed servers, whatever `--limit` and `--offset`. */
  count: number;
  migration_errors: DecodedRecord[];
}

export function decodeRecord(record: MigrationError): DecodedRecord {
  const decoded = decodeErrorJson(record.error_json);
  return {
    ...record,
    decoded:
      decoded.code === undefined
        ? { code: null, params: [], message: null, reason: decoded.reason }
        : { code: decoded.code, params: decoded.params, message: decoded.message ?? null },
  };
}
