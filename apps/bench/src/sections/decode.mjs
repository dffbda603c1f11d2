// Decoding: what the error-code catalogue costs. `decode and group 65,535 records` is the work of
// `sms-errors summary` once the pages have arrived (every error_json through decodeErrorJson with the whole
// catalogue, then grouped by code and category), timed in a fresh process per run, so every run pays
// the cold start as the command does. Also: the first decode of a process (the catalogue is parsed when
// @sms-errors/client/decode is imported), and the size of that entry, bundled as the main entry's budget
// is measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFailedServers } from '@sms-errors/mock';
import { figure, fmt, fmtSummary, summarize } from '../stats.mjs';
import { bundledSize } from './size-startup.mjs';

const require = createRequire(import.meta.url);
const benchDir = fileURLToPath(new URL('../..', import.meta.url));
const worker = fileURLToPath(new URL('../decode-worker.mjs', import.meta.url));
/** The most records the API can list (the largest offset plus one): a whole account's worth. */
const RECORDS = 65_535;
const TARGET_MS = 200;

export async function runDecode({ runs, quick }) {
  const { codes } = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/error-codes.json'), 'utf8'));
  const records = generateFailedServers({
    size: RECORDS,
    seed: 'bench',
    errorCodes: codes,
    regionHosts: ['sms.cn-north-4.myhuaweicloud.com'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'sms-bench-decode-'));
  const file = join(dir, 'records.json');
  writeFileSync(file, JSON.stringify(records));
  const samples = { importMs: [], firstDecodeMs: [], decodeAndGroupMs: [], decodeAndGroupCpuMs: [] };
  const load = [];
  let groups = 0;
  try {
    const count = quick ? 3 : Math.max(runs, 7);
    for (let run = 0; run < count; run++) {
      load.push(loadavg()[0]);
      const result = spawnSync(process.execPath, [worker, file], { cwd: benchDir, encoding: 'utf8' });
      if (result.status !== 0) {
        throw new Error(`decode worker failed: ${result.stderr}`);
      }
      const timings = JSON.parse(result.stdout.trim());
      for (const key of Object.keys(samples)) {
        samples[key].push(timings[key]);
      }
      groups = timings.codes;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const size = await bundledSize(`export * from '@sms-errors/client/decode';`, 'neutral');
  const decodeAndGroup = summarize(samples.decodeAndGroupMs);
  const figures = [
    figure(
      `decode and group ${RECORDS.toLocaleString('en-US')} records (decodeErrorJson + summary grouping, fresh process)`,
      `${fmtSummary(decodeAndGroup, 'ms', 1)}; ${groups} codes`,
      `< ${TARGET_MS} ms`,
      decodeAndGroup.median < TARGET_MS,
    ),
    figure(
      `decode and group ${RECORDS.toLocaleString('en-US')} records: CPU time of the process over the same span`,
      `${fmtSummary(summarize(samples.decodeAndGroupCpuMs), 'ms', 1)}; machine load average ${fmt(summarize(load).median, 1)} on ${cpus().length} cores`,
      'informative: every thread of the process (V8 collects garbage beside the main thread)',
    ),
    figure(
      'first decode of a process (one decodeErrorJson, catalogue already imported)',
      fmtSummary(summarize(samples.firstDecodeMs), 'ms', 3),
      'informative',
    ),
    figure(
      'import of @sms-errors/client/decode (parses the catalogue) and the CLI modules',
      fmtSummary(summarize(samples.importMs), 'ms', 1),
      'informative',
    ),
    figure(
      'bundle min+gzip: @sms-errors/client/decode (the whole catalogue), platform neutral',
      `${size.gzipped.toLocaleString('en-US')} B (${size.minified.toLocaleString('en-US')} B min; ${Object.keys(codes).length} codes)`,
      'informative (the main entry does not include it)',
    ),
  ];
  return { figures, details: { records: RECORDS, samples, size } };
}
