// The doctor's report: one line per check (`ok` or `FAIL`, its name, what was found and, for a failure,
// what to do), or the same as JSON.
import type { DoctorReport } from './doctor.js';

export function formatDoctorOutput(report: DoctorReport, format: 'table' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const lines = report.checks.map((check) => {
    const action = check.ok || !check.action ? '' : ` -> ${check.action}`;
    return `${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(width)}  ${check.detail}${action}`;
  });
  return `${lines.join('\n')}\n`;
}
