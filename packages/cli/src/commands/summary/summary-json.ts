// The JSON shape of `summary --output json` and `ndjson`: the grouping with, for each code, every affected
// server as a small object (its identity, its parameters and the message they fill), not the whole record.
import type { DecodedRecord } from '../../shared/records.js';
import type { SinceMark, SinceMarks } from './since.js';
import type { CategoryTotal, CodeGroup, Summary } from './summarize.js';

/** One server of a group, with the values its error came with. */
export interface AffectedServer {
  name: string;
  source_id: string;
  source_ip: string;
  target_ip: string | null;
  host_name: string | null;
  params: string[];
  /** The message with this server's parameters filled in; null when the code is not in the catalogue. */
  message: string | null;
  /** Why this server's error_json cannot be read; only in the unreadable group. */
  reason?: string;
  /** With --since: new or changed against the snapshot, null otherwise. */
  since?: SinceMark | null;
}

/** With --since, `since` is the group's mark: new, changed or null. */
export type CodeGroupJson = Omit<CodeGroup, 'records'> & { affected: AffectedServer[]; since?: SinceMark | null };

export interface SummaryJson {
  count: number;
  codes: CodeGroupJson[];
  categories: CategoryTotal[];
  unknown: Summary['unknown'];
  unreadable: Summary['unreadable'];
  /** With --since: the snapshot and how many servers are new, changed and resolved against it. */
  since?: { snapshot: string; new: number; changed: number; resolved: number };
}

function affected({ name, source_id, source_ip, target_ip, host_name, decoded }: DecodedRecord): AffectedServer {
  return {
    name,
    source_id,
    source_ip,
    target_ip,
    host_name,
    params: decoded.params,
    message: decoded.message,
    ...(decoded.reason !== undefined ? { reason: decoded.reason } : {}),
  };
}

export function groupJson({ records, ...group }: CodeGroup, marks?: SinceMarks): CodeGroupJson {
  if (marks === undefined) {
    return { ...group, affected: records.map(affected) };
  }
  return {
    ...group,
    since: marks.group(group.code) ?? null,
    affected: records.map((record) => ({ ...affected(record), since: marks.server(record) ?? null })),
  };
}

export function summaryJson(summary: Summary, marks?: SinceMarks): SummaryJson {
  const codes = summary.codes.map((group) => groupJson(group, marks));
  return marks === undefined
    ? { ...summary, codes }
    : { ...summary, codes, since: { snapshot: marks.snapshot, ...marks.counts } };
}
