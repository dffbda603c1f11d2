// pnpm's hooks for this workspace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const hooks = {
  // `pnpm pack` and `pnpm publish` replace every `workspace:` range by the version it points at. That is
  // right for dependencies (the CLI needs the client at exactly its own version), but a devDependency on a
  // private package of this repository (the mock, the spec) would then name a version that is on no
  // registry. devDependencies only serve builds and tests inside the repository, which read the real
  // package.json, so the published manifest leaves out those given as `workspace:` here.
  beforePacking(manifest, dir) {
    const source = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const devDependencies = Object.entries(manifest.devDependencies ?? {}).filter(
      ([name]) => !String(source.devDependencies?.[name] ?? '').startsWith('workspace:'),
    );
    if (manifest.devDependencies !== undefined) {
      manifest.devDependencies = Object.fromEntries(devDependencies);
    }
    return manifest;
  },
};
