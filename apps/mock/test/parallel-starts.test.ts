// No test's server can be mistaken for another's. Test files run in parallel, and each starts mocks and
// sandboxes; Prism takes a while to listen, longer on a busy machine. A port found free and handed to Prism
// a moment later could meanwhile be taken by another test's Prism, and then one test's front would talk to
// the other's Prism (a sandbox test once read the mock's count, 4). Now every listener (the front, Prism, the
// upstream) binds port 0 and its port is read back from it, Prism's from its own "listening" line. This test
// starts mocks and sandboxes of different sizes all at once, twice, while busy processes load the CPUs, and
// checks that every one answers as itself, at its front and at its Prism.
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, setPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, type RunningSandbox, startMock, startSandbox } from '../src/index.js';
import { isRunning } from './helpers.js';

const ROUNDS = 2;
const EACH = 2;
const token = { 'X-Auth-Token': 'test-token' };

// Busy loops on half the CPUs, at the lowest priority so that they take what the other test files leave
// (they run alongside, starting their own servers) rather than starve them; stopped by PID after the test.
let load: ChildProcess[] = [];
beforeAll(() => {
  load = Array.from({ length: Math.max(1, Math.floor(availableParallelism() / 2)) }, () => {
    const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    if (child.pid !== undefined) {
      setPriority(child.pid, 19);
    }
    return child;
  });
});
afterAll(async () => {
  await Promise.all(
    load.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
        return undefined;
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid, 'SIGKILL');
      return exited;
    }),
  );
});

async function countAt(url: string): Promise<unknown> {
  const response = await fetch(`${url}/v3/errors?offset=0&limit=1`, { headers: token });
  expect(response.status).toBe(200);
  return ((await response.json()) as { count: unknown }).count;
}

describe('servers started side by side under load', () => {
  it(`${ROUNDS} rounds of ${EACH} mocks and ${EACH} sandboxes started at once: each answers as itself`, {
    timeout: 240_000,
  }, async () => {
    const ports = new Set<number>();
    for (let round = 0; round < ROUNDS; round++) {
      // A different size for every sandbox, so that a count says which sandbox answered.
      const sizes = Array.from({ length: EACH }, (_, i) => 10 + round * EACH + i);
      const started = await Promise.allSettled<RunningMock | RunningSandbox>([
        ...Array.from({ length: EACH }, () => startMock({ startTimeoutMs: 120_000 })),
        ...sizes.map((size) => startSandbox({ size, startTimeoutMs: 120_000 })),
      ]);
      const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      try {
        expect(started.filter((result) => result.status === 'rejected')).toEqual([]);
        const mocks = running.slice(0, EACH);
        const sandboxes = running.slice(EACH) as RunningSandbox[];
        // The mock serves the page's example (count 4); each sandbox its own size, at the front and at Prism.
        for (const mock of mocks) {
          expect(await countAt(mock.url)).toBe(4);
          expect(await countAt(mock.prismUrl)).toBe(4);
        }
        for (const [i, sandbox] of sandboxes.entries()) {
          expect(sandbox.size).toBe(sizes[i]);
          expect(await countAt(sandbox.url)).toBe(sizes[i]);
          expect(await countAt(sandbox.prismUrl)).toBe(sizes[i]);
        }
        // Every front and every Prism on a port of its own, and Prism's port the one it said it listens on.
        const roundPorts = running.flatMap((server) => [server.port, Number(new URL(server.prismUrl).port)]);
        expect(new Set(roundPorts).size).toBe(roundPorts.length);
        for (const server of running) {
          expect(server.output()).toContain(`Prism is listening on ${server.prismUrl}`);
        }
        for (const port of roundPorts) {
          ports.add(port);
        }
      } finally {
        await Promise.all(running.map((server) => server.stop()));
      }
      for (const server of running) {
        expect(isRunning(server.pid)).toBe(false);
      }
    }
    expect(ports.size).toBeGreaterThan(EACH * 2);
  });
});
