import { describe, expect, it } from 'vitest';
import { parseTsv, rectangular, toTsv } from '../../src/core/workbench/tsv';

describe('parseTsv: clipboard text from Excel and WPS', () => {
  it('reads rows and cells, CRLF and the trailing line break Excel adds', () => {
    expect(parseTsv('036001\t2101501\t12.5\r\n036002\t2101502\t3\r\n')).toEqual([
      ['036001', '2101501', '12.5'],
      ['036002', '2101502', '3'],
    ]);
  });

  it('reads LF-only and lone-CR line breaks the same way', () => {
    expect(parseTsv('a\tb\nc\td\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\rc\td')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps empty cells, including a trailing empty cell and an empty row inside the block', () => {
    expect(parseTsv('a\t\tc\t\r\n\r\nx\r\n')).toEqual([['a', '', 'c', ''], [''], ['x']]);
  });

  it('reads one empty copied cell as one empty cell, and no text as no rows', () => {
    expect(parseTsv('\r\n')).toEqual([['']]);
    expect(parseTsv('')).toEqual([]);
  });

  it("unquotes Excel's quoted cells: embedded tabs, line breaks and doubled quotes", () => {
    const text = '"第一行\n第二行"\t"含\t制表符"\t"他说""好"""\r\n"结尾\r\n换行"\tplain\r\n';
    expect(parseTsv(text)).toEqual([
      ['第一行\n第二行', '含\t制表符', '他说"好"'],
      ['结尾\r\n换行', 'plain'],
    ]);
  });

  it('reads an empty quoted cell and a quoted cell at the very end without a line break', () => {
    expect(parseTsv('""\t"x"')).toEqual([['', 'x']]);
  });

  it('keeps quotes that do not open a quoted cell as ordinary characters', () => {
    expect(parseTsv('5" pipe\t"unclosed\r\nnext')).toEqual([['5" pipe', '"unclosed'], ['next']]);
    expect(parseTsv('"a"b\tc')).toEqual([['"a"b', 'c']]);
  });

  it('round-trips through toTsv whatever the cells hold', () => {
    const cells = [
      ['2101501 行政运行', '1,234.56', ''],
      ['含"引号"', '多\n行', '\t'],
      ['', '', 'end'],
    ];
    expect(parseTsv(toTsv(cells))).toEqual(cells);
    expect(parseTsv(`${toTsv(cells)}\r\n`)).toEqual(cells);
  });

  it('pads ragged rows to a rectangle', () => {
    expect(rectangular([['a'], ['b', 'c', 'd'], []])).toEqual([
      ['a', '', ''],
      ['b', 'c', 'd'],
      ['', '', ''],
    ]);
  });
});
