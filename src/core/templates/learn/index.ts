import type { Workbook } from '../../model';
import { evaluateTemplateBySpec, evaluateTable, type EvaluatedTable } from '../../tables/evaluate';
import { catalogNames } from '../../tables/names';
import type { NameResolver } from '../../tables/render';
import type { BodyPart, CellSpec, MoneyFormat, TableSpec, TemplateSpec } from '../../tables/spec';
import { placeHeader } from '../../report/header-grid';
import { loadTemplate } from '../load';
import { toBaseDocument } from '../to-document';
import { cellRef, normalizeText, printedNumber } from './cells';
import { isEmptyTableNote, rowTexts, sheetBlocks, sheetView, type Block, type SheetView } from './blocks';
import { formatEvidence, formatFrom, type FormatEvidence } from './format';
import { learnGrid, type GridLearning } from './grid';
import { asForm, assignBlocks, isForm, templateFit, type BlockMatch } from './match';
import { agreement, alignRows, amountMatches, countColumn, FEN, proveTable, rowKey } from './proof';
import { isMoneyCell, recolumnBody, type ColumnSource } from './recolumn';
import { generalize, mostCommon, sameText, statedDepartment, statedUnit, statedYear, type KnownValues } from './texts';
import type { LearnNote, LearnOptions, LearnResult, LearnedTable, Proof, PublishedSheet, TableProof } from './types';
import { buildVariant } from './variant';
import { withColumnMeaning } from './meaning';

export type * from './types';
export { sheetBlocks } from './blocks';
export { meaningChoices, withColumnMeaning, type ColumnMeaning } from './meaning';

/**
 * Learning a layout from a published package (docs/templates.md, "Learning a layout from last year's published
 * Excel"): each table of the file is matched to a table of the nearest base template and learned — title, meta,
 * notes, header, columns, rows, money format — and the differences become a variant of the base. With the same
 * year's facts, readings that could go two ways are decided by the numbers, and the proof compares every
 * number of the file with what the learned template prints.
 */
