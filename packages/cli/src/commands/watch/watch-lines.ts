// How watch prints a change set: one line per change (ISO time, change, name, source IP, code, short
// message), or with --output ndjson one object per change (`at`, `change`, the record with `decoded`).
import { truncateCells } from '../../output/cells.js';
import { printable } from '../../output/one-line.js';
import { type Messages, messagesFor } from '../../shared/messages.js';
import type { Comparison } from '../diff/compare.js';
import { changedServers, ndjsonObject } from '../diff/format-diff.js';
import { messageCell } from '../list/format-table.js';

/** A line's message is cut here: the whole of it is one `sms-errors explain CODE` away. */
const SHORT_MESSAGE = 80;

export function watchLines(
  comparison: Comparison,
  at: string,
  format: 'table' | 'ndjson',
  text: Messages = messagesFor('en'),
): string {
  const servers = changedServers(comparison, false);
  if (format === 'ndjson') {
    return servers.map((server) => `${JSON.stringify({ at, ...ndjsonObject(server) })}\n`).join('');
  }
  return servers
    .map(({ change, record, before }) => {
      const code = `${before ? `${before.decoded.code ?? text.unreadableCodeCell}->` : ''}${record.decoded.code ?? text.unreadableCodeCell}`;
      const message = truncateCells(printable(messageCell(record) ?? ''), SHORT_MESSAGE);
      return `${[at, change, printable(record.name || '-'), printable(record.source_ip || '-'), code, message].join('  ').trimEnd()}\n`;
    })
    .join('');
}

/** The webhook's body: the change set with where and when it was seen. */
export function webhookPayload(comparison: Comparison, at: string, endpoint: string) {
  return { at, endpoint, new: comparison.new, resolved: comparison.resolved, changed: comparison.changed };
}
