import type { Unit } from '../model';
import { clean } from './cells';

/** 单位规格 as organisation tables print them: the values a unit's grade field suggests (any text is taken). */
export const UNIT_GRADES: readonly string[] = ['正厅（局）级', '副厅（局）级', '正处（县）级', '副处（县）级', '正科（乡）级', '副科（乡）级', '股级'];

/** 经费保障形式 as organisation tables print them: the values a unit's funding-form field suggests. */
export const FUNDING_FORMS: readonly string[] = ['财政拨款', '财政补助', '全额拨款', '差额拨款', '自收自支', '经费自理'];

export interface UnitProfile {
  /** 单位规格 as typed. */
  grade: string;
  /** 经费保障形式 as typed. */
  fundingForm: string;
}

/** The profile a unit's form starts with: absent fields are empty. */
export function unitProfile(unit: Unit | null): UnitProfile {
  return { grade: unit?.grade ?? '', fundingForm: unit?.fundingForm ?? '' };
}

/**
 * `unit` with its 单位规格 and 经费保障形式 as typed: trimmed, full-width spaces folded; an empty field
 * removes the key (absent means not given; the file never holds "").
 */
export function withUnitProfile(unit: Unit, profile: UnitProfile): Unit {
  const { grade: _grade, fundingForm: _fundingForm, ...rest } = unit;
  const grade = clean(profile.grade);
  const fundingForm = clean(profile.fundingForm);
  return { ...rest, ...(grade ? { grade } : {}), ...(fundingForm ? { fundingForm } : {}) };
}
