// The docs-only copy of the spec (scripts/docs-spec.mjs) adds and never changes: every API fact on the
// page is the spec's. The generated parts (error-code table, templates) are checked here, in isolation.
import { describe, expect, it } from 'vitest';
import { createDocsSpec, errorCodesPath, readSpec } from '../scripts/docs-spec.mjs';
import { errorCodeTable, readErrorCodes } from '../scripts/error-code-table.mjs';
import { fillTemplate } from '../scripts/fill-template.mjs';

type Tag = { name: string; description?: string; 'x-traitTag'?: boolean };

const spec = readSpec();
const docs = createDocsSpec(spec);
const catalogue: Record<string, string> = readErrorCodes(errorCodesPath);

describe('docs copy of the spec', () => {
  it('is the spec plus guide tags, tag groups and code samples, and nothing else', () => {
    const stripped = structuredClone(docs);
    delete stripped['x-tagGroups'];
    stripped.tags = stripped.tags.filter((tag: Tag) => !tag['x-traitTag']);
    delete stripped.paths['/v3/errors'].get['x-codeSamples'];
    expect(stripped).toEqual(spec);
  });

  it('puts every tag in exactly one group (Redoc leaves a tag out of a grouped sidebar otherwise)', () => {
    const grouped = docs['x-tagGroups'].flatMap((group: { tags: string[] }) => group.tags);
    expect([...grouped].sort()).toEqual(docs.tags.map((tag: Tag) => tag.name).sort());
  });

  it('carries the whole error-code table and the filled guides, with no placeholder left', () => {
    const codes = docs.tags.find((tag: Tag) => tag.name === 'SMS error codes');
    expect(codes.description).toContain(errorCodeTable(catalogue));
    for (const tag of docs.tags as Tag[]) expect(tag.description ?? '', tag.name).not.toMatch(/\{\{[a-z-]+\}\}/);
  });
});

describe('error-code table', () => {
  it('has one row per code of spec/error-codes.yaml, in its order', () => {
    const rows = errorCodeTable(catalogue).split('\n').slice(2);
    expect(rows.map((row: string) => row.split(' | ')[0]?.replace(/^\| /, ''))).toEqual(Object.keys(catalogue));
  });

  it('escapes Markdown in messages and shows placeholders as code', () => {
    expect(errorCodeTable({ 'SMS.0001': 'a | b *c* {0}' })).toContain('| SMS.0001 | a \\| b \\*c\\* `{0}` |');
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
