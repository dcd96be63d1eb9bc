import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src/core/catalog';
import type { Unit } from '../../src/core/model';
import {
  amountDisplay,
  amountEditText,
  codeDisplay,
  fundDisplay,
  parseAmount,
  parseCode,
  parseFund,
  parseNature,
  parsePercent,
  parseProjectType,
  parseUnit,
  type CellResult,
} from '../../src/core/workbench/cells';

const catalog = catalogFor();
const units: Unit[] = [
  { id: 'u1', code: '036001', name: '济源市医疗保障局（本级）', kind: 'admin', authorizedStaff: 0, actualStaff: 0, retiredStaff: 0 },
  { id: 'u2', code: '036002', name: '济源市医疗保障服务中心', kind: 'institution', authorizedStaff: 0, actualStaff: 0, retiredStaff: 0 },
];

const problemKey = (result: CellResult<unknown>) => (result.ok ? null : result.problem.key);

describe('money cells', () => {
  it('reads 万元 exactly, with separators, full-width digits and accounting negatives', () => {
    expect(parseAmount('1,234.56', 'wan')).toEqual({ ok: true, value: 1_234_560_000 });
    expect(parseAmount('１２.３４５６７８', 'wan')).toEqual({ ok: true, value: 123_456_78 });
    expect(parseAmount('(3)', 'yuan')).toEqual({ ok: true, value: -300 });
    expect(parseAmount('  ', 'wan')).toEqual({ ok: true, value: 0 });
  });

  it('names what is wrong with a bad amount', () => {
    expect(problemKey(parseAmount('十二万', 'wan'))).toBe('workbench:problem.money.notANumber');
    expect(problemKey(parseAmount('1.2345678', 'wan'))).toBe('workbench:problem.money.tooPrecise');
    expect(problemKey(parseAmount('1.234', 'yuan'))).toBe('workbench:problem.money.tooPrecise');
    expect(problemKey(parseAmount('', 'wan', null))).toBe('workbench:problem.required');
  });

  it('edits and shows amounts so that the edit text reads back to the same 分', () => {
    for (const fen of [0, 1, 12_345_600_000, 123_456_78, -50_000_000]) {
      const parsed = parseAmount(amountEditText(fen, 'wan'), 'wan');
      expect(parsed).toEqual({ ok: true, value: fen });
    }
    expect(amountDisplay(12_345_600_000, 'wan')).toBe('12,345.60');
    expect(amountDisplay(123_456_78, 'wan')).toBe('12.345678');
    expect(amountDisplay(123_400, 'yuan')).toBe('1,234.00');
  });
});

describe('classification code cells', () => {
  it('takes a code alone, with its name, bracketed, or with full-width digits', () => {
    for (const text of ['2101501', '2101501 行政运行', '[2101501]行政运行', '【２１０１５０１】', '2101501-行政运行']) {
      expect(parseCode('function', text, catalog)).toEqual({ ok: true, value: '2101501' });
    }
  });

  it('takes a name when it is unique at the line level, and says when it is not', () => {
    expect(parseCode('deptEcon', '基本工资', catalog)).toEqual({ ok: true, value: '30101' });
    expect(parseCode('function', '医疗保障管理事务 行政运行', catalog)).toEqual({ ok: true, value: '2101501' });
    const ambiguous = parseCode('function', '行政运行', catalog);
    expect(problemKey(ambiguous)).toBe('workbench:problem.code.ambiguous');
    expect(ambiguous.ok ? '' : ambiguous.problem.params.candidates).toContain('2010101');
  });

  it('accepts a well-formed code the catalogue does not list (the checks flag it), with or without a name', () => {
    expect(parseCode('function', '2101597', catalog)).toEqual({ ok: true, value: '2101597' });
    expect(parseCode('function', '2049998 新设科目', catalog)).toEqual({ ok: true, value: '2049998' });
    expect(parseCode('deptEcon', '30298', catalog)).toEqual({ ok: true, value: '30298' });
    expect(parseCode('govEcon', '51098', catalog)).toEqual({ ok: true, value: '51098' });
    // Income lines take the level the digits say: an unlisted 款 of a listed 类.
    expect(parseCode('function', '20998', catalog, 2)).toEqual({ ok: true, value: '20998' });
  });

  it('refuses codes of the wrong level, malformed text and names that name no code, per kind', () => {
    expect(problemKey(parseCode('function', '21015', catalog))).toBe('workbench:problem.code.level.function.3');
    expect(problemKey(parseCode('function', '21O1101', catalog))).toBe('workbench:problem.code.malformed.function');
    expect(problemKey(parseCode('function', '1101501', catalog))).toBe('workbench:problem.code.malformed.function');
    expect(problemKey(parseCode('deptEcon', '12345', catalog))).toBe('workbench:problem.code.malformed.deptEcon');
    expect(problemKey(parseCode('govEcon', '不存在的科目', catalog))).toBe('workbench:problem.code.unknownName.govEcon');
    expect(problemKey(parseCode('function', '', catalog))).toBe('workbench:problem.required');
  });

  it('shows code and name, which parse back to the code', () => {
    const shown = codeDisplay('function', '2101501', catalog);
    expect(shown).toBe('2101501 行政运行');
    expect(parseCode('function', shown, catalog)).toEqual({ ok: true, value: '2101501' });
  });

  it('uses the names of the catalogue the workbook imported', () => {
    const imported = catalogFor([{ kind: 'deptEcon', code: '30199', name: '其他工资福利支出（新）' }]);
    expect(parseCode('deptEcon', '其他工资福利支出（新）', imported)).toEqual({ ok: true, value: '30199' });
  });
});

