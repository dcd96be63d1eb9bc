import type { IncomeLine } from '../model';
import { codeDisplay, parseCode } from './cells';
import { amountField, field, fundField, unitField, type RowCodec } from './rows';

export const INCOME_LINE_COLUMNS = ['unitId', 'fund', 'functionCode', 'amount'] as const;

/** Income lines as grid rows: unit × fund source (× 功能 code where a template asks) → amount. */
export const incomeLineCodec: RowCodec<IncomeLine> = {
  fields: [
    unitField<IncomeLine>(),
    fundField<IncomeLine>(),
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
