// Markdown for the generated parts of the docs: text from spec/ goes in verbatim, so anything Markdown
// would read as syntax (`|` included, for table cells) is escaped.

/** Escapes text for Markdown prose or a table cell. */
export function escapeMarkdown(text) {
  return String(text)
    .replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`)
    .replace(/\r?\n/g, ' ');
}
