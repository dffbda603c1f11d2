// The public listener of the mock and of the sandbox: a thin node:http proxy in front of Prism, which is not
// ours to change. It refuses what HTTP calls malformed (src/request-hygiene.ts) with the spec's 400 body,
// where Prism would answer some of it with a 500 (a target starting with `//`), a 501 (a GET with a body, in
// proxy mode) or a 200 (bad percent-encoding, read leniently); it decodes percent-encoded unreserved
// characters in the path (RFC 3986, 6.2.2.2), so that `/v3/err%6Frs` is `/v3/errors` to Prism and to the
// upstream alike; it lets its owner refuse more (`refuse`: the mock's query forms and Prefer header); it adds
// the Allow that Prism's 405 lacks; and it passes the Host the client sent (and signed) on as
// X-Forwarded-Host, since Prism's proxy replaces Host with its upstream's. Everything else goes to Prism and
// back unchanged.
//
// The front listens before Prism starts, so that its port is taken at once (a port in use is one clear line
// before Prism is started), and is pointed at Prism once Prism says where it listens (`connect`).
import {
  Agent,
  type ClientRequest,
  createServer,
  request as forward,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { httpUrl, listenProblem } from './prism-process.js';
import { malformedProblem, normalizePath, refuseConnect, requestTarget } from './request-hygiene.js';
import { type ErrorBody, errorBody, newRequestId } from './sandbox-checks.js';

export interface Front {
  url: string;
  port: number;
  /** Sends requests to Prism at `prismUrl` (such as `http://127.0.0.1:43125`); until then they get a 503. */
  connect(prismUrl: string): void;
  close(): Promise<void>;
}

/** What the owner's own check sees of a request that HTTP finds well formed. */
export interface FrontRequest {
  method: string;
  /** The normalised path, without the query. */
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface FrontOptions {
  host: string;
  /** 0: a port the OS chooses (read back into `url` and `port`). */
  port: number;
  /** The setting that moves the port, named when the port is in use. */
  portVariable?: string;
  /** The spec's 400 example: the shape of the front's refusals. */
  badRequest: ErrorBody;
  /** The operation's method, for Allow. */
  method: string;
  /** Answers some requests itself before Prism (the IAM token call): returns true when it did. */
  intercept?: ((request: IncomingMessage, response: ServerResponse) => boolean) | undefined;
  /** The header that carries the request ID (X-Request-Id), on the front's refusals too. */
  requestIdHeader: string;
  /** Why the owner refuses a request with a 400 before Prism sees it, or undefined to pass it on. */
  refuse?: (request: FrontRequest) => string | undefined;
}

// Headers of one connection, not of the request (RFC 9110, 7.6.1): never passed on.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'x-forwarded-host',
]);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) {
      kept[name] = value;
    }
  }
  return kept;
}

export async function startFront(options: FrontOptions): Promise<Front> {
  let prism: URL | undefined;
  // Keep-alive to Prism: one connection per concurrent request, not one per request.
  const agent = new Agent({ keepAlive: true });

  const refuse = (response: ServerResponse, reason: string): void => {
    const requestId = newRequestId();
    // `Connection: close`: a refused body is not read, so the connection cannot carry another request.
    response
      .writeHead(400, {
        'Content-Type': 'application/json;charset=UTF-8',
        [options.requestIdHeader]: requestId,
        Connection: 'close',
      })
      .end(JSON.stringify(errorBody(options.badRequest, reason, requestId)));
  };

  const server = createServer({ maxHeaderSize: 65536 }, (request, response) => {
    const malformed = malformedProblem(request);
    const where = requestTarget(request);
    if (malformed !== undefined || where === undefined) {
      return refuse(response, malformed ?? 'the request target must be a path');
    }
    if (options.intercept?.(request, response)) {
      return;
    }
    const path = normalizePath(where.path);
    const url = new URL(path, 'http://front');
    const refused = options.refuse?.({
      method: request.method ?? '',
      pathname: url.pathname,
      query: url.searchParams,
      headers: request.headers,
    });
    if (refused !== undefined) {
      return refuse(response, refused);
    }
    if (prism === undefined) {
      response
        .writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1', Connection: 'close' })
        .end('starting\n');
      return;
    }
    const headers = forwardable(request.headers);
    if (where.host !== undefined) {
      headers['x-forwarded-host'] = where.host;
    }
    let upstream: ClientRequest;
    try {
      upstream = forward({
        protocol: prism.protocol,
        hostname: prism.hostname,
        port: prism.port,
        method: request.method,
        path,
        headers,
        agent,
      });
    } catch {
      // Node refuses to send some targets it accepted (such as raw non-ASCII bytes): the client's fault.
      return refuse(response, 'the request target has characters a URL cannot have');
    }
    upstream.on('response', (answer) => {
      const answerHeaders = forwardable(answer.headers);
      // Prism sends no Allow with its 405; RFC 9110 requires one.
      if (answer.statusCode === 405) {
        answerHeaders['allow'] = options.method;
      }
      response.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(response);
    });
    upstream.on('error', () => {
      if (!response.headersSent) {
        response.writeHead(502, { 'Content-Type': 'text/plain' }).end('could not reach Prism\n');
      } else {
        response.destroy();
      }
    });
    // The client went away before the answer: let Prism's request go too.
    response.on('close', () => {
      if (!response.writableFinished) {
        upstream.destroy();
      }
    });
    request.pipe(upstream);
  });
  server.on('connect', (_request: IncomingMessage, socket: Socket) => refuseConnect(socket, options.method));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(listenProblem(options.host, options.port, error, options.portVariable))),
    );
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: httpUrl(options.host, port),
    port,
    connect: (prismUrl: string) => {
      prism = new URL(prismUrl);
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
