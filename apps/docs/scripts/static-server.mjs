// A minimal static file server for dist/: enough for the docs page, bound to loopback by default.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.yaml': 'text/yaml' };

/** Serves `root` on host:port (port 0: a free one); resolves with the listening server and its URL. */
export function serveDirectory(root, { host = '127.0.0.1', port = 0 } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root + sep)) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: listening } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://${host}:${listening}/` });
    });
  });
}
