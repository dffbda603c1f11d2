// Everything the CLI prints that came from elsewhere (a server's error message, a host name) goes through
// here first: control characters could move the cursor, recolour the terminal or split one error into
// several lines, so each becomes a visible placeholder and runs of whitespace collapse.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with every control character (CR, LF, ESC, ...) replaced by U+FFFD. */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/** `text` as one printable line: whitespace runs (newlines included) become one space. */
export function oneLine(text: string): string {
  return printable(text.replace(/\s+/g, ' ').trim());
}

/** `text` with every occurrence of each secret replaced by `***` (secrets shorter than 4 are left alone). */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
}
