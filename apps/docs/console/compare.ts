// "Compare with a snapshot": the listing the page has just received against a file the reader picks, read
// in the page (File.text) and never sent anywhere, with the client's own diff (@sms-errors/client/diff):
// what is new, what changed code or parameters, what resolved, how many are unchanged.
import {
  decodeErrorJson,
  diffMigrationErrors,
  errorCategoryText,
  type MigrationError,
  readSnapshot,
  type SmsErrorLanguage,
  SnapshotError,
} from 'virtual:sms-errors-client';
import { h } from './dom.js';
import type { ConsoleFacts } from './facts.js';
import { recordsTable, type ShownRecord } from './records-table.js';

/** The listing the page holds: its records and the count the service announced. */
export interface CurrentListing {
  records: readonly MigrationError[];
  count: number;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const codeOf = (record: ShownRecord): string => decodeErrorJson(record.error_json).code ?? 'unreadable';

/** The changed servers: name and address, the code before and after, and what to do now. */
function changedTable(
  changed: { before: ShownRecord; after: ShownRecord }[],
  lang: SmsErrorLanguage,
): HTMLTableElement {
  const heading = ['name', 'source_ip', 'before', 'now', 'category', 'action'];
  return h(
    'table',
    { id: 'compare-changed' },
    h('caption', {}, `${plural(changed.length, 'server')} failing now for another reason`),
    h('thead', {}, h('tr', {}, ...heading.map((name) => h('th', { scope: 'col' }, name)))),
    h(
      'tbody',
      {},
      ...changed.map(({ before, after }) => {
        const now = decodeErrorJson(after.error_json, { lang });
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, after.name),
          h('td', {}, after.source_ip),
          h('td', {}, codeOf(before)),
          h('td', {}, now.code ?? 'unreadable'),
          h('td', {}, now.category === undefined ? '' : errorCategoryText(now.category, { lang }).title),
          h('td', {}, now.action ?? ''),
        );
      }),
    ),
  );
}

/** Reads `file` and shows the comparison in `container`; a file that is no snapshot says why. */
export async function renderComparison(
  container: HTMLElement,
  file: File,
  current: CurrentListing,
  facts: ConsoleFacts,
  lang: SmsErrorLanguage,
): Promise<void> {
  let snapshot: ReturnType<typeof readSnapshot>;
  try {
    snapshot = readSnapshot(await file.text());
  } catch (error) {
    const reason = error instanceof SnapshotError ? error.message : String(error);
    container.replaceChildren(
      h('p', { id: 'compare-summary', role: 'alert' }, `${file.name} is not a snapshot: ${reason}.`),
    );
    return;
  }
  const diff = diffMigrationErrors(snapshot.records, current.records);
  const notes: string[] = [];
  if (current.records.length < current.count) {
    notes.push(
      `The current listing is one page (${current.records.length} of ${current.count} servers): servers on other pages show as resolved. Tick "List every page" to compare the whole listing.`,
    );
  }
  if (snapshot.count !== undefined && snapshot.records.length < snapshot.count) {
    notes.push(
      `${file.name} holds ${snapshot.records.length} of the ${snapshot.count} servers its listing announced: servers beyond it show as new.`,
    );
  }
  for (const { identity, before, after } of diff.duplicates) {
    notes.push(
      `${identity} is held by ${plural(before.length, 'record')} in ${file.name} and ${plural(after.length, 'record')} now: left out of the comparison.`,
    );
  }
  const section = (title: string, count: number, table: HTMLTableElement) =>
    count === 0
      ? undefined
      : h(
          'div',
          {},
          h('h4', {}, title),
          h('div', { class: 'table-scroll', role: 'region', 'aria-label': title, tabindex: '0' }, table),
        );
  const parts = [
    h(
      'p',
      { id: 'compare-summary' },
      `Since ${file.name} (${plural(snapshot.records.length, 'server')}): ${diff.new.length} new, ${diff.changed.length} changed, ${diff.resolved.length} resolved, ${diff.unchanged.length} unchanged.`,
    ),
    ...notes.map((note) => h('p', { class: 'compare-note' }, note)),
    section(
      'New',
      diff.new.length,
      recordsTable(diff.new, facts, lang, {
        id: 'compare-new',
        caption: `${plural(diff.new.length, 'server')} failing now, not in the snapshot`,
      }),
    ),
    section('Changed', diff.changed.length, changedTable(diff.changed, lang)),
    section(
      'Resolved',
      diff.resolved.length,
      recordsTable(diff.resolved, facts, lang, {
        id: 'compare-resolved',
        caption: `${plural(diff.resolved.length, 'server')} failing in the snapshot, not now (as the snapshot had them)`,
      }),
    ),
  ];
  container.replaceChildren(...parts.filter((part) => part !== undefined));
}
