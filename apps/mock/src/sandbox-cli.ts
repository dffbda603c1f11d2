// `pnpm --filter @sms-errors/mock sandbox [--size N] [--seed S] [--data FILE] [--request-errors service|prism]
// [credentials]`: the sandbox on 127.0.0.1:4011 (HOST, and SANDBOX_PORT or PORT, override; SANDBOX_SIZE,
// SANDBOX_SEED and SANDBOX_DATA set the defaults of --size, --seed and --data, SANDBOX_AK ... SANDBOX_TOKEN
// those of the credential flags) until Ctrl-C, which stops its Prism by PID, its front and its upstream. It
// prints the credentials to send, secrets left out. A bad records file is one line and exit 2, before anything
// starts.
import { fail, hostAndPort, integerSetting, parseFlags, serveUntilSignal, USAGE_ERROR } from './command.js';
import { readIamFacts } from './iam-tokens.js';
import { rulesFromSpec, tokenLengthRule } from './sandbox-checks.js';
import {
  credentialSettings,
  describeCredentials,
  type ResolvedCredentials,
  resolveCredentials,
  type SandboxCredentials,
  sandboxTestCredentials,
} from './sandbox-credentials.js';
import { DEFAULT_SANDBOX_SIZE, DEFAULT_SEED } from './sandbox-data.js';
import { type LockoutRule, lockoutRule } from './sandbox-lockout.js';
import { type RecordsFile, RecordsFileError, readRecordsFile } from './sandbox-records-file.js';
import { dataPaths, describeStep, logSteps, stepSeconds } from './sandbox-step-cli.js';
import { readServedSpec } from './served-files.js';
import { listOperation } from './spec-facts.js';
import { maxSandboxSize, type RunningSandbox, type StartSandboxOptions, startSandbox } from './start-sandbox.js';

const COMMAND = 'sms-errors sandbox';
const USAGE = `usage: sms-errors sandbox [--size N] [--seed S] [--data FILE]... [--step N] [--request-errors service|prism] [credentials]
       (env: HOST=127.0.0.1, SANDBOX_PORT or PORT=4011)
  --size N              failed servers in the data set (env SANDBOX_SIZE, default ${DEFAULT_SANDBOX_SIZE})
  --seed S              seed of the data set: the same seed gives the same servers (env SANDBOX_SEED, default "${DEFAULT_SEED}")
  --data FILE           serve your own records instead (env SANDBOX_DATA): a saved page {"count", "migration_errors"}
                        or an array of records, checked against the spec before the sandbox starts;
                        several (--data repeated, or comma-separated in SANDBOX_DATA) are served in turn, a step apart
  --step N              every N seconds a seeded step changes the data set: a few servers resolve, a few
                        appear, a few change code (env SANDBOX_STEP_SECONDS; default none: nothing changes)
  --request-errors      who answers an invalid request: the service's 400/401 bodies (service, default)
                        or Prism's problem+json 401/422 (prism)
Credentials the sandbox accepts (flags, or the environment, which ps does not show):
  --ak AK               SANDBOX_AK               default ${sandboxTestCredentials.ak}
  --sk SK               SANDBOX_SK               default ${sandboxTestCredentials.sk}
  --project-id ID       SANDBOX_PROJECT_ID       default ${sandboxTestCredentials.projectId}
  --security-token T    SANDBOX_SECURITY_TOKEN   default none: no security token required
  --token T             SANDBOX_TOKEN            default none: any IAM token within the spec's bounds
IAM (POST /v3/auth/tokens) and the gateway's lockout:
  SANDBOX_IAM_USER, SANDBOX_IAM_PASSWORD, SANDBOX_IAM_DOMAIN   the one IAM user that gets tokens; when set,
                        /v3/errors accepts only the tokens the sandbox issued (default: anyone gets a token)
  SANDBOX_TOKEN_TTL_SECONDS   how long an issued token lives (default 86400)
  --lockout             lock an AK after consecutive failed AK/SK authentications, as the gateway does (the
                        spec's x-sms-lockout; env SANDBOX_LOCKOUT=on; default off)`;

