// The error-code catalogue (error-codes.yaml) is complete and consistent, and the checks that say so can fail.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { catalogueProblems, placeholders, readCatalogue } from '../scripts/catalogue.mjs';

const catalogue = readCatalogue();
const codes = Object.keys(catalogue.codes);

/** A deep copy of the catalogue, changed by `mutate`. */
function changed(mutate) {
  const copy = structuredClone(catalogue);
  mutate(copy);
  return copy;
}

describe('the catalogue', () => {
  it('matches its JSON Schema and has no consistency problem', () => {
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it("holds Huawei's whole current table and the FAQ-only codes: at least 380 codes", () => {
    expect(codes.length).toBeGreaterThanOrEqual(380);
    for (const faqOnly of ['SMS.0219', 'SMS.0609', 'SMS.1352', 'SMS.1353', 'SMS.6563', 'SMS.6564', 'SMS.9007']) {
      expect(codes).toContain(faqOnly);
    }
  });

  it('leaves out SMS.1302, which no table lists, so that decoders call it unknown', () => {
    expect(codes).not.toContain('SMS.1302');
  });

  it('gives every code a category of its own set, a status, a message and an action', () => {
    const categories = Object.keys(catalogue.categories);
    for (const [code, entry] of Object.entries(catalogue.codes)) {
      expect(categories, code).toContain(entry.category);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.message.trim(), code).not.toBe('');
      expect(entry.action.trim(), code).not.toBe('');
    }
  });

  it('uses every category at least once', () => {
    const used = new Set(Object.values(catalogue.codes).map((entry) => entry.category));
    expect([...used].sort()).toEqual(Object.keys(catalogue.categories).sort());
  });

  it('numbers the placeholders of every message from {0} without a gap', () => {
    for (const [code, entry] of Object.entries(catalogue.codes)) {
      const used = [...new Set(placeholders(entry.message))].sort((a, b) => a - b);
      expect(used, code).toEqual(used.map((_, index) => index));
    }
  });

  it('is built into dist/error-codes.json unchanged', () => {
    const built = JSON.parse(readFileSync(new URL('../dist/error-codes.json', import.meta.url), 'utf8'));
    expect(built).toEqual(catalogue);
  });
});

describe('the checks catch', () => {
  const first = codes[0];

  it('a category that is not defined', () => {
    const problems = catalogueProblems(changed((c) => (c.codes[first].category = 'weather')));
    expect(problems).toEqual([`${first}: category "weather" is not one of the categories`]);
  });

  it('placeholders with a gap', () => {
    const problems = catalogueProblems(changed((c) => (c.codes[first].message = 'disk {0} and {2}')));
    expect(problems).toEqual([`${first}: placeholders {0} {2} do not run from {0} without a gap`]);
  });

  it('placeholders that do not start at {0}', () => {
    const problems = catalogueProblems(changed((c) => (c.codes[first].message = 'disk {1}')));
    expect(problems).toEqual([`${first}: placeholders {1} do not run from {0} without a gap`]);
  });

  it('an empty or blank action', () => {
    expect(catalogueProblems(changed((c) => (c.codes[first].action = '')))).not.toEqual([]);
    expect(catalogueProblems(changed((c) => (c.codes[first].action = '   ')))).toEqual([`${first}: the action is empty`]);
  });

  it('a related code that is not in the catalogue', () => {
    const problems = catalogueProblems(changed((c) => (c.codes[first].see = ['SMS.1302'])));
    expect(problems).toEqual([`${first}: see SMS.1302, which is not in the catalogue`]);
  });

  it('a key that is not an SMS code, and a missing field', () => {
    expect(catalogueProblems(changed((c) => (c.codes['SMS-12'] = c.codes[first])))).not.toEqual([]);
    expect(catalogueProblems(changed((c) => delete c.codes[first].status))).not.toEqual([]);
  });

  it('codes out of order', () => {
    const reversed = changed((c) => (c.codes = Object.fromEntries(Object.entries(c.codes).reverse())));
    expect(catalogueProblems(reversed)).toEqual(['codes are not in numeric order']);
  });

  it('a code listed twice (YAML refuses the duplicate key)', () => {
    const text = stringify(catalogue).replace(`\n  ${first}:`, `\n  ${first}:\n    status: 400\n  ${first}:`);
    const path = join(mkdtempSync(join(tmpdir(), 'sms-catalogue-')), 'error-codes.yaml');
    writeFileSync(path, text);
    expect(() => readCatalogue(path)).toThrow(/unique/);
  });
});
