// Between sweeps, on a terminal only: one line rewritten in place (next sweep in ..., last sweep took ...,
// N failing), erased before anything else is printed. Piped or redirected stdout gets none of it.
import { type Messages, messagesFor } from '../../shared/messages.js';
import { formatDuration } from './interval.js';

export interface StatusStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const ERASE_LINE = '\r\u001b[2K';

export interface StatusLine {
  show(nextInMs: number, lastTookMs: number, failing: number): void;
  clear(): void;
}

export function createStatusLine(stream: StatusStream, text: Messages = messagesFor('en')): StatusLine {
  if (stream.isTTY !== true) {
    return { show() {}, clear() {} };
  }
  let shown = false;
  return {
    show(nextInMs, lastTookMs, failing) {
      shown = true;
      stream.write(`${ERASE_LINE}${text.statusLine(formatDuration(nextInMs), formatDuration(lastTookMs), failing)}`);
    },
    clear() {
      if (shown) {
        stream.write(ERASE_LINE);
      }
      shown = false;
    },
  };
}