const flags = parseFlags(
  COMMAND,
  {
    size: { type: 'string' },
    seed: { type: 'string' },
    data: { type: 'string', multiple: true },
    step: { type: 'string' },
    'request-errors': { type: 'string' },
    lockout: { type: 'boolean' },
    ...Object.fromEntries(credentialSettings.map(({ flag }) => [flag, { type: 'string' as const }])),
  },
  USAGE,
);
const { host, port, portVariable } = hostAndPort(COMMAND, 4011, 'SANDBOX_PORT');
const requestErrors = String(flags['request-errors'] ?? 'service');
if (requestErrors !== 'service' && requestErrors !== 'prism') {
  fail(COMMAND, `--request-errors must be service or prism, got "${requestErrors}"`, USAGE_ERROR);
}

// Each credential from its flag, else its variable; a bad value is a usage error naming where it came from.
const given: Partial<SandboxCredentials> = {};
const source: Record<string, string> = {};
for (const { key, env, flag } of credentialSettings) {
  const value = flags[flag] ?? process.env[env];
  if (value === undefined) {
    continue;
  }
  given[key] = String(value);
  source[key] = flags[flag] !== undefined ? `--${flag}` : env;
}
let gateway: ResolvedCredentials;
try {
  gateway = resolveCredentials(given, (key) => source[key] ?? key);
} catch (error) {
  fail(COMMAND, (error as Error).message, USAGE_ERROR);
}

// The IAM user: all three or none.
const iamValues = ['SANDBOX_IAM_USER', 'SANDBOX_IAM_PASSWORD', 'SANDBOX_IAM_DOMAIN'].map(
  (name) => process.env[name] || undefined,
);
if (iamValues.some((value) => value !== undefined) && iamValues.some((value) => value === undefined)) {
  fail(
    COMMAND,
    'SANDBOX_IAM_USER, SANDBOX_IAM_PASSWORD and SANDBOX_IAM_DOMAIN go together: set all three or none',
    USAGE_ERROR,
  );
}
const [iamUser, iamPassword, iamDomain] = iamValues;
const iam =
  iamUser && iamPassword && iamDomain ? { user: iamUser, password: iamPassword, domain: iamDomain } : undefined;
const tokenTtlSeconds = integerSetting(
  COMMAND,
  'SANDBOX_TOKEN_TTL_SECONDS',
  process.env['SANDBOX_TOKEN_TTL_SECONDS'] || '86400',
  1,
  31_536_000,
);
const lockoutSetting = process.env['SANDBOX_LOCKOUT'] ?? 'off';
if (lockoutSetting !== 'on' && lockoutSetting !== 'off') {
  fail(COMMAND, `SANDBOX_LOCKOUT must be on or off, got "${lockoutSetting}"`, USAGE_ERROR);
}
const lockout = flags['lockout'] === true || lockoutSetting === 'on';
const gatewayOptions = { iam, tokenTtlSeconds, lockout };

// Your own records replace the seeded set: a size or a seed given with them would be silently ignored.
const dataSetting = flags['data'] !== undefined ? '--data' : 'SANDBOX_DATA';
const paths = dataPaths(flags['data'], process.env['SANDBOX_DATA']);
const dataPath = paths.join(', ') || undefined;
if (dataPath !== undefined && (flags['size'] !== undefined || flags['seed'] !== undefined)) {
  fail(
    COMMAND,
    `--size and --seed make a seeded data set; ${dataSetting} serves a file instead: give one or the other`,
    USAGE_ERROR,
  );
}
const step = stepSeconds(COMMAND, flags['step'], process.env['SANDBOX_STEP_SECONDS']);
if (paths.length > 1 && step === undefined) {
  fail(
    COMMAND,
    `${dataSetting} names ${paths.length} files, served a step apart: give --step N or SANDBOX_STEP_SECONDS`,
    USAGE_ERROR,
  );
}
let records: RecordsFile | undefined;
let snapshots: RecordsFile['servers'][] | undefined;
try {
  const files = paths.map((path) => readRecordsFile(path));
  records = files[0];
  snapshots = files.length > 1 ? files.map((file) => file.servers) : undefined;
} catch (error) {
  if (!(error instanceof RecordsFileError)) {
    throw error;
  }
  fail(COMMAND, `${dataSetting} ${error.message}`, USAGE_ERROR);
}

