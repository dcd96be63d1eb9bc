import { pathSimilarity, sheetColumnPaths, templateColumnPaths } from '../../prior/recognize/header';
import { mergeFilters } from '../../tables/filter';
import type { BodyPart, CellSpec, FixedRow, GroupDimension, GroupRows, LineFilter, Measure, RowFields, TableSpec } from '../../tables/spec';
import { cellRef, isDash, normalizeLabel, normalizeText, printedNumber, textSimilarity } from './cells';
import { columnPaths, headerCells, type Block, type SheetView } from './blocks';
import { isMoneyCell, recolumnBody, type ColumnSource } from './recolumn';
import { generalize, sameText, type KnownValues } from './texts';
import type { LearnNote } from './types';
import { fitsSource, measureOf, readPath, type Reading } from './vocabulary';

/**
 * A grid table (header rows over columns) learned against its base table: the sheet's columns mapped to the
 * base's by their header paths (moved, renamed, removed, codes joined or split), columns the base lacks read
 * from their headings, the written-out rows found by their labels (reworded, reordered, removed, added), the
 * generated rows' grouping (levels of codes, rows per unit, order) read from the codes they print.
 */

export interface GridContext {
  view: SheetView;
  block: Block;
  /** The base table, or a bare one (no columns, no rows) for a table no base knows. */
  base: TableSpec;
  values: KnownValues;
  /** Units of the facts, when given: their codes and names tell unit rows. */
  units: { code: string; name: string }[];
  /** The department's own code and name, for its row. */
  known: boolean;
}

/** A money column the numbers must decide: its cells' alternatives are the extended columns listed. */
export interface ColumnChoice {
  column: number;
  options: number[];
  /** The column's first reading is the base's own (else one read from its heading). */
  fromBase: boolean;
  /** Where its heading is. */
  cell: string;
  heading: string;
}

export interface GridLearning {
  /** The table with every alternative column appended after the visible ones. */
  extended: TableSpec;
  visible: number;
  choices: ColumnChoice[];
  /** Columns holding amounts (visible indexes). */
  moneyColumns: Set<number>;
  learned: LearnNote[];
  uncertain: LearnNote[];
  notLearned: LearnNote[];
  /** Generated row lists whose order the numbers should confirm (part ids). */
  orderChoices: string[];
}

type Kind = 'money' | 'code' | 'text' | 'empty';

interface SheetColumn {
  index: number;
  path: string[];
  rawPath: string[];
  kind: Kind;
  codeLengths: Map<number, number>;
  /** Non-empty body texts. */
  filled: number;
}

interface BaseRole {
  money: number;
  fields: Set<keyof RowFields>;
  label: number;
  attr: number;
  seq: boolean;
}

const CODE_FIELDS = new Set<keyof RowFields>(['code', 'classCode', 'sectionCode', 'itemCode', 'govCode', 'govClassCode', 'govSectionCode']);
const NAME_FIELDS = new Set<keyof RowFields>(['name', 'govName', 'unitName', 'projectName', 'projectType']);

