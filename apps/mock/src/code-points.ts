// JSON Schema's minLength and maxLength count characters (code points), not the UTF-16 units that
// `String.prototype.length` counts: an emoji is one character, two units. The sandbox counts every length
// it checks (query values, credential headers) here, as the client does, so both agree on a bound.

/** The length of `text` in code points. */
export function codePointLength(text: string): number {
  return [...text].length;
}
