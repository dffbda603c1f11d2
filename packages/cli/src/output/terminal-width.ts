// How wide the table output may be, in terminal cells: `COLUMNS` when it is set to a positive integer (as
// shells and `COLUMNS=120 sms-errors ...` set it), else the terminal's own width when stdout is a terminal,
// else unlimited (a pipe or a file gets every cell whole, so scripts never see a `…`). `--wide` is unlimited
// whatever the rest says.

export interface WidthSource {
  isTTY?: boolean | undefined;
  /** The terminal's width, as Node's tty.WriteStream reports it. */
  columns?: number | undefined;
}

export const UNLIMITED = Number.POSITIVE_INFINITY;

export function outputWidth(stdout: WidthSource, env: Record<string, string | undefined>, wide: boolean): number {
  if (wide) {
    return UNLIMITED;
  }
  const columns = env['COLUMNS']?.trim();
  // A COLUMNS that is not a positive integer (empty, `abc`, `0`) is ignored, as other tools do.
  if (columns !== undefined && /^\d+$/.test(columns) && Number(columns) > 0) {
    return Number(columns);
  }
  if (stdout.isTTY === true && typeof stdout.columns === 'number' && stdout.columns > 0) {
    return stdout.columns;
  }
  return UNLIMITED;
}
