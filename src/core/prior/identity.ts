import type { Department } from '../model';
import { normalizeText } from './text';

/**
 * Is a source really last year's file of this department? A wrong year or another department is
 * refused; what the source does not state is said, never assumed silently.
 */

/** What a source says about itself; Excel tables often state only some of it. */
export interface SourceIdentity {
  year: number | null;
  departmentCode: string | null;
  departmentName: string | null;
}

/** A message for the user: `code` keys the `prior` namespace, `params` word it. */
export interface PriorMessage {
  code: string;
  params: Record<string, string | number>;
}

export interface IdentityVerdict {
  /** Refusals: the source must not be imported. */
  problems: PriorMessage[];
  /** Said in the preview: what was assumed or differs harmlessly. */
  notes: PriorMessage[];
}

export function judgeIdentity(current: Pick<Department, 'code' | 'name' | 'year'>, source: SourceIdentity): IdentityVerdict {
  const problems: PriorMessage[] = [];
  const notes: PriorMessage[] = [];
  const expectedYear = current.year - 1;
  if (source.year === null) notes.push({ code: 'prior:note.yearNotStated', params: { year: expectedYear } });
  else if (source.year !== expectedYear) problems.push({ code: 'prior:wrongYear', params: { expected: expectedYear, found: source.year, current: current.year } });

  const sameCode = source.departmentCode !== null && sameDepartmentCode(source.departmentCode, current.code);
  const sameName = source.departmentName !== null && normalizeText(source.departmentName) === normalizeText(current.name);
  const other = {
    code: 'prior:otherDepartment',
    params: {
      expectedCode: current.code,
      expectedName: current.name,
      foundCode: source.departmentCode ?? '',
      foundName: source.departmentName ?? '',
    },
  };
  if (source.departmentCode !== null && !sameCode) problems.push(other);
  else if (source.departmentCode === null && source.departmentName !== null && !sameName) problems.push(other);
  else if (sameCode && source.departmentName !== null && !sameName) {
    notes.push({ code: 'prior:note.departmentRenamed', params: { foundName: source.departmentName, expectedName: current.name } });
  } else if (source.departmentCode === null && source.departmentName === null) {
    notes.push({ code: 'prior:note.departmentNotStated', params: { expectedName: current.name } });
  }
  return { problems, notes };
}

function sameDepartmentCode(a: string, b: string): boolean {
  return a.trim() === b.trim();
}
