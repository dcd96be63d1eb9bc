import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads classification codes out of the three published seed packages in ../shared/seeds, the
 * ground truth the catalogues are checked against. Tables in the seeds are tab-separated rows;
 * a code sits in one cell ("2101501\t行政运行") or is split across 类/款/项 cells
 * ("210\t15\t01\t\t行政运行"). Used by the catalogue tests only.
 */

export const SEED_FILES = {
  'henan-2024': 'henan-jiyuan-medical-security-2024.txt',
  'hebei-2024': 'hebei-xingtai-medical-security-2024.txt',
  'shaanxi-2024': 'shaanxi-xixiang-medical-security-2024.txt',
} as const;

export type SeedId = keyof typeof SEED_FILES;
export const SEED_IDS = Object.keys(SEED_FILES) as SeedId[];

export type SeedCodeKind = 'function' | 'deptEcon' | 'govEcon';

export interface SeedCode {
  kind: SeedCodeKind;
  code: string;
  name: string;
  line: number;
}

export interface SeedPair {
  deptEcon: string;
  govEcon: string;
  line: number;
}

export interface SeedExtract {
  /** Codes printed beside their names in table rows. */
  codes: SeedCode[];
  /** 部门经济款 → 政府经济款 pairs from rows that print both. */
  pairs: SeedPair[];
  /** Codes cited in running text, e.g. "行政运行（2101501）". */
  mentions: { code: string; line: number }[];
  /** Expenditure row labels of the 收支总表-like tables, enumeration stripped: "卫生健康支出". */
  classLabels: string[];
}

export function seedsDir(): string {
  return resolve(process.cwd(), '..', 'shared', 'seeds');
}

export function readSeed(id: SeedId): string {
  return readFileSync(resolve(seedsDir(), SEED_FILES[id]), 'utf8');
}

const KIND_BY_FIRST_DIGIT: Record<string, SeedCodeKind> = { '2': 'function', '3': 'deptEcon', '5': 'govEcon' };
const WHOLE_CODE = /^[235]\d{2}(\d{2}){0,2}$/;
const HAS_CJK = /[\u4e00-\u9fff]/;
/** Rows naming an organisation (e.g. Shaanxi's unit code "209 西乡县医疗保障局") are not catalogue codes. */
const ORGANISATION = /(局|中心|本级)$/;

function kindOf(code: string): SeedCodeKind | undefined {
  const kind = KIND_BY_FIRST_DIGIT[code[0] ?? ''];
  if (!kind) return undefined;
  const lengths = kind === 'function' ? [3, 5, 7] : [3, 5];
  return lengths.includes(code.length) ? kind : undefined;
}

/** The next cell at or after `from` holding Chinese text, and its index. */
function nameAfter(cells: string[], from: number): { name: string; index: number } | undefined {
  for (let i = from; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    if (cell === '') continue;
    return HAS_CJK.test(cell) ? { name: cell, index: i } : undefined;
  }
  return undefined;
}

/** Codes in one row, left to right, with the cell index just after each code's name. */
function rowCodes(cells: string[]): { code: string; name: string; next: number }[] {
  const found: { code: string; name: string; next: number }[] = [];
  let i = 0;
  while (i < cells.length) {
    const a = cells[i]!.trim();
    const b = cells[i + 1]?.trim() ?? '';
    const c = cells[i + 2]?.trim() ?? '';
    let code: string | undefined;
    let width = 1;
    if (/^2\d{2}$/.test(a) && /^\d{2}$/.test(b) && /^\d{2}$/.test(c)) {
      code = a + b + c;
      width = 3;
    } else if (/^[35]\d{2}$/.test(a) && /^\d{2}$/.test(b)) {
      code = a + b;
      width = 2;
    } else if (WHOLE_CODE.test(a)) {
      code = a;
    }
    const named = code && kindOf(code) ? nameAfter(cells, i + width) : undefined;
    if (code && named && !ORGANISATION.test(named.name)) {
      found.push({ code, name: named.name, next: named.index + 1 });
      i = named.index + 1;
    } else {
      i += 1;
    }
  }
  return found;
}

const ENUMERATION = /^\s*[（(]?\s*[一二三四五六七八九十\d]+\s*[)）、.．]\s*/;
const TABLE_END = /^(本年收入合计|本年支出合计|收入合计|收入总计)/;

/** The column holding expenditure labels if this row is a 收支总表 header, else undefined. */
function expenditureColumn(cells: string[]): number | undefined {
  const compact = cells.map((cell) => cell.replace(/\s+/g, ''));
  const byClass = compact.findIndex((cell) => cell.startsWith('支出功能分类科目（按大类）'));
  if (byClass >= 0) return byClass;
  const items = compact.flatMap((cell, index) => (cell === '项目' ? [index] : []));
  return items.length === 2 ? items[1] : undefined;
}

/** Page-break repeats of a 收支总表's header: "收入 … 支出" and "栏次 1 2 3 4". */
function isRepeatedHeader(cells: string[]): boolean {
  const compact = cells.map((cell) => cell.replace(/\s+/g, ''));
  return compact.includes('收入') || compact[0] === '栏次';
}

export function extractSeed(text: string): SeedExtract {
  const codes: SeedCode[] = [];
  const pairs: SeedPair[] = [];
  const mentions: { code: string; line: number }[] = [];
  const classLabels: string[] = [];
  let labelColumn: number | undefined;

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.includes('\t')) {
      for (const match of raw.matchAll(/[（(]([235]\d{2}(?:\d{2}){0,2})[)）]/g)) {
        if (kindOf(match[1]!)) mentions.push({ code: match[1]!, line });
      }
      return;
    }
    const cells = raw.split('\t');
    const header = expenditureColumn(cells);
    if (header !== undefined) {
      labelColumn = header;
      return;
    }
    if (labelColumn !== undefined && !isRepeatedHeader(cells)) {
      if (cells.some((cell) => TABLE_END.test(cell.trim()))) {
        labelColumn = undefined;
      } else {
        const label = (cells[labelColumn] ?? '').replace(ENUMERATION, '').replace(/\s+/g, '');
        if (label !== '') classLabels.push(label);
      }
    }
    const found = rowCodes(cells);
    for (const { code, name } of found) codes.push({ kind: kindOf(code)!, code, name, line });
    for (let k = 0; k + 1 < found.length; k++) {
      const dept = found[k]!;
      const gov = found[k + 1]!;
      if (kindOf(dept.code) === 'deptEcon' && kindOf(gov.code) === 'govEcon' && dept.code.length === 5 && gov.code.length === 5) {
        pairs.push({ deptEcon: dept.code, govEcon: gov.code, line });
      }
    }
  });
  return { codes, pairs, mentions, classLabels };
}
