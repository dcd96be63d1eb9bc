import { FEN_PER, formatMoney, type Fen, type MoneyUnit } from '../money';
import type { SheetGrid } from '../prior/grid';
import type { ExcelRecognition, SheetResult } from '../prior/recognize';
import { lintText } from '../checks/text-lints';

/**
 * Audit of a published package without its facts (issue 14, item 3): what the recognizer reads from the
 * package's sheets is compared with itself. A figure read in two tables must agree; a total must be the sum of
 * its printed parts (within the rounding the printed step allows, else it is an error); code rows must add up to
 * their 类/款; a table with nothing in it must say so; the narrative's text is linted as clerk-written text is.
 * Every finding names its sheet and cell(s).
 */
export type AuditSeverity = 'error' | 'warning' | 'info';

export interface AuditFinding {
  ruleId: string;
  severity: AuditSeverity;
  /** i18n key in the "audit" namespace. */
  messageKey: string;
  /** Figure keys ("basic.personnel", "function.21015") in `figureKey`/`partKeys` are named by the caller (figureLabel). */
  params: Record<string, string | number>;
  /** "Sheet!C12" cells, or "text:<line>" for the narrative. */
  cells: string[];
}

/** Printed totals and the parts that add up to them, on one sheet (keys as the recognizer reads them). */
const IDENTITIES: { total: string; parts: string[] }[] = [
  { total: 'basic', parts: ['basic.personnel', 'basic.public'] },
  { total: 'fiscal.gen.basic', parts: ['fiscal.gen.basic.personnel', 'fiscal.gen.basic.public'] },
  { total: 'total', parts: ['basic', 'project'] },
  { total: 'fiscal.gen', parts: ['fiscal.gen.basic', 'fiscal.gen.project'] },
  { total: 'fiscal.total', parts: ['fiscal.gen', 'fiscal.fund', 'fiscal.capital'] },
  { total: 'sanGong.total', parts: ['sanGong.abroad', 'sanGong.reception', 'sanGong.vehicle'] },
  { total: 'sanGong.vehicle', parts: ['sanGong.vehiclePurchase', 'sanGong.vehicleRunning'] },
];

/** Words with which a published table says it has nothing to show ("本单位无政府性基金预算"). */
const EMPTY_NOTE = /无|没有|未安排|不涉及|空表|为空/;
const NUMBER = /^-?[\d,]+(?:\.\d+)?$/;

interface Reading {
  fen: Fen;
  cells: string[];
}

/** The first cell-read (not summed) reading of each key and scope on a sheet. */
function readingsOf(sheet: SheetResult): Map<string, Reading> {
  const readings = new Map<string, Reading>();
  for (const figure of sheet.figures) {
    if (figure.derived) continue;
    const id = `${figure.key}|${figure.scope}`;
    if (!readings.has(id)) readings.set(id, { fen: figure.fen, cells: figure.cells });
  }
  return readings;
}

/** Cells as a message names them after their sheet: "F6", "H6+I6". */
function addresses(cells: string[]): string {
  return cells.map((cell) => cell.slice(cell.lastIndexOf('!') + 1)).join('+');
}

function money(fen: Fen, unit: MoneyUnit): string {
  return formatMoney(fen, unit, { decimals: 2 });
}

/** The difference rounding alone can make: every printed amount is off by at most half a printed step. */
function roundingAllows(difference: Fen, amounts: number, unit: MoneyUnit): boolean {
  const halfStep = FEN_PER[unit] / 100 / 2;
  return Math.abs(difference) <= halfStep * amounts;
}

function footing(sheet: SheetResult, total: { key: string; reading: Reading }, parts: { key: string; reading: Reading }[], unit: MoneyUnit): AuditFinding | null {
  const sum = parts.reduce((acc, part) => acc + part.reading.fen, 0);
  const difference = sum - total.reading.fen;
  if (difference === 0) return null;
  const tail = roundingAllows(difference, parts.length + 1, unit);
  return {
    ruleId: tail ? 'audit.roundingTail' : 'audit.partsDoNotAdd',
    severity: tail ? 'info' : 'error',
    messageKey: tail ? 'audit:roundingTail' : 'audit:partsDoNotAdd',
    params: {
      sheet: sheet.sheet,
      figureKey: total.key,
      partKeys: parts.map((part) => part.key).join(','),
      total: money(total.reading.fen, unit),
      sum: money(sum, unit),
      difference: money(difference, unit),
      moneyUnit: unit,
      cell: addresses(total.reading.cells),
    },
    cells: [...total.reading.cells, ...parts.flatMap((part) => part.reading.cells)],
  };
}