export function learnGrid(context: GridContext): GridLearning {
  const { view, block, base } = context;
  const width = block.right - block.left + 1;
  const notes = { learned: [] as LearnNote[], uncertain: [] as LearnNote[], notLearned: [] as LearnNote[] };
  const sheetColumns = describeColumns(view, block);
  const basePaths = base.header.length > 0 ? templateColumnPaths(base.header, base.columnCount) : [];
  const roles = baseRoles(base);
  const source = tableSource(base, block);
  const contexts = contextFilters(base, block);
  const context0 = contexts[0] ?? {};
  const carryInTable = sheetColumns.some((column) => column.rawPath.some((step) => /上年结转|结转结余/.test(normalizeText(step))));

  // 1. Sheet column → base column.
  const mapping: (ColumnSource | null)[] = new Array(width).fill(null);
  const usedBase = new Set<number>();
  const compatible = (column: SheetColumn, b: number) => {
    const role = roles[b];
    if (!role) return false;
    const baseMoney = role.money > 0 || role.attr > 0;
    const baseText = role.fields.size > 0 || role.label > 0 || role.attr > 0 || role.seq;
    if (column.kind === 'money') return baseMoney || !baseText;
    if (column.kind === 'code' || column.kind === 'text') return role.money === 0 || role.fields.size > 0 || role.attr > 0 || role.seq;
    return true;
  };
  const assign = (minimum: number) => {
    const pairs: { c: number; b: number; score: number }[] = [];
    for (const column of sheetColumns) {
      if (mapping[column.index]) continue;
      for (let b = 0; b < basePaths.length; b += 1) {
        if (usedBase.has(b) || !compatible(column, b)) continue;
        const score = similarity(basePaths[b] as string[], column.path);
        if (score >= minimum) pairs.push({ c: column.index, b, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score || Math.abs(x.c - x.b) - Math.abs(y.c - y.b));
    for (const pair of pairs) {
      if (mapping[pair.c] || usedBase.has(pair.b)) continue;
      mapping[pair.c] = { kind: 'base', base: pair.b };
      usedBase.add(pair.b);
    }
  };
  assign(0.6);
  mapCodeGroups(sheetColumns, roles, mapping, usedBase, notes, context);
  assign(0.45);
  // Text and code columns left: the nearest base column of the same kind (a reworded 名称 heading).
  for (const column of sheetColumns) {
    if (mapping[column.index] || column.kind === 'money' || column.kind === 'empty') continue;
    const wanted = (role: BaseRole) => (column.kind === 'code' ? [...role.fields].some((field) => field === 'unitCode' || field === 'projectCode' || CODE_FIELDS.has(field)) || role.seq : [...role.fields].some((field) => NAME_FIELDS.has(field)) || role.label > 0);
    const b = nearest(column.index, roles, usedBase, wanted);
    if (b !== null) {
      mapping[column.index] = { kind: 'base', base: b };
      usedBase.add(b);
    }
  }

  // Code columns the base has no column for: what their codes are (a table no base knows).
  const codeFields = inferCodeFields(sheetColumns, mapping);

  // 2. What each column means; money columns get the readings of their heading as alternatives.
  const moneyColumns = new Set<number>();
  const alternatives: ColumnSource[] = [];
  const choices: ColumnChoice[] = [];
  for (const column of sheetColumns) {
    const mapped = mapping[column.index];
    const baseMoney = mapped?.kind === 'base' && (roles[mapped.base]?.money ?? 0) > 0;
    const readings = column.path.length > 0 ? readingsFor(column.rawPath, source, contexts, carryInTable) : [];
    const isMoney = baseMoney || column.kind === 'money' || (column.kind === 'empty' && readings.length > 0 && !mapped);
    if (!isMoney) {
      if (!mapped) mapping[column.index] = { kind: 'new', money: null };
      continue;
    }
    moneyColumns.add(column.index);
    const options: ColumnSource[] = readings.map((reading) => ({ kind: 'new', money: { measure: reading.measure } }));
    if (!mapped) {
      if (options.length === 0) {
        // Nothing says what it sums: the nearest base money column the file dropped, if any, for the numbers to judge.
        const b = nearest(column.index, roles, usedBase, (role) => role.money > 0 || role.attr > 0);
        if (b !== null) {
          mapping[column.index] = { kind: 'base', base: b };
          usedBase.add(b);
          notes.uncertain.push(note('template:learn.columnGuessed', { column: headerName(column) }, [columnRef(context, column.index)]));
        } else {
          mapping[column.index] = { kind: 'new', money: null };
          notes.notLearned.push(note('template:learn.columnUnknown', { column: headerName(column) }, [columnRef(context, column.index)]));
        }
        continue;
      }
      mapping[column.index] = options[0] as ColumnSource;
      notes.learned.push(note('template:learn.columnRead', { column: headerName(column), meaning: readings[0]?.label ?? '' }, [columnRef(context, column.index)]));
      options.shift();
    }
    if (options.length > 0) {
      const start = width + alternatives.length;
      alternatives.push(...options.slice(0, 6));
      choices.push({ column: column.index, options: [column.index, ...options.slice(0, 6).map((_, k) => start + k)], fromBase: mapped?.kind === 'base', cell: columnRef(context, column.index), heading: headerName(column) });
    }
  }
  for (let b = 0; b < basePaths.length; b += 1) {
    if (!usedBase.has(b) && (roles[b]?.money || roles[b]?.label || roles[b]?.fields.size)) {
      notes.learned.push(note('template:learn.columnRemoved', { column: (basePaths[b] ?? []).join(' › ') || base.columns[b] || String(b) }, []));
    }
  }
  const layout = [...(mapping as ColumnSource[]), ...alternatives];
  const structured = !base.body.some((part) => part.kind === 'projectIndicatorGrid');
  const recolumned = structured ? recolumnBody(base.body, layout) : { body: base.body, brokenSums: new Set<number>() };
  for (const index of recolumned.brokenSums) {
    if (index < width) {
      notes.uncertain.push(note('template:learn.sumBroken', { column: headerName(sheetColumns[index] as SheetColumn) }, [columnRef(context, index)]));
    }
  }
  const header = headerCells(view, block);
  const columns = columnIds(base, layout, sheetColumns, width);
  let extended: TableSpec = {
    ...base,
    columns: [...columns, ...alternatives.map((_, k) => `~alt${k}`)],
    columnCount: layout.length,
    header,
    body: recolumned.body,
  };
  if (structured) {
    const rows = learnRows(context, extended, sheetColumns, moneyColumns, layout, source, context0, notes, codeFields);
    extended = { ...extended, body: rows.body };
    uniqueIds(extended.body);
    return { extended, visible: width, choices, moneyColumns, ...notes, orderChoices: rows.orderChoices };
  }
  return { extended, visible: width, choices, moneyColumns, ...notes, orderChoices: [] };
}

/** Header paths alike: the prior import's measure, or leaf texts alike enough (a unit in brackets reworded). */
function similarity(base: string[], sheet: string[]): number {
  const exact = pathSimilarity(base, sheet);
  if (exact >= 0.6 || base.length === 0 || sheet.length === 0) return exact;
  const leaf = textSimilarity(base[base.length - 1] as string, sheet[sheet.length - 1] as string);
  const above = base.slice(0, -1).join('|') === sheet.slice(0, -1).join('|') ? 1 : 0;
  return Math.max(exact, leaf >= 0.7 ? 0.3 * leaf + 0.2 * above : 0);
}

function note(code: string, params: Record<string, string | number>, cells: string[]): LearnNote {
  return { code, params, cells };
}

function headerName(column: SheetColumn): string {
  return column.rawPath.join(' › ') || `#${column.index + 1}`;
}

function columnRef(context: GridContext, column: number): string {
  const { block } = context;
  const row = block.header ? block.header.to : (block.body[0] ?? block.top);
  return cellRef(block.sheet, row, block.left + column);
}

/** Each sheet column's header path and what its body holds. */
function describeColumns(view: SheetView, block: Block): SheetColumn[] {
  const width = block.right - block.left + 1;
  const raw = columnPaths(view, block);
  let normalized: string[][] = raw.map(() => []);
  if (block.header) {
    const filled: string[][] = [];
    for (let r = 0; r <= block.header.to; r += 1) {
      const row: string[] = [];
      for (let c = 0; c < width; c += 1) row.push(r < block.header.from ? '' : view.filled(r, block.left + c));
      filled.push(row);
    }
    normalized = sheetColumnPaths(filled, block.header.from, block.header.to);
  }
  const out: SheetColumn[] = [];
  for (let c = 0; c < width; c += 1) {
    let money = 0;
    let codes = 0;
    let texts = 0;
    const codeLengths = new Map<number, number>();
    for (const row of block.body) {
      const text = view.raw(row, block.left + c);
      if (text === '') continue;
      const number = printedNumber(text);
      const plain = normalizeText(text);
      if (isDash(text)) continue;
      else if (number && (number.decimals > 0 || number.grouped)) money += 1;
      else if (/^\d{2,9}$/.test(plain) || /^[0-9A-Z]{12,}$/.test(plain)) {
        codes += 1;
        codeLengths.set(plain.length, (codeLengths.get(plain.length) ?? 0) + 1);
      } else if (number) money += 1;
      else texts += 1;
    }
    const filled = money + codes + texts;
    const path = (raw[c] ?? []).map((step) => step);
    const codeHeading = path.some((step) => /编码|代码|编号|科目$|^类$|^款$|^项$|序号|栏次/.test(normalizeText(step)));
    let kind: Kind = 'empty';
    if (isSequence(block.body.map((row) => normalizeText(view.raw(row, block.left + c))))) kind = 'code';
    else if (filled > 0) {
      if (codes > 0 && money === 0 && texts <= codes / 4 && (codeHeading || plausibleCodes(codeLengths))) kind = 'code';
      else if (money + (codeHeading ? 0 : codes) >= Math.max(1, texts)) kind = money > 0 || !codeHeading ? 'money' : 'code';
      else kind = 'text';
    }
    out.push({ index: c, path: normalized[c] ?? [], rawPath: path, kind, codeLengths, filled });
  }
  return out;
}

/** 序号: 1, 2, 3 … down the rows. */
function isSequence(values: string[]): boolean {
  const numbers = values.filter((value) => value !== '');
  if (numbers.length < 2 || numbers.length < values.length / 2) return false;
  return numbers.every((value, index) => /^\d{1,4}$/.test(value) && (index === 0 ? Number(value) <= 2 : Number(value) === Number(numbers[index - 1]) + 1));
}

/** Codes of the classifications: 3, 5, 7 digits (or 2 for a split 款/项 column), all one length family. */
function plausibleCodes(lengths: Map<number, number>): boolean {
  const known = [...lengths.keys()].every((length) => [2, 3, 5, 7].includes(length));
  return known && lengths.size > 0;
}

/** What kind of cells each base column holds, over every row list. */
function baseRoles(table: TableSpec): BaseRole[] {
  const roles: BaseRole[] = Array.from({ length: table.columnCount }, () => ({ money: 0, fields: new Set(), label: 0, attr: 0, seq: false }));
  const see = (cells: CellSpec[], offset: number) => {
    cells.forEach((cell, index) => {
      const role = roles[index + offset];
      if (!role) return;
      if (isMoneyCell(cell)) role.money += 1;
      else if (typeof cell === 'object' && 'field' in cell) role.fields.add(cell.field);
      else if (typeof cell === 'object' && ('attribute' in cell || 'path' in cell)) role.attr += 1;
      else if (typeof cell === 'string' ? cell.trim() !== '' : 'text' in cell && cell.text.trim() !== '') role.label += 1;
    });
  };
  const visit = (part: BodyPart, offset: number) => {
    switch (part.kind) {
      case 'numbered':
        if (roles[offset]) (roles[offset] as BaseRole).seq = true;
        part.parts.forEach((inner) => visit(inner, offset + 1));
        return;
      case 'rows':
        for (const list of Object.values(part.cells)) if (list) see(list, offset);
        return;
      case 'procurementRows':
        see(part.itemCells, offset);
        if (part.totalCells) see(part.totalCells, offset);
        if (part.unitCells) see(part.unitCells, offset);
        return;
      case 'projectTree':
        see(part.cells, offset);
        for (const level of part.levels) see(level.cells, offset);
        return;
      case 'projectIndicatorGrid':
        return;
      default:
        see(part.cells, offset);
    }
  };
  table.body.forEach((part) => visit(part, 0));
  return roles;
}

function nearest(column: number, roles: BaseRole[], used: Set<number>, wanted: (role: BaseRole) => boolean): number | null {
  let best: number | null = null;
  roles.forEach((role, b) => {
    if (used.has(b) || !wanted(role)) return;
    if (best === null || Math.abs(b - column) < Math.abs(best - column)) best = b;
  });
  return best;
}

/** Code columns printed otherwise than the base prints them: 类/款/项 joined into one column, or one column split. */
function mapCodeGroups(
  sheetColumns: SheetColumn[],
  roles: BaseRole[],
  mapping: (ColumnSource | null)[],
  usedBase: Set<number>,
  notes: { learned: LearnNote[] },
  context: GridContext,
): void {
  const isCodeRole = (b: number) => [...(roles[b]?.fields ?? [])].some((field) => CODE_FIELDS.has(field)) && !usedBase.has(b);
  const gov = (b: number) => [...(roles[b]?.fields ?? [])].some((field) => field.startsWith('gov'));
  const baseGroups: number[][] = [];
  for (let b = 0; b < roles.length; b += 1) {
    if (!isCodeRole(b)) continue;
    const last = baseGroups[baseGroups.length - 1];
    const joined = (roles[b]?.fields.has('code') || roles[b]?.fields.has('govCode')) && !roles[b]?.fields.has('classCode');
    if (last && last[last.length - 1] === b - 1 && gov(b) === gov(last[0] as number) && !joined) last.push(b);
    else baseGroups.push([b]);
  }
  const sheetGroups: number[][] = [];
  for (const column of sheetColumns) {
    if (mapping[column.index] || column.kind !== 'code') continue;
    const lengths = [...column.codeLengths.keys()];
    const short = lengths.every((length) => length <= 2);
    const last = sheetGroups[sheetGroups.length - 1];
    if (last && last[last.length - 1] === column.index - 1 && short) last.push(column.index);
    else if (!short) sheetGroups.push([column.index]);
  }
  const count = Math.min(baseGroups.length, sheetGroups.length);
  for (let k = 0; k < count; k += 1) {
    const bases = baseGroups[k] as number[];
    const columns = sheetGroups[k] as number[];
    if (bases.length === columns.length) {
      columns.forEach((c, i) => {
        mapping[c] = { kind: 'base', base: bases[i] as number };
        usedBase.add(bases[i] as number);
      });
    } else if (columns.length === 1) {
      mapping[columns[0] as number] = { kind: 'join', bases };
      for (const b of bases) usedBase.add(b);
      notes.learned.push(note('template:learn.codesJoined', {}, [columnRef(context, columns[0] as number)]));
    } else if (bases.length === 1) {
      columns.forEach((c, part) => {
        mapping[c] = { kind: 'split', base: bases[0] as number, part };
      });
      usedBase.add(bases[0] as number);
      notes.learned.push(note('template:learn.codesSplit', {}, columns.map((c) => columnRef(context, c))));
    }
  }
}

/** Income or expenditure: what the base's amounts sum, else what the title says. */
function tableSource(base: TableSpec, block: Block): 'budget' | 'income' {
  let budget = 0;
  let income = 0;
  forEachCell(base, (cell) => {
    if (typeof cell === 'object' && 'measure' in cell) {
      if (cell.measure.source === 'budget') budget += 1;
      else income += 1;
    }
  });
  if (budget + income > 0) return income > budget ? 'income' : 'budget';
  const title = normalizeText(block.title);
  return /收入/.test(title) && !/支出/.test(title) ? 'income' : 'budget';
}

/**
 * What every amount of the table has in common (Henan's 一般公共预算 tables: funds gen), else what its title says
 * ("政府性基金预算支出表"): new columns and rows sum within it.
 */
function contextFilters(base: TableSpec, block: Block): LineFilter[] {
  const measures: Measure[] = [];
  forEachCell(base, (cell, where) => {
    if (typeof cell === 'object' && 'measure' in cell) measures.push({ ...mergeFilters(where, cell.measure), source: cell.measure.source });
  });
  if (measures.length > 0) {
    const out: LineFilter = {};
    for (const key of ['funds', 'natures', 'unitKinds'] as const) {
      const first = JSON.stringify(measures[0]?.[key]);
      if (first !== undefined && measures.every((measure) => JSON.stringify(measure[key]) === first)) (out as Record<string, unknown>)[key] = measures[0]?.[key];
    }
    return [out];
  }
  // Each reading of the title ("一般公共预算财政拨款支出表": with or without its carry-over).
  const readings = readPath([block.title.replace(/收支|收入|总表|预算表|明细表|情况表/g, '')]).map((reading) => reading.filter);
  return readings.length > 0 ? readings.slice(0, 3) : [{}];
}

function forEachCell(table: TableSpec, see: (cell: CellSpec, where: LineFilter | undefined) => void): void {
  const visit = (part: BodyPart) => {
    switch (part.kind) {
      case 'numbered':
        part.parts.forEach(visit);
        return;
      case 'rows':
        for (const list of Object.values(part.cells)) for (const cell of list ?? []) see(cell, part.where);
        return;
      case 'row':
        for (const cell of part.cells) see(cell, part.where);
        return;
      default:
        return;
    }
  };
  table.body.forEach(visit);
}

interface MeasureReading {
  measure: Measure;
  label: string;
}

/** A heading's readings as measures of the table's lines, within the table's common filter first. */
function readingsFor(path: string[], source: 'budget' | 'income', contexts: LineFilter[], carryInTable: boolean): MeasureReading[] {
  const readings: Reading[] = [];
  for (const reading of readPath(path, { carryInTable })) {
    readings.push(reading);
    // An economic class beside basic and project columns may be counted within either.
    const { filter } = reading;
    if ((filter.deptEcon || filter.govEcon) && !filter.natures && !filter.basicPart && !filter.projectTypes) {
      readings.push({ ...reading, filter: { ...filter, natures: ['basic'] } }, { ...reading, filter: { ...filter, natures: ['project'] } });
    }
  }
  const out: MeasureReading[] = [];
  const seen = new Set<string>();
  for (const reading of readings) {
    const side = reading.side ?? source;
    if (!fitsSource(reading.filter, side)) continue;
    for (const filter of [...contexts.map((context) => mergeFilters(context, reading.filter)), reading.filter]) {
      const measure = measureOf(side, filter);
      const id = JSON.stringify(measure);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ measure, label: describe(measure) });
    }
  }
  return out;
}

export function describe(measure: Measure): string {
  const parts: string[] = [measure.source === 'income' ? 'income' : 'expenditure'];
  for (const key of ['funds', 'natures', 'basicPart', 'projectTypes', 'deptEcon', 'govEcon', 'functions'] as const) {
    const value = measure[key];
    if (value !== undefined) parts.push(`${key}=${Array.isArray(value) ? value.join('|') : value}`);
  }
  return parts.join(' ');
}

/** Column ids: the base's for columns it has, the heading's words for new ones (unique). */
function columnIds(base: TableSpec, layout: ColumnSource[], sheetColumns: SheetColumn[], width: number): string[] {
  const used = new Set<string>();
  const ids: string[] = [];
  for (let c = 0; c < width; c += 1) {
    const source = layout[c] as ColumnSource;
    let id = source.kind === 'base' ? (base.columns[source.base] ?? '') : '';
    if (source.kind === 'join') id = source.bases.map((b) => base.columns[b] ?? '').join('+');
    if (source.kind === 'split') id = `${base.columns[source.base] ?? 'code'}/${source.part + 1}`;
    if (id === '' || used.has(id)) {
      const words = (sheetColumns[c]?.rawPath ?? []).map((step) => normalizeText(step)).filter((step) => step !== '');
      // The heading's own words, with its parent's where the same heading stands twice.
      let candidate = words[words.length - 1] ?? `c${c + 1}`;
      if (used.has(candidate) || base.columns.includes(candidate)) candidate = words.join('/') || `c${c + 1}`;
      for (let n = 2; used.has(candidate) || base.columns.includes(candidate); n += 1) candidate = `${words.join('/') || `c${c + 1}`}-${n}`;
      id = candidate;
    }
    used.add(id);
    ids.push(id);
  }
  return ids;
}

// ————————————————————————————————————————— rows —————————————————————————————————————————

type RowKind = { kind: 'code'; code: string; dimension: 'function' | 'deptEcon' | 'govEcon' } | { kind: 'unit' } | { kind: 'project' } | { kind: 'label' };

interface SheetRow {
  row: number;
  texts: string[];
  kind: RowKind;
}

interface Item {
  part: BodyPart;
  /** Index in the base's list (in order). */
  order: number;
  kind: 'fixed' | 'generated' | 'other';
  produces: Set<string>;
}

function learnRows(
  context: GridContext,
  table: TableSpec,
  sheetColumns: SheetColumn[],
  moneyColumns: Set<number>,
  mapping: (ColumnSource | null)[],
  source: 'budget' | 'income',
  tableFilter: LineFilter,
  notes: { learned: LearnNote[]; uncertain: LearnNote[]; notLearned: LearnNote[] },
  codeFields: Map<number, keyof RowFields>,
): { body: BodyPart[]; orderChoices: string[] } {
  const { view, block, values } = context;
  const width = block.right - block.left + 1;
  // Hebei's 序号 wrapper: its parts are matched one by one and wrapped again.
  const baseNumbered = table.body.length === 1 && table.body[0]?.kind === 'numbered' ? table.body[0] : null;
  // A table no base knows that leads with 序号 1, 2, 3 …: its rows numbered as Hebei's are.
  const sequenceFirst = table.body.length === 0 && sheetColumns[0]?.kind === 'code' && isSequence(block.body.map((row) => normalizeText(view.raw(row, block.left))));
  const numbered = baseNumbered ?? (sequenceFirst ? ({ id: 'numbered', kind: 'numbered', parts: [] } as BodyPart & { kind: 'numbered' }) : null);
  const parts = numbered && numbered.kind === 'numbered' ? numbered.parts : table.body;
  const offset = numbered ? 1 : 0;
  if (parts.some((part) => !['row', 'rows', 'unitRows'].includes(part.kind))) return { body: table.body, orderChoices: [] };
  const codeColumns = codeColumnsOf(parts, offset);
  for (const [column, field] of codeFields) if (field !== 'unitCode' && !codeColumns.some((entry) => entry.column === column)) codeColumns.push({ column, field });
  codeColumns.sort((a, b) => a.column - b.column);
  const unitCodeColumn = fieldColumn(parts, offset, ['unitCode']) ?? [...codeFields].find(([, field]) => field === 'unitCode')?.[0] ?? null;
  const rows: SheetRow[] = block.body.map((row) => {
    const texts: string[] = [];
    for (let c = 0; c < width; c += 1) texts.push(view.raw(row, block.left + c));
    return { row, texts, kind: { kind: 'label' } as RowKind };
  });
  let previousCode = '';
  for (const row of rows) row.kind = classify(row.texts, codeColumns, unitCodeColumn, moneyColumns, context, previousCode, (code) => (previousCode = code));

  const items: Item[] = parts.map((part, order) => ({
    part,
    order,
    kind: part.kind === 'row' ? 'fixed' : 'generated',
    produces: produces(part),
  }));
  const assigned = new Map<Item, SheetRow[]>();
  const added: { at: number; part: BodyPart }[] = [];
  let cursor = -1;
  const labelColumns = [...Array(width).keys()].filter((c) => c >= offset && !moneyColumns.has(c));
  // A 收支 table: label and amount columns side by side, each amount read from the label on its left.
  let lanes = 0;
  for (let c = offset + 1; c < width; c += 1) if (moneyColumns.has(c) && !moneyColumns.has(c - 1) && !codeColumns.some((column) => column.column === c - 1)) lanes += 1;
  const parents: LabelParents = new Map();
  for (const [position, row] of rows.entries()) {
    const before = new Map(parents);
    rememberParents(row.texts, moneyColumns, parents);
    if (row.kind.kind === 'label') {
      let best: { item: Item; score: number } | null = null;
      for (const item of items) {
        if (item.kind !== 'fixed' || assigned.has(item)) continue;
        const score = labelScore(row.texts, (item.part as FixedRow).cells, labelColumns, offset, values);
        const better = !best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && distance(item.order, cursor) < distance(best.item.order, cursor));
        if (better) best = { item, score };
      }
      if (best && best.score >= 0.75) {
        assigned.set(best.item, [row]);
        cursor = best.item.order;
        continue;
      }
      // A generated list may print a row without code (a project under its unit).
      const last = [...assigned.entries()].reverse().find(([item]) => item.kind === 'generated');
      if (last && last[0].produces.has('project') && row.texts.some((text, c) => text !== '' && !moneyColumns.has(c))) {
        last[1].push(row);
        continue;
      }
      // A table of generated rows only (a list of units): every row is one of them.
      if (!items.some((item) => item.kind === 'fixed')) {
        if (last) {
          last[1].push(row);
          continue;
        }
        const list = items.find((item) => item.kind === 'generated' && !assigned.has(item));
        if (list) {
          assigned.set(list, [row]);
          cursor = list.order;
          continue;
        }
      }
      added.push({ at: position, part: newFixedRow(row, table, moneyColumns, mapping, source, tableFilter, context, notes, offset, lanes >= 2, before) });
      items.push({ part: (added[added.length - 1] as { part: BodyPart }).part, order: items.length, kind: 'fixed', produces: new Set() });
      assigned.set(items[items.length - 1] as Item, [row]);
      continue;
    }
    const wanted = row.kind.kind === 'code' ? row.kind.dimension : row.kind.kind;
    const current = [...assigned.entries()].reverse().find(([item]) => item.kind === 'generated');
    if (current && (current[0].produces.has(wanted) || (wanted === 'unit' && current[0].produces.has('function')))) {
      current[1].push(row);
      continue;
    }
    const free = items.find((item) => item.kind === 'generated' && !assigned.has(item) && (item.produces.has(wanted) || (wanted === 'unit' && item.produces.size > 0)));
    if (free) {
      assigned.set(free, [row]);
      cursor = free.order;
      continue;
    }
    const made = newGeneratedPart(wanted, table, new Set([...moneyColumns, ...[...Array(table.columnCount).keys()].filter((c) => c >= width)]), codeColumns, offset, mapping, unitCodeColumn);
    if (made) {
      const item: Item = { part: made, order: items.length, kind: 'generated', produces: produces(made) };
      items.push(item);
      assigned.set(item, [row]);
      added.push({ at: position, part: made });
      notes.learned.push(note('template:learn.rowsAdded', { kind: wanted }, [cellRef(block.sheet, row.row, block.left)]));
    } else {
      notes.notLearned.push(note('template:learn.rowUnknown', { label: row.texts.filter((text) => text !== '').join(' ').slice(0, 40) }, [cellRef(block.sheet, row.row, block.left)]));
    }
  }

  // The learned list in the sheet's order; rows the sheet does not print dropped unless they only print when not zero.
  const ordered: { at: number; part: BodyPart }[] = [];
  const position = (row: SheetRow) => rows.indexOf(row);
  const orderChoices: string[] = [];
  for (const item of items) {
    const found = assigned.get(item);
    if (added.some((entry) => entry.part === item.part)) continue;
    if (found) {
      if (item.kind === 'fixed') ordered.push({ at: position(found[0] as SheetRow), part: relabel(item.part as FixedRow, found[0] as SheetRow, labelColumns, offset, values, notes, context) });
      else {
        const learned = regroup(item.part, found, context, offset, notes, orderChoices);
        ordered.push({ at: position(found[0] as SheetRow), part: learned });
      }
      continue;
    }
    const keep = item.kind === 'generated' || (item.part as FixedRow).skipWhenZero || (item.part as FixedRow).skipWhenEmpty;
    if (keep) {
      // Where it stood among its neighbours in the base.
      const before = items.slice(0, item.order).reverse().find((other) => assigned.has(other));
      const at = before ? position((assigned.get(before) as SheetRow[])[0] as SheetRow) + 0.5 : -0.5 + item.order / 1000;
      ordered.push({ at, part: item.part });
    } else {
      notes.learned.push(note('template:learn.rowRemoved', { row: item.part.id ?? String(item.order) }, []));
    }
  }
  for (const entry of added) {
    const found = [...assigned.entries()].find(([item]) => item.part === entry.part);
    const part = found ? regroup(entry.part, found[1], context, offset, notes, orderChoices) : entry.part;
    ordered.push({ at: entry.at, part });
  }
  ordered.sort((a, b) => a.at - b.at);
  const learned = ordered.map((entry) => entry.part);
  if (rows.length > 0 && learned.every((part, index) => part === parts[index]) && learned.length === parts.length) return { body: table.body, orderChoices };
  const reordered = items.filter((item) => assigned.has(item) && !added.some((entry) => entry.part === item.part)).map((item) => position((assigned.get(item) as SheetRow[])[0] as SheetRow));
  if (reordered.some((at, index) => index > 0 && at < (reordered[index - 1] as number))) notes.learned.push(note('template:learn.rowsReordered', {}, []));
  if (!numbered) uniqueIds(learned);
  if (sequenceFirst) notes.learned.push(note('template:learn.numbered', {}, [columnRef(context, 0)]));
  return { body: numbered ? [{ ...numbered, parts: learned } as BodyPart] : learned, orderChoices };
}

