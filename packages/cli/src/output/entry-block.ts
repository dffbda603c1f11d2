// The text block `summary` and `explain` print for one code: a heading line, then labelled lines (Message,
// Action, See also, Servers) whose text is wrapped to the output width under its own start, so a long
// action stays readable in an 80-column terminal. With an unlimited width nothing is wrapped.
import { padCells, wrapCells } from './cells.js';
import { printable } from './one-line.js';

const INDENT = '  ';
const LABEL_WIDTH = 'See also: '.length;

/** `label` and its text, wrapped: `  Action:   Confirm ... \n              continued`. */
export function labelled(label: string, text: string, width: number): string[] {
  return wrapCells(printable(text), roomAfterLabel(width)).map((line, i) => `${INDENT}${padCells(i === 0 ? label : '', LABEL_WIDTH)}${line}`.trimEnd());
}

/** Lines already laid out (the servers of a group) under a label, the first beside it. */
export function labelledLines(label: string, lines: readonly string[]): string[] {
  return lines.map((line, i) => `${INDENT}${padCells(i === 0 ? label : '', LABEL_WIDTH)}${line}`.trimEnd());
}

/** The room left for text after the indent and a label. */
export function roomAfterLabel(width: number): number {
  return Number.isFinite(width) ? Math.max(20, width - INDENT.length - LABEL_WIDTH) : width;
}

/** `1 server`, `2 servers`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
