// Malformed HTTP requests for the crash tests of every server the project starts (docs, mock, sandbox and
// the sandbox's upstream): fast-check arbitraries of raw bytes, and a sender that writes them to a plain TCP
// socket, as an attacker or a fuzzer would, and reads what comes back. No HTTP client is in between, so
// nothing gets tidied up on the way.

import { connect } from 'node:net';
import fc from 'fast-check';
import { rulesFromSpec } from './sandbox-checks.js';
import { sandboxTestCredentials } from './sandbox-credentials.js';
import { readServedSpec } from './served-files.js';

export type MalformedKind =
  | 'bad-percent-encoding'
  | 'dot-segments'
  | 'nul'
  | 'long-url'
  | 'long-headers'
  | 'unknown-method'
  | 'body-on-get'
  | 'bad-framing'
  | 'garbage'
  | 'credential-junk';

export interface MalformedRequest {
  kind: MalformedKind;
  /** What it is, readable in a failure report (the bytes can be 100 KB). */
  label: string;
  bytes: Uint8Array;
}

export interface MalformedRequestOptions {
  /** A path the server serves, such as `/v3/errors` or `/`. */
  path: string;
  /** A query that makes `path` a good request, such as `offset=0` (may be empty). */
  query?: string;
  /** Headers a good request carries (credentials). */
  headers?: Record<string, string>;
  /** The kinds to draw from (default: all). */
  kinds?: MalformedKind[];
}

const CRLF = '\r\n';

function head(method: string, target: string, headers: [string, string][], version = 'HTTP/1.1'): string {
  return `${method} ${target} ${version}${CRLF}${headers.map(([name, value]) => `${name}: ${value}${CRLF}`).join('')}${CRLF}`;
}

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const short = (text: string): string => (text.length > 120 ? `${text.slice(0, 100)}... (${text.length} chars)` : text);

const badEscape = fc.constantFrom(
  '%',
  '%Z',
  '%ZZ',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%%',
  '%0',
  '%u0041',
  '%F0%9F%98',
);
const dotSegment = fc.constantFrom('..', '%2e%2e', '.%2E', '%2E%2E%2F', '..\\..', '.', '', '%2F..');
// Any token but the two methods every server here serves.
const methodToken = fc
  .stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-][A-Za-z0-9!#$%&'*+.^_`|~-]{0,15}$/)
  .filter((method) => method !== 'GET' && method !== 'HEAD');
const headerValueJunk = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '__proto__', 'constructor', '\t'),
);

