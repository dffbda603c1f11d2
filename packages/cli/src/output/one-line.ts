// Everything the CLI prints to a terminal that came from elsewhere (a server's record or error message, a
// host name) goes through here first: control characters could move the cursor, recolour the terminal or
// split one error into several lines; bidi controls (U+202A-U+202E, U+2066-U+2069, and the marks U+200E,
// U+200F, U+061C) could make a name read backwards; zero-width characters (U+200B-U+200D, U+2060-U+2064,
// U+FEFF, U+180E) make two different names look the same. Each is shown escaped, as `\u202e`, so an
// operator sees that it is there. JSON, NDJSON and CSV output keep the data exact and do not come here.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** `text` with every control, bidi and zero-width character shown escaped (`\u001b`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` as one printable line: whitespace runs (newlines included) become one space. */
export function oneLine(text: string): string {
  return printable(text.replace(/\s+/g, ' ').trim());
}

/** `text` with every occurrence of each secret replaced by `***` (secrets shorter than 4 are left alone). */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
}
