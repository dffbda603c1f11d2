// Colour only for a terminal, and never when NO_COLOR is set to a non-empty value (https://no-color.org)
// or TERM is `dumb`. Styles are SGR sequences applied after padding, so they never change column widths.

export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  code(text: string): string;
}

export function wantsColour(stream: { isTTY?: boolean | undefined }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const colourStyles: Styles = { bold: sgr(1, 22), dim: sgr(2, 22), code: sgr(33, 39) };

const same = (text: string) => text;
export const plainStyles: Styles = { bold: same, dim: same, code: same };

export function stylesFor(stream: { isTTY?: boolean | undefined }, env: Record<string, string | undefined>): Styles {
  return wantsColour(stream, env) ? colourStyles : plainStyles;
}
