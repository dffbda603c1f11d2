// Sums the vitest JSON reports into "N passed, N failed": each workspace package's own report (the main
// run, Node 20: spec/, packages/*/ and apps/*/test-results/vitest.json) and the reports of the runs on the
// other Node versions (test-results/node<major>/*.json at the root, written by test-other-nodes.mjs).
// A failed test command with no failed test (lint, typecheck or a crash) still counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const exitStatus = Number(process.argv[2] ?? 0);
const reports = [];
for (const dir of [
  'spec',
  ...['packages', 'apps'].flatMap((group) =>
    existsSync(group) ? readdirSync(group).map((name) => join(group, name)) : [],
  ),
]) {
  reports.push(join(dir, 'test-results', 'vitest.json'));
}
if (existsSync('test-results')) {
  for (const run of readdirSync('test-results').filter((name) => /^node\d+$/.test(name))) {
    for (const file of readdirSync(join('test-results', run)).filter((name) => name.endsWith('.json'))) {
      reports.push(join('test-results', run, file));
    }
  }
}
let passed = 0;
let failed = 0;
for (const report of reports) {
  if (!existsSync(report)) {
    continue;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
}
if (exitStatus !== 0 && failed === 0) {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