function distance(order: number, cursor: number): number {
  return order > cursor ? order - cursor : 1000 + cursor - order;
}

function uniqueIds(parts: BodyPart[]): void {
  const used = new Set<string>();
  parts.forEach((part, index) => {
    let id = part.id ?? `row-${index + 1}`;
    for (let n = 2; used.has(id); n += 1) id = `${part.id ?? 'row'}-${n}`;
    used.add(id);
    if (part.id !== id) parts[index] = { ...part, id };
  });
}

interface CodeColumn {
  column: number;
  /** What the generated rows print there. */
  field: keyof RowFields;
}

function codeColumnsOf(parts: BodyPart[], offset: number): CodeColumn[] {
  const out = new Map<number, keyof RowFields>();
  for (const part of parts) {
    if (part.kind !== 'rows') continue;
    for (const list of Object.values(part.cells)) {
      (list ?? []).forEach((cell, index) => {
        if (typeof cell === 'object' && 'field' in cell && CODE_FIELDS.has(cell.field) && !out.has(index + offset)) out.set(index + offset, cell.field);
      });
    }
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([column, field]) => ({ column, field }));
}

function fieldColumn(parts: BodyPart[], offset: number, fields: (keyof RowFields)[]): number | null {
  for (const part of parts) {
    const lists = part.kind === 'rows' ? Object.values(part.cells) : 'cells' in part && Array.isArray(part.cells) ? [part.cells] : [];
    for (const list of lists) {
      const index = (list ?? []).findIndex((cell: CellSpec) => typeof cell === 'object' && 'field' in cell && fields.includes(cell.field));
      if (index >= 0) return index + offset;
    }
  }
  return null;
}