export function learnTemplate(sheets: readonly PublishedSheet[], options: LearnOptions): LearnResult {
  const views = new Map<string, SheetView>();
  const blocks: Block[] = [];
  // Sheets are told apart by name (cell references name them); an xlsx cannot repeat one, grids typed by hand might.
  const used = new Set<string>();
  const named = sheets.map((sheet) => {
    let name = sheet.name;
    for (let n = 2; used.has(name); n += 1) name = `${sheet.name} (${n})`;
    used.add(name);
    return name === sheet.name ? sheet : { ...sheet, name };
  });
  for (const sheet of named) {
    const view = sheetView(sheet);
    views.set(sheet.name, view);
    blocks.push(...sheetBlocks(sheet));
  }
  const viewOf = (block: Block) => views.get(block.sheet) as SheetView;
  const values = knownValues(blocks, options.facts);
  const names = options.names ?? (options.facts ? catalogNames(options.facts) : undefined);

  // The nearest base: the one whose tables the file's blocks match best.
  const candidates = options.baseId ? options.bases.filter((base) => base.id === options.baseId) : options.bases;
  let chosen: { base: TemplateSpec; matches: BlockMatch[]; fit: number } | null = null;
  for (const base of candidates) {
    const matches = assignBlocks(viewOf, blocks, base, values);
    const fit = templateFit(matches);
    if (!chosen || fit > chosen.fit) chosen = { base, matches, fit };
  }
  if (!chosen) throw new Error(`no base template ${options.baseId ?? ''}`);
  const { base, matches } = chosen;

  const notes: LearnNote[] = [];
  const learnedTables: (LearnedTable & { learning: TableLearning })[] = [];
  const seenTables = new Set<string>();
  const takenIds = new Set(base.tables.map((table) => table.id));
  for (const match of matches) {
    const view = viewOf(match.block);
    const block = match.block;
    if (block.body.length === 0 && !block.header && block.title === '') continue;
    const table = match.table;
    if (table && seenTables.has(table.id) && table.perProject) {
      // Another copy of a per-project table: learned once, proved copy by copy.
      const first = learnedTables.find((entry) => entry.baseTable === table.id);
      if (first) learnedTables.push({ ...first, sheet: block.sheet, range: rangeOf(block), title: block.title, learning: { ...first.learning, block, view }, learned: [], uncertain: [], notLearned: [] });
      continue;
    }
    if (table) seenTables.add(table.id);
    const learning = table ? learnTable(view, block, table, values, options.facts) : learnUnknown(view, block, values, options.facts, takenIds);
    learnedTables.push({
      sheet: block.sheet,
      range: rangeOf(learning.block),
      title: block.title,
      status: table ? 'learned' : learning.notLearned.length > 0 ? 'unmapped' : 'new',
      baseTable: table?.id ?? null,
      spec: learning.spec,
      score: match.score,
      learned: learning.learned,
      uncertain: learning.uncertain,
      notLearned: learning.notLearned,
      columnOf: learning.columnOf,
      learning,
    });
  }

  // The package's money format: the unit most tables state, separators and zero as most tables print them.
  let money = templateMoney(base, learnedTables.map((entry) => entry.learning));
  const template: TemplateSpec = { ...base, money };
  // With facts, the numbers decide what the headings leave open.
  if (options.facts && names) {
    for (const entry of learnedTables) {
      // A per-project form is evaluated per project by the proof; its unit is what it states.
      if (entry.learning.base?.perProject) continue;
      decide(entry.learning, options.facts, template, names);
      entry.spec = entry.learning.spec;
      entry.columnOf = entry.learning.columnOf;
    }
  }
  // A table matched to a base table that reads it otherwise: read from its own headings and labels too, and keep
  // the reading the numbers confirm.
  if (options.facts && names) {
    for (const entry of learnedTables) {
      const learning = entry.learning;
      if (!learning.base || !learning.grid || learning.base.perProject) continue;
      const before = singleProof(learning, options.facts, template, names);
      if (before.different.length === 0) continue;
      const fresh = learnUnknown(learning.view, learning.block, values, options.facts);
      decide(fresh, options.facts, template, names);
      fresh.spec = { ...fresh.spec, id: learning.base.id };
      const after = singleProof(fresh, options.facts, template, names);
      if (after.reproduced > before.reproduced && after.different.length < before.different.length) {
        fresh.base = learning.base;
        fresh.learned.unshift({ code: 'template:learn.rebuilt', params: { table: learning.base.id }, cells: [rangeOf(learning.block)] });
        fresh.notLearned = fresh.notLearned.filter((note) => note.code !== 'template:learn.noAmounts');
        entry.learning = fresh;
        entry.spec = fresh.spec;
        entry.columnOf = fresh.columnOf;
        entry.learned = fresh.learned;
        entry.uncertain = fresh.uncertain;
        entry.notLearned = fresh.notLearned;
      }
    }
  }
  // Without facts, a column read from its heading where the heading reads more than one way stays open.
  if (!options.facts) {
    for (const entry of learnedTables) {
      for (const choice of entry.learning.grid?.choices ?? []) {
        if (!choice.fromBase) entry.learning.uncertain.push({ code: 'template:learn.columnAmbiguous', params: { column: choice.heading, readings: choice.options.length }, cells: [choice.cell] });
      }
    }
  }
  money = templateMoney(base, learnedTables.map((entry) => entry.learning));
  for (const entry of learnedTables) {
    finishTexts(entry.learning, values, money);
    entry.spec = entry.learning.spec;
  }
  for (const fix of options.meanings ?? []) {
    const baseTable = base.tables.find((table) => table.id === fix.table);
    for (const entry of learnedTables) {
      if (!baseTable || entry.spec.id !== fix.table) continue;
      const fixed = withColumnMeaning(entry.spec, baseTable, fix.column, fix.as);
      if (!fixed) continue;
      entry.learning.spec = fixed;
      entry.spec = fixed;
      entry.learned = [...entry.learned, { code: 'template:learn.columnFixed', params: { column: fix.column, as: fix.as }, cells: [] }];
    }
  }

  const removed = base.tables.filter((table) => !seenTables.has(table.id)).map((table) => table.id);
  const unique = dedupe(learnedTables);
  let variant = buildVariant({ base, money, tables: unique, removed, id: options.id, name: options.name });
  let loaded = load(variant, base);
  let proof: Proof | null = null;
  if (options.facts && names && loaded.template) {
    proof = prove(learnedTables, loaded.template, options.facts, names);
    // New tables the numbers do not confirm are left for the clerk to map.
    let changed = false;
    for (const entry of unique) {
      if (entry.status !== 'new') continue;
      const tableProof = proof.tables.find((item) => item.sheet === entry.sheet && item.title === entry.title);
      if (tableProof && tableProof.different.length > 0) {
        entry.status = 'unmapped';
        changed = true;
      }
    }
    if (changed) {
      variant = buildVariant({ base, money, tables: unique, removed, id: options.id, name: options.name });
      loaded = load(variant, base);
      if (loaded.template) proof = prove(learnedTables, loaded.template, options.facts, names);
    }
  }
  // Facts of another year than the file's cannot prove it.
  const statedYears = blocks.flatMap((block) => [block.title, ...block.meta]).map(statedYear);
  const fileYear = mostCommon(statedYears);
  if (options.facts && fileYear !== null && fileYear !== options.facts.department.year) {
    notes.push({ code: 'template:learn.yearDiffers', params: { file: fileYear, facts: options.facts.department.year }, cells: [] });
  }
  for (const entry of learnedTables) if (entry.status === 'unmapped') notes.push({ code: 'template:learn.tableUnmapped', params: { title: entry.title || entry.sheet }, cells: [entry.range] });
  for (const id of removed) notes.push({ code: 'template:learn.tableRemoved', params: { table: id }, cells: [] });
  return {
    baseId: base.id,
    variant,
    template: loaded.template,
    problems: loaded.problems,
    tables: learnedTables.map(({ learning: _learning, ...rest }) => rest),
    removed,
    money,
    notes,
    proof,
  };
}

