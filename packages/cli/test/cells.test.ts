// Cutting, padding and wrapping in terminal cells (East Asian wide characters count two), the column
// fitting of the table, and the CSV field rules, in isolation.
import { describe, expect, it } from 'vitest';
import { fitWidths } from '../src/commands/list/format-table.js';
import { cellWidth, padCells, truncateCells, wrapCells } from '../src/output/cells.js';
import { csvField } from '../src/output/format-csv.js';
import { outputWidth, UNLIMITED } from '../src/output/terminal-width.js';

describe('cells', () => {
  it('measures wide characters as two cells', () => {
    expect(cellWidth('财务-db01')).toBe(9);
    expect(cellWidth('abc')).toBe(3);
    expect(padCells('财务', 6)).toBe('财务  ');
  });

  it('cuts with … and never splits a wide character', () => {
    expect(truncateCells('财务数据库', 6)).toBe('财务…');
    expect(truncateCells('财务数据库', 7)).toBe('财务数…');
    expect(cellWidth(truncateCells('财务数据库', 6))).toBeLessThanOrEqual(6);
    expect(truncateCells('short', 10)).toBe('short');
    expect(truncateCells('abcdef', 1)).toBe('…');
  });

  it('wraps at spaces, cuts a word wider than the line, and leaves text whole when unlimited', () => {
    expect(wrapCells('open port 8899 on the target', 10)).toEqual(['open port', '8899 on', 'the target']);
    expect(wrapCells('aaaaaaaaaaaa b', 5)).toEqual(['aaaaa', 'aaaaa', 'aa b']);
    expect(wrapCells('财务数据库服务器', 6)).toEqual(['财务数', '据库服', '务器']);
    expect(wrapCells('a b c', UNLIMITED)).toEqual(['a b c']);
    // Chinese breaks between characters, never before a closing mark nor after an opening one, and a Latin
    // word inside it (a code, a command) stays whole.
    expect(wrapCells('请检查端口，再重试。', 10)).toEqual(['请检查端', '口，再重', '试。']);
    expect(wrapCells('执行（diskpart）后重启', 12)).toEqual(['执行', '（diskpart）', '后重启']);
    expect(wrapCells('参见 SMS.0203 的步骤', 12)).toEqual(['参见', 'SMS.0203 的', '步骤']);
    for (const line of wrapCells('请检查端口，再重试。'.repeat(5), 11)) {
      expect(cellWidth(line)).toBeLessThanOrEqual(11);
    }
  });
});

describe('fitting the columns', () => {
  it('keeps natural widths that fit', () => {
    expect(fitWidths([5, 5, 10], [3, undefined, 4], 100, 2, [0])).toEqual([5, 5, 10]);
  });

  it('gives the main column at least half the room, cuts the widest other first, never below a minimum', () => {
    // 70 cells, 3 gaps of 2, a fixed column of 6: 58 for the names and the message, which gets half (29).
    expect(fitWidths([10, 30, 6, 50], [8, 9, undefined, 12], 70, 3, [0, 1])).toEqual([10, 19, 6, 29]);
    // 43 cells: 31 of room, the message keeps what the names at their minimums leave.
    expect(fitWidths([20, 20, 6, 50], [8, 9, undefined, 12], 43, 3, [0, 1])).toEqual([8, 9, 6, 14]);
    // 40 cells cannot hold the minimums (8 + 9 + 6 + 12 + gaps): printed at those, wider than asked.
    expect(fitWidths([20, 20, 6, 50], [8, 9, undefined, 12], 40, 3, [0, 1])).toEqual([8, 9, 6, 12]);
  });
});

describe('output width', () => {
  it('COLUMNS, else the terminal, else unlimited; --wide always unlimited', () => {
    expect(outputWidth({ isTTY: true, columns: 90 }, { COLUMNS: '80' }, false)).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 90 }, {}, false)).toBe(90);
    expect(outputWidth({ isTTY: false, columns: 90 }, {}, false)).toBe(UNLIMITED);
    expect(outputWidth({ isTTY: true, columns: 90 }, { COLUMNS: 'x' }, false)).toBe(90);
    expect(outputWidth({ isTTY: true, columns: 90 }, { COLUMNS: '80' }, true)).toBe(UNLIMITED);
  });
});

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=a,b', `"'=a,b"`],
  ])('%j -> %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('leaves numbers and empty values alone', () => {
    expect([csvField(400), csvField(-1), csvField(null), csvField(undefined), csvField('')]).toEqual([
      '400',
      '-1',
      '',
      '',
      '',
    ]);
  });
});