const FAMILY_OF: Record<string, 'function' | 'deptEcon' | 'govEcon'> = { '2': 'function', '3': 'deptEcon', '5': 'govEcon' };

/** What a sheet row is: a row of a code (joined or split, blank leading parts continued from above), a unit's row, a label row. */
function classify(
  texts: string[],
  codeColumns: CodeColumn[],
  unitCodeColumn: number | null,
  moneyColumns: Set<number>,
  context: GridContext,
  previous: string,
  remember: (code: string) => void,
): RowKind {
  const main = codeColumns.filter((column) => !column.field.startsWith('gov'));
  const gov = codeColumns.filter((column) => column.field.startsWith('gov'));
  const read = (columns: CodeColumn[]) => {
    const parts = columns.map((column) => /^\d+$/.exec(normalizeText(texts[column.column] ?? ''))?.[0] ?? '');
    const joined = parts.join('');
    if (joined === '') return '';
    if (parts[0] === '' && previous !== '') {
      for (const keep of [5, 3]) {
        const candidate = previous.slice(0, keep) + joined;
        if ([5, 7].includes(candidate.length)) return candidate;
      }
    }
    return joined;
  };
  const code = read(main) || read(gov);
  const family = FAMILY_OF[code[0] ?? ''];
  if (code !== '' && family && [3, 5, 7].includes(code.length)) {
    remember(code);
    return { kind: 'code', code, dimension: family };
  }
  const unitCodes = new Set(context.units.map((unit) => unit.code));
  const unitNames = new Set(context.units.map((unit) => normalizeText(unit.name)));
  const isUnit = texts.some((text, c) => !moneyColumns.has(c) && (unitCodes.has(normalizeText(text)) || (unitCodeColumn === c && /^\d{4,}$/.test(normalizeText(text)))));
  const named = texts.some((text, c) => {
    if (moneyColumns.has(c)) return false;
    const plain = normalizeText(text);
    return unitNames.has(plain) || [...unitNames].some((name) => name.length >= 4 && plain.startsWith(name) && plain.length <= name.length + 8);
  });
  if (isUnit || (named && !texts.some((text) => /^(合计|总计)$/.test(normalizeLabel(text))))) {
    const departmentRow = context.values.departmentCode !== null && texts.some((text) => normalizeText(text) === context.values.departmentCode);
    if (!departmentRow) return { kind: 'unit' };
  }
  if (texts.some((text) => /^[0-9A-Z]{12,}$/.test(normalizeText(text)))) return { kind: 'project' };
  // A unit's code (six digits or more) beside its name, between code rows.
  const departmentCode = context.values.departmentCode;
  if (texts.some((text, c) => !moneyColumns.has(c) && /^\d{6,}$/.test(normalizeText(text)) && normalizeText(text) !== departmentCode)) return { kind: 'unit' };
  return { kind: 'label' };
}

