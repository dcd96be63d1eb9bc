import { figureValue } from '../figures';
import { adjustRounding, footing, printedText, type Printed } from '../rounding';
import type { CodeKind, Totals } from '../totals';
import { NO_HITS, type Hit, type Rule } from '../types';
import { workbookRule } from './define';

/**
 * 尾差: printed tables foot after rounding. Each identity below is a printed row and the rows that add up
 * to it; the facts always add (the engine sums exact 分), but Σ printed parts may differ from the printed
 * total by a few 0.01万元.
 */
interface Row {
  /** The printed table: a key of checks:printedTables. */
  table: string;
  /** The total's figure key ("basic") or code ("function.21015"). */
  total: string;
  parts: string[];
}

const FIGURE_ROWS: Row[] = [
  { table: 'expenditureSummary', total: 'total', parts: ['basic', 'project', 'nature.operating', 'nature.remitUpward', 'nature.subsidyAffiliates'] },
  { table: 'basicExpenditure', total: 'basic', parts: ['basic.personnel', 'basic.public'] },
  { table: 'fiscalSummary', total: 'fiscal.total', parts: ['fiscal.gen', 'fiscal.fund', 'fiscal.capital'] },
  { table: 'sanGong', total: 'sanGong.total', parts: ['sanGong.abroad', 'sanGong.reception', 'sanGong.vehicle'] },
  { table: 'sanGong', total: 'sanGong.vehicle', parts: ['sanGong.vehiclePurchase', 'sanGong.vehicleRunning'] },
];

/**
 * Code rows every province prints: the 一般公共预算支出表 by 功能分类 (类, 款, 项). Economic-class tables
 * differ by province (basic lines only, or all) and are not judged from the running totals.
 */
const CODE_TABLES = { function: 'generalByFunction' } as const;
const LEVELS = { function: [3, 5, 7] } as const;

/** 一般公共预算 amounts per 类/款/项 code, and which codes sit directly under each. */
function codeRows(totals: Totals, kind: 'function'): { amounts: Map<string, number>; rows: Row[] } {
  const amounts = new Map<string, number>();
  const children = new Map<string, Set<string>>();
  const levels = LEVELS[kind];
  for (const [code, amount] of totals.generalByCode[kind as CodeKind]) {
    let parent: string | undefined;
    for (const length of levels) {
      if (length > code.length) break;
      const prefix = code.slice(0, length);
      amounts.set(prefix, (amounts.get(prefix) ?? 0) + amount);
      if (parent !== undefined) {
        const set = children.get(parent) ?? new Set<string>();
        set.add(prefix);
        children.set(parent, set);
      }
      parent = prefix;
    }
  }
  const rows: Row[] = [];
  for (const [parent, set] of [...children].sort(([a], [b]) => (a < b ? -1 : 1))) {
    rows.push({ table: CODE_TABLES[kind], total: `${kind}.${parent}`, parts: [...set].sort().map((code) => `${kind}.${code}`) });
  }
  return { amounts, rows };
}

function label(key: string): { name: string; code: string } {
  const code = /^(function)\.(\d+)$/.exec(key);
  if (code) return { name: code[1] ?? '', code: code[2] ?? '' };
  return { name: key.replaceAll('.', '_'), code: '' };
}

function footingHit(row: Row, value: (key: string) => number, printed: Printed): Hit | undefined {
  const total = value(row.total);
  const parts = row.parts.map(value);
  if (parts.filter((part) => part !== 0).length < 2) return undefined;
  const foot = footing(total, parts, printed);
  if (foot.tail === 0) return undefined;
  const adjusted = adjustRounding(total, parts, printed);
  const changed = adjusted.findIndex((shown, index) => shown !== foot.parts[index]);
  const part = label(row.parts[changed] ?? '');
  const { name, code } = label(row.total);
  return {
    params: {
      table: row.table,
      figureName: name,
      figureCode: code,
      total: printedText(foot.total, printed.decimals),
      sum: printedText(foot.total + foot.tail, printed.decimals),
      tail: printedText(foot.tail, printed.decimals),
      moneyUnit: printed.unit,
      adjustName: part.name,
      adjustCode: part.code,
      from: printedText(foot.parts[changed] ?? 0, printed.decimals),
      to: printedText(adjusted[changed] ?? 0, printed.decimals),
    },
    location: { entity: 'workbook', field: row.total, tables: [{ tableId: 'budgetLines' }] },
  };
}

export const roundingRules: Rule[] = [
  workbookRule({
    id: 'tables.roundingTail',
    severity: 'info',
    messageKey: 'checks:roundingTail',
    description:
      '尾差: a printed total equals the sum of its printed parts at the package\'s rounding (option printedAmounts, default 万元 with 2 decimals): 支出总计 = 基本 + 项目 + …, 基本支出 = 人员经费 + 公用经费, 财政拨款 = 一般公共预算 + 基金 + 国资, 三公 = its parts, and each 一般公共预算 类/款 by 功能分类 = its rows. The finding gives the tail and a 尾差调整 (which printed part to move by it, largest remainder first); the facts stay exact.',
    evaluate: (context) => {
      const printed = context.options.printedAmounts;
      if (printed === false) return NO_HITS;
      let hits: Hit[] | null = null;
      const figure = (key: string) => figureValue(context.totals, key) ?? 0;
      for (const row of FIGURE_ROWS) {
        const found = footingHit(row, figure, printed);
        if (found) (hits ??= []).push(found);
      }
      for (const kind of ['function'] as const) {
        const { amounts, rows } = codeRows(context.totals, kind);
        const value = (key: string) => amounts.get(key.slice(key.indexOf('.') + 1)) ?? 0;
        for (const row of rows) {
          const found = footingHit(row, value, printed);
          if (found) (hits ??= []).push(found);
        }
      }
      return hits ?? NO_HITS;
    },
  }),
];
