// The real Prism mock and the sandbox (Prism's validating proxy over its seeded data set), once for the
// run, on free loopback ports; stopped by PID when it ends. Every runtime talks to these two.
import { startMock, startSandbox } from '@sms-errors/mock';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
    sandboxUrl: string;
    sandboxSize: number;
    /** The sandbox's upstream without Prism in front: no CORS, for the browser's negative check. */
    upstreamUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [mock, sandbox] = await Promise.all([startMock(), startSandbox()]);
  project.provide('mockUrl', mock.url);
  project.provide('sandboxUrl', sandbox.url);
  project.provide('sandboxSize', sandbox.size);
  project.provide('upstreamUrl', sandbox.upstreamUrl);
  return async () => {
    await Promise.all([mock.stop(), sandbox.stop()]);
  };
}