function produces(part: BodyPart): Set<string> {
  const out = new Set<string>();
  if (part.kind === 'unitRows') out.add('unit');
  if (part.kind !== 'rows') return out;
  for (let level: GroupDimension | undefined = part.group; level; level = level.then) {
    if (level.dim === 'econPair') {
      out.add('deptEcon');
      out.add('econPair');
    } else out.add(level.dim);
    if (level.dim === 'project' && level.unitRows) out.add('unit');
  }
  return out;
}

/** How alike a sheet row's labels are to a written-out row's texts, 0–1. */
function labelScore(texts: string[], cells: CellSpec[], labelColumns: number[], offset: number, values: KnownValues): number {
  let total = 0;
  let count = 0;
  for (const c of labelColumns) {
    const cell = cells[c - offset];
    const template = typeof cell === 'string' ? cell : typeof cell === 'object' && cell !== null && 'text' in cell ? cell.text : '';
    const printed = texts[c] ?? '';
    if (template.trim() === '' && printed.trim() === '') continue;
    count += 1;
    if (template.trim() === '' || printed.trim() === '') continue;
    if (sameText(printed, template, values)) total += 1;
    else total += Math.max(0, textSimilarity(normalizeLabel(printed), normalizeLabel(template)) - 0.1);
  }
  // A row without any label (三公's one row of amounts) is the written-out row without labels.
  return count === 0 ? 1 : total / count;
}

