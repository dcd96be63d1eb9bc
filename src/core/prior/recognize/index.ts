import { formatMoney, type Fen, type MoneyUnit } from '../../money';
import type { TemplateSpec } from '../../tables/spec';
import type { SheetGrid } from '../grid';
import type { PriorMessage, SourceIdentity } from '../identity';
import { CODE_KEY_PATTERN, KEY_ALIASES, type Scope } from '../keys';
import { matchSheet, sheetLayout, type SheetLayout, type TableMatch } from './match';
import { readSheet, type FoundFigure, type FoundProject } from './read';

export type { FoundFigure, FoundIndicator, FoundProject } from './read';

/**
 * Last year's published Excel → prior-year figures, table by table. Every sheet is matched to a
 * table of one template (the one most sheets match), read through that table's spec, and the
 * figures of all sheets are merged: the closest reading of each key wins, a different value
 * elsewhere is reported as a conflict. Nothing is guessed: what is assumed is said in a note.
 */

export interface RecognizeOptions {
  templates: readonly TemplateSpec[];
  /** The importing workbook's template: preferred when two templates fit equally. */
  preferredTemplate: string | null;
  /** Values for labels such as "{departmentName}" (the importing department's). */
  department: { code: string; name: string };
}

export interface SheetResult {
  sheet: string;
  status: 'recognized' | 'unrecognized' | 'empty';
  tableId: string | null;
  /** The table's number and title as the sheet prints them ("一", "2023年部门收支预算表"). */
  number: string;
  title: string;
  unit: MoneyUnit | null;
  unitStated: boolean;
  figures: FoundFigure[];
  projects: FoundProject[];
  notes: PriorMessage[];
}

export interface ChosenFigure extends FoundFigure {
  sheet: string;
}

export interface ExcelRecognition {
  templateId: string | null;
  identity: SourceIdentity;
  sheets: SheetResult[];
  /** One reading per key, the closest; aliases ("general.total") included. */
  figures: ChosenFigure[];
  notes: PriorMessage[];
}

const SCOPE_RANK: Record<Scope, number> = { exact: 0, withoutCarryOver: 1, generalBudgetOnly: 2 };

/**
 * The most of a cell recognition reads. Titles, labels, codes and amounts are short; a published
 * indicator's text runs to a few hundred characters. Cutting every cell here, once, keeps every
 * later pass (each table of each template looks at the same cells) linear in the sheet's size.
 */
export const MAX_CELL_CHARS = 2_000;

export function recognizeExcel(input: readonly SheetGrid[], options: RecognizeOptions): ExcelRecognition {
  const grids = input.map(capCells);
  const sheets = grids.map((grid) => ({ grid, layout: sheetLayout(grid), empty: grid.rows.every((row) => row.every((text) => text.trim() === '')) }));
  const template = chooseTemplate(sheets, options);
  const matches = sheets.map(({ grid, layout, empty }) => (template && !empty ? matchSheet(grid, layout, template) : null));
  const notes: PriorMessage[] = [];
  const results: SheetResult[] = sheets.map(({ grid, layout, empty }, index) => {
    const match = matches[index] ?? null;
    if (!match) return unrecognized(grid.name, empty);
    return readMatched(grid, layout, match, options);
  });
  const displayUnit: MoneyUnit = template?.money.unit ?? 'wan';
  const identity = identityOf(matches.filter((match): match is TableMatch => match !== null), notes);
  const figures = mergeFigures(results, notes, displayUnit);
  const stated = results.filter((result) => result.status === 'recognized' && result.unitStated);
  if (new Set(stated.map((result) => result.unit)).size > 1) {
    notes.push({ code: 'prior:note.unitsDiffer', params: { sheets: stated.map((result) => `${result.sheet}（${unitName(result.unit ?? 'wan')}）`).join('、') } });
  }
  return { templateId: template?.id ?? null, identity, sheets: results, figures, notes };
}

function capCells(grid: SheetGrid): SheetGrid {
  if (!grid.rows.some((row) => row.some((text) => text.length > MAX_CELL_CHARS))) return grid;
  return { ...grid, rows: grid.rows.map((row) => row.map((text) => (text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text))) };
}

function unrecognized(sheet: string, empty: boolean): SheetResult {
  return { sheet, status: empty ? 'empty' : 'unrecognized', tableId: null, number: '', title: '', unit: null, unitStated: false, figures: [], projects: [], notes: [] };
}

/** A sheet that states no unit is read in the unit its template table prints, and the preview says so. */
function readMatched(grid: SheetGrid, layout: SheetLayout, match: TableMatch, options: RecognizeOptions): SheetResult {
  const unit = match.unit ?? match.table.money?.unit ?? match.template.money.unit;
  const reading = readSheet(grid, layout, match, {
    unit,
    labelValues: { departmentCode: options.department.code, departmentName: options.department.name, year: String(match.year ?? '') },
  });
  const givesMoney = reading.figures.length > 0 || reading.projects.some((project) => project.amount !== null);
  const notes: PriorMessage[] = [];
  if (!match.unit && givesMoney) notes.push({ code: 'prior:note.unitAssumed', params: { sheet: grid.name, unit: unitName(unit) } });
  notes.push(...reading.notes);
  return {
    sheet: grid.name,
    status: 'recognized',
    tableId: match.table.id,
    number: match.table.number,
    title: match.title,
    unit,
    unitStated: match.unit !== null,
    figures: reading.figures,
    projects: reading.projects,
    notes,
  };
}

