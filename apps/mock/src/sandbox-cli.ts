// `pnpm --filter @sms-errors/mock sandbox [--size N] [--seed S] [--request-errors service|prism]`: the
// sandbox on 127.0.0.1:4011 (HOST and PORT override; SANDBOX_SIZE and SANDBOX_SEED set the defaults of
// --size and --seed) until Ctrl-C, which stops its Prism by PID and its upstream.
import { hostAndPort, integerSetting, parseFlags, serveUntilSignal, USAGE_ERROR, fail } from './command.js';
import { DEFAULT_SANDBOX_SIZE, DEFAULT_SEED } from './sandbox-data.js';
import { readServedSpec } from './served-files.js';
import { listOperation } from './spec-facts.js';
import { maxSandboxSize, startSandbox } from './start-sandbox.js';

const COMMAND = 'sms-errors sandbox';
const USAGE = `usage: sms-errors sandbox [--size N] [--seed S] [--request-errors service|prism]   (env: HOST=127.0.0.1 PORT=4011)
  --size N            failed servers in the data set (env SANDBOX_SIZE, default ${DEFAULT_SANDBOX_SIZE})
  --seed S            seed of the data set: the same seed gives the same servers (env SANDBOX_SEED, default "${DEFAULT_SEED}")
  --request-errors    who answers an invalid request: the service's 400/401 bodies (service, default)
                      or Prism's problem+json 401/422 (prism)`;

const flags = parseFlags(
  COMMAND,
  { size: { type: 'string' }, seed: { type: 'string' }, 'request-errors': { type: 'string' } },
  USAGE,
);
const { host, port } = hostAndPort(COMMAND, 4011);
const requestErrors = String(flags['request-errors'] ?? 'service');
if (requestErrors !== 'service' && requestErrors !== 'prism') fail(COMMAND, `--request-errors must be service or prism, got "${requestErrors}"`, USAGE_ERROR);

let path = '';
await serveUntilSignal(
  COMMAND,
  () => {
    const spec = readServedSpec();
    path = listOperation(spec).path;
    const sizeText = String(flags['size'] ?? process.env['SANDBOX_SIZE'] ?? DEFAULT_SANDBOX_SIZE);
    const size = integerSetting(COMMAND, flags['size'] !== undefined ? '--size' : 'SANDBOX_SIZE', sizeText, 0, maxSandboxSize(spec));
    const seed = String(flags['seed'] ?? process.env['SANDBOX_SEED'] ?? DEFAULT_SEED);
    return startSandbox({ host, port, size, seed, requestErrors, inheritOutput: true });
  },
  (sandbox) =>
    `${COMMAND}: ${sandbox.url}${path} (Prism validating proxy over ${sandbox.size} seeded failed servers, seed "${sandbox.seed}"; ` +
    `invalid requests answered by the ${requestErrors}; Ctrl-C stops it)`,
);
