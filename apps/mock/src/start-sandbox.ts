// Starts the sandbox: the seeded upstream in this process, and Prism's validating proxy in front of it as
// a child on a free loopback port (or HOST/PORT). Same shape as startMock(); stop() stops Prism by PID,
// then the upstream.
import { findFreePort, startPrism, type PrismProcess } from './prism-process.js';
import { prismProxyArgs } from './prism.js';
import { DEFAULT_SANDBOX_SIZE, DEFAULT_SEED, generateFailedServers, type FailedServer } from './sandbox-data.js';
import { readRecordsFile } from './sandbox-records-file.js';
import { startUpstream } from './sandbox-upstream.js';
import { readErrorCodes, readServedSpec } from './served-files.js';
import { queryParameter, regionHosts, type Spec } from './spec-facts.js';

export interface StartSandboxOptions {
  host?: string;
  /** Default: a free port. The `sandbox` command passes 4011 or PORT. */
  port?: number;
  /** How many failed servers the data set has. Default 250. */
  size?: number;
  /** Seeds the data set: the same seed, the same servers. */
  seed?: string;
  /** Serve these instead of a generated data set (tests use it to feed Prism a body that breaks the spec). */
  servers?: FailedServer[];
  /**
   * Serve the records of this file instead (SANDBOX_DATA): a saved page or an array of records, checked
   * against the spec first; a bad file throws RecordsFileError, in one line.
   */
  data?: string;
  /**
   * Who answers an invalid request. `service` (default): the upstream, with the service's own 400 and 401
   * bodies, which Prism then validates like any answer. `prism`: Prism itself, with problem+json 401/422.
   */
  requestErrors?: 'service' | 'prism';
  startTimeoutMs?: number;
  inheritOutput?: boolean;
}

export interface RunningSandbox extends PrismProcess {
  /** Where the upstream listens (without Prism's validation in front: for debugging only). */
  upstreamUrl: string;
  /** The number of failed servers (`count`). */
  size: number;
  seed: string;
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
  if (!Number.isInteger(size) || size < 0 || size > max) throw new RangeError(`the sandbox size must be an integer from 0 to ${max}, got ${size}`);
  const servers =
    options.servers ??
    (options.data !== undefined ? readRecordsFile(options.data).servers : generateFailedServers({ size, seed, errorCodes: readErrorCodes(), regionHosts: regionHosts(spec) }));

  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await findFreePort(host));
  const upstream = await startUpstream(spec, servers);
  let prism: PrismProcess;
  try {
    const validateRequest = options.requestErrors === 'prism';
    prism = await startPrism(prismProxyArgs({ upstream: upstream.url, host, port, validateRequest }), {
      host,
      port,
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
      ...(options.inheritOutput !== undefined ? { inheritOutput: options.inheritOutput } : {}),
    });
  } catch (error) {
    await upstream.close();
    throw error;
  }
  return {
    ...prism,
    upstreamUrl: upstream.url,
    size: servers.length,
    seed,
    stop: async (graceMs?: number) => {
      await prism.stop(graceMs);
      await upstream.close();
    },
  };
}
