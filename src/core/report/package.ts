import type { UnitKind, Workbook } from '../model';
import type { EvaluatedTable } from '../tables/evaluate';
import { paragraphs } from './html';
import type { NarrativeSection } from './narrative-source';

/**
 * The disclosure package as a document: cover, contents, 第一部分 概况, 第二部分 情况说明,
 * 第三部分 名词解释, then the tables. Its wording is the province's document language (Chinese),
 * like a template's table titles, and does not follow the app's UI language.
 */
export interface DisclosurePackage {
  departmentName: string;
  year: number;
  /** Printed on the cover: "2024年5月26日", or empty. */
  date: string;
  /** e.g. "2024年度部门预算" */
  coverTitle: string;
  overview: {
    heading: string;
    dutiesHeading: string;
    duties: string[];
    organizationHeading: string;
    organization: string[];
    units: { code: string; name: string; kind: string; authorizedStaff: number; actualStaff: number; retiredStaff: number }[];
  };
  narrative: { heading: string; sections: NarrativeSection[] };
  glossary: { heading: string; entries: { term: string; explanation: string }[] };
  tables: { heading: string; items: EvaluatedTable[] };
}

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  admin: '行政单位',
  civilServantManaged: '参照公务员法管理事业单位',
  institution: '事业单位',
};

export interface PackageInput {
  workbook: Workbook;
  tables: EvaluatedTable[];
  narrative: NarrativeSection[];
  /** ISO date printed on the cover when the workbook has no 公开日期 (publishedOn). */
  fallbackDate?: string;
}

export function buildDisclosurePackage({ workbook, tables, narrative, fallbackDate = '' }: PackageInput): DisclosurePackage {
  const { department } = workbook;
  const name = department.name;
  const year = department.year;
  return {
    departmentName: name,
    year,
    date: chineseDate(department.publishedOn || fallbackDate),
    coverTitle: `${year}年度部门预算`,
    overview: {
      heading: `第一部分 ${name}部门概况`,
      dutiesHeading: '一、主要职责',
      duties: paragraphs(workbook.texts.duties),
      organizationHeading: '二、机构设置及预算单位构成',
      organization: paragraphs(workbook.texts.organization),
      units: workbook.units.map((unit) => ({
        code: unit.code,
        name: unit.name,
        kind: UNIT_KIND_NAMES[unit.kind],
        authorizedStaff: unit.authorizedStaff,
        actualStaff: unit.actualStaff,
        retiredStaff: unit.retiredStaff,
      })),
    },
    narrative: { heading: `第二部分 ${name}${year}年度部门预算情况说明`, sections: narrative },
    glossary: { heading: '第三部分 名词解释', entries: workbook.texts.glossary },
    tables: { heading: `附件：${name}${year}年度部门预算表`, items: tables },
  };
}

/** "2024-05-26" → "2024年5月26日"; anything else unchanged. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** A table's line in the contents: "一、2024年部门收支预算表", "表4 部门综合预算…". */
export function tableLabel(table: EvaluatedTable): string {
  const title = table.title || table.id;
  if (!table.number) return title;
  return /^[一二三四五六七八九十百]+$/.test(table.number) || /^\d+$/.test(table.number) ? `${table.number}、${title}` : `${table.number} ${title}`;
}
