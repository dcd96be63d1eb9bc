import type { SheetGrid } from '../../prior/grid';
import type { NameResolver } from '../../tables/render';
import type { MoneyFormat, TableSpec, TemplateSpec } from '../../tables/spec';
import type { Workbook } from '../../model';
import type { VariantTemplateDocument } from '../document';

/** The sheets of a published workbook: cell text as printed (numbers in their number format), merged areas. */
export type PublishedSheet = SheetGrid;

export interface LearnOptions {
  /** The built-in (or other resolved) templates a variant may extend. */
  bases: readonly TemplateSpec[];
  /** Extend this one instead of the nearest. */
  baseId?: string;
  /** Facts of the same year: placeholders are known, ambiguous readings are decided by the numbers, and the proof runs. */
  facts?: Workbook;
  names?: NameResolver;
  /** The clerk's corrections of learned columns' meanings, applied before the variant is built and proved. */
  meanings?: readonly import('./meaning').ColumnMeaning[];
  /** The learned variant's id and name (default: "<base>-learned"). */
  id?: string;
  name?: string;
}

/** Something learned or not, with where it was read. */
export interface LearnNote {
  /** Message key in the "template" namespace (template:learn.*). */
  code: string;
  params: Record<string, string | number>;
  /** Cell references ("'表1'!C5"). */
  cells: string[];
}

export type LearnedStatus =
  /** Matched to a table of the base and learned. */
  | 'learned'
  /** No base table fits; read from its headings and labels alone, as a new table. */
  | 'new'
  /** Nothing could say what its numbers are: kept for the clerk to map by hand, not in the variant. */
  | 'unmapped';

export interface LearnedTable {
  sheet: string;
  /** Where the block sits: "'表1'!A1:M25". */
  range: string;
  title: string;
  status: LearnedStatus;
  /** The base table it was matched to, or null. */
  baseTable: string | null;
  /** The learned table as the engine sees it (for `unmapped`, a draft: its header and what was understood). */
  spec: TableSpec;
  /** How well it matched its base table, 0–1. */
  score: number;
  learned: LearnNote[];
  uncertain: LearnNote[];
  notLearned: LearnNote[];
  /** Sheet columns (block-relative) → learned table column, for the proof. */
  columnOf: (number | null)[];
}

export interface CellDifference {
  cell: string;
  published: string;
  ours: string;
}

export interface TableProof {
  sheet: string;
  table: string | null;
  title: string;
  /** Number cells of the published table. */
  numberCells: number;
  reproduced: number;
  different: CellDifference[];
  /** Numbers we print where the published table prints none. */
  extra: CellDifference[];
  /** Numbers equal but printed otherwise ("0.00" where the published prints blank, separators). */
  formatDiffers: CellDifference[];
}

export interface Proof {
  tables: TableProof[];
  numberCells: number;
  reproduced: number;
  different: number;
}

export interface LearnResult {
  baseId: string;
  /** The variant document: extends the base, changes only what differs. */
  variant: VariantTemplateDocument;
  /** The variant resolved (what the engine would print with), or null when it does not load. */
  template: TemplateSpec | null;
  problems: { path: string; messageKey: string; params: Record<string, string | number> }[];
  tables: LearnedTable[];
  /** Base tables the file does not have (removed in the variant). */
  removed: string[];
  money: MoneyFormat;
  notes: LearnNote[];
  proof: Proof | null;
}
