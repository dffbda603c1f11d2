// Where Prism and the spec are on disk, and the argument list that runs the mock. Both the `start`
// command and the test helper use this, so they always run the same mock.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The spec the mock serves: the workspace's `spec/openapi.yaml`. */
export const defaultSpecPath: string = require.resolve('@sms-errors/spec/openapi.yaml');

/** Prism's CLI entry point, run with the current Node rather than through a shell. */
export function prismBinPath(): string {
  const packageJson = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require('@stoplight/prism-cli/package.json') as { bin: Record<string, string> };
  return join(dirname(packageJson), bin['prism'] ?? 'dist/index.js');
}

export interface PrismMockArgs {
  specPath?: string;
  host: string;
  port: number;
  /** Generate bodies from the schemas instead of serving the examples. */
  dynamic?: boolean;
}

/**
 * `prism mock` with `--errors`: a request or a response (an example included) that breaks the spec is
 * answered with an error instead of being served, so a broken example fails loudly.
 */
export function prismMockArgs({ specPath = defaultSpecPath, host, port, dynamic = false }: PrismMockArgs): string[] {
  return [
    prismBinPath(),
    'mock',
    specPath,
    '--host',
    host,
    '--port',
    String(port),
    '--errors',
    ...(dynamic ? ['--dynamic'] : []),
  ];
}
