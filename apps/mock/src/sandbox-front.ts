// The sandbox's public listener: a thin node:http proxy in front of Prism's validating proxy. Prism's proxy
// does three things the gateway would not: it replaces the Host a client signed with the upstream's (so the
// front passes it on as X-Forwarded-Host), it answers a GET with a body with a 501, and it reads malformed
// percent-encoding leniently. The front refuses those two with the service's 400 body, adds Allow to Prism's
// 405 answers, and otherwise forwards requests and answers unchanged.
import { Agent, createServer, request as forward, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { errorBody, type ErrorBody } from './sandbox-checks.js';
import { newRequestId, refuseConnect } from './sandbox-upstream.js';

export interface Front {
  url: string;
  close(): Promise<void>;
}

export interface FrontOptions {
  host: string;
  port: number;
  /** Prism's address, such as `http://127.0.0.1:43125`. */
  prismUrl: string;
  /** The spec's 400 example: the shape of the front's refusals. */
  badRequest: ErrorBody;
  /** The operation's method, for Allow. */
  method: string;
}

// Headers of one connection, not of the request (RFC 9110, 7.6.1): never passed on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'x-forwarded-host']);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) kept[name] = value;
  return kept;
}

/** True when every `%` starts an escape and the escapes spell UTF-8, in the path and in each query part. */
function wellEncoded(target: string): boolean {
  const parts = target.split(/[?&=]/);
  return parts.every((part) => {
    try {
      decodeURIComponent(part);
      return true;
    } catch {
      return false;
    }
  });
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The path and query to forward, and the Host to pass on: an absolute-form target carries its own authority. */
function target(request: IncomingMessage): { path: string; host: string | undefined } | undefined {
  const raw = request.url ?? '';
  if (raw.startsWith('/')) return { path: raw, host: request.headers.host };
  if (/^https?:\/\//i.test(raw) && URL.canParse(raw)) {
    const url = new URL(raw);
    return { path: `${url.pathname}${url.search}`, host: url.host };
  }
  return undefined;
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const prism = new URL(options.prismUrl);
  // Keep-alive to Prism: one connection per concurrent request, not one per request.
  const agent = new Agent({ keepAlive: true });

  const refuse = (response: ServerResponse, reason: string): void => {
    const requestId = newRequestId();
    // `Connection: close`: a refused body is not read, so the connection cannot carry another request.
    response
      .writeHead(400, { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': requestId, Connection: 'close' })
      .end(JSON.stringify(errorBody(options.badRequest, reason, requestId)));
  };

  const server = createServer({ maxHeaderSize: 65536 }, (request, response) => {
    const where = target(request);
    if (where === undefined) return refuse(response, 'the request target must be a path');
    if (!wellEncoded(where.path)) return refuse(response, 'the URL has malformed percent-encoding');
    if ((request.method === 'GET' || request.method === 'HEAD') && hasBody(request)) return refuse(response, `a ${request.method} request has no body`);
    const headers = forwardable(request.headers);
    if (where.host !== undefined) headers['x-forwarded-host'] = where.host;
    let upstream: ClientRequest;
    try {
      upstream = forward({ protocol: prism.protocol, hostname: prism.hostname, port: prism.port, method: request.method, path: where.path, headers, agent });
    } catch {
      // Node refuses to send some targets it accepted (such as raw non-ASCII bytes): the client's fault.
      return refuse(response, 'the request target has characters a URL cannot have');
    }
    upstream.on('response', (answer) => {
      const answerHeaders = forwardable(answer.headers);
      // Prism sends no Allow with its 405; RFC 9110 requires one.
      if (answer.statusCode === 405) answerHeaders['allow'] = options.method;
      response.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(response);
    });
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain' }).end('the sandbox could not reach its Prism\n');
      else response.destroy();
    });
    // The client went away before the answer: let Prism's request go too.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  });
  server.on('connect', (_request: IncomingMessage, socket: Socket) => refuseConnect(socket, options.method));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
