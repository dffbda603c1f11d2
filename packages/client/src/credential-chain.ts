// The credential chain: the first complete source wins, in this order: explicit options; the environment
// (AK/SK, then SMS_AUTH_TOKEN, then an IAM user); Huawei's SDK profile file; KooCLI's configuration. An ECS
// agency only when asked for (`source: 'ecs'`). A source that is there but broken is an error, not skipped:
// a half-written file is a mistake to hear about. What it returns says which source won and why the ones
// before it did not, with nothing secret in it.
/// <reference types="node" />
import { homedir } from 'node:os';
import { akSkProvider } from './aksk-provider.js';
import { SmsCredentialsError } from './credential-errors.js';
import { maskAk } from './credential-files.js';
import { credentialVariables as names } from './credential-variables.js';
import { type CredentialProvider, createAuthenticator, type TokenSource } from './credentials.js';
import { ecsAgencyCredentials } from './ecs-metadata.js';
import { type IamCredentials, iamTokenProvider } from './iam-token.js';
import { readKooCliConfig } from './koocli-config.js';
import { profileIamEndpoint, readProfileFile } from './profile-file.js';
import type { AkSkCredentials } from './sign-request.js';

/** Where credentials came from. `options`: given in code. */
export type CredentialSource = 'options' | 'env' | 'profile' | 'hcloud' | 'iam' | 'ecs';

/** The sources a caller can force (`--credentials-source`). */
export const forcibleSources = ['env', 'profile', 'hcloud', 'iam', 'ecs'] as const;

export interface ResolveCredentialsOptions {
  /** Use this source only (an error when it has nothing); default: the chain. */
  source?: (typeof forcibleSources)[number] | undefined;
  /** Explicit credentials, first in the chain. */
  credentials?: AkSkCredentials | undefined;
  token?: TokenSource | undefined;
  iam?: IamCredentials | undefined;
  /** The KooCLI profile (default: SMS_PROFILE, else the configuration's `current`). */
  profile?: string | undefined;
  /** The region called: the IAM project and endpoint default to it. */
  region?: string | undefined;
  env?: Record<string, string | undefined> | undefined;
  /** The home directory the files are read from (default: the user's). */
  home?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  now?: (() => Date) | undefined;
  /** Where warnings go (a secret-holding file others can read); default: console.warn. */
  warn?: ((line: string) => void) | undefined;
}

export interface ResolvedCredentials {
  source: CredentialSource;
  /** Pass as `auth` to createSmsClient. */
  auth: CredentialProvider;
  /** What won, such as `HUAWEICLOUD_SDK_AK (AK ABCD...WXYZ)`: nothing secret. */
  detail: string;
  /** The AK as its first and last 4 characters, for AK/SK sources. */
  maskedAk?: string | undefined;
  /** The region the source names (a KooCLI profile's), for when neither a region nor an endpoint is given. */
  region?: string | undefined;
  /** The sources tried before, each with why it did not win. */
  skipped: { source: CredentialSource; reason: string }[];
}

type Attempt = Omit<ResolvedCredentials, 'skipped' | 'source'> | { reason: string };

function tokenProvider(token: TokenSource): CredentialProvider {
  const authenticate = createAuthenticator({ token });
  return {
    async onRequest({ request }) {
      await authenticate(request);
      return request;
    },
  };
}

function akSk(credentials: AkSkCredentials, detail: string, now: (() => Date) | undefined): Attempt {
  return {
    auth: akSkProvider(credentials, { now }),
    detail: `${detail} (AK ${maskAk(credentials.ak)})`,
    maskedAk: maskAk(credentials.ak),
  };
}

