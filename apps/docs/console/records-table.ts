// The records of a page as a table: each server with its error decoded by the client's decodeErrorJson,
// the catalogue's category, message and action, and a link to the code on the docs' catalogue page. A code
// the catalogue does not know is marked as such, and an unreadable error_json says why. The decoded texts
// are in the language the page's switch chose: in Chinese they link to the Chinese catalogue page.
import {
  decodeErrorJson,
  errorCategoryText,
  type MigrationError,
  type SmsErrorLanguage,
} from 'virtual:sms-errors-client';
import { h } from './dom.js';
import type { ConsoleFacts } from './facts.js';

/** The record's own fields shown, as the spec names them (TypeScript checks them against the spec's types). */
const RECORD_FIELDS = ['name', 'source_ip'] as const satisfies readonly (keyof MigrationError)[];

/** What a row shows of a record: a listed one, or one read from a snapshot file (which may hold less). */
export type ShownRecord = Pick<MigrationError, (typeof RECORD_FIELDS)[number] | 'error_json'>;

/** The table's columns: the record's fields, then its error as decoded. */
const COLUMNS = [...RECORD_FIELDS, 'code', 'category', 'message', 'action'];

/** The class of a column's cells, for the stylesheet: `col-source_ip`, `col-message`. */
const columnClass = (index: number) => `col-${COLUMNS[index]}`;

/** The code's heading id on the docs page, as the docs build makes it (scripts/error-code-catalogue.mjs). */
function codeId(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The page's own words around the decoded texts, per language. */
const WORDS: Record<
  SmsErrorLanguage,
  { unreadable: string; cannotRead: string; unknownCode: string; notInCatalogue: string }
> = {
  en: {
    unreadable: 'unreadable',
    cannotRead: 'error_json cannot be read:',
    unknownCode: 'unknown code',
    notInCatalogue: 'Not in the catalogue',
  },
  zh: {
    unreadable: '无法读取',
    cannotRead: '无法读取 error_json：',
    unknownCode: '未知错误码',
    notInCatalogue: '不在错误码目录中',
  },
};

/** The link to a code's entry: on the Redoc page in English, on the Chinese catalogue page in Chinese. */
function codeLink(code: string, category: string, facts: ConsoleFacts, lang: SmsErrorLanguage): string {
  if (lang === 'zh') {
    return `${facts.zhCataloguePage}#${codeId(code)}`;
  }
  return `${facts.docsPage}${facts.categoryLinks[category] ?? ''}${codeId(code)}`;
}

function row(record: ShownRecord, facts: ConsoleFacts, lang: SmsErrorLanguage): HTMLTableRowElement {
  const decoded = decodeErrorJson(record.error_json, { lang });
  const words = WORDS[lang];
  const cells: (string | Node)[] = RECORD_FIELDS.map((name) => record[name]);
  if (decoded.code === undefined) {
    cells.push(h('span', { class: 'unknown' }, words.unreadable), '', `${words.cannotRead} ${decoded.reason}`, '');
  } else if (decoded.category === undefined) {
    const params = decoded.params.length > 0 ? ` (error_param: ${decoded.params.join(', ')})` : '';
    cells.push(
      h('span', {}, decoded.code, ' ', h('span', { class: 'unknown' }, words.unknownCode)),
      '',
      `${words.notInCatalogue}${params}.`,
      '',
    );
  } else {
    const link = codeLink(decoded.code, decoded.category, facts, lang);
    cells.push(
      h('a', { href: link }, decoded.code),
      errorCategoryText(decoded.category, { lang }).title,
      decoded.message,
      decoded.action,
    );
  }
  // The decoded cells carry their language, so that screen readers and fonts pick the right one.
  const decodedLang = lang === 'zh' ? 'zh-CN' : 'en';
  return h(
    'tr',
    {},
    ...cells.map((cell, index) =>
      index === 0
        ? h('th', { scope: 'row', class: columnClass(0) }, cell)
        : h('td', { class: columnClass(index), ...(index >= 2 ? { lang: decodedLang } : {}) }, cell),
    ),
  );
}

export function recordsTable(
  records: readonly ShownRecord[],
  facts: ConsoleFacts,
  lang: SmsErrorLanguage = 'en',
  { id = 'records', caption = `${records.length} failed source servers, each error decoded with the catalogue` } = {},
): HTMLTableElement {
  return h(
    'table',
    { id },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h('tr', {}, ...COLUMNS.map((heading, index) => h('th', { scope: 'col', class: columnClass(index) }, heading))),
    ),
    h('tbody', {}, ...records.map((record) => row(record, facts, lang))),
  );
}
