export type { IamUser } from './iam-tokens.js';
export {
  defaultSpecPath,
  type PrismMockArgs,
  type PrismProxyArgs,
  prismBinPath,
  prismMockArgs,
  prismProxyArgs,
} from './prism.js';
export { findFreePort, type PrismProcess } from './prism-process.js';
export { type SandboxCredentials, sandboxTestCredentials } from './sandbox-credentials.js';
export {
  type DataSetOptions,
  DEFAULT_SANDBOX_SIZE,
  DEFAULT_SEED,
  type FailedServer,
  generateFailedServers,
} from './sandbox-data.js';
export { type RecordsFile, RecordsFileError, readRecordsFile } from './sandbox-records-file.js';
export { servedFiles } from './served-files.js';
export { listOperation, type Spec } from './spec-facts.js';
export { type RunningMock, type StartMockOptions, startMock } from './start-mock.js';
export { maxSandboxSize, type RunningSandbox, type StartSandboxOptions, startSandbox } from './start-sandbox.js';
