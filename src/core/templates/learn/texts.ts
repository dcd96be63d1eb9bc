import type { MoneyUnit } from '../../money';
import { normalizeText } from './cells';

/**
 * Printed texts back to template texts: the year, the department's name and code, a project's name and code
 * become placeholders, so the learned title prints next year's year and another department's name.
 */

export interface KnownValues {
  year: number | null;
  departmentName: string | null;
  departmentCode: string | null;
  /** Projects' names and codes, longest first, for per-project tables. */
  projects?: { name: string; code: string }[];
}

export function generalize(text: string, values: KnownValues, options: { projects?: boolean } = {}): string {
  let out = text;
  if (options.projects && values.projects) {
    for (const project of values.projects) {
      if (project.name.length >= 2 && out.includes(project.name)) out = out.split(project.name).join('{projectName}');
      if (project.code.length >= 4 && out.includes(project.code)) out = out.split(project.code).join('{projectCode}');
    }
  }
  if (values.departmentName && values.departmentName.length >= 2) out = out.split(values.departmentName).join('{departmentName}');
  if (values.departmentCode && values.departmentCode.length >= 2) {
    // Only where the code stands as a word of its own ("417 邢台市医疗保障局", "部门编码：417").
    out = out.replace(new RegExp(`(^|[\\s:：(（])${escape(values.departmentCode)}(?=$|[\\s)）])`, 'g'), '$1{departmentCode}');
  }
  if (values.year !== null) {
    out = out.replace(new RegExp(`(?<!\\d)${values.year}(?!\\d)`, 'g'), '{year}');
    out = out.replace(new RegExp(`(?<!\\d)${values.year - 1}(?=\\s*年)`, 'g'), '{priorYear}');
  }
  return out;
}

/** A template text filled with known values (for comparing a base's wording with the printed one). */
export function fillKnown(text: string, values: KnownValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 'year' && values.year !== null) return String(values.year);
    if (key === 'priorYear' && values.year !== null) return String(values.year - 1);
    if (key === 'departmentName' && values.departmentName) return values.departmentName;
    if (key === 'departmentCode' && values.departmentCode) return values.departmentCode;
    return whole;
  });
}

/** Whether a printed text is the template text (placeholders standing for anything where their value is unknown). */
export function sameText(printed: string, template: string, values: KnownValues): boolean {
  const filled = normalizeText(fillKnown(template, values));
  const plain = normalizeText(printed);
  if (!filled.includes('{')) return filled === plain;
  const pattern = filled
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? '.+?' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`).test(plain);
}

function escape(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
}

/** "单位：万元", "金额单位:元", "（万元）", "项目金额(万元)". */
export function statedUnit(text: string): MoneyUnit | null {
  const plain = normalizeText(text);
  const stated = /单位:?(万元|元)/.exec(plain) ?? /\((万元|元)\)/.exec(plain);
  if (!stated) return null;
  return stated[1] === '万元' ? 'wan' : 'yuan';
}

/** A 4-digit year in a title or meta line ("2024年", "预算年度：2024", "(2024年度)"). */
export function statedYear(text: string): number | null {
  const match = /(20\d{2})\s*年|年度[:：]?\s*(20\d{2})/.exec(text.normalize('NFKC'));
  const digits = match?.[1] ?? match?.[2];
  return digits ? Number(digits) : null;
}

/** "部门名称：X", "单位名称：X", "编制单位：X", "417 X". */
export function statedDepartment(text: string): { name: string | null; code: string | null } {
  const plain = text.normalize('NFKC').trim();
  const named = /^(?:部门名称|单位名称|编制单位|编制部门|填报单位|部门)\s*[:：]\s*(.+)$/.exec(plain);
  if (named) return { name: (named[1] ?? '').trim() || null, code: null };
  const coded = /^(\d{2,})\s+(\S.*)$/.exec(plain);
  if (coded) return { name: (coded[2] ?? '').trim(), code: coded[1] ?? null };
  return { name: null, code: null };
}

/** The most common non-null value. */
export function mostCommon<T>(values: (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  let count = 0;
  for (const [value, n] of counts) if (n > count) [best, count] = [value, n];
  return best;
}
