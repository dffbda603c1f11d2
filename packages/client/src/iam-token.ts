// A token from IAM for an IAM user (`POST /v3/auth/tokens`, password method, project scope, nocatalog; see
// spec/iam.yaml), as a credential provider: fetched on first use, kept, fetched again before it expires, one
// IAM request shared by concurrent calls, and a request refused with 401 sent once more with a fresh token
// (IAM invalidates tokens early when a user's password or permissions change). The password stays in this
// closure: it is in no error, no log line, and nothing this module returns can serialize it.

import { SmsCredentialsError, SmsIamError } from './credential-errors.js';
import type { CredentialProvider } from './credentials.js';
import { iam } from './generated/credential-facts.js';
import type { paths as IamPaths } from './generated/iam-openapi.js';
import { authToken, requestIdHeader } from './generated/spec-facts.js';

export interface IamCredentials {
  /** The IAM user's name. */
  user: string;
  /** The IAM user's password. */
  password: string;
  /** The account (domain) name the user belongs to. */
  domain: string;
  /** The project name to scope the token to (default: the region, whose default project is named like it). */
  project?: string | undefined;
  /** IAM's base URL (default: the region's IAM endpoint, else the global one). */
  endpoint?: string | undefined;
}

export interface IamProviderOptions {
  /** The region called: the default project name and IAM endpoint. */
  region?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  /** The clock that decides when to fetch a fresh token (default: the system clock). */
  now?: (() => Date) | undefined;
}

/** A token IAM issued, and when it expires. */
export interface IamToken {
  token: string;
  expiresAt: Date;
  /** The project id the token is scoped to, if IAM said. */
  projectId: string | undefined;
}

export type IamTokenProvider = CredentialProvider & {
  /** The current token (fetching one if there is none or it is about to expire). */
  token(): Promise<IamToken>;
  /** `IAM user ops of account acme, project cn-north-4, at https://iam...`: nothing secret. */
  readonly description: string;
};

/** A fresh token is fetched this long before the old one expires, or halfway through a shorter life. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/** The IAM endpoint of a region (spec/iam.yaml's regional server), or the global one. */
export function iamEndpointFor(region: string | undefined): string {
  return region ? iam.regionalEndpoint.replace('{region}', region) : iam.globalEndpoint;
}

function required(key: keyof IamCredentials, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new SmsCredentialsError('iam', `iam.${key}`, 'must be a non-empty string');
  }
  return value;
}

type TokensOperation = IamPaths['/v3/auth/tokens']['post'];
type TokenRequest = TokensOperation['requestBody']['content']['application/json'];
type TokenCreated = TokensOperation['responses']['201']['content']['application/json'];
/** The body of IAM's 400 and 401, as far as the message is concerned. */
type TokenRefused = { error?: { message?: unknown } };

export function iamTokenProvider(
  credentials: IamCredentials,
  { region, fetch = globalThis.fetch, now = () => new Date() }: IamProviderOptions = {},
): IamTokenProvider {
  const user = required('user', credentials.user);
  const password = required('password', credentials.password);
  const domain = required('domain', credentials.domain);
  const project = credentials.project || region;
  if (!project) {
    throw new SmsCredentialsError(
      'iam',
      'iam.project',
      'is needed when no region is given (the project name, such as cn-north-4)',
    );
  }
  const endpoint = (credentials.endpoint || iamEndpointFor(region)).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(endpoint)) {
    throw new SmsCredentialsError('iam', 'iam.endpoint', 'must be an absolute http(s) URL');
  }
  const description = `IAM user "${user}" of account "${domain}", project "${project}", at ${endpoint}`;

  const fetchToken = async (): Promise<IamToken & { refreshAt: number }> => {
    const body = {
      auth: {
        identity: {
          methods: ['password' as const],
          password: { user: { name: user, password, domain: { name: domain } } },
        },
        scope: { project: { name: project } },
      },
    };
    // Plain fetch typed by the generated IAM document, as the SMS request is: openapi-fetch stays out of the
    // main entry, which carries this for createSmsClient's `iam` option.
    const response = await fetch(`${endpoint}${iam.tokensPath}?nocatalog=true`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body satisfies TokenRequest),
      redirect: 'error',
    }).catch((error: unknown) => {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new SmsIamError(`IAM could not be reached for a token (${code}): ${description}`, undefined);
    });
    const requestId = response.headers.get(requestIdHeader) ?? undefined;
    const answer = (await response.json().catch(() => undefined)) as (TokenCreated & TokenRefused) | undefined;
    if (response.status !== 201 || !answer?.token) {
      // IAM's own words, with the password taken out should it ever echo it.
      const said = String(answer?.error?.message ?? '').replaceAll(password, '***');
      const hint = response.status === 401 ? ': check the user name, the password and the account name' : '';
      throw new SmsIamError(
        `IAM refused a token (${response.status}${said ? ` ${said}` : ''})${hint}: ${description}`,
        response.status,
        requestId,
      );
    }
    const data = answer;
    const token = response.headers.get(iam.subjectTokenHeader) ?? '';
    const expiresAt = Date.parse(data.token.expires_at);
    if (token === '' || token.length > authToken.maxLength || Number.isNaN(expiresAt)) {
      throw new SmsIamError(
        `IAM answered 201 without a usable ${iam.subjectTokenHeader} header or token.expires_at: ${description}`,
        201,
        requestId,
      );
    }
    const fetchedAt = now().getTime();
    const refreshAt = expiresAt - Math.min(REFRESH_BEFORE_MS, Math.max(0, (expiresAt - fetchedAt) / 2));
    return { token, expiresAt: new Date(expiresAt), projectId: data.token.project?.id, refreshAt };
  };

  let cached: (IamToken & { refreshAt: number }) | undefined;
  let pending: Promise<IamToken & { refreshAt: number }> | undefined;
  // One IAM request at a time, whoever asks: the others wait for its answer.
  const fresh = (): Promise<IamToken & { refreshAt: number }> => {
    pending ??= fetchToken().then(
      (value) => {
        cached = value;
        pending = undefined;
        return value;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  const current = async () => (cached && now().getTime() < cached.refreshAt ? cached : fresh());
  // The token each request carried, to renew only a token nobody has renewed yet.
  const sent = new WeakMap<Request, string>();

  return {
    description,
    async token() {
      const { token, expiresAt, projectId } = await current();
      return { token, expiresAt, projectId };
    },
    async onRequest({ request }) {
      const { token } = await current();
      request.headers.set(authToken.header, token);
      sent.set(request, token);
      return request;
    },
    async onResponse({ request, response, options }) {
      const used = sent.get(request);
      if (response.status !== 401 || used === undefined) {
        return undefined;
      }
      sent.delete(request);
      await response.body?.cancel();
      // Refused: the token may have been invalidated early. Once, with a token fetched after this refusal.
      const { token } = cached && cached.token !== used ? cached : await fresh();
      request.headers.set(authToken.header, token);
      return options.fetch(request);
    },
    toJSON() {
      return { iam: description };
    },
  } as IamTokenProvider;
}