function sheetFootings(sheet: SheetResult, unit: MoneyUnit): AuditFinding[] {
  const readings = readingsOf(sheet);
  const found: AuditFinding[] = [];
  const scopes = new Set(sheet.figures.map((figure) => figure.scope));
  for (const scope of scopes) {
    const at = (key: string) => readings.get(`${key}|${scope}`);
    for (const identity of IDENTITIES) {
      const total = at(identity.total);
      const parts = identity.parts.map((key) => ({ key, reading: at(key) }));
      if (!total || parts.some((part) => !part.reading)) continue;
      const finding = footing(sheet, { key: identity.total, reading: total }, parts as { key: string; reading: Reading }[], unit);
      if (finding) found.push(finding);
    }
    // Code rows: a 类 against its 款 rows, a 款 against its 项 rows, where the sheet prints both.
    const codes = [...readings].filter(([id]) => id.endsWith(`|${scope}`) && /^(function|deptEcon|govEcon)\.\d+\|/.test(id));
    for (const [id, reading] of codes) {
      const key = id.slice(0, id.indexOf('|'));
      const [dimension = '', code = ''] = key.split('.');
      const childLength = code.length === 3 ? 5 : code.length === 5 ? 7 : 0;
      if (childLength === 0) continue;
      const children = codes
        .map(([childId, childReading]) => ({ key: childId.slice(0, childId.indexOf('|')), reading: childReading }))
        .filter((child) => {
          const [childDimension = '', childCode = ''] = child.key.split('.');
          return childDimension === dimension && childCode.length === childLength && childCode.startsWith(code);
        });
      if (children.length === 0) continue;
      const finding = footing(sheet, { key, reading }, children, unit);
      if (finding) found.push(asCodeRows(finding));
    }
    found.push(...codeRowsAgainstTotal(sheet, codes, readings, scope, unit));
  }
  return found;
}

function asCodeRows(finding: AuditFinding): AuditFinding {
  return finding.ruleId === 'audit.partsDoNotAdd' ? { ...finding, ruleId: 'audit.codeRowsDoNotAdd', messageKey: 'audit:codeRowsDoNotAdd' } : finding;
}

/** "Sheet!F12" → column "F", row 12. */
function cellParts(cell: string): { column: string; row: number } | null {
  const match = /!([A-Z]+)(\d+)$/.exec(cell);
  return match ? { column: match[1] ?? '', row: Number(match[2]) } : null;
}

/**
 * A table that prints only some levels of 功能分类 codes (Henan prints 项 rows alone) still adds up: the
 * outermost printed code rows of a column sum to the total row printed above them in that column (合计).
 */
function codeRowsAgainstTotal(sheet: SheetResult, codes: [string, Reading][], readings: Map<string, Reading>, scope: string, unit: MoneyUnit): AuditFinding[] {
  const found: AuditFinding[] = [];
  const byColumn = new Map<string, { key: string; reading: Reading; row: number }[]>();
  for (const [id, reading] of codes) {
    if (reading.cells.length !== 1) continue;
    const at = cellParts(reading.cells[0] ?? '');
    if (!at) continue;
    const key = id.slice(0, id.indexOf('|'));
    const list = byColumn.get(at.column) ?? [];
    list.push({ key, reading, row: at.row });
    byColumn.set(at.column, list);
  }
  for (const [column, rows] of byColumn) {
    // Only 功能分类 columns: an economic table may print some classes in rows the recognizer does not read as codes.
    if (rows.some((row) => !row.key.startsWith('function.'))) continue;
    const outermost = rows.filter((row) => {
      const [dimension = '', code = ''] = row.key.split('.');
      return !rows.some((other) => {
        const [otherDimension = '', otherCode = ''] = other.key.split('.');
        return otherDimension === dimension && otherCode.length < code.length && code.startsWith(otherCode);
      });
    });
    const firstRow = Math.min(...rows.map((row) => row.row));
    // The nearest single-cell non-code reading above the code rows in the same column: the table's total row.
    let total: { key: string; reading: Reading; row: number } | undefined;
    for (const [id, reading] of readings) {
      if (!id.endsWith(`|${scope}`) || /^(function|deptEcon|govEcon)\./.test(id) || reading.cells.length !== 1) continue;
      const at = cellParts(reading.cells[0] ?? '');
      if (!at || at.column !== column || at.row >= firstRow) continue;
      if (!total || at.row < total.row) total = { key: id.slice(0, id.indexOf('|')), reading, row: at.row };
    }
    if (!total) continue;
    const finding = footing(sheet, total, outermost, unit);
    if (finding) found.push(asCodeRows(finding));
  }
  return found;
}