/** Arbitrary malformed requests for a server that serves `path`. */
export function malformedRequests(options: MalformedRequestOptions): fc.Arbitrary<MalformedRequest> {
  const { path } = options;
  const query = options.query ?? '';
  const good = `${path}${query ? `?${query}` : ''}`;
  const base: [string, string][] = [['Host', '127.0.0.1'], ...Object.entries(options.headers ?? {})];
  // fast-check prints a counterexample with this: the label, not 100 KB of bytes.
  const request = (kind: MalformedKind, label: string, bytes: Uint8Array): MalformedRequest =>
    Object.assign({ kind, label: short(label), bytes }, { [fc.toStringMethod]: () => `${kind}: ${short(label)}` });
  // The credential headers, named as the spec names them.
  const { token, signature } = rulesFromSpec(readServedSpec());
  const credentialHeaders = [
    signature.authorization.header,
    signature.date.header,
    signature.projectId,
    signature.securityToken,
    token.header,
  ];
  const signable = [signature.date.header, signature.projectId, signature.securityToken].map((name) =>
    name.toLowerCase(),
  );

  const arbitraries: Record<MalformedKind, fc.Arbitrary<MalformedRequest>> = {
    'bad-percent-encoding': fc
      .tuple(
        badEscape,
        fc.constantFrom('path-end', 'path-middle', 'query-name', 'query-value'),
        fc.constantFrom('offset', 'limit', 'enterprise_project_id', 'x'),
      )
      .map(([badSequence, where, name]) => {
        const target =
          where === 'path-end'
            ? `${path}${badSequence}`
            : where === 'path-middle'
              ? `${path.slice(0, 3)}${badSequence}${path.slice(3)}`
              : where === 'query-name'
                ? `${good}${query ? '&' : '?'}${badSequence}=1`
                : `${good}${query ? '&' : '?'}${name}=${badSequence}`;
        return request('bad-percent-encoding', target, latin1(head('GET', target, base)));
      }),
    'dot-segments': fc.array(dotSegment, { minLength: 1, maxLength: 6 }).map((segments) => {
      const target = `/${segments.join('/')}/etc/passwd`;
      return request('dot-segments', target, latin1(head('GET', target, base)));
    }),
    nul: fc.constantFrom('path-escaped', 'path-raw', 'query', 'header').map((where) => {
      const target =
        where === 'path-escaped'
          ? `${path}%00`
          : where === 'path-raw'
            ? `${path}\0`
            : where === 'query'
              ? `${good}${query ? '&' : '?'}x=%00`
              : good;
      const headers: [string, string][] = where === 'header' ? [...base, ['X-Nul', 'a\0b']] : base;
      return request('nul', `NUL in the ${where}`, latin1(head('GET', target, headers)));
    }),
    // Past every server's header limit (the sandbox allows 64 KiB for the spec's largest token).
    'long-url': fc.integer({ min: 70_000, max: 200_000 }).map((length) => {
      const target = `${good}${query ? '&' : '?'}x=${'a'.repeat(length)}`;
      return request('long-url', `a URL of ${target.length} characters`, latin1(head('GET', target, base)));
    }),
    'long-headers': fc.oneof(
      fc
        .integer({ min: 70_000, max: 200_000 })
        .map((length) =>
          request(
            'long-headers',
            `one header of ${length} characters`,
            latin1(head('GET', good, [...base, ['X-Long', 'v'.repeat(length)]])),
          ),
        ),
      // Node counts many small headers loosely against its limit: 10,000 (160 KB) are past it on every server.
      fc.integer({ min: 10_000, max: 20_000 }).map((count) => {
        const many = Array.from({ length: count }, (_, i): [string, string] => [`X-H${i}`, 'value']);
        return request('long-headers', `${count} headers`, latin1(head('GET', good, [...base, ...many])));
      }),
    ),
    'unknown-method': fc
      .oneof(
        methodToken,
        fc.constantFrom(
          'CONNECT',
          'TRACE',
          'PROPFIND',
          'M-SEARCH',
          'PATCH',
          'PUT',
          'POST',
          'DELETE',
          'OPTIONS',
          'get',
          'Get',
          'BREW',
        ),
      )
      .map((method) => {
        const target = method === 'CONNECT' ? '127.0.0.1:1' : good;
        return request(
          'unknown-method',
          `${method} ${target}`,
          latin1(head(method, target, [...base, ['Content-Length', '0']])),
        );
      }),
    'body-on-get': fc
      .tuple(
        fc.constantFrom('GET', 'HEAD'),
        fc.constantFrom('length', 'chunked'),
        fc.string({ minLength: 1, maxLength: 2_000 }),
        fc.constantFrom('application/json', 'text/plain'),
      )
      .map(([method, framing, body, type]) => {
        const bytes = utf8(body);
        const headers: [string, string][] = [
          ...base,
          ['Content-Type', type],
          framing === 'length' ? ['Content-Length', String(bytes.length)] : ['Transfer-Encoding', 'chunked'],
        ];
        const framed =
          framing === 'length'
            ? Buffer.from(bytes)
            : Buffer.concat([latin1(`${bytes.length.toString(16)}${CRLF}`), bytes, latin1(`${CRLF}0${CRLF}${CRLF}`)]);
        return request(
          'body-on-get',
          `${method} with a ${framing} body of ${bytes.length} bytes`,
          Buffer.concat([latin1(head(method, good, headers)), framed]),
        );
      }),
    'bad-framing': fc
      .constantFrom(
        ['Content-Length abc', head('GET', good, [...base, ['Content-Length', 'abc']])],
        ['Content-Length -1', head('GET', good, [...base, ['Content-Length', '-1']])],
        ['two Content-Lengths', head('POST', good, [...base, ['Content-Length', '1'], ['Content-Length', '2']])],
        [
          'Content-Length and Transfer-Encoding',
          `${head('POST', good, [...base, ['Content-Length', '3'], ['Transfer-Encoding', 'chunked']])}0${CRLF}${CRLF}`,
        ],
        [
          'a bad chunk size',
          `${head('POST', good, [...base, ['Transfer-Encoding', 'chunked']])}zz${CRLF}hello${CRLF}0${CRLF}${CRLF}`,
        ],
        ['Transfer-Encoding gzip', head('POST', good, [...base, ['Transfer-Encoding', 'gzip']])],
        ['a header without a colon', `GET ${good} HTTP/1.1${CRLF}Host: 127.0.0.1${CRLF}no colon here${CRLF}${CRLF}`],
        ['a space before the colon', `GET ${good} HTTP/1.1${CRLF}Host : 127.0.0.1${CRLF}${CRLF}`],
        [
          'an obsolete folded header',
          `GET ${good} HTTP/1.1${CRLF}Host: 127.0.0.1${CRLF}X-Folded: a${CRLF} b${CRLF}${CRLF}`,
        ],
        ['bare LF line ends', `GET ${good} HTTP/1.1\nHost: 127.0.0.1\n\n`],
        ['HTTP/9.9', head('GET', good, base, 'HTTP/9.9')],
        ['HTTP/2.0 preface', `PRI * HTTP/2.0${CRLF}${CRLF}SM${CRLF}${CRLF}`],
        ['no version', `GET ${good}${CRLF}${CRLF}`],
        ['no Host', head('GET', good, Object.entries(options.headers ?? {}))],
        ['two Hosts', head('GET', good, [...base, ['Host', 'other.example']])],
        ['a control character in a header', head('GET', good, [...base, ['X-Ctl', 'a\x01b']])],
        ['asterisk target', head('OPTIONS', '*', base)],
        ['a target without a slash', head('GET', `v3${good}`, base)],
        ['an empty target', `GET  HTTP/1.1${CRLF}Host: 127.0.0.1${CRLF}${CRLF}`],
      )
      .map(([label, text]) => request('bad-framing', label, latin1(text))),
    garbage: fc
      .oneof(
        fc.uint8Array({ minLength: 1, maxLength: 4_096 }),
        fc.string({ minLength: 1, maxLength: 500 }).map(utf8),
        fc.constant(Uint8Array.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])),
      )
      .map((bytes) =>
        request('garbage', `${bytes.length} bytes of garbage`, Buffer.concat([bytes, latin1(`${CRLF}${CRLF}`)])),
      ),
    'credential-junk': fc
      .record({
        access: fc.oneof(fc.constant(sandboxTestCredentials.ak), fc.stringMatching(/^[^\s,]{1,40}$/)),
        signed: fc.array(
          fc.constantFrom(
            'host',
            ...signable,
            '__proto__',
            'constructor',
            'hasownproperty',
            'content-type',
            'toString',
          ),
          { maxLength: 8 },
        ),
        signature: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 80 })),
        date: fc.oneof(fc.stringMatching(/^\d{8}T\d{6}Z$/), headerValueJunk),
        project: headerValueJunk,
        securityToken: headerValueJunk,
        token: fc.oneof(
          headerValueJunk,
          fc.integer({ min: 16_000, max: 20_000 }).map((n) => 't'.repeat(n)),
        ),
      })
      .map((junk) => {
        const authorization = `SDK-HMAC-SHA256 Access=${junk.access}, SignedHeaders=${junk.signed.join(';')}, Signature=${junk.signature}`;
        const values = [authorization, junk.date, junk.project, junk.securityToken, junk.token];
        const headers: [string, string][] = [
          ['Host', '127.0.0.1'],
          ...credentialHeaders.map((name, i): [string, string] => [name, values[i] ?? '']),
        ];
        // Header values are bytes: strip what no HTTP parser accepts (CR, LF), keep the rest, NUL included.
        const clean = headers.map(([name, value]): [string, string] => [name, value.replace(/[\r\n]/g, '')]);
        return request('credential-junk', `Authorization: ${authorization}`, utf8(head('GET', good, clean)));
      }),
  };
  const kinds = options.kinds ?? (Object.keys(arbitraries) as MalformedKind[]);
  return fc.oneof(...kinds.map((kind) => arbitraries[kind]));
}

