import type { UnitKind, Workbook } from '../model';
import { fill, type EvaluatedTable } from '../tables/evaluate';
import type { TemplateSpec } from '../tables/spec';
import { paragraphs } from './html';
import type { NarrativeSection } from './narrative-source';
import type { CoverLine, NumberingStyle, PackageSection, PackageSpec, PageSetup, SectionLevel, TableNumberStyle } from './package-spec';

/**
 * The disclosure package as a document, built from the template's package structure (`template.package`,
 * src/core/report/package-spec.ts): the cover's lines, the contents, the sections in the template's order,
 * the page set-up. Its wording is the province's document language (Chinese), like a template's table
 * titles, and does not follow the app's UI language. renderPackageHtml prints it.
 */
export interface DisclosurePackage {
  departmentName: string;
  year: number;
  /** The document's title: the cover's department and title lines ("某某局2024年度部门预算"); without them the contents' title. */
  title: string;
  /** The cover page; no lines: the package has none. */
  cover: { lines: PrintedCoverLine[]; pageNumber: boolean };
  /** The 目录's title; absent: the package prints no contents. */
  contents?: { title: string };
  /** What follows cover and contents, in reading order. */
  sections: PrintedSection[];
  page: PageSetup;
}

export interface PrintedCoverLine {
  role: CoverLine['role'];
  text: string;
}

/** A section's heading: its text (placeholders and number filled in), level and the id its contents line links to. */
export interface PrintedHeading {
  anchor: string;
  text: string;
  level: SectionLevel;
  /** The contents' line for it; null: not listed (a level-3 heading, or `contentsHeading: false`). */
  contentsLabel: string | null;
  /** false: a line of the contents only, not printed (its anchor goes with what prints next). */
  printed: boolean;
}

/** A table where it prints, with the id of its anchor (`table-N`, N its 1-based place in the template's tables). */
export interface PrintedTable {
  anchor: string;
  table: EvaluatedTable;
  /** The table's line in the contents ("一、部门收支预算表"), for the tables of a `tables` section. */
  contentsLabel?: string;
}

/** A narrative section where it prints: its anchor, its level in the narrative (1 its top headings) and whether the contents list it. */
export type PrintedNarrativeSection = NarrativeSection & { anchor: string; level: number; listed: boolean };

export interface UnitLine {
  code: string;
  name: string;
  kind: string;
  authorizedStaff: number;
  actualStaff: number;
  retiredStaff: number;
}

interface PrintedBase {
  /** The section's id in the template. */
  id: string;
  level: SectionLevel;
  heading?: PrintedHeading;
  pageBreak: boolean;
  /** The template's emptyText, present only when the section has nothing else to print. */
  emptyText?: string;
}

/** What a section prints besides its heading, by kind. */
export type SectionContent =
  | { kind: 'heading' }
  | { kind: 'cover'; lines: PrintedCoverLine[] }
  | { kind: 'text'; paragraphs: string[] }
  | { kind: 'units'; units: UnitLine[] }
  | { kind: 'narrative'; sections: PrintedNarrativeSection[] }
  | { kind: 'glossary'; entries: { number: string; term: string; explanation: string }[] }
  | { kind: 'tables'; list: boolean; listed: boolean; tableNumber: TableNumberStyle; tables: PrintedTable[] }
  | { kind: 'table'; tableNumber: TableNumberStyle; title?: string; tables: PrintedTable[] };

export type PrintedSection = PrintedBase & SectionContent;

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  admin: '行政单位',
  civilServantManaged: '参照公务员法管理事业单位',
  institution: '事业单位',
};

/** An evaluated table with the id of the table spec it came from (a ReportTable fits). */
export interface PackageTable {
  spec: { id: string };
  table: EvaluatedTable;
}

export interface PackageInput {
  workbook: Workbook;
  /** The resolved template; only its package structure (`package`) is read. */
  template: Pick<TemplateSpec, 'package'>;
  /** The template's tables evaluated, in the template's order, each with its spec (evaluateReportTables). */
  tables: PackageTable[];
  /** What `narrative` sections print (packageNarrative). */
  narrative: NarrativeSection[];
  /** ISO date printed on the cover when the workbook has no 公开日期 (publishedOn) and the cover falls back to the export date. */
  fallbackDate?: string;
}

