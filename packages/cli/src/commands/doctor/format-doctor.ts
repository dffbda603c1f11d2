// The doctor's report: one line per check (`ok` or `FAIL`, its name, what was found and, for a failure,
// what to do), in the run's language, or the same as JSON (English check names, the texts in the run's
// language). Widths are counted in terminal cells, since a Chinese name takes two per character.
import { cellWidth, padCells } from '../../output/cells.js';
import { type Messages, messagesFor } from '../../shared/messages.js';
import type { DoctorReport } from './doctor.js';

export function formatDoctorOutput(
  report: DoctorReport,
  format: 'table' | 'json',
  text: Messages = messagesFor('en'),
): string {
  if (format === 'json') {
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  const names = report.checks.map((check) => text.doctorCheck(check.name));
  const results = [text.doctorOk, text.doctorFail];
  const resultWidth = Math.max(...results.map(cellWidth));
  const nameWidth = Math.max(...names.map(cellWidth));
  const lines = report.checks.map((check, i) => {
    const action = check.ok || !check.action ? '' : ` -> ${check.action}`;
    return `${padCells(check.ok ? text.doctorOk : text.doctorFail, resultWidth)}  ${padCells(names[i]!, nameWidth)}  ${check.detail}${action}`;
  });
  return `${lines.join('\n')}\n`;
}
