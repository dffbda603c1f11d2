// The mock (startMock: Prism serving the spec's examples) and the sandbox (startSandbox: Prism's validating
// proxy in front of a seeded upstream), both from @sms-errors/mock, on 127.0.0.1.
//
// Start-up: from the call to the moment the helper resolves (it polls until Prism answers, every 100 ms),
// then stopped by PID; several starts. Requests per second: one instance, a fixed number of concurrent
// keep-alive fetch loops for a fixed time, counting 200 answers; the load generator runs in this process,
// on the same 2-core machine, and for the sandbox so does its upstream (startSandbox runs it in-process).
import * as mockPackage from '@sms-errors/mock';
import { figure, fmtSummary, sleep, summarize } from '../stats.mjs';

const CONCURRENCY = 16;

async function load(url, seconds) {
  let ok = 0;
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const response = await fetch(url, { headers: { 'X-Auth-Token': 'bench-token' } });
        await response.arrayBuffer();
        if (response.status === 200) {
          ok++;
        } else {
          failed++;
        }
      } catch {
        failed++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { rps: ok / elapsed, ok, failed };
}

async function measure(name, start, path, { starts, loadRuns, seconds }) {
  const startMs = [];
  for (let i = 0; i < starts; i++) {
    const started = performance.now();
    const running = await start();
    startMs.push(performance.now() - started);
    await running.stop();
  }
  const running = await start();
  const rps = [];
  let failed = 0;
  try {
    await load(`${running.url}${path}`, 1); // warm-up
    for (let run = 0; run < loadRuns; run++) {
      const result = await load(`${running.url}${path}`, seconds);
      rps.push(result.rps);
      failed += result.failed;
      await sleep(200);
    }
  } finally {
    await running.stop();
  }
  const figures = [
    figure(`${name}: start-up (call to ready)`, fmtSummary(summarize(startMs), 'ms', 0), 'informative'),
    figure(
      `${name}: GET ${path}, ${CONCURRENCY} concurrent, ${seconds} s`,
      `${fmtSummary(summarize(rps), 'req/s', 0)}${failed ? `, ${failed} non-200 or failed` : ''}`,
      'informative',
    ),
  ];
  return { figures, details: { startMs, rps, failed, concurrency: CONCURRENCY, seconds } };
}

export async function runMock({ runs, quick }) {
  const options = { starts: quick ? 2 : Math.max(3, runs), loadRuns: quick ? 2 : 3, seconds: quick ? 2 : 5 };
  const mock = await measure('mock (startMock)', () => mockPackage.startMock(), '/v3/errors?offset=0', options);
  const figures = [...mock.figures];
  const details = { mock: mock.details };
  if (typeof mockPackage.startSandbox === 'function') {
    const sandbox = await measure(
      'sandbox (startSandbox, 250 servers)',
      () => mockPackage.startSandbox(),
      '/v3/errors?offset=0&limit=10',
      options,
    );
    figures.push(...sandbox.figures);
    details.sandbox = sandbox.details;
  } else {
    const why = '@sms-errors/mock (as built) does not export startSandbox';
    figures.push(figure('sandbox (startSandbox)', `not measured: ${why}`, 'informative'));
    details.sandbox = { notMeasured: why };
  }
  return { figures, details };
}