function describeLockout(rule: LockoutRule): string {
  return `on (${rule.consecutiveFailures} consecutive failed AK/SK authentications lock the AK for ${rule.seconds} s)`;
}

/** What the sandbox serves, for its start-up line. */
function describeData(sandbox: RunningSandbox): string {
  if (records === undefined) {
    return `${sandbox.size} seeded failed servers, seed "${sandbox.seed}"`;
  }
  const saved =
    records.savedCount !== undefined && records.savedCount !== sandbox.size
      ? ` (the saved page's count was ${records.savedCount}; count is now ${sandbox.size})`
      : '';
  if (snapshots !== undefined) {
    return `${snapshots.length} data sets from ${dataPath}, ${sandbox.size} failed servers in the first`;
  }
  return `${sandbox.size} failed servers from ${dataPath}${saved}`;
}

let path = '';
let tokenRule = '';
let headers = { token: '', projectId: '', securityToken: '' };
await serveUntilSignal(
  COMMAND,
  () => {
    const spec = readServedSpec();
    path = listOperation(spec).path;
    const rules = rulesFromSpec(spec);
    tokenRule = tokenLengthRule(rules);
    headers = {
      token: rules.token.header,
      projectId: rules.signature.projectId,
      securityToken: rules.signature.securityToken,
    };
    // What every data source shares: where to listen, the checks, the credentials, the gateway, the step.
    const common: StartSandboxOptions = {
      host,
      port,
      ...(step === undefined ? {} : { stepSeconds: step }),
      requestErrors,
      credentials: given,
      inheritOutput: true,
      portVariable,
      ...gatewayOptions,
    };
    if (snapshots !== undefined) {
      return startSandbox({ ...common, snapshots });
    }
    if (records !== undefined) {
      return startSandbox({ ...common, servers: records.servers });
    }
    const sizeText = String(flags['size'] ?? process.env['SANDBOX_SIZE'] ?? DEFAULT_SANDBOX_SIZE);
    const size = integerSetting(
      COMMAND,
      flags['size'] !== undefined ? '--size' : 'SANDBOX_SIZE',
      sizeText,
      0,
      maxSandboxSize(spec),
    );
    const seed = String(flags['seed'] ?? process.env['SANDBOX_SEED'] ?? DEFAULT_SEED);
    return startSandbox({ ...common, size, seed });
  },
  (sandbox) => {
    if (sandbox.stepping !== undefined) {
      logSteps(COMMAND, sandbox.stepping, step!);
    }
    return [
      `${COMMAND}: ${sandbox.url}${path} (Prism validating proxy over ${describeData(sandbox)}${describeStep(step)}; ` +
        `invalid requests answered by the ${requestErrors}; Ctrl-C stops it)`,
      ...describeCredentials(gateway, tokenRule, headers),
      `  IAM: POST ${readIamFacts().path} ${iam ? `issues tokens to IAM user ${iam.user} of account ${iam.domain} (password not shown), valid ${tokenTtlSeconds} s; ${path} accepts only those` : 'issues a token to anyone'}`,
      `  lockout: ${lockout ? describeLockout(lockoutRule(readServedSpec())) : 'off'}`,
    ].join('\n');
  },
);
