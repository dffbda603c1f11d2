// The two hashes AK/SK signing needs, SHA-256 and HMAC-SHA256 keyed with the SK, both as hex. node:crypto
// answers synchronously, while every Web Crypto call is awaited and costs far more per request (the figures
// are in BENCHMARKS.md, Per-request overhead), so node:crypto is used wherever the runtime has it (Node, Bun
// and Deno do). It is reached through
// process.getBuiltinModule rather than an import, so browsers and bundlers load this file as it is and take
// the Web Crypto path.
import { SmsValidationError } from './errors.js';

export interface SigningCrypto {
  sha256Hex(text: string): string | Promise<string>;
  /** HMAC-SHA256 keyed with the SK the functions were made for. */
  hmacSha256Hex(text: string): string | Promise<string>;
}

/** The part of node:crypto used here (the client is typed without Node's types). */
interface NodeCrypto {
  /** One-shot hash (Node 20.12 and later): no Hash object per call. */
  hash?(algorithm: 'sha256', text: string, encoding: 'hex'): string;
  createHash(algorithm: 'sha256'): Digestible;
  createHmac(algorithm: 'sha256', key: string): Digestible;
}
interface Digestible {
  update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
}

interface ProcessWithBuiltins {
  getBuiltinModule?(id: string): unknown;
}

/** node:crypto, or undefined where the runtime has no process.getBuiltinModule (browsers, Node before 20.16). */
export function loadNodeCrypto(): NodeCrypto | undefined {
  const process = (globalThis as { process?: ProcessWithBuiltins }).process;
  return process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
}

/**
 * With node:crypto. The SK goes to createHmac as it is: there is nothing to import, and on Node 20 and 22 a
 * string key signs faster than a KeyObject made once (measured: BENCHMARKS.md, Per-request overhead).
 */
export function nodeSigningCrypto(nodeCrypto: NodeCrypto, sk: string): SigningCrypto {
  return {
    sha256Hex: nodeCrypto.hash
      ? (text) => nodeCrypto.hash!('sha256', text, 'hex')
      : (text) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex'),
    hmacSha256Hex: (text) => nodeCrypto.createHmac('sha256', sk).update(text, 'utf8').digest('hex'),
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** With Web Crypto: the key is imported once, here, and awaited by each signature. */
export function webSigningCrypto(sk: string): SigningCrypto {
  // (It cannot fail: the client refuses an empty SK, the one key HMAC will not import.)
  const key = crypto.subtle.importKey('raw', utf8(sk), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return {
    sha256Hex: async (text) => hex(await crypto.subtle.digest('SHA-256', utf8(text))),
    hmacSha256Hex: async (text) => hex(await crypto.subtle.sign('HMAC', await key, utf8(text))),
  };
}

/**
 * The fastest hashes the runtime has, keyed with `sk`. Without either (a browser page on plain HTTP has no
 * crypto.subtle), an SmsValidationError now rather than a bare TypeError at the first request.
 */
export function signingCrypto(sk: string): SigningCrypto {
  const nodeCrypto = loadNodeCrypto();
  if (nodeCrypto) {
    return nodeSigningCrypto(nodeCrypto, sk);
  }
  if (!globalThis.crypto?.subtle) {
    throw new SmsValidationError(
      'credentials',
      'a secure context',
      'AK/SK signing needs crypto.subtle, which a browser gives only to a secure context (HTTPS or localhost)',
    );
  }
  return webSigningCrypto(sk);
}
