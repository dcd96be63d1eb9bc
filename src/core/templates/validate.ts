import { FUND_TREE, type FundNode } from '../funds';
import { isKnownFigureKey } from '../narrative/figures';
import type { NarrativeSpec, ParagraphSpec, Piece } from '../narrative/spec';
import type { PackageSpec } from '../report/package-spec';
import { groupChain } from '../tables/parts/group';
import { describePath, PATH_PLACEHOLDER, WORKBOOK_ROOTS, type RowRoot } from '../tables/paths';
import type { BodyPart, CellSpec, LineFilter, TableSpec, TemplateSpec } from '../tables/spec';
import { ROW_FIELDS } from './document';
import type { ProblemList } from './problems';

/**
 * What the schema cannot see: references inside the template (fund nodes, code prefixes, row fields,
 * attributes, placeholders, figure keys, column spans, sums, table ids) and duplicate ids. Each problem
 * names its JSON path; docs/templates.md lists every message.
 */
export function validateTemplate(template: TemplateSpec, problems: ProblemList): void {
  duplicates(template.tables.map((table) => table.id), 'tables', problems);
  const tableIds = new Set(template.tables.map((table) => table.id));
  template.tables.forEach((table, index) => validateTable(table, `tables[${index}]`, tableIds, problems));
  if (template.narrative) validateNarrative(template.narrative, problems);
  validatePackage(template.package, tableIds, new Set((template.narrative?.sections ?? []).flatMap((section) => (section.id !== undefined ? [section.id] : []))), problems);
}

const FUND_CODES = new Set<string>();
(function collect(nodes: FundNode[]) {
  for (const node of nodes) {
    FUND_CODES.add(node.code);
    if (node.children) collect(node.children);
  }
})(FUND_TREE);

/** Placeholders every table text may use; a table repeated per project adds the project's. */
const TABLE_PLACEHOLDERS = ['year', 'priorYear', 'departmentName', 'departmentCode', 'assetsAsOf'];
const PROJECT_PLACEHOLDERS = ['projectCode', 'projectName', 'projectIndex'];
/** Cells of some parts also read the row's fields ({unitName}) and attributes ({name}{kind} in a units list). */
const ROW_PLACEHOLDERS = [...ROW_FIELDS];

/** The attributes each part kind offers to { attribute } cells (docs/templates.md). */
const ATTRIBUTES: Record<string, readonly string[]> = {
  indicatorRows: ['level1', 'level2', 'level3', 'description', 'value', 'valueNote'],
  projectIndicatorGrid: ['level1', 'level2', 'level3', 'description', 'value', 'valueNote'],
  taskRows: ['name', 'content', 'number'],
  taskFundRows: ['name', 'content', 'number', 'amount'],
  projectRow: ['code', 'name', 'type', 'purpose', 'goal', 'unitCode', 'unitName', 'march', 'june', 'october', 'december'],
  unitRows: ['code', 'name', 'kind', 'authorizedStaff', 'actualStaff', 'retiredStaff', 'grade', 'fundingForm'],
  assetRow: ['vehicleCount', 'generalEquipmentOver500k', 'specialEquipmentOver1m'],
  procurementRows: ['name', 'catalogCode', 'measureUnit', 'quantity', 'amount', 'unitPrice', 'smallFirmAmount', 'projectAmount'],
  projectTree: ['purpose'],
  tableCatalogue: ['label', 'title', 'empty', 'reason'],
};

/** Workbook-wide attributes any row may show. */
const WORKBOOK_ATTRIBUTES = ['annualGoal', 'departmentName'];

function duplicates(ids: (string | undefined)[], path: string, problems: ProblemList): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (id === undefined) return;
    if (seen.has(id)) problems.add(`${path}[${index}].id`, 'template:duplicateId', { id });
    seen.add(id);
  });
}

