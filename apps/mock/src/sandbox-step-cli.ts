// The stepping sandbox's part of the `sandbox` command: `--step N` / SANDBOX_STEP_SECONDS, several data
// files (`--data` repeated, or SANDBOX_DATA comma-separated), and one log line per step, so that whoever
// runs the demo sees the sandbox change while a client watches it.
import { fail, USAGE_ERROR } from './command.js';
import type { SteppingData } from './sandbox-steps.js';

/** The data files: every `--data` given, else SANDBOX_DATA split at commas; empty names dropped. */
export function dataPaths(flag: unknown, env: string | undefined): string[] {
  const given = Array.isArray(flag) ? flag.map(String) : flag !== undefined ? [String(flag)] : (env ?? '').split(',');
  return given.map((path) => path.trim()).filter((path) => path !== '');
}

/** The step in seconds from `--step`, else SANDBOX_STEP_SECONDS; undefined when neither is set. */
export function stepSeconds(command: string, flag: unknown, env: string | undefined): number | undefined {
  const [setting, text] = flag !== undefined ? ['--step', String(flag)] : ['SANDBOX_STEP_SECONDS', env];
  if (text === undefined || text === '') {
    return undefined;
  }
  const seconds = Number(text);
  // Whole seconds or fractions (a demo may want 0.5); at most a day, so that a typo in minutes is caught.
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 86_400) {
    fail(command, `${setting} must be a number of seconds above 0 and at most 86400, got "${text}"`, USAGE_ERROR);
  }
  return seconds;
}

export function describeStep(seconds: number | undefined): string {
  return seconds === undefined ? '' : `, one step every ${seconds} s`;
}

/**
 * One line per step as it comes into force, on a timer that does not keep the process alive. The data set
 * itself does not depend on this timer: each request reads the step its clock is at.
 */
export function logSteps(command: string, stepping: SteppingData, seconds: number): void {
  let logged = 0;
  const timer = setInterval(
    () => {
      const step = stepping.currentStep();
      if (step === logged) {
        return;
      }
      // Only the step in force is described (steps are computed forwards, never again for a log line).
      const { servers, changes } = stepping.at(step);
      const what =
        changes === undefined
          ? 'data set in force'
          : `${changes.resolved.length} resolved, ${changes.appeared.length} new, ${changes.changed.length} changed code`;
      const skipped = step - logged > 1 ? ` (steps ${logged + 1}-${step - 1} passed unlogged)` : '';
      console.log(`${command}: step ${step}: ${what}; count ${servers.length}${skipped}`);
      logged = step;
    },
    Math.max(250, (seconds * 1000) / 4),
  );
  timer.unref();
}