/** A written-out row with the sheet's wording where it differs (placeholders where the sheet prints their values). */
function relabel(row: FixedRow, sheet: SheetRow, labelColumns: number[], offset: number, values: KnownValues, notes: { learned: LearnNote[] }, context: GridContext): FixedRow {
  let cells: CellSpec[] | null = null;
  for (const c of labelColumns) {
    const index = c - offset;
    const cell = row.cells[index];
    if (cell !== undefined && typeof cell !== 'string' && !(typeof cell === 'object' && 'text' in cell)) continue;
    const template = typeof cell === 'string' ? cell : (cell?.text ?? '');
    const printed = sheet.texts[c] ?? '';
    if (printed === '' || sameText(printed, template, values)) continue;
    // A label merged over the cells to its right prints nothing there.
    if (printed === '' && template !== '') continue;
    cells ??= [...row.cells];
    while (cells.length <= index) cells.push('');
    const text = generalize(printed, values);
    cells[index] = typeof cell === 'object' && cell !== null ? { ...cell, text } : text;
    notes.learned.push(note('template:learn.labelChanged', { from: template, to: printed }, [cellRef(context.block.sheet, sheet.row, context.block.left + c)]));
  }
  return cells ? { ...row, cells } : row;
}

/** Top-level numbering of a label ("一、", "（三）", "2、"): a row that starts a group of rows below it. */
function isTopLevel(label: string): boolean {
  return /^\s*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))/.test(label.normalize('NFKC'));
}

/** The labels above a row's label that it belongs to ("一、一般公共预算" above "其中：财政拨款"), per label column. */
export type LabelParents = Map<number, string>;

function rememberParents(texts: string[], moneyColumns: Set<number>, parents: LabelParents): void {
  texts.forEach((text, column) => {
    if (moneyColumns.has(column) || text.trim() === '') return;
    if (isTopLevel(text) || !/^其中/.test(normalizeText(text))) {
      if (isTopLevel(text)) parents.set(column, text);
      else if (!parents.has(column)) parents.set(column, text);
    }
  });
}

