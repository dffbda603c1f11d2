// Pagination: every record of a 10,000-record data set, 100 pages of 100, from a local server (child
// process) that answers each request after 20 ms; sequential, then 4 and 8 pages in flight; and Huawei's own
// request path (ClientBuilder + HcClient, AK/SK) in a sequential loop, as a caller of its SDK would page (it
// has no pager), beside ours at concurrency 8.
import { createSmsClient } from '@sms-errors/client';
import { startServer } from '../local-server.mjs';
import { figure, fmt, fmtSummary, summarize } from '../stats.mjs';
import { huaweiRequestPath } from './overhead.mjs';

const RECORDS = 10_000;
const PAGE_SIZE = 100;
const LATENCY_MS = 20;
const TARGET_SPEEDUP = 5;

export async function runPagination({ runs }) {
  const server = await startServer(['--records', String(RECORDS), '--latency', String(LATENCY_MS)]);
  const figures = [];
  const details = { records: RECORDS, pageSize: PAGE_SIZE, latencyMs: LATENCY_MS, ms: {} };
  try {
    const client = createSmsClient({ baseUrl: server.url, token: 'bench-token' });
    const list = async (concurrency) => {
      const started = performance.now();
      const records = await client.listAllMigrationErrors({}, { pageSize: PAGE_SIZE, concurrency });
      const ms = performance.now() - started;
      if (records.length !== RECORDS) {
        throw new Error(`got ${records.length} records, expected ${RECORDS}`);
      }
      return ms;
    };
    const huawei = huaweiRequestPath(server.url);
    const listHuawei = async () => {
      const started = performance.now();
      const records = [];
      for (let offset = 0, count = Infinity; offset < count; offset += PAGE_SIZE) {
        const page = /** @type {{ count: number; migration_errors: unknown[] }} */ (
          /** @type {unknown} */ (await huawei.listErrorServers({ limit: PAGE_SIZE, offset }))
        );
        count = page.count;
        records.push(...page.migration_errors);
      }
      const ms = performance.now() - started;
      if (records.length !== RECORDS) {
        throw new Error(`Huawei's path got ${records.length} records, expected ${RECORDS}`);
      }
      return ms;
    };
    await list(8); // warm-up
    await listHuawei();
    const levels = [1, 4, 8];
    for (const level of levels) {
      details.ms[level] = [];
    }
    details.ms.huaweiSequential = [];
    for (let run = 0; run < runs; run++) {
      for (const level of levels) {
        details.ms[level].push(await list(level));
      }
      details.ms.huaweiSequential.push(await listHuawei());
    }
    const sequential = summarize(details.ms[1]);
    for (const level of levels) {
      const s = summarize(details.ms[level]);
      const speedups = summarize(details.ms[1].map((ms, run) => ms / details.ms[level][run]));
      const isTarget = level === 8;
      figures.push(
        figure(
          `${RECORDS.toLocaleString('en-US')} records, ${RECORDS / PAGE_SIZE} pages, ${LATENCY_MS} ms latency, ${level === 1 ? 'sequential' : `concurrency ${level}`}`,
          `${fmtSummary(s, 'ms', 0)}${level === 1 ? '' : `, ${fmt(speedups.median, 1)}x faster (min ${fmt(speedups.min, 1)}x, max ${fmt(speedups.max, 1)}x)`}`,
          isTarget
            ? `>= ${TARGET_SPEEDUP}x faster than sequential`
            : level === 1
              ? `floor: ${(RECORDS / PAGE_SIZE) * LATENCY_MS} ms of latency`
              : 'informative',
          isTarget ? speedups.median >= TARGET_SPEEDUP : undefined,
        ),
      );
    }
    details.sequentialMedianMs = sequential.median;
    const huaweiMs = summarize(details.ms.huaweiSequential);
    const toHuawei = summarize(details.ms[8].map((ms, run) => ms / details.ms.huaweiSequential[run]));
    figures.push(
      figure(
        `the same ${RECORDS.toLocaleString('en-US')} records through Huawei's request path (AK/SK), sequential loop`,
        fmtSummary(huaweiMs, 'ms', 0),
        'reference',
      ),
    );
    figures.push(
      figure(
        "ours at concurrency 8 / Huawei's request path sequential",
        `${fmt(toHuawei.median)}x (min ${fmt(toHuawei.min)}x, max ${fmt(toHuawei.max)}x, ${toHuawei.runs} runs)`,
        'informative',
      ),
    );
  } finally {
    await server.stop();
  }
  return { figures, details };
}
