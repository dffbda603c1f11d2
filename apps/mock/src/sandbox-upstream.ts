// The sandbox's stand-in for the service: a node:http server on a free loopback port that answers the
// spec's one operation from a data set, with real paging by record offset (the page is
// servers[offset, offset + limit) and `count` is the size of the whole set), after the gateway's credential
// check and the service's query check. Prism's proxy sits in front of it and validates every answer against
// the spec; Prism replaces the Host header with the upstream's own, so the Host a client signed comes as
// X-Forwarded-Host from the sandbox's front (src/sandbox-front.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { malformedProblem, normalizePath, refuseConnect, requestTarget } from './request-hygiene.js';
import {
  checkQuery,
  credentialProblem,
  errorBody,
  type Gateway,
  newRequestId,
  rulesFromSpec,
} from './sandbox-checks.js';
import type { SandboxCredentials } from './sandbox-credentials.js';
import type { FailedServer } from './sandbox-data.js';
import type { Lockout } from './sandbox-lockout.js';
import { listOperation, queryParameter, type Spec } from './spec-facts.js';

export interface Upstream {
  url: string;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  credentials: SandboxCredentials;
  /** The gateway's clock (default: the system clock). */
  now?: () => Date;
  /** Judges X-Auth-Token instead of the credentials' token rule (the sandbox's IAM: only the tokens it issued). */
  tokenProblem?: ((token: string) => string | undefined) | undefined;
  /** The gateway's lockout of an AK after failed authentications (off unless given). */
  lockout?: Lockout | undefined;
}

function send(
  response: ServerResponse,
  requestIdHeader: string,
  status: number,
  requestId: string,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const all: Record<string, string> = { [requestIdHeader]: requestId, ...headers };
  // The gateway's clock, as the gateway sends it: a client judges its own clock by it.
  all['Date'] ??= new Date().toUTCString();
  if (body !== undefined) {
    all['Content-Type'] = 'application/json;charset=UTF-8';
  }
  response.writeHead(status, all).end(body === undefined ? undefined : JSON.stringify(body));
}

/** The Host the client addressed: the front's X-Forwarded-Host through Prism, the request's own when called directly. */
function clientHost(request: IncomingMessage, ownHost: string | undefined): string {
  const forwarded = request.headers['x-forwarded-host'];
  return (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? ownHost ?? '';
}

/** The servers to serve: a fixed list, or the list in force now (a stepping sandbox, src/sandbox-steps.ts). */
export async function startUpstream(
  spec: Spec,
  servers: FailedServer[] | (() => FailedServer[]),
  options: UpstreamOptions,
): Promise<Upstream> {
  const { path, method } = listOperation(spec);
  const rules = rulesFromSpec(spec);
  const gateway: Gateway = {
    credentials: options.credentials,
    now: options.now ?? (() => new Date()),
    tokenProblem: options.tokenProblem,
  };
  // The paging parameters, looked up so that a rename in the spec fails here rather than pages wrongly.
  const limit = queryParameter(spec, 'limit').name;
  const offset = queryParameter(spec, 'offset').name;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const requestId = newRequestId();
    // Called directly (the crash tests do), it refuses malformed HTTP like the front does.
    const malformed = malformedProblem(request);
    const target = requestTarget(request);
    if (malformed !== undefined || target === undefined) {
      send(
        response,
        rules.requestId,
        400,
        requestId,
        errorBody(rules.badRequest, malformed ?? 'the request target must be a path', requestId),
      );
      return;
    }
    const url = new URL(normalizePath(target.path), 'http://upstream');
    // Prism answers other paths and methods itself (404/405) and never forwards them.
    if (url.pathname !== path) {
      send(response, rules.requestId, 404, requestId);
      return;
    }
    if (request.method !== method) {
      send(response, rules.requestId, 405, requestId, undefined, { Allow: method });
      return;
    }
    // The API gateway authenticates before the service sees the query.
    const signed = {
      method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      host: clientHost(request, target.host),
    };
    const date = { Date: gateway.now().toUTCString() };
    const signedWithAk = request.headers['authorization'] !== undefined;
    const unauthenticated =
      (signedWithAk ? options.lockout?.locked(request.headers) : undefined) ??
      credentialProblem(signed, rules, gateway);
    if (signedWithAk) {
      options.lockout?.record(request.headers, unauthenticated !== undefined);
    }
    if (unauthenticated !== undefined) {
      send(response, rules.requestId, 401, requestId, errorBody(rules.unauthorized, unauthenticated, requestId), date);
      return;
    }
    const query = checkQuery(url.searchParams, rules);
    if ('problem' in query) {
      send(response, rules.requestId, 400, requestId, errorBody(rules.badRequest, query.problem, requestId));
      return;
    }
    const start = Number(query.values[offset]);
    const size = Number(query.values[limit]);
    // One read per request, so that a page and its count always come from the same step.
    const current = typeof servers === 'function' ? servers() : servers;
    send(
      response,
      rules.requestId,
      200,
      requestId,
      { count: current.length, migration_errors: current.slice(start, start + size) },
      date,
    );
  };

  // Room for the largest token the spec allows (16,384 characters), past Node's default 16 KiB of headers.
  const server = createServer({ maxHeaderSize: 65536 }, (request, response) => {
    // A GET's body is not read; drain it so that the connection stays usable.
    request.resume();
    try {
      handle(request, response);
    } catch {
      // Nothing above should throw; if it does, one request fails, not the sandbox.
      if (!response.headersSent) {
        send(response, rules.requestId, 500, newRequestId());
      } else {
        response.destroy();
      }
    }
  });
  server.on('connect', (_request: IncomingMessage, socket: Socket) => refuseConnect(socket, method));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
