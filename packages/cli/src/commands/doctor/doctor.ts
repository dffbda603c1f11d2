// `sms-errors doctor`: what is wrong, one check at a time. The runtime; the endpoint and region; which
// credential source won and why the ones before it did not (an AK as its first and last 4 characters,
// nothing of a secret); the local clock against the endpoint's Date; and one request (limit=1) with its
// status, request id and latency. Each failure says what to do, and the run exits with the first failure's
// code.
import { SmsApiError, SmsError, SmsNetworkError } from '@sms-errors/client';
import { CLOCK_HINT_MS, maxClockSkewSeconds, type ResolvedCredentials } from '@sms-errors/client/env';
import { requestIdHeader } from '@sms-errors/client/facts';
import { createRawSmsClient } from '@sms-errors/client/raw';
import { type Connection, connect } from '../../shared/connect.js';
import type { ResolveContext } from '../../shared/credentials.js';
import { classify, ExitCode, type ExitCodeValue } from '../../shared/exit-codes.js';
import type { Messages } from '../../shared/messages.js';
import type { DoctorCommand } from '../../shared/parse-args.js';
import { packageEngines } from '../../shared/version.js';

export interface Check {
  name: 'runtime' | 'endpoint' | 'credentials' | 'clock' | 'request';
  ok: boolean;
  /** What was found. */
  detail: string;
  /** What to do, for a failed check. */
  action?: string | undefined;
  /** The exit code a failure of this check gives. */
  code: ExitCodeValue;
}

export interface DoctorReport {
  checks: Check[];
  exitCode: ExitCodeValue;
}

/** `20.19.0` from `>=20.19.0`: the oldest Node the package supports. */
function oldestNode(): string {
  return /(\d+\.\d+\.\d+)/.exec(packageEngines().node ?? '')?.[1] ?? '0.0.0';
}

function atLeast(version: string, oldest: string): boolean {
  const [a, b] = [version, oldest].map((v) => v.replace(/^v/, '').split('.').map(Number)) as [number[], number[]];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) {
      return (a[i] ?? 0) > (b[i] ?? 0);
    }
  }
  return true;
}

function describeCredentials(credentials: ResolvedCredentials, text: Messages): string {
  const skipped = credentials.skipped.map(({ source, reason }) => `${source}: ${reason}`).join('; ');
  return text.doctorCredentials(credentials.source, credentials.detail, skipped);
}

export async function doctor(
  command: DoctorCommand,
  context: ResolveContext & { signal?: AbortSignal | undefined; now?: () => Date },
  text: Messages,
): Promise<DoctorReport> {
  const checks: Check[] = [];
  const now = context.now ?? (() => new Date());
  const oldest = oldestNode();
  const nodeOk = atLeast(process.versions.node, oldest);
  checks.push({
    name: 'runtime',
    ok: nodeOk,
    detail: text.doctorRuntime(process.versions.node, process.platform, process.arch),
    action: nodeOk ? undefined : text.doctorInstallNode(oldest),
    code: ExitCode.usage,
  });

  let connection: Connection;
  try {
    connection = await connect(command, context, text);
  } catch (error) {
    const failure = classify(error, {}, text);
    // Where to send comes first: a usage error is the endpoint's check, anything else the credentials'.
    const endpointFailed = failure.code === ExitCode.usage;
    checks.push({
      name: endpointFailed ? 'endpoint' : 'credentials',
      ok: false,
      detail: failure.message,
      action: endpointFailed ? text.doctorGiveWhere : text.doctorCredentialsGuide,
      code: failure.code,
    });
    return { checks, exitCode: failure.code };
  }
  const { client, credentials, regionFrom } = connection;
  const region = command.region ?? (regionFrom ? credentials.region : undefined);
  checks.push({
    name: 'endpoint',
    ok: true,
    detail: text.doctorEndpoint(client.baseUrl, region, regionFrom),
    code: ExitCode.usage,
  });
  checks.push({ name: 'credentials', ok: true, detail: describeCredentials(credentials, text), code: ExitCode.auth });

  // One request, as small as a useful one can be, raw so that its answer's Date and X-Request-Id are at hand:
  // the Date judges the clock. The credential provider still authenticates it and explains a refusal.
  const started = performance.now();
  let response: Response | undefined;
  let failure: unknown;
  try {
    const query = {
      limit: 1,
      offset: 0,
      ...(command.enterpriseProjectId !== undefined ? { enterprise_project_id: command.enterpriseProjectId } : {}),
    };
    const signals = [AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...(context.signal ? [context.signal] : [])];
    const raw = createRawSmsClient({
      baseUrl: client.baseUrl,
      auth: credentials.auth,
      ...(context.fetch ? { fetch: context.fetch } : {}),
    });
    const answer = await raw.GET('/v3/errors', {
      params: { query },
      parseAs: 'text',
      signal: AbortSignal.any(signals),
    });
    response = answer.response;
    if (!response.ok) {
      failure = SmsApiError.generate(response.status, parsedBody(answer.error), response.headers.get(requestIdHeader));
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    failure = error instanceof SmsError ? error : new SmsNetworkError(text.requestFailed(cause), 1, { cause: error });
  }
  const latencyMs = Math.round(performance.now() - started);
  const skew =
    failure instanceof SmsApiError && failure.clockSkewMs !== undefined
      ? failure.clockSkewMs
      : dateSkew(response, now());
  if (skew === undefined) {
    checks.push({ name: 'clock', ok: true, detail: text.doctorNoDate, code: ExitCode.auth });
  } else {
    const tooFar = Math.abs(skew) > maxClockSkewSeconds * 1000;
    const words =
      Math.abs(skew) > CLOCK_HINT_MS
        ? text.doctorClockOff(skew)
        : text.doctorClockWithin(Math.max(1, Math.round(Math.abs(skew) / 1000)));
    checks.push({
      name: 'clock',
      ok: !tooFar,
      detail: words,
      action: tooFar ? text.clockHint : undefined,
      code: ExitCode.auth,
    });
  }

  const requestId =
    failure instanceof SmsApiError ? failure.requestId : (response?.headers.get(requestIdHeader) ?? undefined);
  if (failure === undefined) {
    checks.push({
      name: 'request',
      ok: true,
      detail: text.doctorRequestOk(latencyMs, requestId ?? undefined),
      code: ExitCode.api,
    });
  } else {
    const { code, message } = classify(failure, { host: new URL(client.baseUrl).host }, text);
    const status = failure instanceof SmsApiError ? `${failure.status} ` : '';
    checks.push({
      name: 'request',
      ok: false,
      detail: text.doctorRequestFailed(status, latencyMs, message),
      action:
        failure instanceof SmsApiError && (failure.status === 401 || failure.status === 403)
          ? text.doctorCheckPermissions
          : undefined,
      code,
    });
  }
  const first = checks.find((check) => !check.ok);
  return { checks, exitCode: first?.code ?? ExitCode.ok };
}

/** How long the one request may take (it is one attempt, without the helpers' retries). */
const REQUEST_TIMEOUT_MS = 30_000;

function parsedBody(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return text;
  }
}

function dateSkew(response: Response | undefined, localNow: Date): number | undefined {
  const date = response?.headers.get('Date');
  const serverNow = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(serverNow) ? undefined : localNow.getTime() - serverNow;
}
