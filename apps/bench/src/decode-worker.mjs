// One fresh process of the decode benchmark: it writes nothing and serves nothing. Given a JSON file of
// records (argv[2]), it times, once each and in this order:
//   import: loading @sms-errors/client/decode (the catalogue is parsed here) and the CLI's modules;
//   first decode: one decodeErrorJson call, the first of the process;
//   decode and group: every record through the CLI's decodeRecord and summarize, as `sms-errors summary`
//     (wall time, and the process's CPU time over the same span);
// then prints them as one JSON line. Run by sections/decode.mjs, one process per run, so every run is cold.
import { readFileSync } from 'node:fs';

const records = JSON.parse(readFileSync(process.argv[2], 'utf8'));

let started = performance.now();
const { decodeErrorJson } = await import('@sms-errors/client/decode');
const { decodeRecord } = await import('@sms-errors/cli/dist/shared/records.js');
const { summarize } = await import('@sms-errors/cli/dist/commands/summary/summarize.js');
const importMs = performance.now() - started;

started = performance.now();
const first = decodeErrorJson(records[0].error_json);
const firstDecodeMs = performance.now() - started;

started = performance.now();
const cpuBefore = process.cpuUsage();
const summary = summarize(records.map(decodeRecord));
const decodeAndGroupMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
// CPU time too: on a busy machine the wall time also counts waiting for a core.
const decodeAndGroupCpuMs = (cpu.user + cpu.system) / 1000;

if (summary.count !== records.length || first.code === undefined) {
  throw new Error('decode worker: wrong result');
}
console.log(
  JSON.stringify({ importMs, firstDecodeMs, decodeAndGroupMs, decodeAndGroupCpuMs, codes: summary.codes.length }),
);
