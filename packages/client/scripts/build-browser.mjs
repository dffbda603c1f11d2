// Bundles the built client (dist/browser-bundle.js, openapi-fetch and the catalogue included) into one ES
// module for browsers: dist/browser/sms-errors-client.js, minified, for pages without a bundler. Run by
// `build` after tsc, so the bundle is made of exactly the JavaScript Node consumers get.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(packageDir, 'package.json'));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

// The bundle is a copy of openapi-fetch, whose MIT license asks for its notice in every copy.
const openapiFetchDir = dirname(require.resolve('openapi-fetch/package.json'));
const openapiFetchVersion = JSON.parse(readFileSync(join(openapiFetchDir, 'package.json'), 'utf8')).version;
const openapiFetchLicense = readFileSync(join(openapiFetchDir, 'LICENSE'), 'utf8').trim();

await build({
  absWorkingDir: packageDir,
  entryPoints: ['dist/browser-bundle.js'],
  outfile: 'dist/browser/sms-errors-client.js',
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  // The browsers with Web Crypto, fetch and the ES2022 the client is compiled to.
  target: 'es2022',
  banner: { js: `/*! ${manifest.name} ${manifest.version} (${manifest.license}) */` },
  footer: { js: `/*! Includes openapi-fetch ${openapiFetchVersion}:\n${openapiFetchLicense}\n*/` },
  logLevel: 'warning',
});
