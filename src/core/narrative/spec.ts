import type { MoneyUnit } from '../money';

/**
 * A province's narrative (第二部分 情况说明) is data: sections of sentence templates whose
 * placeholders are fed by computed figures (figures.ts). The sentences are Chinese because the
 * published package is Chinese. docs/narrative.md documents every placeholder and figure key.
 *
 * Placeholders in sentence templates:
 *   {year} {priorYear} {dept} {asOf}          budget year, last year, department name, assets' date
 *   {amount:KEY} {amount:KEY|trim}            a money figure in the narrative's unit and style
 *   {prior:KEY}                               last year's figure
 *   {share:PART/WHOLE}                        PART's share of WHOLE in percent, 2 decimals ("51.41");
 *                                             shares of one WHOLE in a paragraph that add up to it add up to 100.00
 *   {change:KEY} {change:KEY|style}           comparison with last year plus the clerk's reason (phrases.ts)
 *   {count:KEY}                               a count (units, staff, vehicles, projects …)
 *   {text:KEY}                                clerk text from texts.reasons[KEY], trailing punctuation dropped
 *   {list:NAME}                               an inline list declared in NarrativeSpec.lists
 * Inside `each` items: {n} (1-based), {name}, {code}, {count}, and "@" as KEY for the item's own figure.
 * `[[ … ]]` is an optional group: it vanishes when any placeholder in it has no value (no prior-year
 * figure, no clerk text, an empty list, a share of zero).
 */
export interface NarrativeSpec {
  /** Lines of the narrative's title. */
  title: string[];
  money: NarrativeMoney;
  /** How the narrative compares with last year; `default` serves {change:KEY}, others {change:KEY|name}. */
  comparisons: { default: ComparisonStyle } & Record<string, ComparisonStyle>;
  lists?: Record<string, InlineList>;
  sections: SectionSpec[];
}

/**
 * How an amount prints, always rounded half away from zero to 2 decimals of the unit first:
 * - fixed:   always 2 decimals ("1890.26", "0.00")
 * - compact: 2 decimals, whole amounts bare ("3323.60", "2174", "0") — Henan's and Shaanxi's rule
 * - trim:    trailing zeros dropped ("3141.7", "2.8", "0") — 三公 paragraphs of Hebei and Shaanxi
 */
export type MoneyStyle = 'fixed' | 'compact' | 'trim';

export interface NarrativeMoney {
  unit: MoneyUnit;
  style: MoneyStyle;
}

/**
 * The words of a comparison. Placeholders: {delta} (the change, positive), {percent} (of last year,
 * 2 decimals), {prior}, {current}, {year}, {priorYear}; in `reason`, {reason}.
 */
export interface ComparisonStyle {
  up: string;
  down: string;
  same: string;
  /** Last year was zero and this year is not: no percentage exists. */
  fromZero: string;
  /** Appended when the clerk wrote a reason for the figure (texts.reasons[KEY]). */
  reason: string;
}

/** Lists the figures offer (figures.ts). */
export type ListSource =
  /** 功能分类 项 codes paid by 一般公共预算, this year or last: key function.<code>. */
  | 'functionItems'
  /** 部门经济分类 类 codes (301, 302 …) of 一般公共预算 lines: key deptEcon.<code>. */
  | 'deptEconClasses'
  /** 政府经济分类 类 codes (501, 502 …) of 一般公共预算 lines: key govEcon.<code>. */
  | 'govEconClasses'
  /** Projects paid by government funds, in workbook order, a trailing "项目" dropped from the name. */
  | 'fundProjects'
  /** Vehicles by kind: {name}, {count}. */
  | 'vehicleKinds';

export interface InlineList {
  source: ListSource;
  item: string;
  separator: string;
}

export type Condition = { zero: string[] } | { nonzero: string[] };

/** A piece of a paragraph: literal template text, or text chosen by a condition on figures. */
export type Piece = string | { when: Condition; then: string; else?: string };

export type ParagraphSpec =
  /** One sentence template. */
  | string
  /** Pieces joined; `money` overrides the narrative's style for the whole paragraph. Empty result → no paragraph. */
  | { parts: Piece[]; money?: MoneyStyle }
  /** One paragraph per list item (e.g. one per 功能项 code). */
  | { each: ListSource; item: string; money?: MoneyStyle }
  /** Clerk-written text, one paragraph per line. */
  | { clerk: ClerkText };

/**
 * Keys of texts.blocks a narrative prints: 工作任务 (Shaanxi 二), 工作保障措施 (Hebei 五（三）),
 * 重点项目绩效评价情况 (Henan 十（四）), 专项转移支付项目情况 (Henan 十（六）).
 */
export const NARRATIVE_BLOCKS = ['workTasks', 'safeguards', 'performanceEvaluation', 'transferPayments'] as const;
export type NarrativeBlock = (typeof NARRATIVE_BLOCKS)[number];

/** Heading levels of the narrative: 1 its top sections, 2–4 sub-sections. */
export type NarrativeLevel = 1 | 2 | 3 | 4;

/** Free text blocks of the workbook. */
export type ClerkText = 'duties' | 'organization' | 'other' | 'annualGoal' | 'glossary';

/**
 * Every section has a stable id (variants address sections by it, a package's narrative sections pick sections
 * by it) and a heading level: 1 (default) the narrative's top headings (一、…), 2 their sub-sections ((一) …),
 * 3 and 4 below. A block's "#" sub-sections are one level below the block's heading; an `eachTask` section's
 * level is its tasks'.
 */
export type SectionSpec = { id?: string; level?: NarrativeLevel } & (
  | { heading: string; paragraphs: ParagraphSpec[] }
  /**
   * Free prose the clerk writes for this section (texts.blocks[block]): one paragraph per line; a line
   * starting with "#" opens a sub-section headed by the rest of the line (Hebei's 工作保障措施 1、… 7、).
   */
  | { heading: string; block: NarrativeBlock }
  /** One section per task of the department-wide performance target: heading with {n} and {name}, its content's lines. */
  | { eachTask: { heading: string } }
);
