import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../src/core/prior/grid';
import { placeHeader } from '../../src/core/report';
import type { BodyPart, CellSpec, TableSpec, TemplateSpec } from '../../src/core/tables/spec';
import { builtinLookup, loadTemplate } from '../../src/core/templates';
import type { Workbook } from '../../src/core/model';
import { buildXlsx, reportTables } from '../../src/main/services/export';
import { readPublishedGrids } from '../../src/main/services/templates/learn-read';
import type { PublishedTable } from '../support/seeds';

/** Packages for the learning tests: a seed exported with a perturbed template, a seed's published tables typed into Excel. */

export function resolveVariant(base: string, changes: Record<string, unknown>): TemplateSpec {
  const result = loadTemplate({ format: 'budget-desk-template', formatVersion: 1, id: `${base}-perturbed`, version: 1, name: 'perturbed', extends: base, ...changes }, builtinLookup);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  return result.template;
}

/** The package as the export service writes it (buildXlsx over the evaluated tables). */
export async function exportedPackage(workbook: Workbook, template: TemplateSpec): Promise<Uint8Array> {
  return (await buildXlsx(reportTables(workbook, template), {})).bytes;
}

/**
 * A table with two of its columns swapped (a variant cannot reorder columns, so the perturbed table is given whole):
 * header texts, every row list's cells and the sums that name them.
 */
export function swapColumns(table: TableSpec, a: string, b: string): TableSpec {
  const ia = table.columns.indexOf(a);
  const ib = table.columns.indexOf(b);
  if (ia < 0 || ib < 0) throw new Error(`no column ${a} or ${b} in ${table.id}`);
  const swap = (index: number) => (index === ia ? ib : index === ib ? ia : index);
  // Each header row's own cells over the two columns trade texts (headings and 栏次 numbers alike).
  const placed = placeHeader(table.header, table.columnCount);
  const own = (row: number, column: number) => placed.find((cell) => cell.row === row && cell.column === column && cell.colSpan === 1);
  const swapped = new Map<(typeof placed)[number], string>();
  for (let row = 0; row < table.header.length; row += 1) {
    const ca = own(row, ia);
    const cb = own(row, ib);
    if (ca && cb && ca.rowSpan === cb.rowSpan) {
      swapped.set(ca, cb.text);
      swapped.set(cb, ca.text);
    } else if (ca || cb) throw new Error('the two columns do not have like header cells');
  }
  const header = table.header.map((row, r) => {
    const inRow = placed.filter((cell) => cell.row === r);
    return row.map((cell, k) => {
      const at = inRow[k];
      const text = at ? swapped.get(at) : undefined;
      return text === undefined ? cell : { ...cell, text };
    });
  });
  const remap = (list: (number | string)[], offset: number) => list.map((index) => (typeof index === 'number' ? swap(index + offset) - offset : index));
  const mapCells = (cells: CellSpec[], offset: number): CellSpec[] => {
    const padded = [...cells];
    while (padded.length < table.columnCount - offset) padded.push('');
    return padded
      .map((_, index) => padded[swap(index + offset) - offset] ?? '')
      .map((cell) => (typeof cell === 'object' && 'sum' in cell ? { ...cell, sum: remap(cell.sum, offset) as number[], ...(cell.minus ? { minus: remap(cell.minus, offset) as number[] } : {}) } : cell));
  };
  const visit = (part: BodyPart, offset: number): BodyPart => {
    if (part.kind === 'numbered') return { ...part, parts: part.parts.map((inner) => visit(inner, offset + 1)) };
    if (part.kind === 'rows') return { ...part, cells: Object.fromEntries(Object.entries(part.cells).map(([style, list]) => [style, list && list.length > 0 ? mapCells(list, offset) : list])) as typeof part.cells };
    if ('cells' in part && Array.isArray(part.cells)) return { ...part, cells: mapCells(part.cells, offset) } as BodyPart;
    throw new Error(`cannot swap columns of ${part.kind}`);
  };
  return { ...table, columns: table.columns.map((_, index) => table.columns[swap(index)] as string), header, body: table.body.map((part) => visit(part, 0)) };
}

