// The repository's Markdown as a newcomer meets it: the root README stays a page read in minutes, every
// paragraph is written in one place only (a fact told twice drifts apart), every relative link leads to a
// file that exists, and no document, spec or package manifest points at a repository that does not exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** The root README's length a newcomer reads in one sitting. */
const ROOT_README_MAX_LINES = 200;
/** Shorter paragraphs ("See below.", a one-line pointer) may repeat; anything longer is a fact told twice. */
const REPEATED_PARAGRAPH_MIN_CHARS = 100;
/** The repository the metadata once named: it does not exist, and no other sms-errors one does either. */
const UNREAL_REPOSITORY = /github\.com\/sms-errors\b/i;

const inFolder = (folder: string, pattern: RegExp) =>
  existsSync(join(root, folder))
    ? readdirSync(join(root, folder))
        .filter((name) => pattern.test(name))
        .map((name) => join(folder, name))
    : [];
const packageFolders = [...inFolder('packages', /^[^.]/), ...inFolder('apps', /^[^.]/)];

/** Every README and guide: the root's, each package's, CONTRIBUTING.md, the docs site's content pages. */
const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...packageFolders.map((folder) => join(folder, 'README.md')),
  ...inFolder('apps/docs/content', /\.md$/),
].filter((path) => existsSync(join(root, path)));

const read = (path: string) => readFileSync(join(root, path), 'utf8');

/**
 * The prose of a Markdown file, one entry per paragraph or list item, with the line it starts on. Code
 * blocks, headings and tables are left out: a command or a table row may rightly appear in two places.
 */
function paragraphs(markdown: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let current: { line: number; lines: string[] } | undefined;
  let inCode = false;
  const flush = () => {
    if (current) {
      found.push({ line: current.line, text: current.lines.join(' ') });
    }
    current = undefined;
  };
  markdown.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inCode = !inCode;
      return;
    }
    if (inCode || line.trim() === '' || /^\s*(#|\||<!--)/.test(line)) {
      flush();
      return;
    }
    if (/^\s*([-*]|\d+\.)\s/.test(line)) {
      flush();
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
    }
    current.lines.push(line.trim().replace(/^([-*]|\d+\.)\s+/, ''));
  });
  flush();
  return found;
}

/** A paragraph as a reader sees it: link targets, emphasis and code marks, case and spacing dropped. */
function normalise(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => anchor(match[1]!)));
}

describe('the repository documents', () => {
  it('finds the READMEs and the guides', () => {
    expect(documents).toEqual(
      expect.arrayContaining([
        'README.md',
        'packages/client/README.md',
        'packages/cli/README.md',
        'apps/mock/README.md',
      ]),
    );
    expect(documents.filter((path) => path.startsWith('apps/docs/content/')).length).toBeGreaterThan(0);
  });

  it(`keeps the root README to at most ${ROOT_README_MAX_LINES} lines`, () => {
    const lines = read('README.md').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(ROOT_README_MAX_LINES);
  });

  it('writes no paragraph in two documents', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const path of documents) {
      for (const { line, text } of paragraphs(read(path))) {
        const key = normalise(text);
        if (key.length < REPEATED_PARAGRAPH_MIN_CHARS) {
          continue;
        }
        const first = seen.get(key);
        if (first && !first.startsWith(`${path}:`)) {
          repeated.push(`${path}:${line} repeats ${first}: "${key.slice(0, 80)}..."`);
        } else if (!first) {
          seen.set(key, `${path}:${line}`);
        }
      }
    }
    expect(repeated).toEqual([]);
  });

  it('finds a repeated paragraph however it is wrapped, marked up or linked', () => {
    const one = paragraphs('Intro.\n\nThe sandbox pages for **real** over a fixed\ndata set: see [the guide](a.md).\n');
    const other = paragraphs('- the sandbox pages for real over a fixed data set: see the guide.\n');
    expect(normalise(one[1]!.text)).toBe(normalise(other[0]!.text));
    expect(paragraphs('```sh\nnpm test\n```\n| a | b |\n# Title\n')).toEqual([]);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const path of documents) {
      const markdown = read(path);
      const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
      for (const [, target] of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) {
          continue;
        }
        const [file, hash] = target!.split('#') as [string, string | undefined];
        // Links in a docs guide are read on the docs page (the console link), not in the repository.
        if (path.startsWith('apps/docs/content/')) {
          continue;
        }
        const resolved = file === '' ? path : relative(root, join(root, dirname(path), file));
        if (!existsSync(join(root, resolved))) {
          broken.push(`${path}: ${target} (no ${resolved})`);
          continue;
        }
        if (hash && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(hash)) {
          broken.push(`${path}: ${target} (no heading #${hash})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('names no repository that does not exist: not in the documents of the spec, the schema, a package manifest, a document or the docs page', () => {
    const places = [
      // Every document of the spec (openapi.yaml, iam.yaml, ...) and the catalogue's schema, but the frozen
      // copy of the last release.
      ...inFolder('spec', /\.(ya?ml|json)$/),
      'package.json',
      ...packageFolders.map((folder) => join(folder, 'package.json')).filter((path) => existsSync(join(root, path))),
      ...documents,
    ];
    const offending = places.filter((path) => UNREAL_REPOSITORY.test(read(path)));
    if (UNREAL_REPOSITORY.test(readFileSync(join(dist, 'index.html'), 'utf8'))) {
      offending.push('apps/docs/dist/index.html');
    }
    expect(offending).toEqual([]);
    // The manifests name no homepage, repository or issue tracker until the project has a public one.
    for (const path of places.filter((place) => place.endsWith('package.json'))) {
      const manifest = JSON.parse(read(path)) as { homepage?: string; repository?: unknown; bugs?: unknown };
      expect([path, manifest.homepage, manifest.repository, manifest.bugs]).toEqual([
        path,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });
});
