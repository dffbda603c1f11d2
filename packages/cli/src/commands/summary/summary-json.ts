// The JSON shape of `summary --output json` and `ndjson`: the grouping with, for each code, every affected
// server as a small object (its identity, its parameters and the message they fill), not the whole record.
import type { DecodedRecord } from '../../shared/records.js';
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
}

export type CodeGroupJson = Omit<CodeGroup, 'records'> & { affected: AffectedServer[] };

export interface SummaryJson {
  count: number;
  codes: CodeGroupJson[];
  categories: CategoryTotal[];
  unknown: Summary['unknown'];
  unreadable: Summary['unreadable'];
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

export function groupJson({ records, ...group }: CodeGroup): CodeGroupJson {
  return { ...group, affected: records.map(affected) };
}

export function summaryJson(summary: Summary): SummaryJson {
  return { ...summary, codes: summary.codes.map(groupJson) };
}
