// `sms-errors summary`: the decoded records grouped by error code, most affected servers first, each group
// with its catalogue entry; then a total per category, and the codes the catalogue does not know (kept
// with their parameters) and the error_json values that cannot be read, apart. A pure function of the
// records, so the benchmark (decode and group 65,535 records) times exactly what the command does. Groups
// hold the records themselves: the JSON output shapes them when it prints (summary-json.ts).
import type { SmsErrorCategory } from '@sms-errors/client/decode';
import { type CatalogueFields, catalogueFields } from '../../shared/catalogue-entry.js';
import type { Language } from '../../shared/messages.js';
import type { DecodedRecord } from '../../shared/records.js';

/** The catalogue's message keeps its `{0}`, `{1}`, ... slots as they are: each server has its own values. */
export interface CodeGroup extends CatalogueFields {
  /** The SMS error code; null for the group of error_json values that cannot be read. */
  code: string | null;
  /** How many servers reported it. */
  servers: number;
  /** Every one of them, in the order they were listed (the records themselves, not copies). */
  records: DecodedRecord[];
}

export interface CategoryTotal {
  category: SmsErrorCategory;
  title: string;
  servers: number;
  codes: number;
}

export interface Summary {
  /** Every failed server read. */
  count: number;
  /** One group per code, most affected servers first (then by code). */
  codes: CodeGroup[];
  /** One total per catalogue category present, most affected servers first. */
  categories: CategoryTotal[];
  /** Codes that are not in the catalogue. */
  unknown: { servers: number; codes: number };
  /** Records whose error_json cannot be read. */
  unreadable: { servers: number };
}

function newGroup(code: string | null, lang: Language): CodeGroup {
  return {
    code,
    ...catalogueFields(code, lang),
    servers: 0,
    records: [],
  };
}

/** Most servers first; among equals, by code, with the group of unreadable values (code null) last. */
function byServersThenCode(a: CodeGroup, b: CodeGroup): number {
  if (a.servers !== b.servers) {
    return b.servers - a.servers;
  }
  if (a.code === b.code) {
    return 0;
  }
  if (a.code === null) {
    return 1;
  }
  if (b.code === null) {
    return -1;
  }
  return a.code < b.code ? -1 : 1;
}

/** The grouping of `records`, with the catalogue's texts in `lang` (English by default). */
export function summarize(records: readonly DecodedRecord[], lang: Language = 'en'): Summary {
  // Keyed by the code, null for the unreadable ones: a Map keeps a code such as `__proto__` an ordinary key.
  const groups = new Map<string | null, CodeGroup>();
  for (const record of records) {
    const code = record.decoded.code;
    let group = groups.get(code);
    if (group === undefined) {
      group = newGroup(code, lang);
      groups.set(code, group);
    }
    group.servers++;
    group.records.push(record);
  }
  const codes = [...groups.values()].sort(byServersThenCode);

  const categories = new Map<SmsErrorCategory, CategoryTotal>();
  let unknownServers = 0;
  let unknownCodes = 0;
  for (const group of codes) {
    if (group.category === null) {
      if (group.code !== null) {
        unknownServers += group.servers;
        unknownCodes++;
      }
      continue;
    }
    const total = categories.get(group.category) ?? {
      category: group.category,
      title: group.category_title ?? group.category,
      servers: 0,
      codes: 0,
    };
    total.servers += group.servers;
    total.codes++;
    categories.set(group.category, total);
  }
  return {
    count: records.length,
    codes,
    categories: [...categories.values()].sort((a, b) => b.servers - a.servers || a.title.localeCompare(b.title)),
    unknown: { servers: unknownServers, codes: unknownCodes },
    unreadable: { servers: groups.get(null)?.servers ?? 0 },
  };
}
