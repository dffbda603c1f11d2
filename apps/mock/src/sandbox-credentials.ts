// The credentials the sandbox accepts, as Huawei's gateway would for one account: an AK/SK pair with its
// project id (and, for temporary credentials, a security token), and optionally one IAM token. Unless
// configured, the AK/SK are fixed, public test values (printed at start, so they can be copied) and any token
// within the spec's bounds is accepted. A configured SK, security token or token is a secret: never printed.

export interface SandboxCredentials {
  ak: string;
  sk: string;
  projectId: string;
  /** When set, AK/SK requests must send it as X-Security-Token, signed. */
  securityToken?: string;
  /** When set, X-Auth-Token must be exactly this; otherwise any token within the spec's bounds is accepted. */
  token?: string;
}

/** The sandbox's default credentials: clearly fake, documented, and safe to print. */
export const sandboxTestCredentials: Readonly<Pick<SandboxCredentials, 'ak' | 'sk' | 'projectId' | 'token'>> =
  Object.freeze({
    ak: 'SANDBOXTESTAK0000000000',
    sk: 'sandbox-test-sk-not-a-secret',
    projectId: '0000000000000000000000000000sbox',
  });

export type CredentialKey = keyof SandboxCredentials;

/** Where each credential can be set: `startSandbox({ credentials })`, the environment, the command's flags. */
export const credentialSettings: readonly { key: CredentialKey; env: string; flag: string; secret: boolean }[] = [
  { key: 'ak', env: 'SANDBOX_AK', flag: 'ak', secret: false },
  { key: 'sk', env: 'SANDBOX_SK', flag: 'sk', secret: true },
  { key: 'projectId', env: 'SANDBOX_PROJECT_ID', flag: 'project-id', secret: false },
  { key: 'securityToken', env: 'SANDBOX_SECURITY_TOKEN', flag: 'security-token', secret: true },
  { key: 'token', env: 'SANDBOX_TOKEN', flag: 'token', secret: true },
];

// Every value goes into a header (or keys an HMAC of one): visible ASCII only, so that nothing can be
// smuggled into a header or lost to trimming. The AK is also an item of Authorization's comma-separated list.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** Why `value` cannot be the credential `key`, or undefined. The reason never repeats the value. */
export function credentialValueProblem(key: CredentialKey, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') {
    return 'must be a non-empty string';
  }
  if (!VISIBLE_ASCII.test(value)) {
    return 'must be visible ASCII characters only (no spaces or control characters)';
  }
  if (key === 'ak' && value.includes(',')) {
    return 'must not contain a comma';
  }
  return undefined;
}

export interface ResolvedCredentials {
  credentials: SandboxCredentials;
  /** The keys that were set rather than taken from the defaults. */
  configured: ReadonlySet<CredentialKey>;
}

/** The given credentials over the test defaults; throws a TypeError naming `label(key)` for a bad value. */
export function resolveCredentials(
  given: Partial<SandboxCredentials> = {},
  label: (key: CredentialKey) => string = (key) => `credentials.${key}`,
): ResolvedCredentials {
  const configured = new Set<CredentialKey>();
  const credentials: SandboxCredentials = { ...sandboxTestCredentials };
  for (const { key } of credentialSettings) {
    const value = given[key];
    if (value === undefined) {
      continue;
    }
    const problem = credentialValueProblem(key, value);
    if (problem) {
      throw new TypeError(`${label(key)} ${problem}`);
    }
    credentials[key] = value;
    configured.add(key);
  }
  return { credentials, configured };
}

/** The names of the credential headers, from the spec (X-Auth-Token, X-Project-Id, X-Security-Token). */
export interface CredentialHeaderNames {
  token: string;
  projectId: string;
  securityToken: string;
}

/**
 * The lines the sandbox prints at start: what to send. The AK and project id are printed (they are not
 * secret), the SK only while it is the public test SK, and a configured security token or token never.
 */
export function describeCredentials(
  { credentials, configured }: ResolvedCredentials,
  tokenRule: string,
  headers: CredentialHeaderNames,
): string[] {
  const sk = configured.has('sk') ? 'SK as configured (not shown)' : `SK ${credentials.sk}`;
  const securityToken =
    credentials.securityToken === undefined ? '' : `, ${headers.securityToken} as configured (not shown), signed`;
  const token =
    credentials.token === undefined
      ? `any ${headers.token} ${tokenRule}`
      : `the configured ${headers.token} only (not shown)`;
  const source = configured.size === 0 ? ' (the fixed test credentials of apps/mock/README.md)' : '';
  return [
    `  AK/SK: AK ${credentials.ak}, ${sk}, ${headers.projectId} ${credentials.projectId}${securityToken}${source}`,
    `  token: ${token}`,
  ];
}
