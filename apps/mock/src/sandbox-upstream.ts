// The sandbox's stand-in for the service: a node:http server on a free loopback port that answers the
// spec's one operation from a data set, with real paging by record offset (the page is
// servers[offset, offset + limit) and `count` is the size of the whole set), after the credential and query
// checks. Prism's proxy sits in front of it and validates every answer against the spec.
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkQuery, credentialProblem, errorBody, rulesFromSpec } from './sandbox-checks.js';
import type { FailedServer } from './sandbox-data.js';
import { listOperation, queryParameter, type Spec } from './spec-facts.js';

export interface Upstream {
  url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, requestId: string, body?: unknown): void {
  const headers: Record<string, string> = { 'X-Request-Id': requestId };
  if (body !== undefined) headers['Content-Type'] = 'application/json;charset=UTF-8';
  response.writeHead(status, headers).end(body === undefined ? undefined : JSON.stringify(body));
}

export async function startUpstream(spec: Spec, servers: FailedServer[]): Promise<Upstream> {
  const { path, method } = listOperation(spec);
  const rules = rulesFromSpec(spec);
  // The paging parameters, looked up so that a rename in the spec fails here rather than pages wrongly.
  const limit = queryParameter(spec, 'limit').name;
  const offset = queryParameter(spec, 'offset').name;

  // Room for the largest token the spec allows (16,384 characters), past Node's default 16 KiB of headers.
  const server = createServer({ maxHeaderSize: 65536 }, (request, response) => {
    const requestId = randomUUID().replaceAll('-', '');
    const url = new URL(request.url ?? '/', 'http://upstream');
    // Prism answers other paths and methods itself (404/405) and never forwards them.
    if (url.pathname !== path || request.method !== method) return send(response, 404, requestId);
    // The API gateway authenticates before the service sees the query.
    const unauthenticated = credentialProblem(request.headers, rules);
    if (unauthenticated !== undefined) return send(response, 401, requestId, errorBody(rules.unauthorized, unauthenticated, requestId));
    const query = checkQuery(url.searchParams, rules);
    if ('problem' in query) return send(response, 400, requestId, errorBody(rules.badRequest, query.problem, requestId));
    const start = Number(query.values[offset]);
    const size = Number(query.values[limit]);
    send(response, 200, requestId, { count: servers.length, migration_errors: servers.slice(start, start + size) });
  });
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
