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
  /** Lines in order: the department's name, the title, the date, literal text (placeholders allowed). None: the package has no cover page. */
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

/** How a section's heading (or a glossary's entries) is numbered; its heading may hold {number}. */
export type NumberingStyle = 'none' | 'chinese' | 'chinese-part' | 'chinese-paren' | 'decimal' | 'decimal-comma';

/** How a table's number prints with its title: not at all, before the title ("1、…"), or on a line above it ("表4"). */
export type TableNumberStyle = 'none' | 'prefix' | 'above';

/** Heading levels: 1 a part, 2 a section of a part (both in the contents), 3 a sub-section (never in the contents). */
export type SectionLevel = 1 | 2 | 3;

interface SectionBase {
  id: string;
  /** Heading text; may hold {number} (the section's number in its style) and the table placeholders. */
  heading?: string;
  /** 1: a part (第一部分 …); 2: a section in a part; 3: a sub-section. Default: 1 for `heading` and `cover`, 2 for the other kinds. */
  level?: SectionLevel;
  /**
   * Numbers the heading: counted over the headed sections of the same level and style, in order (level-2
   * counts restart at every level-1 section, level-3 counts at every level-1 or level-2 one). {number} in the
   * heading takes it; a heading without {number} gets it in front ("一、职责", "第一部分 概况").
   */
  numbering?: NumberingStyle;
  /** The contents' wording of the heading where it differs from the printed one ({number} allowed); false: not listed. */
  contentsHeading?: string | false;
  /** false: the heading is a line of the contents only; it is not printed, and its link goes to what prints next. */
  headingPrinted?: boolean;
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
  /** A page of its own laid out like the cover: the heading (if any) and the lines (a part's or an annex's title page). */
  | (SectionBase & { kind: 'cover'; lines: CoverLine[] })
  /** Clerk text by path: "texts.duties", "texts.organization", "texts.other", "texts.blocks.<key>"; one paragraph per line. */
  | (SectionBase & { kind: 'text'; source: string })
  /** The list of the department's units (code, name, kind; staff columns when any unit has staff). */
  | (SectionBase & { kind: 'units' })
  /**
   * The generated narrative's sections (or the clerk's 其他需要说明的事项 for a template without one): those whose
   * ids `sections` names, in the narrative's order; without `sections`, every one no other narrative section names.
   * `contentsDepth`: how many levels of the narrative's headings the contents list (default 1, 0: none).
   */
  | (SectionBase & { kind: 'narrative'; sections?: string[]; contentsDepth?: number })
  /** The 名词解释 entries, numbered "1. 术语：解释" (or in `entryNumbering`'s style: "一、", "1、"). */
  | (SectionBase & { kind: 'glossary'; entryNumbering?: NumberingStyle })
  /**
   * Tables by id, each on its own page, listed under the heading; `rest`: every table not printed elsewhere.
   * `listed` false: not lines of the contents; `contentsTitles`: a table's title as the contents word it, by table id.
   */
  | (SectionBase & { kind: 'tables'; tables: string[] | 'rest'; list?: boolean; tableNumber?: TableNumberStyle; listed?: boolean; contentsTitles?: Record<string, string> })
  /**
   * One table (every copy of a per-project table) printed inside the text at this point, portrait, not in the
   * contents; `title` is printed in place of the table's own (placeholders allowed).
   */
  | (SectionBase & { kind: 'table'; table: string; tableNumber?: TableNumberStyle; title?: string });

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
