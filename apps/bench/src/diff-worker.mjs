// One fresh process of the wave benchmark's diff: given two snapshot files (argv[2], argv[3]), it times
// the import of @sms-errors/client/diff, then reading both files, readSnapshot on each and
// diffMigrationErrors, once, and prints the timings, the class sizes and the process's memory as one JSON
// line. Run by sections/wave.mjs, one process per run, so every run is cold.
import { readFileSync } from 'node:fs';

let started = performance.now();
const { diffMigrationErrors, readSnapshot } = await import('@sms-errors/client/diff');
const importMs = performance.now() - started;

started = performance.now();
const cpuBefore = process.cpuUsage();
const before = readSnapshot(readFileSync(process.argv[2], 'utf8')).records;
const after = readSnapshot(readFileSync(process.argv[3], 'utf8')).records;
const readMs = performance.now() - started;
const diff = diffMigrationErrors(before, after);
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const memory = process.memoryUsage();

console.log(
  JSON.stringify({
    importMs,
    readMs,
    diffMs: totalMs - readMs,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: memory.rss / 2 ** 20,
    heapUsedMiB: memory.heapUsed / 2 ** 20,
    classes: {
      new: diff.new.length,
      resolved: diff.resolved.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged.length,
    },
  }),
);
