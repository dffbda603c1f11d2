// The docs-only copy of the spec (scripts/docs-spec.mjs) adds and never changes: every API fact on the
// page is the spec's. The generated parts (error-code table, templates) are checked here, in isolation.
import { describe, expect, it } from 'vitest';
import { CONSOLE_PARAGRAPH, createDocsSpec, errorCodesPath, readIamSpec, readSpec } from '../scripts/docs-spec.mjs';
import { codeLink, codesByCategory, errorCodeCatalogue, readCatalogue } from '../scripts/error-code-catalogue.mjs';
import { fillTemplate } from '../scripts/fill-template.mjs';

type Tag = { name: string; description?: string; 'x-traitTag'?: boolean };

const spec = readSpec();
const docs = createDocsSpec(spec);
type Entry = { status: number; category: string; message: string; action: string; see?: string[] };
const catalogue: { categories: Record<string, { title: string; description: string }>; codes: Record<string, Entry> } =
  readCatalogue(errorCodesPath);

describe('docs copy of the spec', () => {
  it("is the spec plus guide tags, tag groups, code samples and the console's link, and nothing else", () => {
    const stripped = structuredClone(docs);
    delete stripped['x-tagGroups'];
    stripped.tags = stripped.tags.filter((tag: Tag) => !tag['x-traitTag']);
    const operation = stripped.paths['/v3/errors'].get;
    delete operation['x-codeSamples'];
    expect(operation.description).toBe(
      `${spec.paths['/v3/errors'].get.description.trimEnd()}\n\n${CONSOLE_PARAGRAPH}\n`,
    );
    operation.description = spec.paths['/v3/errors'].get.description;
    expect(stripped).toEqual(spec);
  });

  it('puts every tag in exactly one group (Redoc leaves a tag out of a grouped sidebar otherwise)', () => {
    const grouped = docs['x-tagGroups'].flatMap((group: { tags: string[] }) => group.tags);
    expect([...grouped].sort()).toEqual(docs.tags.map((tag: Tag) => tag.name).sort());
  });

  it('carries the whole error-code catalogue and the filled guides, with no placeholder left', () => {
    const codes = docs.tags.find((tag: Tag) => tag.name === 'SMS error codes');
    expect(codes.description).toContain(errorCodeCatalogue(catalogue));
    expect(codes.description).toContain(`all ${Object.keys(catalogue.codes).length} codes`);
    for (const tag of docs.tags as Tag[]) {
      expect(tag.description ?? '', tag.name).not.toMatch(/\{\{[a-z-]+\}\}/);
    }
  });
});

describe('credentials guide', () => {
  it("names every source with the spec's names, paths and limits (spec/iam.yaml, x-sms-lockout)", () => {
    const guide = docs.tags.find((tag: Tag) => tag.name === 'Credentials').description as string;
    const sources = readIamSpec().info['x-sms-credential-sources'];
    for (const name of Object.values(sources.environment) as string[]) {
      expect(guide).toContain(name);
    }
    expect(guide).toContain(`~/${sources.profileFile.path}`);
    expect(guide).toContain(`~/${sources.kooCli.path}`);
    expect(guide).toContain(sources.ecsMetadata.baseUrl);
    const lockout = spec.components.securitySchemes.akSkSignature['x-sms-lockout'];
    expect(guide).toContain(`After ${lockout.consecutiveFailures} consecutive failed AK/SK authentications`);
    const minutes = spec.components.securitySchemes.akSkDate['x-sms-max-clock-skew-seconds'] / 60;
    expect(guide).toMatch(new RegExp(`it accepts\\s+${minutes}"`));
  });
});

describe('error-code catalogue', () => {
  const markdown = errorCodeCatalogue(catalogue);
  const headings = markdown.split('\n').filter((line: string) => line.startsWith('#'));

  it("has a section per category, in the catalogue's order, and under it a heading per code of that category, in file order", () => {
    const expected = Object.entries(catalogue.categories).flatMap(([key, { title }]) => [
      `# ${title}`,
      ...Object.entries(catalogue.codes)
        .filter(([, entry]) => entry.category === key)
        .map(([code]) => `### ${code}{% #${code.toLowerCase().replace('.', '-')} %}`),
    ]);
    expect(headings).toEqual(expected);
    expect(headings.filter((line: string) => line.startsWith('### '))).toHaveLength(
      Object.keys(catalogue.codes).length,
    );
  });

  it('gives each category its description, and each code its message, HTTP status, action and related codes', () => {
    for (const { description } of Object.values(catalogue.categories)) {
      expect(markdown).toContain(description);
    }
    for (const [code, entry] of Object.entries(catalogue.codes)) {
      const section = markdown.slice(markdown.indexOf(`### ${code}{`)).split(/\n(?=#)/)[0]!;
      expect(section, code).toContain(
        entry.message.replace(/\{(\d+)\}/g, '`{$1}`').replace(/[*_[\]<>|]/g, (c) => `\\${c}`),
      );
      expect(section, code).toContain(`- **HTTP status:** ${entry.status}`);
      expect(section, code).toContain('- **What to do:** ');
      for (const related of entry.see ?? []) {
        expect(section, code).toContain(`[${related}](${codeLink(catalogue, related)})`);
      }
    }
  });

  it('links a code under its category: #/sms-error-codes/<category>/<code>', () => {
    expect(codeLink(catalogue, 'SMS.2802')).toBe(`#/sms-error-codes/network-and-connectivity/sms-2802`);
    expect(
      codesByCategory(catalogue).reduce(
        (sum: number, category: { codes: unknown[] }) => sum + category.codes.length,
        0,
      ),
    ).toBe(Object.keys(catalogue.codes).length);
  });

  it('escapes Markdown in the texts and shows placeholders as code', () => {
    const tiny = {
      categories: { c: { title: 'T | x', description: 'd' } },
      codes: { 'SMS.0001': { status: 400, category: 'c', message: 'a | b *c* {0}', action: 'do <this>' } },
    };
    const text = errorCodeCatalogue(tiny);
    expect(text).toContain('# T \\| x');
    expect(text).toContain('a \\| b \\*c\\* `{0}`');
    expect(text).toContain('- **What to do:** do \\<this\\>');
  });
});

describe('templates', () => {
  it('fill every placeholder', () => {
    expect(fillTemplate('a {{x}} b', { x: '1' }, 'test')).toBe('a 1 b');
  });

  it('fail the build on a placeholder with no value, or a value with no placeholder', () => {
    expect(() => fillTemplate('a {{x}}', {}, 'test')).toThrow(/no value for \{\{x\}\}/);
    expect(() => fillTemplate('a', { x: '1' }, 'test')).toThrow(/expected a \{\{x\}\} placeholder/);
  });
});
