import type { CatalogKind } from '../model';

/**
 * The shape of classification codes, independent of any catalogue edition.
 * 功能分类: 类 3 digits (2xx), 款 5, 项 7. 部门经济分类 3xx / 3xxxx, 政府经济分类 5xx / 5xxxx.
 */
export type CatalogLevel = 1 | 2 | 3;

const LENGTHS: Record<CatalogKind, readonly number[]> = {
  function: [3, 5, 7],
  deptEcon: [3, 5],
  govEcon: [3, 5],
};

const FIRST_DIGIT: Record<CatalogKind, string> = { function: '2', deptEcon: '3', govEcon: '5' };

/** Digit-string lengths of a kind's levels, outermost first. */
export function codeLengths(kind: CatalogKind): readonly number[] {
  return LENGTHS[kind];
}

export function isWellFormedCode(kind: CatalogKind, code: string): boolean {
  // Tolerates a kind that is not a CatalogKind at run time (untyped callers): answers false.
  const lengths: readonly number[] | undefined = LENGTHS[kind];
  return typeof code === 'string' && /^\d+$/.test(code) && lengths !== undefined && lengths.includes(code.length) && code.startsWith(FIRST_DIGIT[kind]);
}

/** 1 for 类, 2 for 款, 3 for 项; undefined for a malformed code. */
export function levelOf(kind: CatalogKind, code: string): CatalogLevel | undefined {
  if (!isWellFormedCode(kind, code)) return undefined;
  return (LENGTHS[kind].indexOf(code.length) + 1) as CatalogLevel;
}

/** The codes above this one, outermost first: 2101501 → ['210', '21015']. Empty for a malformed code. */
export function parentCodes(kind: CatalogKind, code: string): string[] {
  if (!isWellFormedCode(kind, code)) return [];
  return LENGTHS[kind].filter((length) => length < code.length).map((length) => code.slice(0, length));
}

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Folds full-width digits to ASCII: "２１０" → "210". */
export function asciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * A name in the form names are compared in: no whitespace (PDF extraction wraps names:
 * "其他社会保障 缴费"), half-width brackets ("维修（护）费" = "维修(护)费"), lower case.
 */
export function normalizeName(name: string): string {
  return asciiDigits(name)
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/【/g, '[')
    .replace(/】/g, ']')
    .toLowerCase();
}