function validateTable(table: TableSpec, path: string, tableIds: Set<string>, problems: ProblemList): void {
  if (table.columns.length !== table.columnCount) {
    problems.add(`${path}.columns`, 'template:columnCountMismatch', { table: table.id, ids: table.columns.length, count: table.columnCount });
  }
  duplicates(
    table.columns.map((id) => id),
    `${path}.columns`,
    problems,
  );
  duplicates(
    table.body.map((part) => part.id),
    `${path}.body`,
    problems,
  );
  table.body.forEach((part, index) => {
    if (part.id === undefined) problems.add(`${path}.body[${index}]`, 'template:missingPartId', { table: table.id });
  });
  validateHeader(table, path, problems);
  const placeholders = [...TABLE_PLACEHOLDERS, ...(table.perProject ? PROJECT_PLACEHOLDERS : [])];
  const texts: [string, string][] = [
    [`${path}.id`, table.id],
    [`${path}.number`, table.number],
    [`${path}.title`, table.title],
    ...table.meta.map((line, index): [string, string] => [`${path}.meta[${index}]`, line]),
    ...table.notes.map((line, index): [string, string] => [`${path}.notes[${index}]`, line]),
    ...(table.emptyNote !== undefined ? [[`${path}.emptyNote`, table.emptyNote] as [string, string]] : []),
  ];
  for (const [where, text] of texts) checkPlaceholders(text, placeholders, where, problems);
  table.header.forEach((row, r) => row.forEach((cell, c) => checkPlaceholders(cell.text, placeholders, `${path}.header[${r}][${c}].text`, problems)));
  const roots: RowRoot[] = table.perProject ? ['project', 'unit'] : [];
  table.body.forEach((part, index) => validatePart(part, `${path}.body[${index}]`, { table, offset: 0, placeholders, tableIds, part: index, roots }, problems));
}

/** The row objects path cells may read, by part kind (beside the workbook's, and the table's project). */
const PART_ROOTS: Partial<Record<BodyPart['kind'], readonly RowRoot[]>> = {
  indicatorRows: ['indicator'],
  taskRows: ['task'],
  taskFundRows: ['task'],
  projectRow: ['project', 'unit'],
  unitRows: ['unit'],
  projectTree: ['project', 'unit'],
};

/** Every header row must cover the table's columns exactly: no cell past the last column, no gap. */
function validateHeader(table: TableSpec, path: string, problems: ProblemList): void {
  if (table.header.length === 0) return;
  const width = table.columnCount;
  const height = table.header.length;
  const taken = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
  table.header.forEach((cells, row) => {
    let column = 0;
    cells.forEach((cell, index) => {
      while (column < width && taken[row]?.[column]) column += 1;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (column + colSpan > width) {
        problems.add(`${path}.header[${row}][${index}]`, 'template:headerTooWide', { table: table.id, row: row + 1, text: cell.text, count: width });
        column = width;
        return;
      }
      if (row + rowSpan > height) problems.add(`${path}.header[${row}][${index}].rowSpan`, 'template:headerTooTall', { table: table.id, text: cell.text, rows: height });
      for (let down = 0; down < rowSpan && row + down < height; down += 1) for (let across = 0; across < colSpan; across += 1) taken[row + down]![column + across] = true;
      column += colSpan;
    });
  });
  taken.forEach((row, index) => {
    const missing = row.filter((cell) => !cell).length;
    if (missing > 0) problems.add(`${path}.header[${index}]`, 'template:headerGap', { table: table.id, row: index + 1, missing, count: width });
  });
}

interface PartScope {
  table: TableSpec;
  /** The column the part's first cell prints in (a numbered part prints its number first). */
  offset: number;
  placeholders: string[];
  tableIds: Set<string>;
  /** Index of the top-level part among the table's body (a rowSpan `through` names a later one). */
  part: number;
  /** Row objects path cells may read here (unit, project …). */
  roots: readonly RowRoot[];
}

