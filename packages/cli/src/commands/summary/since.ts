// `summary --since SNAPSHOT`: which code groups and servers are new or changed against a snapshot. A group
// is new when no server of the snapshot had its code, changed when some of its servers came to it since
// (newly failing, or failing before with another error); a server is new or changed as diff classes it.
// Marked servers are listed first in their group, so the table's first lines show what moved.
import { migrationErrorIdentity } from '@sms-errors/client/diff';
import type { DecodedRecord } from '../../shared/records.js';
import type { Comparison } from '../diff/compare.js';
import type { Summary } from './summarize.js';

export type SinceMark = 'new' | 'changed';

export interface SinceMarks {
  /** The snapshot's name, as the output mentions it. */
  snapshot: string;
  group(code: string | null): SinceMark | undefined;
  server(record: DecodedRecord): SinceMark | undefined;
  counts: { new: number; changed: number; resolved: number };
}

export function sinceMarks(summary: Summary, comparison: Comparison, snapshot: string): SinceMarks {
  const servers = new Map<string, SinceMark>();
  for (const record of comparison.new) {
    servers.set(migrationErrorIdentity(record), 'new');
  }
  for (const { after } of comparison.changed) {
    servers.set(migrationErrorIdentity(after), 'changed');
  }
  const codesBefore = new Set<string | null>(
    [
      ...comparison.resolved,
      ...comparison.unchanged,
      ...comparison.changed.map(({ before }) => before),
      ...comparison.duplicates.flatMap(({ before }) => before),
    ].map((record) => record.decoded.code),
  );
  const server = (record: DecodedRecord) => servers.get(migrationErrorIdentity(record));
  const groups = new Map<string | null, SinceMark>();
  for (const group of summary.codes) {
    if (!codesBefore.has(group.code)) {
      groups.set(group.code, 'new');
    } else if (group.records.some((record) => server(record) !== undefined)) {
      groups.set(group.code, 'changed');
    }
    // Marked servers first, each part in its listed order.
    group.records = [
      ...group.records.filter((record) => server(record) !== undefined),
      ...group.records.filter((record) => server(record) === undefined),
    ];
  }
  return {
    snapshot,
    group: (code) => groups.get(code),
    server,
    counts: { new: comparison.new.length, changed: comparison.changed.length, resolved: comparison.resolved.length },
  };
}
