import type { Department, Unit, UnitKind } from '../core/model';

/** A problem with one field, worded later by t(key, params) with the field's label filled in. */
export interface FieldProblem {
  key: string;
  params?: Record<string, string | number>;
}
export type Problems<F extends string> = Partial<Record<F, FieldProblem>>;

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/** "１２" or " 12 " → 12; anything else that is not a whole number ≥ 0 → null. */
export function parseCount(text: string): number | null {
  const normalized = text.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).trim();
  if (!/^\d{1,9}$/.test(normalized)) return null;
  return Number(normalized);
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function parseYear(text: string): number | null {
  const year = parseCount(text);
  return year !== null && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

export type DepartmentField = 'code' | 'name' | 'year' | 'publishedOn';
export interface DepartmentDraft {
  code: string;
  name: string;
  year: string;
  publishedOn: string;
}
type DepartmentFacts = Pick<Department, 'code' | 'name' | 'year' | 'publishedOn'>;

export function departmentDraft(department: DepartmentFacts): DepartmentDraft {
  return { code: department.code, name: department.name, year: String(department.year), publishedOn: department.publishedOn };
}

const DATE_PATTERN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date as clerks write it — 2024-01-20, 2024/1/20, 2024.1.20, 2024年1月20日, 20240120, full-width digits —
 * as ISO 2024-01-20; '' stays '' (no date yet); anything else, or a day the calendar lacks, is null.
 */
export function parseDate(text: string): string | null {
  const normalized = text.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).trim();
  if (normalized === '') return '';
  const parts = /^(\d{4})(\d{2})(\d{2})$/.exec(normalized) ?? DATE_PATTERN.exec(normalized);
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < MIN_YEAR || year > MAX_YEAR || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function checkDepartment(draft: DepartmentDraft): { value: DepartmentFacts | null; problems: Problems<DepartmentField> } {
  const problems: Problems<DepartmentField> = {};
  const code = draft.code.trim();
  const name = draft.name.trim();
  const year = parseYear(draft.year);
  const publishedOn = parseDate(draft.publishedOn);
  if (code === '') problems.code = { key: 'app:validation.required' };
  if (name === '') problems.name = { key: 'app:validation.required' };
  if (year === null) problems.year = { key: 'app:validation.year', params: { min: MIN_YEAR, max: MAX_YEAR } };
  if (publishedOn === null) problems.publishedOn = { key: 'app:validation.date' };
  const valid = Object.keys(problems).length === 0 && year !== null && publishedOn !== null;
  return { value: valid ? { code, name, year, publishedOn } : null, problems };
}

export type UnitField = 'code' | 'name' | 'kind' | 'authorizedStaff' | 'actualStaff' | 'retiredStaff';
export const UNIT_COUNT_FIELDS = ['authorizedStaff', 'actualStaff', 'retiredStaff'] as const;
export interface UnitDraft {
  code: string;
  name: string;
  kind: UnitKind;
  authorizedStaff: string;
  actualStaff: string;
  retiredStaff: string;
}

export function unitDraft(unit: Unit | null): UnitDraft {
  if (!unit) return { code: '', name: '', kind: 'admin', authorizedStaff: '0', actualStaff: '0', retiredStaff: '0' };
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    authorizedStaff: String(unit.authorizedStaff),
    actualStaff: String(unit.actualStaff),
    retiredStaff: String(unit.retiredStaff),
  };
}

/** Checks a unit draft against the other units; `id` is the unit being edited or a fresh one. */
export function checkUnit(draft: UnitDraft, id: string, units: readonly Unit[]): { unit: Unit | null; problems: Problems<UnitField> } {
  const problems: Problems<UnitField> = {};
  const code = draft.code.trim();
  const name = draft.name.trim();
  if (code === '') problems.code = { key: 'app:validation.required' };
  const clash = units.find((other) => other.id !== id && other.code === code);
  if (code !== '' && clash) problems.code = { key: 'app:validation.duplicateUnitCode', params: { code, name: clash.name } };
  if (name === '') problems.name = { key: 'app:validation.required' };
  const counts: Partial<Record<(typeof UNIT_COUNT_FIELDS)[number], number>> = {};
  for (const field of UNIT_COUNT_FIELDS) {
    const value = parseCount(draft[field]);
    if (value === null) problems[field] = { key: 'app:validation.wholeNumber' };
    else counts[field] = value;
  }
  if (Object.keys(problems).length > 0) return { unit: null, problems };
  return {
    unit: {
      id,
      code,
      name,
      kind: draft.kind,
      authorizedStaff: counts.authorizedStaff ?? 0,
      actualStaff: counts.actualStaff ?? 0,
      retiredStaff: counts.retiredStaff ?? 0,
    },
    problems,
  };
}

export function newId(): string {
  return crypto.randomUUID();
}
