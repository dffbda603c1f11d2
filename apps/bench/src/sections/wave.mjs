// Following a migration wave: what a comparison of whole accounts costs.
//
// diff: two snapshots of 65,535 records (the most the API can list), the second with 10% of the servers
// changed, compared in a fresh process per run (diff-worker.mjs: import, read and parse both files, classify),
// with the process's memory; and the same two files through the built CLI, `sms-errors diff A B --output
// json`, start to exit, as an operator runs it.
// watch: one `sms-errors watch --once` sweep of a 65,535-record sandbox (Prism's validating proxy over the
// seeded upstream) at --concurrency 8, comparing with the state of the sweep before; the state file's size.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFailedServers, startSandbox } from '@sms-errors/mock';
import { figure, fmt, fmtSummary, summarize } from '../stats.mjs';

const require = createRequire(import.meta.url);
const benchDir = fileURLToPath(new URL('../..', import.meta.url));
const worker = fileURLToPath(new URL('../diff-worker.mjs', import.meta.url));
const cli = require.resolve('@sms-errors/cli/dist/cli.js');
const RECORDS = 65_535;
const DIFF_TARGET_MS = 300;
// Wall times include waiting for a core: the load average measured at each run's start stands beside them.
const WALL = 'wall time, with the load average beside it';

/**
 * The second snapshot: every tenth server differs, in turn resolved (and replaced by a new one), failing with
 * another code, or failing with other parameters.
 */
function changedSnapshot(records, replacements) {
  return records.map((record, i) => {
    if (i % 10 !== 0) {
      return record;
    }
    const kind = (i / 10) % 3;
    if (kind === 0) {
      return replacements[i];
    }
    const error = JSON.parse(record.error_json);
    if (kind === 1) {
      return {
        ...record,
        error_json: JSON.stringify({
          error_code: error.error_code === 'SMS.3805' ? 'SMS.2802' : 'SMS.3805',
          error_param: '[]',
        }),
      };
    }
    return {
      ...record,
      error_json: JSON.stringify({
        error_code: error.error_code,
        error_param: JSON.stringify([...JSON.parse(error.error_param), 'changed']),
      }),
    };
  });
}

function runDiff(dir, codes, count) {
  const records = generateFailedServers({
    size: RECORDS,
    seed: 'bench-wave',
    errorCodes: codes,
    regionHosts: ['sms.example'],
  });
  const replacements = generateFailedServers({
    size: RECORDS,
    seed: 'bench-wave-new',
    errorCodes: codes,
    regionHosts: ['sms.example'],
  });
  const before = join(dir, 'before.json');
  const after = join(dir, 'after.json');
  // As `list --all --output json` writes a snapshot (here without the decoded field), a page shape.
  writeFileSync(before, JSON.stringify({ count: RECORDS, migration_errors: records }));
  writeFileSync(after, JSON.stringify({ count: RECORDS, migration_errors: changedSnapshot(records, replacements) }));
  /** @type {Record<'importMs' | 'readMs' | 'diffMs' | 'totalMs' | 'cpuMs' | 'rssMiB' | 'heapUsedMiB' | 'cliMs', number[]>} */
  const samples = {
    importMs: [],
    readMs: [],
    diffMs: [],
    totalMs: [],
    cpuMs: [],
    rssMiB: [],
    heapUsedMiB: [],
    cliMs: [],
  };
  const load = [];
  let classes;
  for (let run = 0; run < count; run++) {
    load.push(loadavg()[0]);
    const result = spawnSync(process.execPath, [worker, before, after], { cwd: benchDir, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`diff worker failed: ${result.stderr}`);
    }
    const timings = JSON.parse(result.stdout.trim());
    for (const key of Object.keys(timings)) {
      if (key in samples) {
        samples[key].push(timings[key]);
      }
    }
    classes = timings.classes;
    const started = performance.now();
    const cliRun = spawnSync(process.execPath, [cli, 'diff', before, after, '--output', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    samples.cliMs.push(performance.now() - started);
    if (cliRun.status !== 0) {
      throw new Error(`sms-errors diff failed: ${cliRun.stderr}`);
    }
  }
  return { samples, classes, load, sizeMiB: statSync(before).size / 2 ** 20 };
}

async function runWatch(dir, count) {
  const sandbox = await startSandbox({ size: RECORDS, seed: 'bench-wave' });
  const state = join(dir, 'state.json');
  const sweepMs = [];
  const load = [];
  try {
    // Asynchronously: the sandbox's upstream runs in this process and must keep answering.
    const sweep = (...extra) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const args = [
          cli,
          'watch',
          '--state',
          state,
          '--endpoint',
          sandbox.url,
          '--once',
          '--concurrency',
          '8',
          ...extra,
        ];
        execFile(
          process.execPath,
          args,
          { env: { PATH: process.env.PATH, SMS_AUTH_TOKEN: 'bench-token' }, maxBuffer: 1 << 30 },
          (error, _stdout, stderr) => {
            if (error) {
              reject(new Error(`sms-errors watch failed (${error.code}): ${stderr}`));
            } else {
              resolve(performance.now() - started);
            }
          },
        );
      });
    // The first sweep records the state; each timed one compares a whole sweep with it and rewrites it.
    await sweep('--baseline');
    for (let run = 0; run < count; run++) {
      load.push(loadavg()[0]);
      sweepMs.push(await sweep());
    }
  } finally {
    await sandbox.stop();
  }
  const stateBytes = statSync(state).size;
  const saved = JSON.parse(readFileSync(state, 'utf8'));
  if (saved.count !== RECORDS) {
    throw new Error(`the state holds ${saved.count} records, not ${RECORDS}`);
  }
  return { sweepMs, stateBytes, load };
}