export function buildDisclosurePackage({ workbook, template, tables, narrative, fallbackDate = '' }: PackageInput): DisclosurePackage {
  const spec = template.package;
  const { department } = workbook;
  const values: Record<string, string> = {
    year: String(department.year),
    priorYear: String(department.year - 1),
    departmentName: department.name,
    departmentCode: department.code,
  };
  // The date is the workbook's 公开日期; the export's date only where the template explicitly falls back to it.
  const date = chineseDate(department.publishedOn || (spec.cover.dateFallback === 'exportDate' ? fallbackDate : ''));
  const printLines = (lines: CoverLine[]) =>
    lines.flatMap((line): PrintedCoverLine[] => {
      if (line.role === 'date' && !date) return [];
      return [{ role: line.role, text: fill(line.text, { ...values, date }) }];
    });
  const lines = printLines(spec.cover.lines);
  const contents = spec.contents ? { title: fill(spec.contents.title, values) } : undefined;
  const coverTitle = lines
    .filter((line) => line.role === 'department' || line.role === 'title')
    .map((line) => line.text)
    .join('');
  return {
    departmentName: department.name,
    year: department.year,
    title: coverTitle || contents?.title || `${department.name}${department.year}年度部门预算`,
    cover: { lines, pageNumber: spec.cover.pageNumber },
    ...(contents ? { contents } : {}),
    sections: printedSections(spec, workbook, tables, narrative, values, printLines),
    page: spec.page,
  };
}

function printedSections(
  spec: PackageSpec,
  workbook: Workbook,
  tables: PackageTable[],
  narrative: NarrativeSection[],
  values: Record<string, string>,
  printLines: (lines: CoverLine[]) => PrintedCoverLine[],
): PrintedSection[] {
  const anchors = new Anchors();
  // Tables keep the anchor of their place in the template's tables, whichever section prints them.
  tables.forEach((_, index) => anchors.take(tableAnchor(index)));
  const placed = placedTables(spec, tables);
  const narrativeIds = new Set(spec.sections.flatMap((section) => (section.kind === 'narrative' ? (section.sections ?? []) : [])));
  const counters = new Map<string, number>();
  let part: string | undefined;
  return spec.sections.map((section): PrintedSection => {
    const level = section.level ?? (section.kind === 'heading' || section.kind === 'cover' ? 1 : 2);
    if (level === 1) part = section.id;
    // A section restarts the counts of the levels below it.
    for (const key of [...counters.keys()]) if (Number(key.split(':')[0]) > level) counters.delete(key);
    let heading: PrintedHeading | undefined;
    if (section.heading !== undefined) {
      const style = section.numbering ?? 'none';
      const key = `${level}:${style}`;
      const count = style === 'none' ? 0 : (counters.get(key) ?? 0) + 1;
      counters.set(key, count);
      const anchor = anchors.take(level === 1 ? `part-${section.id}` : part === undefined ? `section-${section.id}` : `${part}-${section.id}`);
      const listed = level <= 2 && section.contentsHeading !== false;
      const contentsLabel = listed ? numbered(fill(typeof section.contentsHeading === 'string' ? section.contentsHeading : section.heading, values), style, count) : null;
      heading = { anchor, level, text: numbered(fill(section.heading, values), style, count), contentsLabel, printed: section.headingPrinted !== false };
    }
    const base = { id: section.id, level, pageBreak: section.pageBreak === true || section.kind === 'cover', ...(heading ? { heading } : {}) };
    const content = sectionContent(section, { workbook, placed, narrative, namedNarrative: narrativeIds, anchors, printLines, values });
    const emptyText = isEmpty(content) && section.emptyText !== undefined ? { emptyText: fill(section.emptyText, values) } : {};
    return { ...base, ...content, ...emptyText };
  });
}

/** What a section's content is read from. */
interface ContentSources {
  workbook: Workbook;
  placed: Map<string, PlacedTable[]>;
  narrative: NarrativeSection[];
  /** Narrative section ids some package section names. */
  namedNarrative: Set<string>;
  anchors: Anchors;
  printLines: (lines: CoverLine[]) => PrintedCoverLine[];
  values: Record<string, string>;
}

function sectionContent(section: PackageSection, { workbook, placed, narrative, namedNarrative, anchors, printLines, values }: ContentSources): SectionContent {
  switch (section.kind) {
    case 'heading':
      return { kind: 'heading' };
    case 'cover':
      return { kind: 'cover', lines: printLines(section.lines) };
    case 'text':
      return { kind: 'text', paragraphs: paragraphs(clerkText(workbook, section.source)) };
    case 'units':
      return {
        kind: 'units',
        units: workbook.units.map((unit) => ({
          code: unit.code,
          name: unit.name,
          kind: UNIT_KIND_NAMES[unit.kind],
          authorizedStaff: unit.authorizedStaff,
          actualStaff: unit.actualStaff,
          retiredStaff: unit.retiredStaff,
        })),
      };
    case 'narrative': {
      const wanted = section.sections ? new Set(section.sections) : undefined;
      const depth = section.contentsDepth ?? 1;
      // Anchors number the narrative's sections by their place in the whole narrative, wherever they print.
      return {
        kind: 'narrative',
        sections: narrative.flatMap((part, index) => {
          const mine = wanted ? part.id !== undefined && wanted.has(part.id) : part.id === undefined || !namedNarrative.has(part.id);
          if (!mine) return [];
          const level = part.level ?? 1;
          return [{ ...part, level, listed: part.heading !== '' && level <= depth, anchor: anchors.take(`${section.id}-${index + 1}`) }];
        }),
      };
    }
    case 'glossary': {
      const style = section.entryNumbering ?? 'decimal';
      return { kind: 'glossary', entries: workbook.texts.glossary.map((entry, index) => ({ number: sectionNumber(style, index + 1), term: entry.term, explanation: entry.explanation })) };
    }
    case 'tables': {
      const titles = section.contentsTitles ?? {};
      const tables = (placed.get(section.id) ?? []).map((printed) => {
        const title = titles[printed.table.id] ?? titles[printed.specId];
        return { anchor: printed.anchor, table: printed.table, contentsLabel: tableLabel(title === undefined ? printed.table : { ...printed.table, title }) };
      });
      return { kind: 'tables', list: section.list === true, listed: section.listed !== false, tableNumber: section.tableNumber ?? 'none', tables };
    }
    case 'table':
      return {
        kind: 'table',
        tableNumber: section.tableNumber ?? 'none',
        ...(section.title !== undefined ? { title: fill(section.title, values) } : {}),
        tables: (placed.get(section.id) ?? []).map(({ anchor, table }) => ({ anchor, table })),
      };
  }
}

