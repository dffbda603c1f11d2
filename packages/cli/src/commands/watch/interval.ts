// `--interval`: how long watch waits between sweeps: `90s`, `5m`, `1h`, or a number of seconds.

import { UsageError } from '../../shared/exit-codes.js';
import { type Messages, messagesFor } from '../../shared/messages.js';

export const DEFAULT_INTERVAL = '5m';
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
/** A sweep reads every page: faster than this only adds load; longer than a day is surely a typo. */
const MIN_MS = 10_000;
const MAX_MS = 86_400_000;

export function parseInterval(value: string = DEFAULT_INTERVAL, text: Messages = messagesFor('en')): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] ?? 's']! : Number.NaN;
  if (!(ms >= MIN_MS && ms <= MAX_MS)) {
    throw new UsageError(text.intervalRange);
  }
  return ms;
}

/** `5m`, `1h30m`, `45s`: a duration as the status line shows it. */
export function formatDuration(ms: number): string {
  // Under ten seconds a tenth tells a sweep of 0.4 s from one of 4 s.
  if (ms < 9_950) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  }
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