export async function runWave({ runs, quick }) {
  const { codes } = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/error-codes.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'sms-bench-wave-'));
  try {
    const diff = runDiff(dir, codes, quick ? 3 : Math.max(runs, 7));
    const watch = await runWatch(dir, quick ? 1 : 3);
    const total = summarize(diff.samples.totalMs);
    const { new: added, resolved, changed, unchanged } = diff.classes;
    const figures = [
      figure(
        `diff of two ${RECORDS.toLocaleString('en-US')}-record snapshots, 10% changed (read, parse and classify, fresh process)`,
        `${fmtSummary(total, 'ms', 1)}; ${added} new, ${resolved} resolved, ${changed} changed, ${unchanged} unchanged; load average ${fmt(summarize(diff.load).median, 1)} on ${cpus().length} cores`,
        `< ${DIFF_TARGET_MS} ms`,
        total.median < DIFF_TARGET_MS,
      ),
      figure(
        'diff, of which diffMigrationErrors alone (after reading and parsing)',
        `${fmtSummary(summarize(diff.samples.diffMs), 'ms', 1)}; CPU of the whole span ${fmtSummary(summarize(diff.samples.cpuMs), 'ms', 1)}`,
        `informative: ${WALL}`,
      ),
      figure(
        'diff: memory of the process at the end (two snapshots held)',
        `RSS ${fmtSummary(summarize(diff.samples.rssMiB), 'MiB', 0)}; heap used ${fmt(summarize(diff.samples.heapUsedMiB).median, 0)} MiB; each file ${fmt(diff.sizeMiB, 1)} MiB`,
        'informative',
      ),
      figure(
        'sms-errors diff A B --output json, start to exit (node start-up, decoding every record, printing the JSON)',
        fmtSummary(summarize(diff.samples.cliMs), 'ms', 0),
        `informative: ${WALL}`,
      ),
      figure(
        `sms-errors watch --once --concurrency 8: one sweep of a ${RECORDS.toLocaleString('en-US')}-record sandbox compared with its state`,
        `${fmtSummary(summarize(watch.sweepMs), 'ms', 0)}; load average ${fmt(summarize(watch.load).median, 1)} on ${cpus().length} cores`,
        `informative: ${WALL}; Prism validates every page on the same cores`,
      ),
      figure(
        'watch: the state file of that sweep',
        `${(watch.stateBytes / 2 ** 20).toFixed(1)} MiB (${watch.stateBytes.toLocaleString('en-US')} B, mode 0600)`,
        'informative',
      ),
    ];
    return { figures, details: { records: RECORDS, diff, watch } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
