// The SMS error-code catalogue (spec/error-codes.yaml, as the spec package builds it) as Markdown for the
// docs' error-code page, so the docs never list a code, a message or an action that the spec does not.
//
// Redoc 3 turns the headings of a tag's description into pages of the sidebar: a `#` heading is a page
// under the tag, and the headings after it are its children. So each category is a `#` heading (its title,
// its description, its codes) and each code a `###` heading under it: the sidebar groups the codes by
// category, every code gets its own anchor (`#/sms-error-codes/<category>/sms-2802`), and Redoc's search
// indexes every heading with the text after it, so typing a code finds it. The Chinese catalogue is a page of
// its own (error-code-catalogue-zh.mjs, dist/zh/index.html): this page links to it, and each code to itself there.
import { readFileSync } from 'node:fs';
import { escapeMarkdown } from './markdown.mjs';

/** The tag (sidebar page) the catalogue is the description of. */
export const ERROR_CODES_TAG = 'SMS error codes';

/** Reads the catalogue (the spec package's error-codes.json): `{ categories, codes }`, codes in file order. */
export function readCatalogue(path) {
  const { categories, codes } = JSON.parse(readFileSync(path, 'utf8'));
  return { categories, codes };
}

/** Redoc's slug of a heading or tag name: `Network and connectivity` -> `network-and-connectivity`. */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The heading id of a code: `SMS.2802` -> `sms-2802`. */
export function codeId(code) {
  return slug(code);
}

/** The Chinese page's path, from the English page's folder (dist/). */
export const ZH_PAGE = 'zh/index.html';

/** The link from the English page to a code on the Chinese page. */
export function zhCodeLink(code) {
  return `${ZH_PAGE}#${codeId(code)}`;
}

/** The link to a code's heading on the page, as Redoc routes it. */
export function codeLink(catalogue, code) {
  const { title } = catalogue.categories[catalogue.codes[code].category];
  return `#/${slug(ERROR_CODES_TAG)}/${slug(title)}/${codeId(code)}`;
}

/** Text from the catalogue, escaped, with `{0}`, `{1}`, ... (filled from `error_param`) shown as code. */
function prose(text) {
  return escapeMarkdown(text).replace(/\{(\d+)\}/g, '`{$1}`');
}

/** One code: its heading (with its id), then its message, HTTP status, action and related codes. */
function codeSection(catalogue, code, entry) {
  const lines = [
    `### ${escapeMarkdown(code)}{% #${codeId(code)} %}`,
    '',
    prose(entry.message),
    '',
    `- **HTTP status:** ${entry.status}`,
    `- **What to do:** ${prose(entry.action)}`,
  ];
  if (entry.see) {
    lines.push(
      `- **See also:** ${entry.see.map((related) => `[${escapeMarkdown(related)}](${codeLink(catalogue, related)})`).join(', ')}`,
    );
  }
  lines.push(`- **中文:** [中文版](${zhCodeLink(code)})`);
  return lines.join('\n');
}

/** The codes of each category, in the catalogue's order of categories; a category with no code is left out. */
export function codesByCategory({ categories, codes }) {
  return Object.entries(categories)
    .map(([key, category]) => ({
      key,
      ...category,
      codes: Object.entries(codes).filter(([, entry]) => entry.category === key),
    }))
    .filter((category) => category.codes.length > 0);
}

/** The whole catalogue: a `#` section per category (title, description, its codes), each code a `###`. */
export function errorCodeCatalogue(catalogue) {
  const chinese = `**中文 (Chinese):** every code in Chinese, on [its own page](${ZH_PAGE}) (本目录的中文版).`;
  const sections = codesByCategory(catalogue)
    .map(({ title, description, codes }) => {
      const intro = `${prose(description)} ${codes.length === 1 ? 'One code' : `${codes.length} codes`}.`;
      return [
        `# ${escapeMarkdown(title)}`,
        intro,
        ...codes.map(([code, entry]) => codeSection(catalogue, code, entry)),
      ].join('\n\n');
    })
    .join('\n\n');
  return `${chinese}\n\n${sections}`;
}
