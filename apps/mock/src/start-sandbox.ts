// Starts the sandbox: the front (this process) on the public port (or HOST/PORT; default one the OS chooses),
// the seeded upstream in this process, and Prism's validating proxy in front of it as a child on a loopback
// port of its own choosing, which the front is pointed at. Same shape as startMock(); stop() closes the
// front, stops Prism by PID, then closes the upstream.
import { startFront } from './front.js';
import { createIamEndpoint, type IamUser } from './iam-tokens.js';
import { prismProxyArgs } from './prism.js';
import { type PrismProcess, startPrism } from './prism-process.js';
import { rulesFromSpec } from './sandbox-checks.js';
import { type CredentialKey, resolveCredentials, type SandboxCredentials } from './sandbox-credentials.js';
import { DEFAULT_SANDBOX_SIZE, DEFAULT_SEED, type FailedServer, generateFailedServers } from './sandbox-data.js';
import { createLockout, lockoutRule } from './sandbox-lockout.js';
import { readRecordsFile } from './sandbox-records-file.js';
import { type SteppingData, steppingData } from './sandbox-steps.js';
import { startUpstream, type Upstream } from './sandbox-upstream.js';
import { readErrorCodes, readServedSpec } from './served-files.js';
import { listOperation, queryParameter, regionHosts, type Spec } from './spec-facts.js';

export interface StartSandboxOptions {
  host?: string;
  /** Default 0: a port the OS chooses (read back). The `sandbox` command passes 4011, SANDBOX_PORT or PORT. */
  port?: number;
  /** How many failed servers the data set has. Default 250. */
  size?: number;
  /** Seeds the data set: the same seed, the same servers. */
  seed?: string;
  /** Serve these instead of a generated data set (tests use it to feed Prism a body that breaks the spec). */
  servers?: FailedServer[];
  /**
   * What the sandbox's gateway accepts; each one left out is the test default (`sandboxTestCredentials`),
   * and without `securityToken` / `token` no security token is required and any token within bounds passes.
   */
  credentials?: Partial<SandboxCredentials>;
  /** Names each credential in the error for a bad value (the command: its flag or variable). */
  credentialLabel?: (key: CredentialKey) => string;
  /**
   * Serve the records of this file instead (SANDBOX_DATA): a saved page or an array of records, checked
   * against the spec first; a bad file throws RecordsFileError, in one line.
   */
  data?: string;
  /**
   * Several data sets served one after another, a step apart (several SANDBOX_DATA files); needs
   * `stepSeconds`. Takes the place of `servers`, `data` and the seeded set.
   */
  snapshots?: FailedServer[][];
  /**
   * SANDBOX_STEP_SECONDS: every this many seconds a seeded step changes the data set (a few servers resolve,
   * a few appear, a few change code), or the next of `snapshots` is served. Without it nothing changes.
   */
  stepSeconds?: number;
  /** The clock steps are counted on, in milliseconds (default Date.now; tests move their own by hand). */
  clock?: () => number;
  /**
   * Who answers an invalid request. `service` (default): the upstream, with the service's own 400 and 401
   * bodies, which Prism then validates like any answer. `prism`: Prism itself, with problem+json 401/422.
   */
  requestErrors?: 'service' | 'prism';
  startTimeoutMs?: number;
  inheritOutput?: boolean;
  /** The setting that moves the port, named when the port is in use (the command: SANDBOX_PORT or PORT). */
  portVariable?: string;
  /**
   * The IAM user POST /v3/auth/tokens issues tokens to (SANDBOX_IAM_USER, _PASSWORD, _DOMAIN). When set,
   * /v3/errors accepts only the tokens the sandbox issued, until they expire; otherwise anyone gets a token.
   */
  iam?: IamUser | undefined;
  /** How long an issued token lives, in seconds (SANDBOX_TOKEN_TTL_SECONDS, default 86400). */
  tokenTtlSeconds?: number | undefined;
  /** Lock an AK after the spec's number of consecutive failed AK/SK authentications (--lockout; default off). */
  lockout?: boolean | undefined;
  /** The gateway's clock (default: the system clock), for tests of expiry and of the clock check. */
  now?: (() => Date) | undefined;
}

