// Starts the Prism mock as a child process on a free loopback port, waits until it answers, and stops it
// by PID. Tests and scripts use this; nobody should have to guess a port or leave a Prism running.
import { findFreePort, startPrism, type PrismProcess } from './prism-process.js';
import { prismMockArgs, type PrismMockArgs } from './prism.js';

export interface StartMockOptions extends Partial<PrismMockArgs> {
  /** How long to wait for Prism to answer, in ms. */
  startTimeoutMs?: number;
  /** Let Prism print to this process's output (the `start` command) instead of capturing it. */
  inheritOutput?: boolean;
  /** The setting that moves the port, named when the port is in use (the commands: MOCK_PORT or PORT). */
  portVariable?: string;
}

export type RunningMock = PrismProcess;

/** Starts the mock on `host` (default 127.0.0.1) and `port` (default: a free one). */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await findFreePort(host));
  return startPrism(prismMockArgs({ ...options, host, port }), {
    host,
    port,
    ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
    ...(options.inheritOutput !== undefined ? { inheritOutput: options.inheritOutput } : {}),
    ...(options.portVariable !== undefined ? { portVariable: options.portVariable } : {}),
  });
}