function validatePart(part: BodyPart, path: string, scope: PartScope, problems: ProblemList): void {
  const kind = part.kind;
  const cellsAt = (cells: CellSpec[] | undefined, where: string, options: { aligned?: boolean; attributes?: readonly string[]; roots?: readonly RowRoot[] } = {}) => {
    if (!cells) return;
    const aligned = options.aligned !== false;
    if (aligned && scope.offset + cells.length > scope.table.columnCount) {
      problems.add(where, 'template:tooManyCells', { table: scope.table.id, cells: cells.length, count: scope.table.columnCount - scope.offset });
    }
    const roots = [...scope.roots, ...(options.roots ?? PART_ROOTS[kind] ?? [])];
    validateCells(cells, where, { ...scope, roots, aligned, attributes: options.attributes ?? ATTRIBUTES[kind] ?? [] }, problems);
  };
  if ('where' in part && part.where) validateFilter(part.where, `${path}.where`, problems);
  switch (part.kind) {
    case 'rows': {
      // A nested grouping names each dimension once; its rows may read the units and projects it groups by.
      const chain = groupChain(part.group);
      const roots: RowRoot[] = [];
      const seen = new Set<string>();
      chain.forEach((level, depth) => {
        if (seen.has(level.dim)) problems.add(`${path}.group${'.then'.repeat(depth)}.dim`, 'template:groupRepeats', { dim: level.dim });
        seen.add(level.dim);
        if (level.dim === 'unit') roots.push('unit');
        if (level.dim === 'project') roots.push('project', 'unit');
      });
      for (const [style, cells] of Object.entries(part.cells)) cellsAt(cells, `${path}.cells.${style}`, { roots });
      return;
    }
    case 'numbered':
      part.parts.forEach((inner, index) => validatePart(inner, `${path}.parts[${index}]`, { ...scope, offset: scope.offset + 1 }, problems));
      return;
    case 'procurementRows':
      cellsAt(part.totalCells, `${path}.totalCells`, { roots: [] });
      cellsAt(part.unitCells, `${path}.unitCells`, { roots: ['unit'] });
      cellsAt(part.itemCells, `${path}.itemCells`, { roots: ['item', 'unit', 'project'] });
      return;
    case 'projectTree':
      part.levels.forEach((level, index) => cellsAt(level.cells, `${path}.levels[${index}].cells`, { roots: ['unit'] }));
      cellsAt(part.cells, `${path}.cells`);
      return;
    case 'projectIndicatorGrid':
      cellsAt(part.unitCells, `${path}.unitCells`, { aligned: false, attributes: [], roots: ['unit'] });
      cellsAt(part.projectCells, `${path}.projectCells`, { aligned: false, attributes: [], roots: ['project', 'unit'] });
      cellsAt(part.indicatorCells, `${path}.indicatorCells`, { aligned: false, roots: ['indicator', 'project', 'unit'] });
      return;
    case 'tableCatalogue':
      part.entries.forEach((entry, index) => {
        if (!scope.tableIds.has(entry.table)) problems.add(`${path}.entries[${index}].table`, 'template:unknownTableRef', { id: entry.table });
      });
      cellsAt(part.cells, `${path}.cells`);
      return;
    default:
      cellsAt(part.cells, `${path}.cells`);
  }
}

interface CellScope extends PartScope {
  attributes: readonly string[];
  /** The cells line up with the table's columns (not a grid's repeated indicator cells). */
  aligned: boolean;
}

function validateCells(cells: CellSpec[], path: string, scope: CellScope, problems: ProblemList): void {
  const width = cells.length;
  const sums = new Map<number, number[]>();
  cells.forEach((cell, index) => {
    const where = `${path}[${index}]`;
    if (typeof cell === 'string') {
      checkCellText(cell, where, scope, problems);
      return;
    }
    validateSpan(cells, index, where, scope, problems);
    if ('text' in cell) {
      checkCellText(cell.text, `${where}.text`, scope, problems);
    } else if ('path' in cell) {
      checkPath(cell.path, `${where}.path`, scope, problems);
    } else if ('field' in cell) {
      if (!(ROW_FIELDS as readonly string[]).includes(cell.field)) problems.add(`${where}.field`, 'template:unknownRowField', { field: cell.field, fields: ROW_FIELDS.join(', ') });
    } else if ('measure' in cell) {
      validateFilter(cell.measure, `${where}.measure`, problems);
    } else if ('sum' in cell) {
      const columns = [...cell.sum, ...(cell.minus ?? [])];
      for (const column of columns) {
        if (column < 0 || column >= width) problems.add(`${where}.sum`, 'template:sumOutOfRange', { column, count: width, table: scope.table.id });
      }
      sums.set(index, columns);
    } else if ('prior' in cell) {
      if (!isKnownFigureKey(cell.prior)) problems.add(`${where}.prior`, 'template:unknownFigure', { key: cell.prior });
    } else if ('attribute' in cell) {
      const known =
        scope.attributes.includes(cell.attribute) ||
        WORKBOOK_ATTRIBUTES.includes(cell.attribute) ||
        (scope.attributes === ATTRIBUTES.assetRow && /^(figure|quantity)\.[A-Za-z0-9_]+$/.test(cell.attribute));
      if (!known) {
        problems.add(`${where}.attribute`, 'template:unknownAttribute', { attribute: cell.attribute, allowed: [...scope.attributes, ...WORKBOOK_ATTRIBUTES].join(', ') });
      }
    }
  });
  // A sum that reaches itself through other sums never finishes.
  for (const start of sums.keys()) {
    const seen = new Set<number>();
    const stack = [...(sums.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) {
        problems.add(`${path}[${start}].sum`, 'template:sumCycle', { column: start });
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(sums.get(next) ?? []));
    }
  }
}

