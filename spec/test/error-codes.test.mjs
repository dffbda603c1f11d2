// The error-code catalogue (error-codes.yaml) is complete and consistent, and the checks that say so can fail.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { catalogueProblems, englishSentenceIn, placeholders, readCatalogue } from '../scripts/catalogue.mjs';

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

  it('gives every code a Chinese message with the same slots in the same order, and a Chinese action', () => {
    for (const [code, entry] of Object.entries(catalogue.codes)) {
      expect(placeholders(entry.zh.message), code).toEqual(placeholders(entry.message));
      expect(entry.zh.action, code).toMatch(/\p{Script=Han}/u);
    }
    for (const [name, category] of Object.entries(catalogue.categories)) {
      expect(category.zh.title, name).toMatch(/\p{Script=Han}/u);
    }
  });

  // Issue 18's goals for the actions, made measurable: an action that sends the operator to technical support
  // first names something to check or do (at least eight words before "contact ... support"), save at most
  // four codes where Huawei gives no cause or step; and no action text is shared by more than eight codes.
  const withoutStepBeforeSupport = [];
  it('names something to check or do before technical support in every action (at most 4 exceptions)', () => {
    const found = [];
    for (const [code, entry] of Object.entries(catalogue.codes)) {
      const support = entry.action.match(/\b(contact|ask|call)\b[^.;]*\bsupport\b/i);
      if (support === null) {
        continue;
      }
      const wordsBefore = entry.action.slice(0, support.index).split(/\s+/).filter(Boolean).length;
      if (wordsBefore < 8) {
        found.push(code);
      }
    }
    expect(found).toEqual(withoutStepBeforeSupport);
    expect(withoutStepBeforeSupport.length).toBeLessThanOrEqual(4);
  });

  it('shares no action text, in either language, between more than 8 codes', () => {
    for (const language of ['en', 'zh']) {
      const codesByAction = new Map();
      for (const [code, entry] of Object.entries(catalogue.codes)) {
        const action = language === 'en' ? entry.action : entry.zh.action;
        codesByAction.set(action, [...(codesByAction.get(action) ?? []), code]);
      }
      const widest = Math.max(...[...codesByAction.values()].map((shared) => shared.length));
      expect(widest, language).toBeLessThanOrEqual(8);
    }
  });

  it('is built into dist/error-codes.json unchanged', () => {
    const built = JSON.parse(readFileSync(new URL('../dist/error-codes.json', import.meta.url), 'utf8'));
    expect(built).toEqual(catalogue);
  });
});

describe('the checks catch', () => {
  const first = codes[0];

  /** Gives the first code this message in both languages (so that only the check under test speaks). */
  function withMessage(copy, english, chinese) {
    copy.codes[first].message = english;
    copy.codes[first].zh.message = chinese;
  }

  it('a category that is not defined', () => {
    const problems = catalogueProblems(changed((c) => (c.codes[first].category = 'weather')));
    expect(problems).toEqual([`${first}: category "weather" is not one of the categories`]);
  });

  it('placeholders with a gap', () => {
    const problems = catalogueProblems(changed((c) => withMessage(c, 'disk {0} and {2}', '磁盘 {0} 和 {2}')));
    expect(problems).toEqual([`${first}: placeholders {0} {2} do not run from {0} without a gap`]);
  });

  it('placeholders that do not start at {0}', () => {
    const problems = catalogueProblems(changed((c) => withMessage(c, 'disk {1}', '磁盘 {1}')));
    expect(problems).toEqual([`${first}: placeholders {1} do not run from {0} without a gap`]);
  });

  it('an empty or blank action', () => {
    expect(catalogueProblems(changed((c) => (c.codes[first].action = '')))).not.toEqual([]);
    expect(catalogueProblems(changed((c) => (c.codes[first].action = '   ')))).toEqual([
      `${first}: the action is empty`,
    ]);
  });

  it('a related code that is not in the catalogue', () => {
    const problems = catalogueProblems(changed((c) => (c.codes[first].see = ['SMS.1302'])));
    expect(problems).toEqual([`${first}: see SMS.1302, which is not in the catalogue`]);
  });

  it('a key that is not an SMS code, and a missing field', () => {
    expect(catalogueProblems(changed((c) => (c.codes['SMS-12'] = c.codes[first])))).not.toEqual([]);
    expect(catalogueProblems(changed((c) => delete c.codes[first].status))).not.toEqual([]);
  });

  it('a code or a category without its Chinese text', () => {
    expect(catalogueProblems(changed((c) => delete c.codes[first].zh))).toEqual([
      `/codes/${first} must have required property 'zh'`,
    ]);
    expect(catalogueProblems(changed((c) => delete c.codes[first].zh.action))).toEqual([
      `/codes/${first}/zh must have required property 'action'`,
    ]);
    expect(catalogueProblems(changed((c) => delete c.categories.network.zh))).toEqual([
      `/categories/network must have required property 'zh'`,
    ]);
  });

  it('a Chinese message whose slots differ from the English ones, in number or in order', () => {
    const twoSlots = codes.find((code) => placeholders(catalogue.codes[code].message).length === 2);
    if (twoSlots === undefined) {
      throw new Error('the catalogue has no code with two slots');
    }
    const english = placeholders(catalogue.codes[twoSlots].message)
      .map((n) => `{${n}}`)
      .join(' ');
    const dropped = catalogueProblems(changed((c) => (c.codes[twoSlots].zh.message = '磁盘 {0} 已满')));
    expect(dropped).toEqual([`${twoSlots}: zh.message has slots "{0}" where the message has "${english}"`]);
    const swapped = catalogueProblems(changed((c) => (c.codes[twoSlots].zh.message = '磁盘 {1} 的分区 {0}')));
    expect(swapped).toEqual([`${twoSlots}: zh.message has slots "{1} {0}" where the message has "${english}"`]);
  });

  it('a Chinese text with no Chinese characters', () => {
    const problems = catalogueProblems(changed((c) => (c.codes[first].zh.action = 'SMS.0203')));
    expect(problems).toEqual([`${first}: zh.action has no Chinese characters`]);
    const title = catalogueProblems(changed((c) => (c.categories.network.zh.title = 'Network')));
    expect(title).toEqual(['category network: zh.title has no Chinese characters']);
  });

  it('an English sentence left in a Chinese text, while commands and product names pass', () => {
    const problems = catalogueProblems(
      changed((c) => (c.codes[first].zh.action = `先重启 Agent。Retry the task, then check the log.`)),
    );
    expect(problems).toEqual([`${first}: zh.action leaves an English sentence: "Retry the task, then check the log"`]);
    expect(
      englishSentenceIn('在目的端运行 diskpart，执行 attributes disk clear readonly 和 online disk。'),
    ).toBeUndefined();
    expect(englishSentenceIn('改用 Cloud Migration Service，或运行 tc qdisc del dev eth0 root。')).toBeUndefined();
    expect(englishSentenceIn('请检查 whether the port is open 再重试。')).toBe('whether the port is open');
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
