// `--all` progress on stderr, only when stderr is a terminal: one line rewritten in place after each page
// (`\r` and erase-line), erased when the listing ends. Piped or redirected stderr gets nothing.

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface Progress {
  /** For the client's onPage. */
  onPage(progress: { received: number; count: number }): void;
  /** Erases the line (before the output, or an error message). */
  done(): void;
}

const ERASE_LINE = '\r\u001b[2K';

/** The line shown after each page: `fetching failed source servers: 200 of 1000`, in the run's language. */
export function createProgress(stream: ProgressStream, line: (received: number, count: number) => string): Progress {
  if (stream.isTTY !== true) {
    return { onPage() {}, done() {} };
  }
  let shown = false;
  return {
    onPage({ received, count }) {
      shown = true;
      stream.write(`${ERASE_LINE}${line(received, count)}`);
    },
    done() {
      if (shown) {
        stream.write(ERASE_LINE);
      }
      shown = false;
    },
  };
}
