// Serves dist/ with sirv, a maintained static file server, bound to loopback by default. sirv lists the
// files once at start and serves only those (no path is ever joined onto the disk), decodes URLs without
// throwing, and sets the content types. Around it, what a server open to any request needs: GET and HEAD
// only (405 with Allow otherwise), a 400 for what HTTP calls malformed (the checks of apps/mock's front,
// `@sms-errors/mock/request-hygiene`: a body on a GET, several Host headers, a target that is no path, bad
// percent-encoding or NUL in the URL), a 405 for CONNECT instead of a dropped connection, Range ignored (sirv
// reads it loosely: `bytes=0-0` sends the whole file and an end before the start throws; RFC 9110 lets a
// server ignore Range, and the page is read whole), and an unexpected throw answered, never a crash. Beside
// the files, it can answer a few made at start (`extraFiles`: the console's config.json, which says where the
// mock and sandbox listen), and it sends a folder's path without its slash to the path with it, so that the
// console's relative links and requests resolve in the console's folder.
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { malformedProblem, refuseConnect, requestTarget } from '@sms-errors/mock/request-hygiene';
import sirv from 'sirv';

const ALLOW = 'GET, HEAD';

function plain(response, status, text, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
}

/** `/name` of each folder of `root` (not nested) that has an index.html: the paths to redirect to `/name/`. */
function folderPaths(root) {
  return new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(join(root, entry.name)).includes('index.html'))
      .map((entry) => `/${entry.name}`),
  );
}

/**
 * Serves `root` on host:port (port 0: a free one); resolves with the listening server and its URL.
 * `extraFiles` maps a path to a `{ type, body }` served instead of any file there.
 * @param {string} root
 * @param {{ host?: string, port?: number, extraFiles?: Record<string, { type: string, body: string }> }} [options]
 */
export function serveDirectory(root, { host = '127.0.0.1', port = 0, extraFiles = {} } = {}) {
  const serveFile = sirv(root, { etag: true, onNoMatch: (_request, response) => plain(response, 404, 'not found') });
  const folders = folderPaths(root);
  const extra = new Map(Object.entries(extraFiles));
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(response, 405, 'method not allowed', { Allow: ALLOW, Connection: 'close' });
    }
    // A refused request's body is not read, so the connection closes after the answer.
    const malformed = malformedProblem(request);
    const target = requestTarget(request);
    if (malformed !== undefined || target === undefined) {
      return plain(response, 400, malformed ?? 'the request target must be a path', { Connection: 'close' });
    }
    delete request.headers.range;
    // An absolute-form target (`GET http://host/path`) is served as its path.
    request.url = target.path;
    const [path = '', query] = target.path.split(/\?(.*)/s);
    const file = extra.get(path);
    if (file !== undefined) {
      response.writeHead(200, {
        'Content-Type': file.type,
        'Content-Length': Buffer.byteLength(file.body),
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
      return;
    }
    if (folders.has(path)) {
      return plain(response, 301, 'moved', { Location: `${path}/${query === undefined ? '' : `?${query}`}` });
    }
    try {
      serveFile(request, response);
    } catch {
      if (!response.headersSent) {
        plain(response, 500, 'internal error');
      } else {
        response.destroy();
      }
    }
  });
  server.on('connect', (_request, socket) => refuseConnect(socket, ALLOW));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: listening } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${listening}/` });
    });
  });
}