/** A figure read in two tables with two values (like scope with like: a table without carry-over differs by design). */
function disagreements(sheets: SheetResult[], unit: MoneyUnit): AuditFinding[] {
  const first = new Map<string, { sheet: string; reading: Reading }>();
  const reported = new Set<string>();
  const found: AuditFinding[] = [];
  for (const sheet of sheets) {
    for (const [id, reading] of readingsOf(sheet)) {
      const seen = first.get(id);
      if (!seen) {
        first.set(id, { sheet: sheet.sheet, reading });
        continue;
      }
      if (seen.reading.fen === reading.fen || seen.sheet === sheet.sheet || reported.has(`${id}|${reading.fen}`)) continue;
      reported.add(`${id}|${reading.fen}`);
      found.push({
        ruleId: 'audit.tablesDisagree',
        severity: 'error',
        messageKey: 'audit:tablesDisagree',
        params: {
          figureKey: id.slice(0, id.indexOf('|')),
          sheet: seen.sheet,
          cell: addresses(seen.reading.cells),
          value: money(seen.reading.fen, unit),
          otherSheet: sheet.sheet,
          otherCell: addresses(reading.cells),
          otherValue: money(reading.fen, unit),
          moneyUnit: unit,
        },
        cells: [...seen.reading.cells, ...reading.cells],
      });
    }
  }
  return found;
}

function emptyTables(sheets: SheetResult[], grids: readonly SheetGrid[]): AuditFinding[] {
  const found: AuditFinding[] = [];
  for (const sheet of sheets) {
    // Only money tables (they state their unit): a table of staff or units has no amounts to miss.
    if (sheet.status !== 'recognized' || !sheet.unitStated) continue;
    const grid = grids.find((candidate) => candidate.name === sheet.sheet);
    if (!grid) continue;
    // Empty: no cell holds a number other than zero (the recognizer reads no figures from some tables).
    const hasAmount = grid.rows.some((row) => row.some((text) => NUMBER.test(text.trim()) && Number(text.trim().replaceAll(',', '')) !== 0));
    if (hasAmount) continue;
    // The reason may be on the table or in the package's 目录 (Shaanxi: 是否空表 是, 公开空表理由 不涉及).
    const title = sheet.title.trim() || sheet.sheet;
    const says =
      grid.rows.some((row) => row.some((text) => EMPTY_NOTE.test(text))) ||
      grids.some((other) =>
        other.rows.some((row) => row.some((text) => text.trim() === title) && row.some((text) => text.trim() === '是' || (text.trim() !== title && EMPTY_NOTE.test(text)))),
      );
    if (!says) found.push({ ruleId: 'audit.emptyTableWithoutNote', severity: 'warning', messageKey: 'audit:emptyTableWithoutNote', params: { sheet: sheet.sheet, title: sheet.title }, cells: [`${sheet.sheet}!A1`] });
  }
  return found;
}

/** Lints of the narrative's text, line by line, as check's text rules do for clerk-written text. */
export function auditText(text: string, year: number | null): AuditFinding[] {
  const found: AuditFinding[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const lints = lintText(line);
    const at = [`text:${index + 1}`];
    for (const quote of lints.placeholders) found.push({ ruleId: 'audit.textPlaceholder', severity: 'warning', messageKey: 'audit:textPlaceholder', params: { line: index + 1, quote }, cells: at });
    for (const quote of lints.repeats) found.push({ ruleId: 'audit.textRepeatedPhrase', severity: 'warning', messageKey: 'audit:textRepeatedPhrase', params: { line: index + 1, quote }, cells: at });
    if (year !== null) {
      for (const named of lints.budgetYears.filter((candidate) => candidate.year !== year)) {
        found.push({ ruleId: 'audit.textBudgetYear', severity: 'warning', messageKey: 'audit:textBudgetYear', params: { line: index + 1, quote: named.quote, written: named.year, year }, cells: at });
      }
    }
  });
  return found;
}

/** Amounts the narrative writes in 元 that are a table's figure in 万元 ("476.38 元" where 476.38万元 is printed). */
export function auditTextUnits(text: string, recognition: ExcelRecognition): AuditFinding[] {
  const wanFigures = new Map<string, string>();
  for (const figure of recognition.figures) {
    if (figure.fen >= FEN_PER.wan) wanFigures.set(formatMoney(figure.fen, 'wan', { separators: false }), figure.cells.join('+'));
  }
  const found: AuditFinding[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(/(?<![\d.,])(\d[\d,]*\.\d{2})\s*元(?![/／每])/g)) {
      const number = (match[1] ?? '').replaceAll(',', '');
      const cell = wanFigures.get(number);
      if (cell) found.push({ ruleId: 'audit.textYuanForWan', severity: 'warning', messageKey: 'audit:textYuanForWan', params: { line: index + 1, quote: match[0], cell }, cells: [`text:${index + 1}`, cell] });
    }
  });
  return found;
}

export interface AuditReport {
  recognized: number;
  findings: AuditFinding[];
}

export function auditPackage(recognition: ExcelRecognition, grids: readonly SheetGrid[]): AuditReport {
  const sheets = recognition.sheets.filter((sheet) => sheet.status === 'recognized');
  const unit: MoneyUnit = sheets[0]?.unit ?? 'wan';
  const findings = [...disagreements(sheets, unit), ...sheets.flatMap((sheet) => sheetFootings(sheet, sheet.unit ?? unit)), ...emptyTables(sheets, grids)];
  return { recognized: sheets.length, findings };
}
