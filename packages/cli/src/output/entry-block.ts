// The text block `summary` and `explain` print for one code: a heading line, then labelled lines (Message,
// Action, See also, Servers) whose text is wrapped to the output width under its own start, so a long
// action stays readable in an 80-column terminal. With an unlimited width nothing is wrapped.
import { padCells, wrapCells } from './cells.js';
import { printable } from './one-line.js';

const INDENT = '  ';
/** The cells of the widest English label and a space (`See also: `); a language sets its own (messages.ts). */
const LABEL_WIDTH = 'See also: '.length;

/** `label` and its text, wrapped: `  Action:   Confirm ... \n              continued`. */
export function labelled(label: string, text: string, width: number, labelWidth = LABEL_WIDTH): string[] {
  return wrapCells(printable(text), roomAfterLabel(width, labelWidth)).map((line, i) =>
    `${INDENT}${padCells(i === 0 ? label : '', labelWidth)}${line}`.trimEnd(),
  );
}

/** Lines already laid out (the servers of a group) under a label, the first beside it. */
export function labelledLines(label: string, lines: readonly string[], labelWidth = LABEL_WIDTH): string[] {
  return lines.map((line, i) => `${INDENT}${padCells(i === 0 ? label : '', labelWidth)}${line}`.trimEnd());
}

/** The room left for text after the indent and a label. */
export function roomAfterLabel(width: number, labelWidth = LABEL_WIDTH): number {
  return Number.isFinite(width) ? Math.max(20, width - INDENT.length - labelWidth) : width;
}