function dedupe<T extends LearnedTable>(tables: T[]): T[] {
  const seen = new Set<string>();
  return tables.filter((entry) => {
    const key = entry.baseTable ?? `${entry.sheet}:${entry.range}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function load(variant: LearnResult['variant'], base: TemplateSpec): { template: TemplateSpec | null; problems: LearnResult['problems'] } {
  const document = toBaseDocument(base);
  const result = loadTemplate(variant, (id) => (id === base.id ? document : undefined));
  return result.ok ? { template: result.template, problems: [] } : { template: null, problems: result.problems };
}

function rangeOf(block: Block): string {
  return `${cellRef(block.sheet, block.top, block.left)}:${cellRef(block.sheet, block.bottom, block.right).replace(/^.*!/, '')}`;
}

/** Year, department and projects: from the facts when given, else from what the tables state. */
function knownValues(blocks: Block[], facts: Workbook | undefined): KnownValues {
  if (facts) {
    return {
      year: facts.department.year,
      departmentName: facts.department.name,
      departmentCode: facts.department.code,
      projects: [...facts.projects].sort((a, b) => b.name.length - a.name.length).map((project) => ({ name: project.name, code: project.code })),
    };
  }
  const texts = blocks.flatMap((block) => [block.title, ...block.meta]);
  const stated = blocks.flatMap((block) => block.meta.map(statedDepartment));
  return {
    year: mostCommon(texts.map(statedYear)),
    departmentName: mostCommon(stated.map((item) => item.name)),
    departmentCode: mostCommon(stated.map((item) => item.code)),
  };
}

// ——————————————————————————————————————— one table ———————————————————————————————————————

export interface TableLearning {
  view: SheetView;
  block: Block;
  base: TableSpec | null;
  spec: TableSpec;
  columnOf: (number | null)[];
  moneyColumns: Set<number>;
  grid: GridLearning | null;
  evidence: FormatEvidence;
  unit: MoneyFormat['unit'] | null;
  learned: LearnNote[];
  uncertain: LearnNote[];
  notLearned: LearnNote[];
  decided: boolean;
}

function learnTable(view: SheetView, matched: Block, base: TableSpec, values: KnownValues, facts: Workbook | undefined): TableLearning {
  const units = facts ? facts.units.map((unit) => ({ code: unit.code, name: unit.name })) : [];
  if (isForm(base)) {
    // A form's first lines ("部门名称 | …") are rows of the form unless the base prints meta lines.
    const formBlock = asForm(matched);
    const block = base.meta.length === 0 && formBlock.metaRows.length > 0 ? { ...formBlock, metaRows: [], meta: [], body: [...formBlock.metaRows, ...formBlock.body].sort((a, b) => a - b) } : formBlock;
    const moneyColumns = new Set<number>();
    forEachCells(base.body, (cells, offset) => cells.forEach((cell, index) => isMoneyCell(cell) && moneyColumns.add(index + offset)));
    const width = block.right - block.left + 1;
    return {
      view,
      block,
      base,
      spec: base,
      columnOf: Array.from({ length: width }, (_, c) => (c < base.columnCount ? c : null)),
      moneyColumns: new Set(),
      grid: null,
      evidence: formatEvidence(view, block, moneyColumns),
      unit: unitOf(view, block),
      learned: [],
      uncertain: [],
      notLearned: [],
      decided: true,
    };
  }
  const grid = learnGrid({ view, block: matched, base, values, units, known: facts !== undefined });
  return fromGrid(view, matched, base, grid);
}

function fromGrid(view: SheetView, block: Block, base: TableSpec | null, grid: GridLearning): TableLearning {
  const spec = visibleTable(grid, new Map());
  // The money format is read from the columns that print sums of lines (not quantities or unit prices).
  const amountColumns = new Set<number>();
  forEachCells(spec.body, (cells, offset) => cells.forEach((cell, index) => isMoneyCell(cell) && grid.moneyColumns.has(index + offset) && amountColumns.add(index + offset)));
  return {
    view,
    block,
    base,
    spec,
    columnOf: Array.from({ length: grid.visible }, (_, c) => c),
    moneyColumns: grid.moneyColumns,
    grid,
    evidence: formatEvidence(view, block, amountColumns),
    unit: unitOf(view, block),
    learned: grid.learned,
    uncertain: grid.uncertain,
    notLearned: grid.notLearned,
    decided: grid.choices.length === 0 && grid.orderChoices.length === 0,
  };
}

/** A table no base knows: read as a grid over a bare table, every column and row from its headings and labels. */
function learnUnknown(view: SheetView, block: Block, values: KnownValues, facts: Workbook | undefined, taken: Set<string> = new Set()): TableLearning {
  const width = block.right - block.left + 1;
  let id = uniqueTableId(block);
  for (let n = 2; taken.has(id); n += 1) id = `${uniqueTableId(block)}-${n}`;
  taken.add(id);
  const bare: TableSpec = { id, columns: [], number: '', title: generalize(block.title, values), meta: [], header: [], columnCount: 0, body: [], notes: [] };
  const units = facts ? facts.units.map((unit) => ({ code: unit.code, name: unit.name })) : [];
  const grid = learnGrid({ view, block, base: bare, values, units, known: facts !== undefined });
  const learning = fromGrid(view, block, null, grid);
  if (grid.moneyColumns.size === 0 && width > 0) learning.notLearned.push({ code: 'template:learn.noAmounts', params: { title: block.title }, cells: [rangeOf(block)] });
  return learning;
}

function uniqueTableId(block: Block): string {
  const words = normalizeText(block.title).replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 40);
  return `learned-${words || `${block.sheet}-${block.index + 1}`}`;
}

function unitOf(view: SheetView, block: Block): MoneyFormat['unit'] | null {
  const texts = [block.title, ...block.meta];
  if (block.header) for (let row = block.header.from; row <= block.header.to; row += 1) texts.push(...rowTexts(view, row, block.left, block.right).map(({ text }) => text));
  for (const row of block.body.slice(0, 12)) texts.push(...rowTexts(view, row, block.left, block.right).map(({ text }) => text).filter((text) => !printedNumber(text)));
  return mostCommon(texts.map(statedUnit));
}

function forEachCells(body: BodyPart[], see: (cells: CellSpec[], offset: number) => void, offset = 0): void {
  for (const part of body) {
    if (part.kind === 'numbered') forEachCells(part.parts, see, offset + 1);
    else if (part.kind === 'rows') for (const list of Object.values(part.cells)) see(list ?? [], offset);
    else if ('cells' in part && Array.isArray(part.cells)) see(part.cells, offset);
    else if (part.kind === 'procurementRows') see(part.itemCells, offset);
  }
}

/** The learned table with each undecided column's choice made (`chosen`: column → extended column). */
function visibleTable(grid: GridLearning, chosen: Map<number, number>): TableSpec {
  if (grid.extended.body.some((part) => part.kind === 'projectIndicatorGrid')) return { ...grid.extended, columns: grid.extended.columns.slice(0, grid.visible), columnCount: grid.visible };
  const layout: ColumnSource[] = Array.from({ length: grid.visible }, (_, c) => ({ kind: 'base', base: chosen.get(c) ?? c }));
  const { body } = recolumnBody(grid.extended.body, layout);
  return { ...grid.extended, columns: grid.extended.columns.slice(0, grid.visible), columnCount: grid.visible, body };
}

// ———————————————————————————————————— deciding by numbers ————————————————————————————————————

function publishedRows(learning: TableLearning): string[][] {
  const { view, block } = learning;
  const width = block.right - block.left + 1;
  return block.body.map((row) => Array.from({ length: width }, (_, c) => view.raw(row, block.left + c)));
}

/** A probe's rows: amounts as their exact 分 (FEN + digits), other cells as printed. */
function texts(table: EvaluatedTable, count: number): string[][] {
  return table.rows.map((row) => Array.from({ length: count }, (_, c) => {
    const cell = row.cells[c];
    if (!cell || cell.covered) return '';
    return cell.fen !== undefined ? `${FEN}${cell.fen}` : cell.text;
  }));
}

/** Each open column takes the reading whose numbers agree with the published ones; the unit too, when the numbers contradict what the table states. */
function decide(learning: TableLearning, facts: Workbook, template: TemplateSpec, names: NameResolver): void {
  const grid = learning.grid;
  const published = publishedRows(learning);
  const stated = learning.unit ?? template.money.unit;
  const units: MoneyFormat['unit'][] = [stated, stated === 'wan' ? 'yuan' : 'wan'];
  if (!grid) {
    // A form: only the unit can be open.
    const scores = units.map((unit) => {
      const probe = evaluateProbe(learning.spec, facts, { ...template, money: { ...template.money, unit } }, names, unit);
      const ours = texts(probe, learning.spec.columnCount);
      const width = learning.block.right - learning.block.left + 1;
      const pairs = alignRows(published.map((row) => rowKey(row, new Set())), ours.map((row) => rowKey(row.map((text) => (text.startsWith(FEN) ? '' : text)), new Set())));
      let score = 0;
      for (let c = 0; c < width; c += 1) {
        for (const [i, j] of pairs) {
          const a = published[i]?.[c] ?? '';
          const b = ours[j]?.[c] ?? '';
          if (b.startsWith(FEN) && a !== '') score += amountMatches(a, b, unit) ? 1 : -1;
        }
      }
      return score;
    });
    if ((scores[1] as number) > (scores[0] as number)) setUnit(learning, units[1] as MoneyFormat['unit'], stated);
    learning.decided = true;
    return;
  }
  let best: { unit: MoneyFormat['unit']; rows: string[][]; score: number } | null = null;
  for (const unit of units) {
    const probe = evaluateProbe(grid.extended, facts, { ...template, money: { ...template.money, unit } }, names, unit);
    const rows = texts(probe, grid.extended.columnCount);
    const primary = agreement(published, rows.map((row) => row.slice(0, grid.visible)), grid.moneyColumns, [...grid.moneyColumns], unit).reduce((a, b) => a + b, 0);
    if (!best || primary > best.score) best = { unit, rows, score: primary };
  }
  if (!best) return;
  if (best.unit !== stated) setUnit(learning, best.unit, stated);
  const pairs = alignRows(
    published.map((row) => rowKey(row, grid.moneyColumns)),
    best.rows.map((row) => rowKey(row.slice(0, grid.visible), grid.moneyColumns)),
  );
  const chosen = new Map<number, number>();
  for (const choice of grid.choices) {
    let winner = choice.column;
    let top = -Infinity;
    for (const option of choice.options) {
      const score = countColumn(published, best.rows, pairs, choice.column, option, best.unit);
      if (score > top) [winner, top] = [option, score];
    }
    if (winner !== choice.column) {
      chosen.set(choice.column, winner);
      learning.learned.push({ code: 'template:learn.columnByNumbers', params: { column: grid.extended.columns[choice.column] ?? String(choice.column) }, cells: [] });
    }
  }
  let spec = visibleTable(grid, chosen);
  // Generated rows whose order the codes leave open: the order that prints the published rows.
  for (const id of grid.orderChoices) {
    const scoreOf = (candidate: TableSpec) => {
      const table = evaluateProbe(candidate, facts, { ...template, money: { ...template.money, unit: best.unit } }, names, best.unit);
      const ours = texts(table, candidate.columnCount);
      const keysA = published.map((row) => rowKey(row, grid.moneyColumns));
      const keysB = ours.map((row) => rowKey(row, grid.moneyColumns));
      return alignRows(keysA, keysB).filter(([i, j]) => keysA[i] === keysB[j]).length;
    };
    const other: TableSpec = { ...spec, body: spec.body.map((part) => (part.id === id && part.kind === 'rows' ? { ...part, order: part.order === 'entry' ? 'code' : 'entry' } : part)) };
    if (scoreOf(other) > scoreOf(spec)) {
      spec = other;
      learning.learned.push({ code: 'template:learn.orderByNumbers', params: { rows: id }, cells: [] });
    }
  }
  learning.spec = spec;
  learning.decided = true;
}

function setUnit(learning: TableLearning, unit: MoneyFormat['unit'], stated: MoneyFormat['unit']): void {
  const name = (value: MoneyFormat['unit']) => (value === 'wan' ? '万元' : '元');
  if (learning.unit) learning.uncertain.push({ code: 'template:learn.unitContradicted', params: { stated: name(stated), unit: name(unit) }, cells: [rangeOf(learning.block)] });
  else learning.learned.push({ code: 'template:learn.unitByNumbers', params: { unit: name(unit) }, cells: [] });
  learning.unit = unit;
}

function evaluateProbe(table: TableSpec, facts: Workbook, template: TemplateSpec, names: NameResolver, unit: MoneyFormat['unit']): EvaluatedTable {
  // Amounts are compared by their exact 分 (see texts()); the unit tried decides how text cells of money print.
  const probe: TableSpec = { ...table, money: { ...table.money, unit } };
  return evaluateTable(facts, template, probe, names);
}

// ——————————————————————————————————————— texts and money ———————————————————————————————————————

/** The package's money: the unit most tables state, separators and zero as most tables print them. */
function templateMoney(base: TemplateSpec, learnings: TableLearning[]): MoneyFormat {
  const money: MoneyFormat = { ...base.money };
  const unit = mostCommon(learnings.map((learning) => learning.unit));
  if (unit) money.unit = unit;
  const votes = (pick: (change: Partial<MoneyFormat>, learning: TableLearning) => string | null) => {
    const counts = new Map<string, number>();
    for (const learning of learnings) {
      if (!learning.base || learning.base.money || learning.evidence.amounts === 0) continue;
      const value = pick(formatFrom(learning.evidence, { ...money, zero: '\u0000' }), learning);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    let best: string | null = null;
    let count = 0;
    for (const [value, n] of counts) if (n > count) [best, count] = [value, n];
    return best;
  };
  const separators = votes((change, learning) => (learning.evidence.grouped + learning.evidence.ungrouped > 0 ? String(change.separators ?? money.separators) : null));
  if (separators !== null) money.separators = separators === 'true';
  const zero = votes((change, learning) => (learning.base?.zero === undefined ? (change.zero ?? null) : null));
  if (zero !== null && zero !== '\u0000') money.zero = zero;
  return money;
}

/** Title, meta lines, notes, empty note and the table's own money format, as the sheet prints them. */
function finishTexts(learning: TableLearning, values: KnownValues, money: MoneyFormat): void {
  const { block, base } = learning;
  let spec: TableSpec = { ...learning.spec };
  const perProject = base?.perProject !== undefined;
  const generalizeText = (text: string) => generalize(text, values, { projects: perProject });
  // Title.
  if (block.title !== '' && !(base && sameText(block.title, base.title, values))) {
    spec.title = generalizeText(block.title);
    if (base) learning.learned.push({ code: 'template:learn.title', params: { from: base.title, to: spec.title }, cells: block.titleRow === null ? [] : [cellRef(block.sheet, block.titleRow, block.left)] });
  }
  // Meta lines (部门名称, 单位 …), in the order printed.
  const baseMeta = base?.meta ?? [];
  const sameMeta = block.meta.length === baseMeta.length && block.meta.every((text, index) => sameText(text, baseMeta[index] as string, values));
  if (!sameMeta && (block.meta.length > 0 || base)) {
    spec.meta = block.meta.map(generalizeText);
    learning.learned.push({ code: 'template:learn.meta', params: { meta: spec.meta.join(' | ') }, cells: block.metaRows.map((row) => cellRef(block.sheet, row, block.left)) });
  }
  // Notes and the empty-table note.
  const moneyCells = learning.moneyColumns.size > 0 ? learning.moneyColumns : learning.base ? new Set<number>() : new Set<number>();
  const empty = learning.evidence.nonZero === 0 && (moneyCells.size > 0 || learning.evidence.amounts > 0 || block.body.length <= 1);
  let printed = block.notes.map((note) => note.text);
  if (empty) {
    const last = printed[printed.length - 1];
    const baseEmpty = base?.emptyNote;
    if (last !== undefined && ((baseEmpty && sameText(last, baseEmpty, values)) || isEmptyTableNote(last))) {
      if (!(baseEmpty && sameText(last, baseEmpty, values))) {
        spec.emptyNote = generalizeText(last);
        learning.learned.push({ code: 'template:learn.emptyNote', params: { note: last }, cells: [cellRef(block.sheet, (block.notes[block.notes.length - 1] as { row: number }).row, block.left)] });
      }
      printed = printed.slice(0, -1);
    } else if (baseEmpty) {
      delete spec.emptyNote;
      learning.learned.push({ code: 'template:learn.emptyNoteRemoved', params: {}, cells: [] });
    }
  }
  const baseNotes = base?.notes ?? [];
  const sameNotes = printed.length === baseNotes.length && printed.every((text, index) => sameText(text, baseNotes[index] as string, values));
  if (!sameNotes) {
    spec.notes = printed.map(generalizeText);
    if (base) learning.learned.push({ code: 'template:learn.notes', params: { count: printed.length }, cells: block.notes.map((note) => cellRef(block.sheet, note.row, block.left)) });
  }
  // Header texts: the base's own where the sheet prints the same (placeholders kept).
  if (base && spec.header.length > 0 && sameHeader(spec, base, values)) spec = { ...spec, header: base.header };
  else if (spec.header.length > 0) spec = { ...spec, header: spec.header.map((row) => row.map((cell) => ({ ...cell, text: generalize(cell.text, values) }))) };
  // Money: what differs from the package's format.
  const effective: MoneyFormat = { ...money, ...base?.money, zero: base?.zero ?? base?.money?.zero ?? money.zero };
  if (learning.unit && learning.unit !== effective.unit) {
    spec.money = { ...spec.money, unit: learning.unit };
    effective.unit = learning.unit;
  }
  const change = formatFrom(learning.evidence, effective);
  const { zero, ...rest } = change;
  if (Object.keys(rest).length > 0) spec.money = { ...spec.money, ...rest };
  if (zero !== undefined) spec.zero = zero;
  learning.spec = spec;
}

/** The same headings at the same places (a sheet typed without merges still has the base's header). */
function sameHeader(spec: TableSpec, base: TableSpec, values: KnownValues): boolean {
  if (spec.columnCount !== base.columnCount || spec.header.length !== base.header.length) return false;
  const texts = (table: TableSpec) => placeHeader(table.header, table.columnCount).filter((cell) => cell.text.trim() !== '');
  const a = texts(spec);
  const b = texts(base);
  if (a.length !== b.length) return false;
  return a.every((cell) => b.some((other) => other.row === cell.row && other.column === cell.column && sameText(cell.text, other.text, values)));
}

// ——————————————————————————————————————————— proof ———————————————————————————————————————————

function prove(tables: (LearnedTable & { learning: TableLearning })[], template: TemplateSpec, facts: Workbook, names: NameResolver): Proof {
  const evaluated = evaluateTemplateBySpec(facts, template, names);
  const bySpec = new Map(evaluated.map((entry) => [entry.spec.id, entry.tables]));
  const used = new Set<EvaluatedTable>();
  const proofs: TableProof[] = [];
  for (const entry of tables) {
    const { learning } = entry;
    const id = entry.status === 'unmapped' ? null : learning.spec.id;
    const copies = id ? (bySpec.get(id) ?? []) : [];
    const columnOf = entry.columnOf;
    let table: EvaluatedTable | undefined;
    if (copies.length === 1) table = copies[0];
    else if (copies.length > 1) {
      const title = normalizeText(learning.block.title);
      table = copies.find((copy) => !used.has(copy) && normalizeText(copy.title) === title) ?? bestCopy(copies, learning, used);
    }
    if (table) used.add(table);
    const empty: EvaluatedTable = { id: '', number: '', title: '', meta: [], header: [], columnCount: 0, rows: [], notes: [], empty: true };
    proofs.push(proveTable({ view: learning.view, block: learning.block, table: table ?? empty, columnOf, moneyColumns: learning.moneyColumns, tableId: id }));
  }
  const numberCells = proofs.reduce((sum, proof) => sum + proof.numberCells, 0);
  const reproduced = proofs.reduce((sum, proof) => sum + proof.reproduced, 0);
  return { tables: proofs, numberCells, reproduced, different: numberCells - reproduced };
}

/** One learned table evaluated alone against its published block. */
function singleProof(learning: TableLearning, facts: Workbook, template: TemplateSpec, names: NameResolver): TableProof {
  const unit = learning.unit ?? template.money.unit;
  const table = evaluateTable(facts, { ...template, money: { ...template.money, unit } }, learning.spec, names);
  return proveTable({ view: learning.view, block: learning.block, table, columnOf: learning.columnOf, moneyColumns: learning.moneyColumns, tableId: null });
}

function bestCopy(copies: EvaluatedTable[], learning: TableLearning, used: Set<EvaluatedTable>): EvaluatedTable | undefined {
  let best: { copy: EvaluatedTable; score: number } | undefined;
  for (const copy of copies) {
    if (used.has(copy)) continue;
    const proof = proveTable({ view: learning.view, block: learning.block, table: copy, columnOf: learning.columnOf, moneyColumns: learning.moneyColumns, tableId: null });
    const score = proof.reproduced - proof.different.length;
    if (!best || score > best.score) best = { copy, score };
  }
  return best?.copy;
}