/** Literal cell text: its placeholders are the table's, the row's fields and attributes, or paths. */
function checkCellText(text: string, path: string, scope: CellScope, problems: ProblemList): void {
  const plain = text.replace(PATH_PLACEHOLDER, (whole, name: string) => {
    checkPath(name, path, scope, problems);
    return '';
  });
  checkPlaceholders(plain, [...scope.placeholders, ...ROW_PLACEHOLDERS, ...scope.attributes], path, problems);
}

/** A path must name a single value of the model (read off its schemas) from an object this row has. */
function checkPath(name: string, path: string, scope: CellScope, problems: ProblemList): void {
  const info = describePath(name);
  if (!info.ok) {
    const roots = [...WORKBOOK_ROOTS, ...new Set(scope.roots)];
    const fields = info.at === '' ? roots : info.fields;
    problems.add(path, 'template:unknownPath', { path: name, at: info.at || '—', fields: fields.join(', ') || '—' });
    return;
  }
  if ((WORKBOOK_ROOTS as readonly string[]).includes(info.root)) return;
  if (!scope.roots.includes(info.root as RowRoot)) {
    problems.add(path, 'template:pathRoot', { path: name, root: info.root, roots: [...WORKBOOK_ROOTS, ...new Set(scope.roots)].join(', ') });
  }
}

/** A merge stays inside the table, covers only blank cells, and `through` names a later part of the table. */
function validateSpan(cells: CellSpec[], index: number, path: string, scope: CellScope, problems: ProblemList): void {
  const cell = cells[index];
  if (typeof cell !== 'object') return;
  const colSpan = cell.colSpan ?? 1;
  if (scope.aligned && scope.offset + index + colSpan > scope.table.columnCount) {
    problems.add(`${path}.colSpan`, 'template:spanTooWide', { table: scope.table.id, span: colSpan, count: scope.table.columnCount - scope.offset - index });
  }
  for (let k = 1; k < colSpan && index + k < cells.length; k += 1) {
    if (cells[index + k] !== '') problems.add(`${path}.colSpan`, 'template:spanCoversCell', { span: colSpan, column: index + k });
  }
  const rowSpan = cell.rowSpan;
  if (typeof rowSpan === 'object') {
    const later = scope.table.body.slice(scope.part + 1).flatMap((part) => (part.id === undefined ? [] : [part.id]));
    if (!later.includes(rowSpan.through)) problems.add(`${path}.rowSpan.through`, 'template:unknownSpanPart', { id: rowSpan.through, parts: later.join(', ') || '—' });
  }
}

const CODE_LENGTHS: Record<'functions' | 'deptEcon' | 'govEcon', number[]> = { functions: [3, 5, 7], deptEcon: [3, 5], govEcon: [3, 5] };

function validateFilter(filter: LineFilter, path: string, problems: ProblemList): void {
  filter.funds?.forEach((fund, index) => {
    if (!FUND_CODES.has(fund)) problems.add(`${path}.funds[${index}]`, 'template:unknownFund', { fund, funds: [...FUND_CODES].join(', ') });
  });
  for (const dimension of ['functions', 'deptEcon', 'govEcon'] as const) {
    filter[dimension]?.forEach((code, index) => {
      if (!/^\d+$/.test(code) || !CODE_LENGTHS[dimension].includes(code.length)) {
        problems.add(`${path}.${dimension}[${index}]`, 'template:badCodePrefix', { code, lengths: CODE_LENGTHS[dimension].join('/') });
      }
    });
  }
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

function checkPlaceholders(text: string, allowed: readonly string[], path: string, problems: ProblemList): void {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!allowed.includes(name)) problems.add(path, 'template:unknownPlaceholder', { placeholder: `{${name}}`, allowed: allowed.map((item) => `{${item}}`).join(' ') });
  }
}

const NARRATIVE_PLAIN = ['year', 'priorYear', 'dept', 'asOf', 'n', 'name', 'code', 'count'];
const COMPARISON_PLACEHOLDERS = ['delta', 'percent', 'prior', 'current', 'year', 'priorYear', 'reason'];
const KINDED = /^(amount|prior|share|change|count|text|list):(.+)$/;

