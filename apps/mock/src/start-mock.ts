// Starts the Prism mock: the front (src/front.ts) takes the public port first (default: one the OS chooses),
// then Prism starts as a child process on a loopback port of its own choosing, which the front is pointed at.
// Stopped by PID. Tests and scripts use this; nobody should have to guess a port or leave a Prism running.
import { startFront } from './front.js';
import { createIamEndpoint } from './iam-tokens.js';
import { preferProblem, responseExamples } from './prefer-header.js';
import { type PrismMockArgs, prismMockArgs } from './prism.js';
import { type PrismProcess, startPrism } from './prism-process.js';
import { queryFormProblem, rulesFromSpec, sendsCredentials } from './sandbox-checks.js';
import { sandboxTestCredentials } from './sandbox-credentials.js';
import { readServedSpec } from './served-files.js';
import { listOperation } from './spec-facts.js';

export interface StartMockOptions extends Partial<PrismMockArgs> {
  /** How long to wait for Prism to listen, in ms. */
  startTimeoutMs?: number;
  /** Let Prism print to this process's output (the `start` command) too. */
  inheritOutput?: boolean;
  /** The setting that moves the port, named when the port is in use (the commands: MOCK_PORT or PORT). */
  portVariable?: string;
}

export interface RunningMock extends PrismProcess {
  /** Where Prism listens, behind the front (for debugging only). */
  prismUrl: string;
}

/** Starts the mock on `host` (default 127.0.0.1) and `port` (default 0: one the OS chooses, read back). */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  // The front's 400 body, Allow and its checks come from the spec the mock serves.
  const spec = readServedSpec();
  const rules = rulesFromSpec(spec);
  const { path, method } = listOperation(spec);
  const examples = responseExamples(spec);
  // POST /v3/auth/tokens (spec/iam.yaml): a token for any well-formed request, as the mock accepts any token.
  const iam = createIamEndpoint({ projectId: sandboxTestCredentials.projectId });
  const front = await startFront({
    host,
    port: options.port ?? 0,
    ...(options.portVariable !== undefined ? { portVariable: options.portVariable } : {}),
    badRequest: rules.badRequest,
    requestIdHeader: rules.requestId,
    method,
    intercept: iam.handle,
    // What Prism would coerce or mishandle, refused as the sandbox refuses it; credentials first, as Prism
    // (and the gateway) check them first.
    refuse: (request) => {
      if (request.pathname !== path || request.method !== method || !sendsCredentials(request.headers, rules)) {
        return undefined;
      }
      return queryFormProblem(request.query, rules) ?? preferProblem(request.headers['prefer'], examples);
    },
  });
  let prism: PrismProcess;
  try {
    prism = await startPrism(prismMockArgs({ ...options, host: '127.0.0.1', port: 0 }), {
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
      ...(options.inheritOutput !== undefined ? { inheritOutput: options.inheritOutput } : {}),
    });
  } catch (error) {
    await front.close();
    throw error;
  }
  front.connect(prism.url);
  return {
    ...prism,
    url: front.url,
    port: front.port,
    prismUrl: prism.url,
    stop: async (graceMs?: number) => {
      await front.close();
      await prism.stop(graceMs);
    },
  };
}