describe('unit, fund, nature and type cells', () => {
  it('finds a unit by code, by name, or by both', () => {
    expect(parseUnit('036002', units)).toEqual({ ok: true, value: 'u2' });
    expect(parseUnit('济源市医疗保障局(本级)', units)).toEqual({ ok: true, value: 'u1' });
    expect(parseUnit('036001 济源市医疗保障局（本级）', units)).toEqual({ ok: true, value: 'u1' });
    expect(problemKey(parseUnit('036009', units))).toBe('workbench:problem.unit.unknown');
  });

  it('finds a fund leaf by code, name, English name or parent/leaf, and refuses ambiguous names', () => {
    expect(parseFund('财政拨款')).toEqual({ ok: true, value: 'gen.appropriation' });
    expect(parseFund('gen.bond')).toEqual({ ok: true, value: 'gen.bond' });
    expect(parseFund('Public service revenue')).toEqual({ ok: true, value: 'unit.business' });
    expect(parseFund('政府性基金预算拨款/上级提前下达')).toEqual({ ok: true, value: 'fund.upperAdvance' });
    expect(parseFund('上年结转结余-一般公共预算')).toEqual({ ok: true, value: 'carry.gen' });
    expect(parseFund('一般公共预算拨款')).toEqual({ ok: true, value: 'gen.appropriation' });
    expect(problemKey(parseFund('上级提前下达'))).toBe('workbench:problem.fund.ambiguous');
    expect(problemKey(parseFund('路边捡的'))).toBe('workbench:problem.fund.unknown');
  });

  it('shows every fund leaf in a form that parses back to it, in both languages', () => {
    for (const code of ['gen.appropriation', 'gen.upperAdvance', 'fund.upperAdvance', 'carry.gen', 'carry.unit', 'capital', 'unit.other']) {
      expect(parseFund(fundDisplay(code, 'zh'))).toEqual({ ok: true, value: code });
      expect(parseFund(fundDisplay(code, 'en'))).toEqual({ ok: true, value: code });
    }
  });

  it('reads natures, project types and percentages', () => {
    expect(parseNature('基本支出')).toEqual({ ok: true, value: 'basic' });
    expect(parseNature('Project expenditure')).toEqual({ ok: true, value: 'project' });
    expect(problemKey(parseNature('其他'))).toBe('workbench:problem.nature.unknown');
    expect(parseProjectType('特定目标类')).toEqual({ ok: true, value: 'specificGoal' });
    expect(parseProjectType('其他运转类项目')).toEqual({ ok: true, value: 'operation' });
    expect(parsePercent('85.5％')).toEqual({ ok: true, value: 85.5 });
    expect(problemKey(parsePercent('120'))).toBe('workbench:problem.percent');
  });
});