/** A row the base does not have: its labels as printed, each amount read from the label beside it and its column. */
function newFixedRow(
  sheet: SheetRow,
  table: TableSpec,
  moneyColumns: Set<number>,
  mapping: (ColumnSource | null)[],
  source: 'budget' | 'income',
  tableFilter: LineFilter,
  context: GridContext,
  notes: { learned: LearnNote[]; notLearned: LearnNote[] },
  offset: number,
  lanes: boolean,
  parents: LabelParents,
): FixedRow {
  const width = table.columnCount;
  const cells: CellSpec[] = [];
  let lane = '';
  let laneColumn = -1;
  let understood = true;
  for (let c = offset; c < width; c += 1) {
    const printed = sheet.texts[c] ?? '';
    const visible = c < sheet.texts.length;
    if (visible && !moneyColumns.has(c)) {
      cells.push(generalize(printed, context.values));
      if (printed !== '') {
        lane = printed;
        laneColumn = c;
      } else if (lanes) {
        lane = '';
        laneColumn = c;
      }
      continue;
    }
    const reference = columnMeasure(table, c, mapping);
    const side = reference?.source ?? source;
    // The department's own row (its code and name) and a total's label sum every line of the column.
    const department = lane !== '' && isDepartmentLabel(lane, context.values);
    const neutral = lane === '' || department || /^(合计|总计|小计)$/.test(normalizeLabel(lane));
    if (lanes && lane === '') {
      // A 收支 table's empty lane prints nothing.
      cells.push('');
      continue;
    }
    if (neutral) {
      if (!reference) {
        cells.push('');
        if (visible && printed !== '') understood = false;
        continue;
      }
      cells.push({ measure: reference.rowSpecific ? measureOf(side, tableFilter) : reference.measure });
      continue;
    }
    // The label alone, unless it reads more than one way or says "其中": then within the group above it.
    const parent = parents.get(laneColumn);
    const alone = readPath([lane]).filter((reading) => fitsSource(reading.filter, reading.side ?? side));
    const belongs = /^其中/.test(normalizeText(lane)) || alone.length > 1;
    const paths = parent && parent !== lane && !isTopLevel(lane) && belongs ? [[parent, lane], [lane]] : [[lane]];
    let laneFilter: Reading | undefined;
    for (const path of paths) {
      laneFilter = readPath(path).find((reading) => fitsSource(reading.filter, reading.side ?? side));
      if (laneFilter) break;
    }
    if (!laneFilter) {
      if (reference && !reference.rowSpecific && !lanes) {
        cells.push({ measure: reference.measure });
        understood = false;
        continue;
      }
      cells.push('');
      if (visible && printed !== '') understood = false;
      continue;
    }
    const readingSide = lanes ? (laneFilter.side ?? side) : side;
    const columnFilter = reference && !reference.rowSpecific ? reference.measure : measureOf(readingSide, tableFilter);
    cells.push({ measure: measureOf(readingSide, mergeFilters(columnFilter, laneFilter.filter)) });
  }
  const label = sheet.texts.filter((text, c) => text !== '' && !moneyColumns.has(c)).join(' ');
  const ref = cellRef(context.block.sheet, sheet.row, context.block.left);
  if (understood) notes.learned.push(note('template:learn.rowAdded', { label: label.slice(0, 40) }, [ref]));
  else notes.notLearned.push(note('template:learn.rowUnknown', { label: label.slice(0, 40) }, [ref]));
  const id = `learned-${normalizeLabel(label).slice(0, 30) || sheet.row + 1}`;
  return { id, kind: 'row', cells };
}

/** A money column's measure as its rows use it; `rowSpecific` when each written-out row sums something else there (a 收支 table). */
function columnMeasure(table: TableSpec, column: number, mapping?: (ColumnSource | null)[]): { measure: Measure; source: 'budget' | 'income'; rowSpecific: boolean } | null {
  const own = mapping?.[column];
  if (own?.kind === 'new' && typeof own.money === 'object' && own.money !== null && 'measure' in own.money) return { measure: own.money.measure, source: own.money.measure.source, rowSpecific: false };
  const found: Measure[] = [];
  const visit = (part: BodyPart, offset: number) => {
    if (part.kind === 'numbered') {
      part.parts.forEach((inner) => visit(inner, offset + 1));
      return;
    }
    const lists = part.kind === 'rows' ? [part.cells.leaf] : 'cells' in part && Array.isArray(part.cells) ? [part.cells] : [];
    for (const list of lists) {
      const cell = list[column - offset];
      if (typeof cell === 'object' && cell !== null && 'measure' in cell) found.push({ ...mergeFilters(part.kind === 'rows' || part.kind === 'row' ? part.where : undefined, cell.measure), source: cell.measure.source });
    }
  };
  table.body.forEach((part) => visit(part, 0));
  if (found.length === 0) return null;
  const distinct = new Set(found.map((measure) => JSON.stringify(measure)));
  return { measure: found[0] as Measure, source: (found[0] as Measure).source, rowSpecific: distinct.size >= 3 };
}

/** A list of generated rows for codes or units the base has no list for, from the columns' measures. */
function newGeneratedPart(
  kind: string,
  table: TableSpec,
  moneyColumns: Set<number>,
  codeColumns: CodeColumn[],
  offset: number,
  mapping: (ColumnSource | null)[],
  unitCodeColumn: number | null,
): GroupRows | null {
  const pair = kind === 'deptEcon' && codeColumns.some((column) => column.field.startsWith('gov')) && codeColumns.some((column) => !column.field.startsWith('gov'));
  const dim = pair ? 'econPair' : kind === 'function' || kind === 'deptEcon' || kind === 'govEcon' ? kind : kind === 'unit' ? 'unit' : null;
  if (!dim) return null;
  const cells: CellSpec[] = [];
  let mainName = false;
  let govName = false;
  const lastMain = Math.max(-1, ...codeColumns.filter((column) => !column.field.startsWith('gov')).map((column) => column.column));
  const lastGov = Math.max(-1, ...codeColumns.filter((column) => column.field.startsWith('gov')).map((column) => column.column));
  for (let c = offset; c < table.columnCount; c += 1) {
    if (moneyColumns.has(c)) {
      const reference = columnMeasure(table, c, mapping);
      cells.push(reference && !reference.rowSpecific ? { measure: reference.measure } : '');
      continue;
    }
    const code = codeColumns.find((column) => column.column === c);
    if (dim === 'unit') {
      if (c === unitCodeColumn) cells.push({ field: 'unitCode' });
      else if (!mainName && (unitCodeColumn === null || c > unitCodeColumn)) {
        cells.push({ field: 'unitName' });
        mainName = true;
      } else cells.push('');
      continue;
    }
    if (code) cells.push({ field: code.field });
    else if (c === unitCodeColumn) cells.push('');
    else if (!govName && lastGov >= 0 && c > lastGov) {
      cells.push({ field: 'govName' });
      govName = true;
    } else if (!mainName && c > lastMain && (lastGov < 0 || c < lastGov)) {
      cells.push({ field: 'name' });
      mainName = true;
    } else cells.push('');
  }
  const group: GroupDimension =
    dim === 'function' ? { dim, levels: ['item'] } : dim === 'unit' ? { dim } : dim === 'econPair' ? { dim, classRows: false } : { dim, levels: ['section'] };
  return { id: `learned-rows-${dim}`, kind: 'rows', group, cells: { leaf: cells } };
}

