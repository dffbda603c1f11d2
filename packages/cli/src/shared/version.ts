// `--version`: the version in this package's package.json (two directories above dist/shared/).
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  return `${manifest.name} ${manifest.version}`;
}

/** The package's `engines` (the Node versions it supports), for `doctor`. */
export function packageEngines(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    engines?: Record<string, string>;
  };
  return manifest.engines ?? {};
}
