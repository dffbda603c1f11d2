// `pnpm --filter @sms-errors/mock start [--dynamic] [--seed S]`: the mock on 127.0.0.1:4010 (HOST, and
// MOCK_PORT or PORT, override) until Ctrl-C. Prism runs as a child so that a signal here stops it, by PID,
// before this exits.
import { hostAndPort, parseFlags, serveUntilSignal } from './command.js';
import { DEFAULT_SEED } from './sandbox-data.js';
import { readServedSpec } from './served-files.js';
import { listOperation } from './spec-facts.js';
import { startMock } from './start-mock.js';

const COMMAND = 'sms-errors mock';
const USAGE = `usage: sms-errors mock [--dynamic] [--seed S]   (env: HOST=127.0.0.1, MOCK_PORT or PORT=4010)
  --dynamic  generate bodies from the schemas instead of serving the spec's examples
  --seed S   seed of generated bodies: the same seed gives the same body (default "${DEFAULT_SEED}")
Scenarios: send Prefer: example=<name> or Prefer: code=<status>; see apps/mock/README.md.`;

const flags = parseFlags(COMMAND, { dynamic: { type: 'boolean' }, seed: { type: 'string' } }, USAGE);
const { host, port, portVariable } = hostAndPort(COMMAND, 4010, 'MOCK_PORT');
const dynamic = flags['dynamic'] === true;
const seed = String(flags['seed'] ?? DEFAULT_SEED);

let path = '';
await serveUntilSignal(
  COMMAND,
  () => {
    path = listOperation(readServedSpec()).path;
    return startMock({ host, port, dynamic, seed, inheritOutput: true, portVariable });
  },
  (mock) =>
    `${COMMAND}: ${mock.url}${path} (Prism, ${dynamic ? `bodies generated from the schemas, seed "${seed}"` : 'examples from the spec'}; Ctrl-C stops it)`,
);