export interface RunningSandbox extends PrismProcess {
  /** Where Prism listens, behind the front (for debugging only). */
  prismUrl: string;
  /** Where the upstream listens (without Prism's validation in front: for debugging only). */
  upstreamUrl: string;
  /** The number of failed servers (`count`). */
  size: number;
  seed: string;
  /** The stepping data set when `stepSeconds` was given: its step in force and each step's changes. */
  stepping: SteppingData | undefined;
}

/** The largest data set every record of which a client can reach: the last offset plus the largest page. */
export function maxSandboxSize(spec: Spec = readServedSpec()): number {
  return (queryParameter(spec, 'offset').schema.maximum ?? 0) + (queryParameter(spec, 'limit').schema.maximum ?? 0);
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const spec = readServedSpec();
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SANDBOX_SIZE;
  const max = maxSandboxSize(spec);
  if (!Number.isInteger(size) || size < 0 || size > max) {
    throw new RangeError(`the sandbox size must be an integer from 0 to ${max}, got ${size}`);
  }
  const { credentials } = resolveCredentials(options.credentials, options.credentialLabel);
  const errorCodes = readErrorCodes();
  const servers =
    options.snapshots?.[0] ??
    options.servers ??
    (options.data !== undefined
      ? readRecordsFile(options.data).servers
      : generateFailedServers({ size, seed, errorCodes, regionHosts: regionHosts(spec) }));
  if (options.snapshots !== undefined && options.snapshots.length > 1 && options.stepSeconds === undefined) {
    throw new RangeError('several data sets are served a step apart: give stepSeconds too');
  }
  const stepping =
    options.stepSeconds === undefined
      ? undefined
      : steppingData({
          snapshots: options.snapshots ?? [servers],
          stepSeconds: options.stepSeconds,
          now: options.clock ?? Date.now,
          seed,
          errorCodes,
          regionHosts: regionHosts(spec),
          maxSize: max,
        });

  const host = options.host ?? '127.0.0.1';
  const rules = rulesFromSpec(spec);
  const now = options.now ?? (() => new Date());
  const iam = createIamEndpoint({
    user: options.iam,
    ttlSeconds: options.tokenTtlSeconds,
    projectId: credentials.projectId,
    now,
  });
  // The public port first: one clear line when it is taken, before anything is started.
  const front = await startFront({
    host,
    port: options.port ?? 0,
    ...(options.portVariable !== undefined ? { portVariable: options.portVariable } : {}),
    badRequest: rules.badRequest,
    requestIdHeader: rules.requestId,
    method: listOperation(spec).method,
    intercept: iam.handle,
  });
  let upstream: Upstream | undefined;
  let prism: PrismProcess | undefined;
  try {
    upstream = await startUpstream(spec, stepping?.current ?? servers, {
      credentials,
      now,
      ...(options.iam ? { tokenProblem: iam.tokenProblem } : {}),
      ...(options.lockout ? { lockout: createLockout(lockoutRule(spec), now) } : {}),
    });
    const validateRequest = options.requestErrors === 'prism';
    prism = await startPrism(prismProxyArgs({ upstream: upstream.url, host: '127.0.0.1', port: 0, validateRequest }), {
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
      ...(options.inheritOutput !== undefined ? { inheritOutput: options.inheritOutput } : {}),
    });
  } catch (error) {
    await front.close();
    await upstream?.close();
    throw error;
  }
  front.connect(prism.url);
  const [running, runningUpstream] = [prism, upstream];
  return {
    ...prism,
    url: front.url,
    port: front.port,
    prismUrl: prism.url,
    upstreamUrl: upstream.url,
    size: servers.length,
    seed,
    stepping,
    stop: async (graceMs?: number) => {
      await front.close();
      await running.stop(graceMs);
      await runningUpstream.close();
    },
  };
}
