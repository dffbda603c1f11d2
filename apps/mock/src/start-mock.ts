// Starts the Prism mock as a child process on a free loopback port, behind the front (src/front.ts) on the
// public port (default: a free one), waits until it answers, and stops it by PID. Tests and scripts use this;
// nobody should have to guess a port or leave a Prism running.
import { startFront } from './front.js';
import { createIamEndpoint } from './iam-tokens.js';
import { sandboxTestCredentials } from './sandbox-credentials.js';
import { assertPortFree, findFreePort, httpUrl, startPrism, type PrismProcess } from './prism-process.js';
import { prismMockArgs, type PrismMockArgs } from './prism.js';
import { rulesFromSpec } from './sandbox-checks.js';
import { readServedSpec } from './served-files.js';
import { listOperation } from './spec-facts.js';

export interface StartMockOptions extends Partial<PrismMockArgs> {
  /** How long to wait for Prism to answer, in ms. */
  startTimeoutMs?: number;
  /** Let Prism print to this process's output (the `start` command) instead of capturing it. */
  inheritOutput?: boolean;
  /** The setting that moves the port, named when the port is in use (the commands: MOCK_PORT or PORT). */
  portVariable?: string;
}

export interface RunningMock extends PrismProcess {
  /** Where Prism listens, behind the front (for debugging only). */
  prismUrl: string;
}

/** Starts the mock on `host` (default 127.0.0.1) and `port` (default: a free one). */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await findFreePort(host));
  // The public port first: one clear line when it is taken, before Prism is started.
  await assertPortFree(host, port, options.portVariable);
  const prismPort = await findFreePort('127.0.0.1');
  const prism = await startPrism(prismMockArgs({ ...options, host: '127.0.0.1', port: prismPort }), {
    host: '127.0.0.1',
    port: prismPort,
    ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
    ...(options.inheritOutput !== undefined ? { inheritOutput: options.inheritOutput } : {}),
  });
  try {
    // The front's 400 body and Allow come from the spec the mock serves.
    const spec = readServedSpec();
    // POST /v3/auth/tokens (spec/iam.yaml): a token for any well-formed request, as the mock accepts any token.
    const iam = createIamEndpoint({ projectId: sandboxTestCredentials.projectId });
    const front = await startFront({
      host,
      port,
      prismUrl: prism.url,
      badRequest: rulesFromSpec(spec).badRequest,
      method: listOperation(spec).method,
      intercept: iam.handle,
    });
    return {
      ...prism,
      url: httpUrl(host, port),
      port,
      prismUrl: prism.url,
      stop: async (graceMs?: number) => {
        await front.close();
        await prism.stop(graceMs);
      },
    };
  } catch (error) {
    await prism.stop(1000);
    throw error;
  }
}
