import type { CellSpec, HeaderCell, MoneyFormat } from '../../tables/spec';

/** Shared pieces of the Shaanxi (陕西) 2024 template. */

export const META = ['单位：元'];

export const h = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });
export const attr = (attribute: string): CellSpec => ({ attribute });

/** 财政拨款 this year: general budget, government funds, state capital. */
export const FISCAL = ['gen', 'fund', 'capital'];
/** 财政拨款 spending, including money carried over from last year. */
export const FISCAL_WITH_CARRY = ['gen', 'fund', 'capital', 'carry.gen', 'carry.fund', 'carry.capital'];
/** Everything that is not 财政拨款 (the forms' 其他资金). */
export const OTHER_FUNDS = ['specialAccount', 'unit', 'carry.specialAccount', 'carry.unit'];
/** This year's income of every kind (本年收入). */
export const THIS_YEAR = ['gen', 'fund', 'capital', 'specialAccount', 'unit'];

/** The performance forms print 万元 as a spreadsheet's General format would: "10", "421.4425". */
export const FORM_MONEY: Partial<MoneyFormat> = { unit: 'wan', separators: false, trimZeros: true };
