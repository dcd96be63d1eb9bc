/**
 * The disclosure package's structure as template data: the cover, the parts and sections in order, where each
 * table prints, page set-up and footers. Headings and texts take the table placeholders ({year},
 * {priorYear}, {departmentName}, {departmentCode}). buildDisclosurePackage (package.ts) reads it, renderPackageHtml
 * prints it; docs/export.md ("Package structure") documents every field with examples.
 */
export interface PackageSpec {
  cover: CoverSpec;
  /** The 目录; omitted: the package prints none. */
  contents?: { title: string };
  /** The package after cover and contents, in reading order. */
  sections: PackageSection[];
  page: PageSetup;
}

export interface CoverSpec {
  /** Lines in order: the department's name, the title, the date, literal text (placeholders allowed). */
  lines: CoverLine[];
  /** Where the date comes from: the workbook's 公开日期 (publishedOn), falling back as `dateFallback` says. */
  dateFallback: 'exportDate' | 'none';
  /** Whether the cover carries a page number. */
  pageNumber: boolean;
}

export interface CoverLine {
  role: 'department' | 'title' | 'date' | 'text';
  /** The line's text; `date` lines print the date ("2024年5月26日") in place of {date}. */
  text: string;
}

/** How a section's heading is numbered; its heading may hold {number}. */
export type NumberingStyle = 'none' | 'chinese' | 'chinese-part' | 'chinese-paren' | 'decimal';

interface SectionBase {
  id: string;
  /** Heading text; may hold {number} (the section's number in its style) and the table placeholders. */
  heading?: string;
  /** 1: a part (第一部分 …); 2: a section in a part. Default: 1 for `heading`, 2 for the other kinds. */
  level?: 1 | 2;
  /**
   * Numbers the heading: counted over the headed sections of the same level and style, in order (level-2
   * counts restart at every level-1 section). {number} in the heading takes it; a heading without {number}
   * gets it in front ("一、职责", "第一部分 概况").
   */
  numbering?: NumberingStyle;
  /** Start on a new page. */
  pageBreak?: boolean;
  /**
   * Printed when the section has nothing to print (no clerk text, no units, no narrative, no entries, no
   * tables); without it an empty section prints its heading alone. A `heading` has nothing of its own.
   */
  emptyText?: string;
}

export type PackageSection =
  /** A heading that opens a part; the sections after it belong to it. */
  | (SectionBase & { kind: 'heading' })
  /** Clerk text by path: "texts.duties", "texts.organization", "texts.other", "texts.blocks.<key>"; one paragraph per line. */
  | (SectionBase & { kind: 'text'; source: string })
  /** The list of the department's units (code, name, kind; staff columns when any unit has staff). */
  | (SectionBase & { kind: 'units' })
  /** The generated narrative's sections (or the clerk's 其他需要说明的事项 for a template without one). */
  | (SectionBase & { kind: 'narrative' })
  /** The 名词解释 entries, numbered "1. 术语：解释". */
  | (SectionBase & { kind: 'glossary' })
  /** Tables by id, each on its own page, listed under the heading; `rest`: every table not printed elsewhere. */
  | (SectionBase & { kind: 'tables'; tables: string[] | 'rest'; list?: boolean })
  /** One table (every copy of a per-project table) printed inside the text at this point, portrait, not in the contents. */
  | (SectionBase & { kind: 'table'; table: string });

export interface PageSetup {
  size: 'A4';
  /** Orientation of tables: chosen per table by its width (auto), or fixed. Text pages are portrait. */
  tableOrientation: 'auto' | 'portrait' | 'landscape';
  /** Margins in mm. */
  margins: { portrait: Margins; landscape: Margins };
  /** Font family per role; the embedded faces are used where the family is one of them. */
  fonts: { title: string; heading: string; body: string; table: string };
  /** Page footer; {page} is the page number. */
  footer: { text: string };
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
