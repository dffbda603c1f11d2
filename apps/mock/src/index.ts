export { startMock, type RunningMock, type StartMockOptions } from './start-mock.js';
export { startSandbox, maxSandboxSize, type RunningSandbox, type StartSandboxOptions } from './start-sandbox.js';
export { findFreePort, type PrismProcess } from './prism-process.js';
export { defaultSpecPath, prismMockArgs, prismProxyArgs, prismBinPath, type PrismMockArgs, type PrismProxyArgs } from './prism.js';
export { servedFiles } from './served-files.js';
export { generateFailedServers, DEFAULT_SANDBOX_SIZE, DEFAULT_SEED, type FailedServer, type DataSetOptions } from './sandbox-data.js';
export { readRecordsFile, RecordsFileError, type RecordsFile } from './sandbox-records-file.js';
export { sandboxTestCredentials, type SandboxCredentials } from './sandbox-credentials.js';
export type { IamUser } from './iam-tokens.js';
