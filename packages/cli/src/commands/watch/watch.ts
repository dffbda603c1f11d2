// `sms-errors watch --state FILE`: every interval, sweep every page, compare with the state, print each
// change, save the sweep as the new state (atomically), and POST the change set to --webhook. A sweep that
// fails (no answer, 5xx after retries, 401, a malformed page) prints one line, leaves the state as it was
// and is tried again at the next interval. The first run without a state file prints every failing server
// as new; --baseline records the sweep without printing it. --once: one sweep, then exit (for cron);
// --fail-on: exit 9 after the first sweep whose changes hold that class (its state saved first).
import { setTimeout as sleep } from 'node:timers/promises';
import type { MigrationError } from '@sms-errors/client';
import { oneLine } from '../../output/one-line.js';
import {
  classify,
  ExitCode,
  type ExitCodeValue,
  type FailureContext,
  InterruptedError,
} from '../../shared/exit-codes.js';
import { type Messages, messagesFor } from '../../shared/messages.js';
import type { WatchCommand } from '../../shared/parse-args.js';
import { decoderFor } from '../../shared/records.js';
import { compareListings, duplicateWarnings } from '../diff/compare.js';
import { tripsFailOn } from '../diff/fail-on.js';
import { readState, stateOf, writeState } from './state-file.js';
import { createStatusLine, type StatusStream } from './status-line.js';
import { watchLines, webhookPayload } from './watch-lines.js';
import { postWebhook, type WebhookOptions, webhookLabel } from './webhook.js';

export interface WatchIO {
  stdout: StatusStream;
  stderr: { write(text: string): unknown };
  signal?: AbortSignal | undefined;
  /** One sweep: every page, from the first. */
  listAll: () => Promise<MigrationError[]>;
  /** The endpoint as the webhook's body names it (the base URL's origin). */
  endpoint: string;
  failureContext: () => FailureContext;
  /** The language of every line watch prints of its own (English by default). */
  text?: Messages;
  /** Scrubs credential values from a line (run.ts's last guard). */
  redact: (text: string) => string;
  /** The clock (tests may pass their own); default Date.now. */
  now?: () => number;
  webhook?: WebhookOptions;
}

function interrupted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export async function watch(command: WatchCommand, io: WatchIO): Promise<ExitCodeValue> {
  const now = io.now ?? Date.now;
  const text = io.text ?? messagesFor('en');
  const status = createStatusLine(io.stdout, text);
  const say = (text: string) => {
    status.clear();
    io.stderr.write(`${io.redact(oneLine(text))}\n`);
  };
  // A state that cannot be read stops the watch before any sweep: it is never overwritten.
  let previous = await readState(command.state, text);
  try {
    for (;;) {
      const started = now();
      const at = new Date(started).toISOString();
      let swept: MigrationError[] | undefined;
      try {
        swept = await io.listAll();
      } catch (error) {
        if (interrupted(io.signal)) {
          throw new InterruptedError();
        }
        const failure = classify(error, io.failureContext(), text);
        say(text.sweepFailed(at, failure.message));
        if (command.once) {
          return failure.code;
        }
      }
      let tripped = false;
      if (swept !== undefined) {
        // The first sweep with --baseline and no state is recorded, not reported.
        const recordOnly = previous === undefined && command.baseline;
        const comparison = compareListings(previous ?? [], swept, decoderFor(command.lang));
        for (const warning of duplicateWarnings(comparison, text.stateName, text.sweepName, text)) {
          say(`${at} ${warning}`);
        }
        if (recordOnly) {
          say(text.baselineRecorded(at, swept.length, command.state));
        } else {
          status.clear();
          io.stdout.write(watchLines(comparison, at, command.format, text));
        }
        await writeState(command.state, stateOf(swept, at, io.endpoint), text);
        previous = swept;
        const counts = {
          new: comparison.new.length,
          changed: comparison.changed.length,
          resolved: comparison.resolved.length,
        };
        if (!recordOnly && command.webhook !== undefined && counts.new + counts.changed + counts.resolved > 0) {
          const result = await postWebhook(command.webhook, webhookPayload(comparison, at, io.endpoint), {
            ...io.webhook,
            signal: io.signal,
          });
          if (!result.ok && !interrupted(io.signal)) {
            const reason =
              result.timeoutSeconds !== undefined ? text.webhookNoAnswer(result.timeoutSeconds) : result.reason;
            say(text.webhookFailed(at, webhookLabel(command.webhook), result.attempts, reason));
          }
        }
        tripped = !recordOnly && tripsFailOn(command.failOn, counts);
      }
      if (tripped) {
        return ExitCode.changes;
      }
      if (command.once) {
        return ExitCode.ok;
      }
      if (interrupted(io.signal)) {
        throw new InterruptedError();
      }
      // The next sweep starts an interval after this one started; the status line counts down to it.
      const tookMs = now() - started;
      const next = started + command.intervalMs;
      while (now() < next) {
        status.show(next - now(), tookMs, previous?.length ?? 0);
        await sleep(Math.min(1000, next - now()), undefined, io.signal ? { signal: io.signal } : {});
      }
    }
  } catch (error) {
    status.clear();
    if (interrupted(io.signal)) {
      throw new InterruptedError();
    }
    throw error;
  }
}