function validateNarrative(narrative: NarrativeSpec, problems: ProblemList): void {
  const styles = Object.keys(narrative.comparisons);
  const lists = Object.keys(narrative.lists ?? {});
  const check = (text: string, path: string) => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const body = match[1] ?? '';
      if (NARRATIVE_PLAIN.includes(body)) continue;
      const kinded = KINDED.exec(body);
      if (!kinded) {
        problems.add(path, 'template:unknownPlaceholder', { placeholder: `{${body}}`, allowed: '{year} {priorYear} {dept} {amount:KEY} {change:KEY} {share:A/B} {count:KEY} {text:KEY} {list:NAME}' });
        continue;
      }
      const [, kind, rest = ''] = kinded;
      const [key = '', option] = rest.split('|');
      if (kind === 'list') {
        if (!lists.includes(key)) problems.add(path, 'template:unknownList', { name: key, lists: lists.join(', ') || '—' });
      } else if (kind === 'share') {
        for (const part of key.split('/')) if (!isKnownFigureKey(part)) problems.add(path, 'template:unknownFigure', { key: part });
      } else if (kind === 'text') {
        // Clerk reasons are free keys of texts.reasons; nothing to check.
      } else if (key !== '@' && !isKnownFigureKey(key)) {
        problems.add(path, 'template:unknownFigure', { key });
      }
      if (kind === 'change' && option !== undefined && !styles.includes(option)) problems.add(path, 'template:unknownComparison', { style: option, styles: styles.join(', ') });
    }
  };
  narrative.title.forEach((line, index) => check(line, `narrative.title[${index}]`));
  for (const [name, style] of Object.entries(narrative.comparisons)) {
    for (const [key, text] of Object.entries(style)) checkPlaceholders(text, COMPARISON_PLACEHOLDERS, `narrative.comparisons.${name}.${key}`, problems);
  }
  duplicates(
    narrative.sections.map((section) => (section as { id?: string }).id),
    'narrative.sections',
    problems,
  );
  narrative.sections.forEach((section, index) => {
    const path = `narrative.sections[${index}]`;
    if ('eachTask' in section) return;
    check(section.heading, `${path}.heading`);
    if ('paragraphs' in section) section.paragraphs.forEach((paragraph, p) => checkParagraph(paragraph, `${path}.paragraphs[${p}]`, check, problems));
  });
}

function checkParagraph(paragraph: ParagraphSpec, path: string, check: (text: string, path: string) => void, problems: ProblemList): void {
  if (typeof paragraph === 'string') return check(paragraph, path);
  if ('parts' in paragraph) {
    paragraph.parts.forEach((piece: Piece, index) => {
      if (typeof piece === 'string') return check(piece, `${path}.parts[${index}]`);
      const keys = 'zero' in piece.when ? piece.when.zero : piece.when.nonzero;
      for (const key of keys) if (!isKnownFigureKey(key)) problems.add(`${path}.parts[${index}].when`, 'template:unknownFigure', { key });
      check(piece.then, `${path}.parts[${index}].then`);
      if (piece.else !== undefined) check(piece.else, `${path}.parts[${index}].else`);
    });
  } else if ('each' in paragraph) check(paragraph.item, `${path}.item`);
}

const TEXT_SOURCES = /^texts\.(duties|organization|other|blocks\.[A-Za-z0-9_]+)$/;
const PACKAGE_PLACEHOLDERS = ['year', 'priorYear', 'departmentName', 'departmentCode', 'number'];