/** The first complete source, as a provider for createSmsClient's `auth`; throws SmsCredentialsError when none is. */
export async function resolveCredentials(options: ResolveCredentialsOptions = {}): Promise<ResolvedCredentials> {
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const { now, fetch, region } = options;
  const iamEndpoint = env[names.iamEndpoint] || undefined;
  // Huawei's SDKs also take IAM's endpoint from the profile file: an IAM user uses it when the variable is not set.
  const iamEndpointOfProfile = () => profileIamEndpoint(env, home);

  const attempts: Record<CredentialSource, () => Attempt> = {
    options() {
      if (options.credentials) {
        return akSk(options.credentials, 'the credentials option', now);
      }
      if (options.iam) {
        const endpoint = options.iam.endpoint ?? iamEndpoint ?? iamEndpointOfProfile();
        return {
          auth: iamTokenProvider({ ...options.iam, endpoint }, { region, fetch, now }),
          detail: 'the iam option',
        };
      }
      if (options.token !== undefined) {
        return { auth: tokenProvider(options.token), detail: 'the token option' };
      }
      return { reason: 'no credentials, token or iam option' };
    },
    env() {
      const ak = env[names.ak];
      const sk = env[names.sk];
      if (ak || sk) {
        const missing = [names.ak, names.sk, names.projectId].find((name) => !env[name]);
        if (missing) {
          throw new SmsCredentialsError(
            'env',
            missing,
            `is not set: AK/SK signing needs ${names.ak}, ${names.sk} and ${names.projectId}`,
          );
        }
        const securityToken = env[names.securityToken];
        return akSk(
          { ak: ak!, sk: sk!, projectId: env[names.projectId]!, ...(securityToken ? { securityToken } : {}) },
          names.ak,
          now,
        );
      }
      const token = env[names.token];
      if (token) {
        return { auth: tokenProvider(token), detail: names.token };
      }
      return { reason: `no ${names.ak}/${names.sk} or ${names.token}` };
    },
    iam() {
      const user = env[names.iamUser];
      const password = env[names.iamPassword];
      const domain = env[names.iamDomain];
      if (!user && !password && !domain) {
        return { reason: `no ${names.iamUser}` };
      }
      const missing = [names.iamUser, names.iamPassword, names.iamDomain].find((name) => !env[name]);
      if (missing) {
        throw new SmsCredentialsError(
          'iam',
          missing,
          `is not set: an IAM user needs ${names.iamUser}, ${names.iamPassword} and ${names.iamDomain}`,
        );
      }
      const endpoint = iamEndpoint ?? iamEndpointOfProfile();
      const provider = iamTokenProvider(
        { user: user!, password: password!, domain: domain!, project: env[names.iamProject], endpoint },
        { region, fetch, now },
      );
      return { auth: provider, detail: `${names.iamUser} (${provider.description})` };
    },
    profile() {
      const file = readProfileFile(env, home);
      if (!file.found) {
        return { reason: file.reason };
      }
      if (file.warning) {
        warn(file.warning);
      }
      return akSk(file.credentials, `${file.path} [basic]`, now);
    },
    hcloud() {
      const config = readKooCliConfig(home, options.profile ?? (env[names.profile] || undefined));
      if (!config.found) {
        return { reason: config.reason };
      }
      if (config.warning) {
        warn(config.warning);
      }
      return { ...akSk(config.credentials, `${config.path} profile "${config.profile}"`, now), region: config.region };
    },
    ecs() {
      const credentials = ecsAgencyCredentials({ endpoint: env[names.metadataEndpoint] || undefined, fetch, now });
      return {
        auth: akSkProvider(credentials, { now }),
        detail: `the ECS agency (metadata service${env[names.metadataEndpoint] ? ` at ${env[names.metadataEndpoint]}` : ''})`,
      };
    },
  };

  // Explicit options are a source only when given: then they win, and nothing else is looked at.
  const given = options.credentials !== undefined || options.iam !== undefined || options.token !== undefined;
  const order: CredentialSource[] = options.source
    ? [options.source]
    : given
      ? ['options']
      : ['env', 'iam', 'profile', 'hcloud'];
  const skipped: ResolvedCredentials['skipped'] = [];
  for (const source of order) {
    const attempt = attempts[source]();
    if (!('reason' in attempt)) {
      return { source, ...attempt, skipped };
    }
    skipped.push({ source, reason: attempt.reason });
  }
  const why = skipped.map(({ source, reason }) => `${source}: ${reason}`).join('; ');
  throw new SmsCredentialsError(options.source ?? 'none', 'credentials', `none found (${why})`);
}
