// JSON Schema's minLength and maxLength count characters (code points), not the UTF-16 units that
// `String.prototype.length` counts: an emoji is one character, two units. Every length the client checks
// (query values, the token, strict mode) is counted here, so it is counted one way.

/** The length of `text` in code points. */
export function codePointLength(text: string): number {
  return [...text].length;
}