/** The template most sheets match (then the preferred one, then the best total score). */
function chooseTemplate(sheets: { grid: SheetGrid; layout: SheetLayout; empty: boolean }[], options: RecognizeOptions): TemplateSpec | null {
  let best: { template: TemplateSpec; count: number; score: number } | null = null;
  for (const template of options.templates) {
    let count = 0;
    let score = 0;
    for (const { grid, layout, empty } of sheets) {
      if (empty) continue;
      const match = matchSheet(grid, layout, template);
      if (!match) continue;
      count += 1;
      score += match.score;
    }
    if (count === 0) continue;
    const preferred = template.id === options.preferredTemplate;
    const better =
      !best ||
      count > best.count ||
      (count === best.count && preferred) ||
      (count === best.count && best.template.id !== options.preferredTemplate && score > best.score);
    if (better) best = { template, count, score };
  }
  return best?.template ?? null;
}

function identityOf(matches: TableMatch[], notes: PriorMessage[]): SourceIdentity {
  const pick = <T extends string | number>(values: (T | null)[], note: string): T | null => {
    const stated = values.filter((value): value is T => value !== null);
    const distinct = [...new Set(stated)];
    if (distinct.length > 1) notes.push({ code: note, params: { values: distinct.join(', ') } });
    return mostCommon(stated);
  };
  return {
    year: pick(matches.map((match) => match.year), 'prior:note.yearsDiffer'),
    departmentCode: pick(matches.map((match) => match.departmentCode), 'prior:note.departmentsDiffer'),
    departmentName: pick(matches.map((match) => match.departmentName), 'prior:note.departmentsDiffer'),
  };
}

function mostCommon<T>(values: T[]): T | null {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * One figure per key: the closest scope, a cell read before one summed, the earlier table before
 * the later. Other readings of the key that disagree become notes. 三公 totals missing from the
 * tables are added up from their parts; aliases get the same reading.
 */
function mergeFigures(results: SheetResult[], notes: PriorMessage[], unit: MoneyUnit): ChosenFigure[] {
  const all: ChosenFigure[] = results.flatMap((result) => result.figures.map((figure) => ({ ...figure, sheet: result.sheet })));
  const byKey = new Map<string, ChosenFigure[]>();
  for (const figure of all) {
    const list = byKey.get(figure.key) ?? [];
    list.push(figure);
    byKey.set(figure.key, list);
  }
  const chosen = new Map<string, ChosenFigure>();
  for (const [key, readings] of byKey) {
    const ordered = readings
      .map((figure, order) => ({ figure, order }))
      .sort((a, b) => SCOPE_RANK[a.figure.scope] - SCOPE_RANK[b.figure.scope] || +a.figure.derived - +b.figure.derived || a.order - b.order)
      .map(({ figure }) => figure);
    const first = ordered[0] as ChosenFigure;
    chosen.set(key, first);
    const reported = new Set<Fen>([first.fen]);
    // Readings of another scope differ by design (a table without carry-over): only like is compared with like.
    for (const other of ordered.slice(1)) {
      if (other.scope !== first.scope || reported.has(other.fen)) continue;
      reported.add(other.fen);
      notes.push({
        code: 'prior:note.conflict',
        params: { key, value: formatMoney(first.fen, unit), cell: first.cells.join(' + '), otherValue: formatMoney(other.fen, unit), otherCell: other.cells.join(' + ') },
      });
    }
  }
  // As from a workbook: a code key only where its amount is not zero.
  for (const [key, figure] of chosen) if (CODE_KEY_PATTERN.test(key) && figure.fen === 0) chosen.delete(key);
  addSum(chosen, 'sanGong.vehicle', ['sanGong.vehiclePurchase', 'sanGong.vehicleRunning']);
  addSum(chosen, 'sanGong.total', ['sanGong.abroad', 'sanGong.reception', 'sanGong.vehicle']);
  for (const [key, aliases] of Object.entries(KEY_ALIASES)) {
    const figure = chosen.get(key);
    if (!figure) continue;
    for (const alias of aliases) if (!chosen.has(alias)) chosen.set(alias, { ...figure, key: alias });
  }
  return [...chosen.values()];
}

function addSum(chosen: Map<string, ChosenFigure>, key: string, parts: string[]): void {
  if (chosen.has(key)) return;
  const figures = parts.map((part) => chosen.get(part));
  if (figures.some((figure) => figure === undefined)) return;
  const present = figures as ChosenFigure[];
  const scope = present.reduce<Scope>((widest, figure) => (SCOPE_RANK[figure.scope] > SCOPE_RANK[widest] ? figure.scope : widest), 'exact');
  chosen.set(key, {
    key,
    fen: present.reduce((sum, figure) => sum + figure.fen, 0),
    cells: present.flatMap((figure) => figure.cells),
    scope,
    derived: true,
    sheet: present[0]?.sheet ?? '',
  });
}

function unitName(unit: MoneyUnit): string {
  return unit === 'wan' ? '万元' : '元';
}
