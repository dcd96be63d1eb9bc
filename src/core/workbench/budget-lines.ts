import type { BudgetLine, Nature } from '../model';
import { codeDisplay, natureDisplay, parseCode, parseNature, problem, clean, type CellContext } from './cells';
import { amountField, field, fundField, unitField, type RowCodec } from './rows';

/** The columns of a budget-line grid, in the order a clerk's sheet usually has them. */
export const BUDGET_LINE_COLUMNS = ['unitId', 'functionCode', 'deptEconCode', 'govEconCode', 'nature', 'fund', 'amount', 'note'] as const;
export type BudgetLineColumn = (typeof BUDGET_LINE_COLUMNS)[number];

export interface BudgetLineCodecOptions {
  /** Natures the grid accepts: project lines are entered under their project, the rest in the expenditure grid. */
  natures: readonly Nature[];
}

/**
 * Budget lines as grid rows. Codes are checked against the workbook's catalogue at the level lines
 * use (功能 项, 经济 款); a new line without a 政府经济 code gets the only legal one for its unit's
 * kind and 部门经济 code when there is exactly one.
 */
export function budgetLineCodec(options: BudgetLineCodecOptions): RowCodec<BudgetLine> {
  return {
    fields: [
      unitField<BudgetLine>(),
      codeField('functionCode', 'function'),
      codeField('deptEconCode', 'deptEcon'),
      codeField('govEconCode', 'govEcon'),
      field<BudgetLine, Nature>({
        id: 'nature',
        required: true,
        display: (line, ctx) => natureDisplay(line.nature, ctx.language),
        parse: (text) => {
          const parsed = parseNature(text);
          if (parsed.ok && !options.natures.includes(parsed.value)) {
            return problem(parsed.value === 'project' ? 'nature.projectElsewhere' : 'nature.notHere', { value: clean(text) });
          }
          return parsed;
        },
        assign: (line, value) => void (line.nature = value),
        has: (line) => line.nature !== undefined,
      }),
      fundField<BudgetLine>(),
      amountField<BudgetLine>(),
      field<BudgetLine, string>({
        id: 'note',
        required: false,
        display: (line) => line.note,
        parse: (text) => ({ ok: true, value: text.trim() }),
        assign: (line, value) => void (line.note = value),
        has: (line) => line.note !== undefined,
      }),
    ],
    complete: (line, ctx) => completeBudgetLine(line, ctx),
  };
}

function codeField(id: 'functionCode' | 'deptEconCode' | 'govEconCode', kind: 'function' | 'deptEcon' | 'govEcon') {
  return field<BudgetLine, string>({
    id,
    required: true,
    display: (line, ctx) => codeDisplay(kind, line[id], ctx.catalog),
    parse: (text, ctx) => parseCode(kind, text, ctx.catalog),
    assign: (line, value) => void (line[id] = value),
    has: (line) => typeof line[id] === 'string' && line[id] !== '',
    sortKey: (line) => line[id],
  });
}

/** Defaults a new line cannot do without, and the 政府经济 code when the catalogue allows only one. */
export function completeBudgetLine(line: Partial<BudgetLine>, ctx: CellContext): void {
  line.amount ??= 0;
  line.note ??= '';
  line.projectId ??= null;
  if ((line.govEconCode === undefined || line.govEconCode === '') && line.deptEconCode && line.unitId) {
    const kind = ctx.units.find((unit) => unit.id === line.unitId)?.kind;
    const legal = kind ? ctx.catalog.legalGovEconCodes(kind, line.deptEconCode) : [];
    if (legal.length === 1 && legal[0]) line.govEconCode = legal[0];
  }
}
