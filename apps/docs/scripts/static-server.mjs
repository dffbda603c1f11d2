// Serves dist/ with sirv, a maintained static file server, bound to loopback by default. sirv lists the
// files once at start and serves only those (no path is ever joined onto the disk), decodes URLs without
// throwing, and sets the content types. Around it, what a server open to any request needs: GET and HEAD
// only (405 with Allow otherwise), a 400 for what HTTP calls malformed (a body on a GET, several Host
// headers, a target that is no path, bad percent-encoding or NUL in the URL; apps/mock's front refuses the
// same), a 405 for CONNECT instead of a dropped connection, Range ignored (sirv reads it loosely: `bytes=0-0`
// sends the whole file and an end before the start throws; RFC 9110 lets a server ignore Range, and the page
// is read whole), and an unexpected throw answered, never a crash.
import { createServer } from 'node:http';
import sirv from 'sirv';

const ALLOW = 'GET, HEAD';

function plain(response, status, text, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
}

/** Why HTTP says the request is malformed, or undefined. */
function malformedProblem(request) {
  if (request.httpVersionMajor !== 1) return `HTTP/${request.httpVersion} is not HTTP/1.x`;
  const hosts = request.rawHeaders.filter((name, index) => index % 2 === 0 && name.toLowerCase() === 'host').length;
  if (request.httpVersionMinor === 1 && hosts !== 1) return 'an HTTP/1.1 request has exactly one Host header';
  const target = request.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return 'the request target must be a path';
  for (const part of target.split(/[?&=]/)) {
    try {
      if (decodeURIComponent(part).includes('\0')) return 'the URL contains NUL';
    } catch {
      return 'the URL has malformed percent-encoding';
    }
  }
  const length = request.headers['content-length'];
  if (request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) return `a ${request.method} request has no body`;
  return undefined;
}

/** Serves `root` on host:port (port 0: a free one); resolves with the listening server and its URL. */
export function serveDirectory(root, { host = '127.0.0.1', port = 0 } = {}) {
  const serveFile = sirv(root, { etag: true, onNoMatch: (_request, response) => plain(response, 404, 'not found') });
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'method not allowed', { Allow: ALLOW, Connection: 'close' });
    // A refused request's body is not read, so the connection closes after the answer.
    const malformed = malformedProblem(request);
    if (malformed !== undefined) return plain(response, 400, malformed, { Connection: 'close' });
    delete request.headers.range;
    try {
      serveFile(request, response);
    } catch {
      if (!response.headersSent) plain(response, 500, 'internal error');
      else response.destroy();
    }
  });
  server.on('connect', (_request, socket) => socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOW}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: listening } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${listening}/` });
    });
  });
}