export interface RawAnswer {
  /** The status of the first answer, or undefined when there was none. */
  status: number | undefined;
  /** The first line of the answer. */
  statusLine: string;
  /** Neither an answer nor a close came in time, even after this side stopped writing. */
  timedOut: boolean;
}

/**
 * Writes `bytes` to the server at `url` on a fresh connection and resolves with the status line of its first
 * answer. The connection stays open for writing meanwhile: Node's HTTP servers drop a request still being
 * handled when the client half-closes. A server still silent after `answerMs` is waiting for more bytes (or
 * hangs): then this side ends its writing and waits `closeMs` more for the server to close.
 */
export function sendRaw(url: string, bytes: Uint8Array, answerMs = 3_000, closeMs = 3_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    const chunks: Buffer[] = [];
    let timedOut = false;
    const giveUp = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, answerMs + closeMs);
    const stopWriting = setTimeout(() => socket.end(), answerMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // The status line is all this needs: stop reading a long body.
      if (Buffer.concat(chunks).includes(CRLF)) {
        socket.destroy();
      }
    });
    // The server may reset a connection it refused mid-request: what it sent before still counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      clearTimeout(stopWriting);
      const statusLine = Buffer.concat(chunks).toString('latin1').split(CRLF)[0] ?? '';
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
      resolve({ status: match ? Number(match[1]) : undefined, statusLine, timedOut });
    });
    socket.write(bytes);
  });
}