function isEmpty(content: SectionContent): boolean {
  switch (content.kind) {
    case 'heading':
      return true;
    case 'cover':
      return content.lines.length === 0;
    case 'text':
      return content.paragraphs.length === 0;
    case 'units':
      return content.units.length === 0;
    case 'narrative':
      return content.sections.length === 0;
    case 'glossary':
      return content.entries.length === 0;
    case 'tables':
    case 'table':
      return content.tables.length === 0;
  }
}

/** A printed table with the id of the table spec it came from (a per-project spec prints several). */
type PlacedTable = PrintedTable & { specId: string };

/**
 * Which tables each `tables` and `table` section prints, by section id: the ones it names (every copy of a
 * per-project table), and for `rest` every table no section names, in the template's order.
 */
function placedTables(spec: PackageSpec, tables: PackageTable[]): Map<string, PlacedTable[]> {
  const printed = tables.map(({ spec: tableSpec, table }, index) => ({ specId: tableSpec.id, anchor: tableAnchor(index), table }));
  const named = new Set(spec.sections.flatMap((section) => (section.kind === 'table' ? [section.table] : section.kind === 'tables' && section.tables !== 'rest' ? section.tables : [])));
  const of = (id: string) => printed.filter((entry) => entry.specId === id);
  const placed = new Map<string, PlacedTable[]>();
  for (const section of spec.sections) {
    if (section.kind === 'table') placed.set(section.id, of(section.table));
    if (section.kind === 'tables') placed.set(section.id, section.tables === 'rest' ? printed.filter((entry) => !named.has(entry.specId)) : section.tables.flatMap(of));
  }
  return placed;
}

/** The clerk's text a `text` section prints: "texts.duties", "texts.organization", "texts.other", "texts.blocks.<key>". */
function clerkText(workbook: Workbook, source: string): string {
  const { texts } = workbook;
  if (source === 'texts.duties') return texts.duties;
  if (source === 'texts.organization') return texts.organization;
  if (source === 'texts.other') return texts.other;
  const block = /^texts\.blocks\.(.+)$/.exec(source)?.[1];
  return block === undefined ? '' : (texts.blocks[block] ?? '');
}

/** The heading with its number: in place of {number}, or in front of the heading when it has no {number}. */
function numbered(heading: string, style: NumberingStyle, count: number): string {
  const number = sectionNumber(style, count);
  if (heading.includes('{number}')) return heading.replace(/\{number\}/g, number);
  if (!number) return heading;
  return style === 'chinese-part' || style === 'decimal' ? `${number} ${heading}` : `${number}${heading}`;
}

/** A section's number in its style: "一、", "第一部分", "（一）", "1.", "1、"; "" for none. */
export function sectionNumber(style: NumberingStyle, count: number): string {
  switch (style) {
    case 'none':
      return '';
    case 'decimal-comma':
      return `${count}、`;
    case 'chinese':
      return `${chineseNumeral(count)}、`;
    case 'chinese-part':
      return `第${chineseNumeral(count)}部分`;
    case 'chinese-paren':
      return `（${chineseNumeral(count)}）`;
    case 'decimal':
      return `${count}.`;
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999; larger numbers stay Arabic). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  if (n >= 10 && n < 20) return `十${n === 10 ? '' : DIGITS[n - 10]}`;
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((digit, index) => {
    if (digit === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += `${DIGITS[digit]}${units[index]}`;
  });
  return out;
}

/** The anchor of the template's table at `index` (0-based, in the template's order). */
export function tableAnchor(index: number): string {
  return `table-${index + 1}`;
}

/** Anchor ids, unique within the document: a repeat gets "-2", "-3" … */
class Anchors {
  private readonly taken = new Set<string>();

  take(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n += 1) id = `${wanted}-${n}`;
    this.taken.add(id);
    return id;
  }
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