function validatePackage(pkg: PackageSpec, tableIds: Set<string>, narrativeIds: Set<string>, problems: ProblemList): void {
  duplicates(
    pkg.sections.map((section) => section.id),
    'package.sections',
    problems,
  );
  pkg.cover.lines.forEach((line, index) => checkPlaceholders(line.text, [...PACKAGE_PLACEHOLDERS, 'date'], `package.cover.lines[${index}].text`, problems));
  checkPlaceholders(pkg.page.footer.text, ['page'], 'package.page.footer.text', problems);
  const printed = new Map<string, string>();
  const print = (id: string, path: string) => {
    if (!tableIds.has(id)) problems.add(path, 'template:unknownTableRef', { id });
    else if (printed.has(id)) problems.add(path, 'template:tablePrintedTwice', { id, first: printed.get(id) ?? '' });
    else printed.set(id, path);
  };
  let rest = 0;
  const narrativePrinted = new Map<string, string>();
  pkg.sections.forEach((section, index) => {
    const path = `package.sections[${index}]`;
    if (section.heading !== undefined) checkPlaceholders(section.heading, PACKAGE_PLACEHOLDERS, `${path}.heading`, problems);
    if (typeof section.contentsHeading === 'string') checkPlaceholders(section.contentsHeading, PACKAGE_PLACEHOLDERS, `${path}.contentsHeading`, problems);
    if (section.kind === 'cover') section.lines.forEach((line, l) => checkPlaceholders(line.text, [...PACKAGE_PLACEHOLDERS, 'date'], `${path}.lines[${l}].text`, problems));
    if (section.kind === 'table' && section.title !== undefined) checkPlaceholders(section.title, PACKAGE_PLACEHOLDERS, `${path}.title`, problems);
    // contentsTitles may name a table a variant removed: a wording with nothing to word is harmless.
    if (section.kind === 'narrative') {
      (section.sections ?? []).forEach((id, n) => {
        const at = `${path}.sections[${n}]`;
        if (!narrativeIds.has(id)) problems.add(at, 'template:unknownNarrativeSection', { id });
        else if (narrativePrinted.has(id)) problems.add(at, 'template:narrativeSectionPrintedTwice', { id, first: narrativePrinted.get(id) ?? '' });
        else narrativePrinted.set(id, at);
      });
    }
    if (section.kind === 'text' && !TEXT_SOURCES.test(section.source)) {
      problems.add(`${path}.source`, 'template:unknownTextSource', { source: section.source, allowed: 'texts.duties, texts.organization, texts.other, texts.blocks.<key>' });
    }
    if (section.kind === 'table') print(section.table, `${path}.table`);
    if (section.kind === 'tables') {
      if (section.tables === 'rest') rest += 1;
      else section.tables.forEach((id, t) => print(id, `${path}.tables[${t}]`));
    }
  });
  if (rest > 1) problems.add('package.sections', 'template:restTwice', {});
}

/**
 * Sums may name columns by id ({ "sum": ["goods", "capital"] }): each id becomes the column's index in
 * its table, so the engine only ever sees indexes. An id that is not a column is a problem.
 */
export function resolveColumnRefs(template: TemplateSpec, problems: ProblemList): TemplateSpec {
  let changed = false;
  const tables = template.tables.map((table, t) => {
    const toIndex = (offset: number, path: string) => (ref: number | string) => {
      if (typeof ref === 'number') return ref;
      changed = true;
      const index = table.columns.indexOf(ref);
      if (index < 0) problems.add(path, 'template:unknownColumn', { id: ref, table: table.id, columns: table.columns.join(', ') });
      return index - offset;
    };
    const mapCells = (cells: CellSpec[], offset: number, path: string): CellSpec[] =>
      cells.map((cell, c) => {
        if (typeof cell !== 'object' || !('sum' in cell)) return cell;
        const map = toIndex(offset, `${path}[${c}].sum`);
        const sum = (cell.sum as (number | string)[]).map(map);
        return cell.minus ? { ...cell, sum, minus: (cell.minus as (number | string)[]).map(map) } : { ...cell, sum };
      });
    const mapPart = (part: BodyPart, offset: number, path: string): BodyPart => {
      switch (part.kind) {
        case 'rows':
          return { ...part, cells: Object.fromEntries(Object.entries(part.cells).map(([style, cells]) => [style, cells && mapCells(cells, offset, `${path}.cells.${style}`)])) as typeof part.cells };
        case 'numbered':
          return { ...part, parts: part.parts.map((inner, i) => mapPart(inner, offset + 1, `${path}.parts[${i}]`)) };
        case 'procurementRows':
          return {
            ...part,
            itemCells: mapCells(part.itemCells, offset, `${path}.itemCells`),
            ...(part.totalCells ? { totalCells: mapCells(part.totalCells, offset, `${path}.totalCells`) } : {}),
            ...(part.unitCells ? { unitCells: mapCells(part.unitCells, offset, `${path}.unitCells`) } : {}),
          };
        case 'projectTree':
          return { ...part, cells: mapCells(part.cells, offset, `${path}.cells`), levels: part.levels.map((level, l) => ({ ...level, cells: mapCells(level.cells, offset, `${path}.levels[${l}].cells`) })) };
        case 'projectIndicatorGrid':
          return part;
        default:
          return { ...part, cells: mapCells(part.cells, offset, `${path}.cells`) };
      }
    };
    return { ...table, body: table.body.map((part, p) => mapPart(part, 0, `tables[${t}].body[${p}]`)) };
  });
  return changed ? { ...template, tables } : template;
}
