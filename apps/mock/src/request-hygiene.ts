// What the servers of ours in front of Prism (the front of the mock and of the sandbox, the sandbox's
// upstream) refuse before looking at a request, because
// HTTP itself says it is malformed: Node's parser already answers garbage, oversized heads and bad framing with
// a 4xx, but lets these through. Each check names the problem for a 400 body.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** The path and query a request targets, and the host it names; undefined for a target that is neither. */
export function requestTarget(request: IncomingMessage): { path: string; host: string | undefined } | undefined {
  const raw = request.url ?? '';
  if (raw.startsWith('/')) {
    return { path: raw, host: request.headers.host };
  }
  // The absolute form (`GET http://host/path`) carries its own authority, which wins over Host (RFC 9112, 3.2.2).
  if (/^https?:\/\//i.test(raw) && URL.canParse(raw)) {
    const url = new URL(raw);
    return { path: `${url.pathname}${url.search}`, host: url.host };
  }
  return undefined;
}

/** Why the path and query cannot be read: a `%` that starts no escape, escapes that spell no UTF-8, a NUL. */
export function urlProblem(path: string): string | undefined {
  for (const part of path.split(/[?&=]/)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return 'the URL has malformed percent-encoding';
    }
    if (decoded.includes('\0')) {
      return 'the URL contains NUL';
    }
  }
  return undefined;
}

/**
 * The path with percent-encoded unreserved characters (`A-Z a-z 0-9 - . _ ~`) decoded and every other escape
 * in upper case, as RFC 3986 (6.2.2.1 and 6.2.2.2) normalises a URI: `/v3/err%6Frs` is `/v3/errors`. The
 * query is left as sent (its values are decoded when it is parsed).
 */
export function normalizePath(target: string): string {
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  const normal = path.replace(/%[0-9A-Fa-f]{2}/g, (encoded) => {
    const character = String.fromCharCode(Number.parseInt(encoded.slice(1), 16));
    return /^[A-Za-z0-9\-._~]$/.test(character) ? character : encoded.toUpperCase();
  });
  return query === -1 ? normal : normal + target.slice(query);
}

export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Why HTTP says the request is malformed, or undefined. */
export function malformedProblem(request: IncomingMessage): string | undefined {
  if (request.httpVersionMajor !== 1) {
    return `HTTP/${request.httpVersion} is not HTTP/1.x`;
  }
  // Node keeps the first of several Host headers; RFC 9112 (3.2) wants a 400 for more than one.
  const hosts = request.rawHeaders
    .filter((_, index) => index % 2 === 0)
    .filter((name) => name.toLowerCase() === 'host').length;
  if (request.httpVersionMinor === 1 && hosts !== 1) {
    return 'an HTTP/1.1 request has exactly one Host header';
  }
  const target = requestTarget(request);
  if (target === undefined) {
    return 'the request target must be a path';
  }
  // `//x` reads as a host, not a path, to a URL parser (Prism answers it with a 500).
  if (target.path.startsWith('//')) {
    return 'the path must not start with //';
  }
  const inUrl = urlProblem(target.path);
  if (inUrl !== undefined) {
    return inUrl;
  }
  if ((request.method === 'GET' || request.method === 'HEAD') && hasBody(request)) {
    return `a ${request.method} request has no body`;
  }
  return undefined;
}

/** A CONNECT is for proxies; Node would drop the connection without a word, so it gets a 405 instead. */
export function refuseConnect(socket: Duplex, allow: string): void {
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${allow}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
}
