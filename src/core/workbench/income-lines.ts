import type { IncomeLine } from '../model';
import { codeDisplay, fundDisplay, parseCode, parseFund, parseUnit, unitDisplay } from './cells';
import { amountField, field, type RowCodec } from './rows';

export const INCOME_LINE_COLUMNS = ['unitId', 'fund', 'functionCode', 'amount'] as const;

/** Income lines as grid rows: unit × fund source (× 功能 code where a template asks) → amount. */
export const incomeLineCodec: RowCodec<IncomeLine> = {
  fields: [
    field<IncomeLine, string>({
      id: 'unitId',
      required: true,
      display: (line, ctx) => unitDisplay(line.unitId, ctx.units),
      parse: (text, ctx) => parseUnit(text, ctx.units),
      assign: (line, value) => void (line.unitId = value),
      has: (line) => line.unitId !== undefined,
    }),
    field<IncomeLine, string>({
      id: 'fund',
      required: true,
      display: (line, ctx) => fundDisplay(line.fund, ctx.language),
      parse: (text) => parseFund(text),
      assign: (line, value) => void (line.fund = value),
      has: (line) => line.fund !== undefined,
    }),
    field<IncomeLine, string | null>({
      id: 'functionCode',
      required: false,
      display: (line, ctx) => (line.functionCode ? codeDisplay('function', line.functionCode, ctx.catalog) : ''),
      parse: (text, ctx) => {
        if (text.trim() === '') return { ok: true, value: null };
        // Income may be broken down to 类, 款 or 项: take the level the digits say.
        const digits = /\d+/.exec(text)?.[0] ?? '';
        const level = digits.length === 3 ? 1 : digits.length === 5 ? 2 : 3;
        return parseCode('function', text, ctx.catalog, level);
      },
      assign: (line, value) => void (line.functionCode = value),
      has: (line) => line.functionCode !== undefined,
    }),
    amountField<IncomeLine>(),
  ],
  complete: (line) => {
    line.amount ??= 0;
    line.functionCode ??= null;
  },
};
