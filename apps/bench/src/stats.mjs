// Summaries and formatting shared by every section.

import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** min, median and max of some samples (the median of an even count is the mean of the middle two). */
export function summarize(samples) {
  if (samples.length === 0) {
    throw new Error('no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted.at(-1), runs: samples.length };
}

/** A number with `digits` decimals, or fewer significant ones for large values. */
export function fmt(value, digits = 2) {
  if (value === undefined || value === null || Number.isNaN(value)) {
    return 'n/a';
  }
  const abs = Math.abs(value);
  return abs >= 1000
    ? Math.round(value).toLocaleString('en-US')
    : value.toFixed(abs >= 100 ? Math.min(digits, 1) : digits);
}

/** "median (min-max) unit" */
export function fmtSummary(summary, unit = '', digits = 2) {
  const u = unit ? ` ${unit}` : '';
  return `${fmt(summary.median, digits)}${u} (min ${fmt(summary.min, digits)}, max ${fmt(summary.max, digits)}, ${summary.runs} runs)`;
}

/** The machine a run was made on. */
export function machine() {
  const cpu = cpus();
  let os = `${process.platform} ${process.arch}`;
  try {
    os = `${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()} ${process.arch}`;
  } catch {
    // not a Unix: keep platform and arch
  }
  return { node: process.version, cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, os };
}

/** A figure beside its target: { name, value (text), target (text), met: true | false | undefined } */
export function figure(name, value, target, met) {
  return { name, value, target: target ?? '', met };
}

/** Prints figures as an aligned table: figure | measured | target | verdict. */
export function printFigures(title, figures) {
  const rows = [
    ['figure', 'measured: median (min, max, runs)', 'target', ''],
    ...figures.map((f) => [f.name, f.value, f.target, verdict(f.met)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(`\n== ${title}`);
  for (const [index, row] of rows.entries()) {
    console.log(
      `  ${row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd()}`,
    );
    if (index === 0) {
      console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    }
  }
}

export function verdict(met) {
  return met === true ? 'met' : met === false ? 'MISSED' : '';
}

/** Sleeps, for pauses between runs. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
