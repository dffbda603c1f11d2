// HTML for the console page's generated parts: text from spec/ goes in escaped, and its Markdown is read
// only as far as the descriptions use it (code spans and emphasis).

/** Escapes text for an HTML element or a double-quoted attribute. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A one-paragraph Markdown description as HTML: `code` spans, and bold and emphasis shown plain, on one line. */
export function inlineMarkdown(text) {
  return escapeHtml(String(text).trim().replace(/\s+/g, ' '))
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1');
}
