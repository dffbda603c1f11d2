// Temporary AK/SK of an ECS agency, from the instance metadata service (spec/iam.yaml's ecsMetadata): a
// session token first (PUT, with its lifetime), then the security key and the project id with it. Kept, and
// fetched again before `expires_at`. Only ever used when asked for: the service is on a link-local address
// that answers only on an ECS. The base URL is overridable (SMS_METADATA_ENDPOINT), and tests use a fake.

import { SmsCredentialsError } from './credential-errors.js';
import { credentialSources } from './generated/credential-facts.js';
import type { AkSkCredentials } from './sign-request.js';

const metadata = credentialSources.ecsMetadata;

export interface EcsMetadataOptions {
  /** The metadata service's base URL (default http://169.254.169.254). */
  endpoint?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  now?: (() => Date) | undefined;
  /** How long each metadata request may take, in ms (default 5 000: off an ECS nothing answers). */
  timeoutMs?: number | undefined;
}

/** Temporary credentials and when they expire. */
export type TemporaryCredentials = AkSkCredentials & { expiresAt: Date };

/** The session token's lifetime asked for, in seconds: long enough for the credentials fetched with it. */
const SESSION_TTL_SECONDS = 300;
const REFRESH_BEFORE_MS = 5 * 60_000;

/** What returns the agency's current credentials, fetching them when there are none or they are about to expire. */
export function ecsAgencyCredentials({
  endpoint = metadata.baseUrl,
  fetch = globalThis.fetch,
  now = () => new Date(),
  timeoutMs = 5000,
}: EcsMetadataOptions = {}) {
  const base = endpoint.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(base)) {
    throw new SmsCredentialsError('ecs', 'metadata endpoint', 'must be an absolute http(s) URL');
  }

  const call = async (path: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new SmsCredentialsError(
        'ecs',
        `${base}${path}`,
        `no answer (${code}): not an ECS, or its metadata service is unreachable`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      const hint =
        response.status === 404 && path === metadata.securityKeyPath ? ': is an agency attached to this ECS?' : '';
      throw new SmsCredentialsError('ecs', `${base}${path}`, `answered ${response.status}${hint}`);
    }
    return response;
  };
  const json = async (response: Response, path: string): Promise<Record<string, unknown>> => {
    try {
      return Object(await response.json());
    } catch {
      throw new SmsCredentialsError('ecs', `${base}${path}`, 'did not answer JSON');
    }
  };

  let projectId: string | undefined;
  const fetchCredentials = async (): Promise<TemporaryCredentials & { refreshAt: number }> => {
    const session = await (
      await call(metadata.sessionTokenPath, {
        method: 'PUT',
        headers: { [metadata.sessionTokenTtlHeader]: String(SESSION_TTL_SECONDS) },
      })
    ).text();
    const headers = { [metadata.sessionTokenHeader]: session.trim() };
    const key = Object(
      (await json(await call(metadata.securityKeyPath, { headers }), metadata.securityKeyPath))['credential'],
    );
    if (projectId === undefined) {
      const projectIdValue = (await json(await call(metadata.metadataPath, { headers }), metadata.metadataPath))[
        'project_id'
      ];
      if (typeof projectIdValue === 'string' && projectIdValue !== '') {
        projectId = projectIdValue;
      }
    }
    const fields = {
      access: key['access'],
      secret: key['secret'],
      securitytoken: key['securitytoken'],
      expires_at: key['expires_at'],
    };
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value !== 'string' || value === '') {
        throw new SmsCredentialsError('ecs', `${base}${metadata.securityKeyPath} credential.${name}`, 'missing');
      }
    }
    if (projectId === undefined) {
      throw new SmsCredentialsError('ecs', `${base}${metadata.metadataPath} project_id`, 'missing');
    }
    const expiresAt = Date.parse(fields.expires_at as string);
    if (Number.isNaN(expiresAt)) {
      throw new SmsCredentialsError('ecs', `${base}${metadata.securityKeyPath} credential.expires_at`, 'is not a time');
    }
    const fetchedAt = now().getTime();
    return {
      ak: fields.access as string,
      sk: fields.secret as string,
      securityToken: fields.securitytoken as string,
      projectId,
      expiresAt: new Date(expiresAt),
      refreshAt: expiresAt - Math.min(REFRESH_BEFORE_MS, Math.max(0, (expiresAt - fetchedAt) / 2)),
    };
  };

  let cached: (TemporaryCredentials & { refreshAt: number }) | undefined;
  let pending: Promise<TemporaryCredentials & { refreshAt: number }> | undefined;
  return async (): Promise<TemporaryCredentials> => {
    if (cached && now().getTime() < cached.refreshAt) {
      return cached;
    }
    // Concurrent calls share one round of metadata requests.
    pending ??= fetchCredentials().finally(() => {
      pending = undefined;
    });
    cached = await pending;
    return cached;
  };
}
