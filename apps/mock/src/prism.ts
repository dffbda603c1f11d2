// Where Prism is on disk, and the argument lists that run it as the mock and as the sandbox's validating
// proxy. The commands, the test helpers and the tests all use these, so they always run the same Prism.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_SEED } from './sandbox-data.js';
import { defaultSpecPath, servedSpecPath } from './served-files.js';

const require = createRequire(import.meta.url);

export { defaultSpecPath } from './served-files.js';

/** Prism's CLI entry point, run with the current Node rather than through a shell. */
export function prismBinPath(): string {
  const packageJson = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require('@stoplight/prism-cli/package.json') as { bin: Record<string, string> };
  return join(dirname(packageJson), bin['prism'] ?? 'dist/index.js');
}

/**
 * Browser pages (the client's browser bundle, the docs' try-it console) call the mock and the sandbox from
 * another loopback origin. With `--cors` Prism answers every preflight itself (204, the requested method
 * and headers allowed, the page's origin echoed) and adds the page's origin and `Access-Control-Expose-Headers: *`
 * to every answer, its own errors included, so a page can read `X-Request-Id` and `sl-violations`.
 */
const corsArgs = ['--cors'];

export interface PrismMockArgs {
  /** Default: the built mock spec (dist/served/mock.openapi.json: the spec plus the full-page example). */
  specPath?: string;
  host: string;
  port: number;
  /** Generate bodies from the schemas instead of serving the examples. */
  dynamic?: boolean;
  /** Seeds generated bodies (`--dynamic`, or `Prefer: dynamic=true`): the same seed, the same body. */
  seed?: string;
}

/**
 * `prism mock` with `--errors`: a request or a response (an example included) that breaks the spec is
 * answered with an error instead of being served, so a broken example fails loudly. `--cors` (Prism's
 * default, stated so that browser pages on loopback never depend on it): see corsArgs.
 */
export function prismMockArgs({ specPath, host, port, dynamic = false, seed = DEFAULT_SEED }: PrismMockArgs): string[] {
  return [
    prismBinPath(),
    'mock',
    specPath ?? servedSpecPath('mock'),
    '--host',
    host,
    '--port',
    String(port),
    '--errors',
    ...corsArgs,
    '--seed',
    seed,
    ...(dynamic ? ['--dynamic'] : []),
  ];
}

export interface PrismProxyArgs {
  /**
   * Default: the built sandbox spec (dist/served/sandbox.openapi.json), or the spec package's build of the spec itself when
   * Prism validates requests (the sandbox spec's anonymous alternative would defeat its credential check).
   */
  specPath?: string;
  /** The service Prism forwards to, such as `http://127.0.0.1:43124`. */
  upstream: string;
  host: string;
  port: number;
  /** Let Prism answer invalid requests itself (problem+json 401/422) instead of forwarding them. */
  validateRequest: boolean;
}

/**
 * `prism proxy` with `--errors`: every answer of the upstream is checked against the spec, and one that
 * breaks it becomes a 500 problem+json naming the violation (also in the `sl-violations` header). Prism
 * answers CORS in front of the upstream (corsArgs); the upstream sends no CORS headers that could differ.
 */
export function prismProxyArgs({ specPath, upstream, host, port, validateRequest }: PrismProxyArgs): string[] {
  return [
    prismBinPath(),
    'proxy',
    specPath ?? (validateRequest ? defaultSpecPath : servedSpecPath('sandbox')),
    upstream,
    '--host',
    host,
    '--port',
    String(port),
    '--errors',
    ...corsArgs,
    `--validate-request=${String(validateRequest)}`,
  ];
}