/** The department's own code or name (a department row's label). */
function isDepartmentLabel(text: string, values: KnownValues): boolean {
  const plain = normalizeText(text);
  return plain !== '' && (plain === normalizeText(values.departmentName ?? '\u0000') || plain === normalizeText(values.departmentCode ?? '\u0000') || plain === normalizeText(`${values.departmentCode ?? ''}${values.departmentName ?? ''}`));
}

/** What the codes of a code column no base column stands for are: 类/款/项 parts, joined codes of a classification, unit codes. */
function inferCodeFields(sheetColumns: SheetColumn[], mapping: (ColumnSource | null)[]): Map<number, keyof RowFields> {
  const out = new Map<number, keyof RowFields>();
  let run: { field: 'main' | 'gov'; at: number } | null = null;
  for (const column of sheetColumns) {
    if (mapping[column.index] || column.kind !== 'code') {
      run = null;
      continue;
    }
    const lengths = [...column.codeLengths.keys()];
    const gov = column.rawPath.some((step) => /政府/.test(step));
    const unitLike = lengths.some((length) => length >= 6) && lengths.every((length) => length >= 3);
    if (unitLike && (lengths.every((length) => length >= 6) || column.rawPath.some((step) => /单位|部门/.test(step)))) {
      out.set(column.index, 'unitCode');
      run = null;
    } else if (lengths.length > 0 && lengths.every((length) => length <= 2) && run) {
      const fields: (keyof RowFields)[] = run.field === 'gov' ? ['govClassCode', 'govSectionCode'] : ['classCode', 'sectionCode', 'itemCode'];
      const field = fields[column.index - run.at];
      if (field) out.set(column.index, field);
      if (field && run.field === 'main' && out.get(run.at) === 'code') out.set(run.at, 'classCode');
      if (field && run.field === 'gov' && out.get(run.at) === 'govCode') out.set(run.at, 'govClassCode');
    } else if (lengths.length > 0 && lengths.every((length) => [3, 5, 7].includes(length))) {
      out.set(column.index, gov ? 'govCode' : 'code');
      run = { field: gov ? 'gov' : 'main', at: column.index };
    } else run = null;
  }
  return out;
}

/** A generated list's grouping as the sheet prints it: which code levels, rows per unit, order by code or as entered. */
function regroup(part: BodyPart, rows: SheetRow[], context: GridContext, offset: number, notes: { learned: LearnNote[]; uncertain: LearnNote[] }, orderChoices: string[]): BodyPart {
  if (part.kind !== 'rows') return part;
  const codes = rows.flatMap((row) => (row.kind.kind === 'code' ? [row.kind.code] : []));
  const units = rows.filter((row) => row.kind.kind === 'unit');
  let group = part.group;
  const inner = innermost(group);
  let out: GroupRows = part;
  if (inner.dim === 'function' && codes.length > 0) {
    const lengths = new Set(codes.filter((code) => code.startsWith('2')).map((code) => code.length));
    const levels = (['class', 'section', 'item'] as const).filter((_, index) => lengths.has([3, 5, 7][index] as number));
    if (levels.length > 0 && levels.join() !== inner.levels.join()) {
      group = replaceInner(group, { ...inner, levels });
      notes.learned.push(note('template:learn.levels', { levels: levels.join('/') }, []));
    }
  }
  if ((inner.dim === 'deptEcon' || inner.dim === 'govEcon') && codes.length > 0) {
    const lengths = new Set(codes.map((code) => code.length));
    const levels = (['class', 'section'] as const).filter((_, index) => lengths.has([3, 5][index] as number));
    if (levels.length > 0 && levels.join() !== inner.levels.join()) group = replaceInner(group, { ...inner, levels });
  }
  if (inner.dim === 'econPair' && codes.length > 0) {
    const classRows = codes.some((code) => code.length === 3 && code.startsWith('3'));
    if (classRows !== inner.classRows) group = replaceInner(group, { ...inner, classRows });
  }
  // Rows per unit: a unit's row above its own rows.
  const outer = group.dim;
  if (units.length > 0 && outer !== 'unit' && outer !== 'project' && codes.length > 0) {
    group = { dim: 'unit', then: group };
    const leaf = out.cells.leaf;
    const unitCells = leaf.map((cell, index): CellSpec => {
      if (isMoneyCell(cell)) return cell;
      const column = index + offset;
      const printed = units.map((row) => normalizeText(row.texts[column] ?? '')).find((text) => text !== '') ?? '';
      if (printed === '') return '';
      const unitCodes = new Set(context.units.map((unit) => unit.code));
      return /^\d+$/.test(printed) || unitCodes.has(printed) ? { field: 'unitCode' } : { field: 'unitName' };
    });
    out = { ...out, cells: { ...out.cells, unit: unitCells } };
    notes.learned.push(note('template:learn.unitBlocks', {}, units.slice(0, 3).map((row) => cellRef(context.block.sheet, row.row, context.block.left))));
  }
  out = { ...out, group };
  // Order: by code when the codes under each parent rise, else as entered (the numbers confirm it).
  if (codes.length > 1) {
    // Codes rise within each unit's block (a new unit starts over).
    const runs: string[][] = [[]];
    for (const row of rows) {
      if (row.kind.kind === 'unit') runs.push([]);
      else if (row.kind.kind === 'code') (runs[runs.length - 1] as string[]).push(row.kind.code);
    }
    const sorted = runs.every(risesWithin);
    const order = sorted ? 'code' : 'entry';
    if ((out.order ?? 'code') !== order) {
      out = { ...out, order };
      notes.learned.push(note('template:learn.order', { order }, []));
    }
    if (!sorted && out.id) orderChoices.push(out.id);
  }
  return out;
}

function innermost(group: GroupDimension): GroupDimension {
  let level = group;
  while (level.then) level = level.then;
  return level;
}

function replaceInner(group: GroupDimension, inner: GroupDimension): GroupDimension {
  if (!group.then) return inner;
  return { ...group, then: replaceInner(group.then, inner) } as GroupDimension;
}

/** Codes rise within each parent code (3 → 5 → 7 digits printed in code order). */
function risesWithin(codes: string[]): boolean {
  const seen: string[] = [];
  for (const code of codes) {
    const siblings = seen.filter((other) => other.length === code.length && other.slice(0, code.length - 2) === code.slice(0, code.length - 2));
    const last = siblings[siblings.length - 1];
    if (last !== undefined && last > code) return false;
    seen.push(code);
  }
  return true;
}
