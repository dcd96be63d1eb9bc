import { describe, expect, it } from 'vitest';
import { checkCatalogForWorkbook, runChecks } from '../../src/core/checks';
import { adjustRounding, footing } from '../../src/core/checks/rounding';
import { createI18n } from '../../src/shared/i18n';
import { baseWorkbook, edit, line, putLine, WAN } from './checks-builders';

const PRINTED = { unit: 'wan', decimals: 2 } as const;
const wan = (value: number) => Math.round(value * WAN);

describe('尾差: printed tables that do not foot after rounding', () => {
  it('finds the tail of a 基本支出 of 53.63 beside 46.29 + 7.33 and moves it onto the part that lost most', () => {
    const parts = [wan(46.2949), wan(7.3349)];
    const total = parts[0]! + parts[1]!;
    expect(footing(total, parts, PRINTED)).toEqual({ total: 5363, parts: [4629, 733], tail: -1 });
    expect(adjustRounding(total, parts, PRINTED)).toEqual([4630, 733]);
    expect(adjustRounding(total, [wan(46.2941), wan(7.3349)], PRINTED)).toEqual([4629, 734]);
  });

  it('every adjusted set of printed parts adds up to the printed total, each part within one step of its rounding', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let trial = 0; trial < 2_000; trial += 1) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * 5_000_000_000));
      const total = parts.reduce((sum, part) => sum + part, 0);
      const { total: shown, parts: rounded } = footing(total, parts, PRINTED);
      const adjusted = adjustRounding(total, parts, PRINTED);
      expect(adjusted.reduce((sum, part) => sum + part, 0)).toBe(shown);
      adjusted.forEach((part, index) => expect(Math.abs(part - rounded[index]!)).toBeLessThanOrEqual(1));
    }
  });

  it('checks the 功能分类 rows of the general budget table: a 款 against its 项', () => {
    const base = baseWorkbook();
    // 2101501 70.004 + 2101502 30.004 + 2101506 50.004 = 150.012: printed 70.00 + 30.00 + 50.00 ≠ 150.01.
    const workbook = edit(base, [
      putLine(base, 'b1', { amount: line(base, 'b1').amount + 4_000 }),
      putLine(base, 'b3', { amount: line(base, 'b3').amount + 4_000 }),
      putLine(base, 'b4', { amount: line(base, 'b4').amount + 4_000 }),
    ]);
    const found = runChecks(workbook, checkCatalogForWorkbook).filter((finding) => finding.ruleId === 'tables.roundingTail');
    const byFunction = found.find((finding) => finding.params.figureCode === '21015');
    expect(byFunction?.params).toMatchObject({ table: 'generalByFunction', total: '150.01', sum: '150.00', tail: '-0.01', adjustCode: '2101501', from: '70.00', to: '70.01' });
    expect(createI18n('zh-CN').t(byFunction!.messageKey, byFunction!.params)).toBe(
      '一般公共预算支出表（按功能分类）中功能科目 21015印为 150.01，但其各组成项印出的数相加为 150.00（万元），尾差 -0.01；尾差调整：将功能科目 2101501由 70.00 印为 70.01，数据本身不变',
    );
  });
});
