export { startMock, findFreePort, type RunningMock, type StartMockOptions } from './start-mock.js';
export { defaultSpecPath, prismMockArgs, prismBinPath, type PrismMockArgs } from './prism.js';
