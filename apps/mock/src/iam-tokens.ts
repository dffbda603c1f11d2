// `POST /v3/auth/tokens` for the mock and the sandbox, as spec/iam.yaml describes it: the password method with
// a project scope, answered 201 with the token in X-Subject-Token and `token.expires_at` in the body, or with
// IAM's 400 and 401 bodies (their messages from the spec's examples). The mock issues a token to anyone; the
// sandbox, given an IAM user, only to that user, and then accepts only the tokens it issued, until they expire.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { newRequestId } from './sandbox-checks.js';

const require = createRequire(import.meta.url);

export interface IamUser {
  user: string;
  password: string;
  domain: string;
}

export interface IamEndpointOptions {
  /** The one user that gets tokens; without it, any well-formed request does (the mock). */
  user?: IamUser | undefined;
  /** How long a token lives, in seconds (default 86400, as IAM's do). */
  ttlSeconds?: number | undefined;
  /** The project id the token is scoped to (the sandbox's). */
  projectId: string;
  /** The gateway's clock. */
  now?: (() => Date) | undefined;
}

export interface IamEndpoint {
  /** Answers the request if it is the IAM call (returns true), else leaves it alone. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Why a token sent to SMS is not acceptable (not issued here, or expired), or undefined. */
  tokenProblem(token: string): string | undefined;
}

interface IamFacts {
  path: string;
  subjectTokenHeader: string;
  badRequest: { error: { code: number; message: string; title?: string } };
  unauthorized: { error: { code: number; message: string; title?: string } };
}

/** The path, the token header and the error examples, from spec/iam.yaml's build. */
export function readIamFacts(): IamFacts {
  const spec = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/iam.json'), 'utf8'));
  const [path, item] = Object.entries(spec.paths as Record<string, { post: { responses: unknown } }>)[0]!;
  const responses = item.post.responses as Record<
    string,
    { headers?: Record<string, unknown>; content: Record<string, { examples: Record<string, { value: unknown }> }> }
  >;
  const example = (status: string) =>
    Object.values(responses[status]!.content['application/json']!.examples)[0]!.value as IamFacts['badRequest'];
  const subjectTokenHeader = Object.keys(responses['201']!.headers ?? {}).find((name) => /subject-token/i.test(name))!;
  return { path, subjectTokenHeader, badRequest: example('400'), unauthorized: example('401') };
}

/** The user, password, domain and project of a password-method request body, or undefined when it is not one. */
function passwordRequest(body: unknown): (IamUser & { project: string }) | undefined {
  const auth = Object(Object(body)['auth']);
  const identity = Object(auth['identity']);
  const user = Object(Object(identity['password'])['user']);
  const project = Object(Object(auth['scope'])['project']);
  const methods = identity['methods'];
  const fields = [user['name'], user['password'], Object(user['domain'])['name'], project['name'] ?? project['id']];
  if (
    !Array.isArray(methods) ||
    !methods.includes('password') ||
    fields.some((field) => typeof field !== 'string' || field === '')
  ) {
    return undefined;
  }
  const [name, password, domain, projectName] = fields as string[];
  return { user: name!, password: password!, domain: domain!, project: projectName! };
}

const MAX_BODY_BYTES = 65536;

export function createIamEndpoint(options: IamEndpointOptions): IamEndpoint {
  const facts = readIamFacts();
  const ttlMs = (options.ttlSeconds ?? 86400) * 1000;
  const now = options.now ?? (() => new Date());
  // token -> when it expires (ms). Only the sandbox with a user checks it.
  const issued = new Map<string, number>();

  const answer = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response
      .writeHead(status, {
        'Content-Type': 'application/json;charset=UTF-8',
        'X-Request-Id': newRequestId(),
        Date: now().toUTCString(),
        ...headers,
      })
      .end(JSON.stringify(body));
  };

  const issue = (response: ServerResponse, request: IamUser & { project: string }) => {
    // Long and opaque like IAM's, and never predictable.
    const token = `MIIsandbox${randomBytes(48).toString('base64url')}`;
    const issuedAt = now().getTime();
    issued.set(token, issuedAt + ttlMs);
    answer(
      response,
      201,
      {
        token: {
          expires_at: new Date(issuedAt + ttlMs).toISOString(),
          issued_at: new Date(issuedAt).toISOString(),
          methods: ['password'],
          project: { id: options.projectId, name: request.project },
          user: { name: request.user },
        },
      },
      { [facts.subjectTokenHeader]: token },
    );
  };

  return {
    handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://iam');
      if (url.pathname !== facts.path || request.method !== 'POST') {
        return false;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) {
          chunks.push(chunk);
        }
      });
      request.on('end', () => {
        let body: unknown;
        try {
          body = size <= MAX_BODY_BYTES ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
        } catch {
          body = undefined;
        }
        const asked = passwordRequest(body);
        if (!asked) {
          return answer(response, 400, facts.badRequest);
        }
        const expected = options.user;
        if (
          expected &&
          (asked.user !== expected.user || asked.password !== expected.password || asked.domain !== expected.domain)
        ) {
          return answer(response, 401, facts.unauthorized);
        }
        issue(response, asked);
      });
      request.on('error', () => response.destroy());
      return true;
    },
    tokenProblem(token) {
      const expiresAt = issued.get(token);
      if (expiresAt === undefined) {
        return 'decrypt token fail (not a token this sandbox issued)';
      }
      if (now().getTime() >= expiresAt) {
        return 'the token has expired';
      }
      return undefined;
    },
  };
}