/** Merged header cells as a published layout implies them: a heading over the blanks right of it with headings below, and the blanks below it. */
function headerMerges(header: string[][]): [number, number, number, number][] {
  const merges: [number, number, number, number][] = [];
  const taken = new Set<string>();
  header.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === '' || taken.has(`${r}:${c}`)) return;
      let right = c;
      while (right + 1 < row.length && row[right + 1] === '' && !taken.has(`${r}:${right + 1}`) && header.slice(r + 1).some((below) => (below[right + 1] ?? '') !== '')) right += 1;
      let bottom = r;
      while (bottom + 1 < header.length && Array.from({ length: right - c + 1 }, (_, k) => header[bottom + 1]?.[c + k] ?? '').every((below) => below === '')) bottom += 1;
      for (let rr = r; rr <= bottom; rr += 1) for (let cc = c; cc <= right; cc += 1) taken.add(`${rr}:${cc}`);
      if (right > c || bottom > r) merges.push([r, c, bottom, right]);
    }),
  );
  return merges;
}

/**
 * A seed's published tables typed into Excel by a clerk: title merged over the table, each meta line on its own
 * row, the header with its merges, amounts as numbers in the number format they print with ("#,##0.00" or
 * "0.00"), everything else as text, the notes below. `together` puts the listed tables one below the other on
 * one sheet.
 */
export async function handMadePackage(tables: PublishedTable[], options: { together?: string[] } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const used = new Set<string>();
  let shared: { sheet: ExcelJS.Worksheet; row: number } | null = null;
  for (const table of tables) {
    const together = options.together?.includes(table.id) ?? false;
    let sheet: ExcelJS.Worksheet;
    let row = 1;
    if (together && shared) {
      sheet = shared.sheet;
      row = shared.row + 1;
    } else {
      let name = (table.number || table.title || table.id).slice(0, 28).replace(/[\\/?*[\]:]/g, '');
      for (let n = 2; used.has(name); n += 1) name = `${name.slice(0, 25)}(${n})`;
      used.add(name);
      sheet = book.addWorksheet(name);
    }
    const width = Math.max(1, table.header[0]?.length ?? 0, ...table.rows.map((cells) => cells.length));
    if (table.title) {
      sheet.getCell(row, 1).value = table.title;
      if (width > 1) sheet.mergeCells(row, 1, row, width);
      row += 1;
    }
    for (const line of table.meta) {
      sheet.getCell(row, 1).value = line;
      row += 1;
    }
    const top = row;
    table.header.forEach((cells, r) => cells.forEach((text, c) => text !== '' && (sheet.getCell(top + r, c + 1).value = text)));
    for (const [r, c, bottom, right] of headerMerges(table.header)) sheet.mergeCells(top + r, c + 1, top + bottom, right + 1);
    row += table.header.length;
    for (const cells of table.rows) {
      cells.forEach((text, c) => {
        if (text === '') return;
        const cell = sheet.getCell(row, c + 1);
        if (/^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$/.test(text)) {
          cell.value = Number(text.replace(/,/g, ''));
          cell.numFmt = text.includes(',') ? '#,##0.00' : `0.${'0'.repeat((text.split('.')[1] ?? '').length)}`;
        } else cell.value = text;
      });
      row += 1;
    }
    for (const note of table.notes) {
      sheet.getCell(row, 1).value = note;
      if (width > 1) sheet.mergeCells(row, 1, row, width);
      row += 1;
    }
    if (together) shared = { sheet, row };
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Every cell of two packages as displayed, compared sheet by sheet: the differences, "sheet!R:C a ≠ b". */
export async function differences(published: SheetGrid[], again: Uint8Array): Promise<string[]> {
  const other = await readPublishedGrids(again, 'again.xlsx');
  const out: string[] = [];
  if (other.length !== published.length) out.push(`${published.length} sheets ≠ ${other.length}`);
  published.forEach((sheet, index) => {
    const mine = other[index];
    if (!mine) return;
    for (let r = 0; r < Math.max(sheet.rows.length, mine.rows.length); r += 1) {
      const a = sheet.rows[r] ?? [];
      const b = mine.rows[r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c += 1) if ((a[c] ?? '') !== (b[c] ?? '')) out.push(`${sheet.name}!${r + 1}:${c + 1} ${JSON.stringify(a[c] ?? '')} ≠ ${JSON.stringify(b[c] ?? '')}`);
    }
  });
  return out;
}
