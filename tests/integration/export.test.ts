import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisclosurePackage, cellNumber, packageNarrative, packageOutline, placeHeader, type ReportTable } from '../../src/core/report';
import { generateNarrative } from '../../src/core/narrative';
import { findTemplate } from '../../src/core/templates';
import { ChromiumPdfPrinter, exportPdf, exportXlsx, reportTables, type PdfResult, type SheetPlacement } from '../../src/main/services/export';
import { loadPublishedTables, loadSeedWorkbook, SEED_IDS, type SeedId } from '../support/seeds';

/**
 * The province's Excel workbook and the PDF package for every seed whose template is registered:
 * the xlsx read back holds every number in the right cell (numbers as numbers, codes as text),
 * LibreOffice opens it, and the PDF has every heading and table title in its text, real embedded
 * fonts only, and contents page numbers that agree with the pages poppler finds.
 */
const seeds = SEED_IDS.filter((seed) => findTemplate(seed) !== undefined);
const MONEY_TEXT = /^-?[\d,]+(\.\d+)?$/;

let root: string;
let printer: ChromiumPdfPrinter;
const written = new Map<SeedId, { xlsx: string; pdf: string; sheets: SheetPlacement[]; pdfResult: PdfResult; tables: ReportTable[] }>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-export-'));
  printer = await ChromiumPdfPrinter.launch();
  for (const seed of seeds) {
    const workbook = loadSeedWorkbook(seed);
    const template = findTemplate(seed)!;
    const xlsxPath = join(root, `${seed}.xlsx`);
    const pdfPath = join(root, `${seed}.pdf`);
    const xlsx = await exportXlsx(workbook, template, xlsxPath);
    const pdf = await exportPdf(workbook, template, pdfPath, { printer, date: '2024-06-01' });
    written.set(seed, { xlsx: xlsxPath, pdf: pdfPath, sheets: xlsx.sheets, pdfResult: pdf, tables: reportTables(workbook, template) });
  }
}, 60_000);

afterAll(async () => {
  await printer?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Sentences of each seed's published narrative, with figures, that our package must print as they are. */
const KEY_SENTENCES: Record<SeedId, string[]> = {
  // The seed says "…医疗保障局部门"; the package prints the department's name alone (narrative-seeds.test.ts).
  'henan-2024': [
    '济源产城融合示范区医疗保障局2024年收入总计6465.30万元，支出总计6465.30万元，与2023年相比，收、支总计各减少379.10万元，下降5.54%',
    '其中：基本支出3323.60万元，占51.41%；项目支出3141.70万元，占48.59%。',
    '人员经费支出3193.10万元，占96.07%；公用经费支出130.50万元，占3.93%。',
    '2024年“三公”经费预算数比2023年减少0.90万元，下降21.95%。',
  ],
  'hebei-2024': [
    '2024年预算收入1890.26万元，其中：一般公共预算收入1539.63万元，基金预算收入0.00万元，国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，上年结转结余350.63万元。',
    '2024年支出预算1890.26万元，其中基本支出987.63万元，包括人员经费861.65万元和日常公用经费125.98万元；项目支出902.63万元',
  ],
  // The seed prints "预算支出 476.38 元" where 万元 is meant; the package prints the right unit.
  'shaanxi-2024': ['本部门当年预算收入476.38万元，其中一般公共预算拨款收入476.38万元、政府性基金拨款收入0万元，较上年增加32.02万元', '本部门当年预算支出476.38万元'],
};

function normalize(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('export covers the registered templates', () => {
  it('includes Henan, so the loops below cannot pass vacuously', () => {
    expect(seeds).toContain('henan-2024');
    expect(written.size).toBe(seeds.length);
  });
});

describe.each(seeds)('%s xlsx', (seed) => {
  const read = async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(written.get(seed)!.xlsx);
    return book;
  };

  it('has one sheet per table in the template’s order, with valid unique names', async () => {
    const book = await read();
    const { sheets, tables } = written.get(seed)!;
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(sheets.map((sheet) => sheet.name));
    expect(sheets.map((sheet) => sheet.tableId)).toEqual(tables.map(({ table }) => table.id));
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(Array.from(name).length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[\\/?*[\]:]/);
    }
  });

  it('holds every evaluated cell: amounts as exact numbers, codes and names as text, blanks blank', async () => {
    const book = await read();
    const { sheets, tables } = written.get(seed)!;
    tables.forEach(({ table, money }, index) => {
      const placement = sheets[index]!;
      const sheet = book.getWorksheet(placement.name)!;
      expect(sheet.getCell(placement.titleRow, 1).value).toBe(table.title);
      table.rows.forEach((row, rowIndex) => {
        row.cells.forEach((cell, column) => {
          const target = sheet.getCell(placement.bodyStartRow + rowIndex, column + 1);
          const value = target.value;
          const where = `${table.id} row ${rowIndex} col ${column} "${cell.text}"`;
          // A cell a merge covers is part of the merged cell (exceljs reads it as the merged cell's value).
          if (cell.covered) return void expect(target.isMerged, where).toBe(true);
          const number = cellNumber(cell, money);
          if (number) {
            expect(typeof value, where).toBe('number');
            expect(value, where).toBe(number.value);
          } else if (cell.text === '') {
            expect(value ?? null, where).toBeNull();
          } else {
            expect(value, where).toBe(cell.text);
          }
        });
      });
      for (const [offset, note] of table.notes.entries()) {
        expect(sheet.getCell(placement.bodyStartRow + table.rows.length + offset, 1).value).toBe(note);
      }
    });
  });

  it('holds every published number of tables.json in its cell, and codes as text with their leading zeros', async () => {
    const book = await read();
    const { sheets, tables } = written.get(seed)!;
    const published = loadPublishedTables(seed);
    let numbers = 0;
    let codes = 0;
    const skipped: string[] = [];
    for (const expected of published) {
      const index = tables.findIndex(({ table }) => table.id === expected.id);
      expect(index, expected.id).toBeGreaterThanOrEqual(0);
      const { table } = tables[index]!;
      const placement = sheets[index]!;
      const sheet = book.getWorksheet(placement.name)!;
      // Rows the model cannot hold (see the seed's README) shift a table; the template tests cover those.
      if (expected.rows.length !== table.rows.length) {
        skipped.push(`${expected.id}: ${expected.rows.length} published rows, ${table.rows.length} evaluated`);
        continue;
      }
      expected.rows.forEach((row, rowIndex) => {
        row.forEach((text, column) => {
          const ours = table.rows[rowIndex]?.cells[column];
          if (!ours || ours.text !== text) {
            if (MONEY_TEXT.test(text)) skipped.push(`${expected.id} ${rowIndex}:${column} published "${text}", evaluated "${ours?.text}"`);
            return;
          }
          const value = sheet.getCell(placement.bodyStartRow + rowIndex, column + 1).value;
          const where = `${expected.id} row ${rowIndex} col ${column} "${text}"`;
          if (ours.fen !== undefined && MONEY_TEXT.test(text)) {
            expect(value, where).toBe(Number(text.replace(/,/g, '')));
            numbers += 1;
          } else if (/^\d+$/.test(text)) {
            expect(value, where).toBe(text);
            codes += 1;
          }
        });
      });
    }
    expect(numbers).toBeGreaterThan(50);
    expect(codes).toBeGreaterThan(0);
    if (seed === 'henan-2024') expect(skipped).toEqual([]);
  });

  it('writes the merged header, number formats and the print set-up', async () => {
    const book = await read();
    const { sheets, tables } = written.get(seed)!;
    const template = findTemplate(seed)!;
    const grouped = template.money.separators ? '#,##0.00' : '0.00';
    tables.forEach(({ table, money }, index) => {
      const placement = sheets[index]!;
      const sheet = book.getWorksheet(placement.name)!;
      if (placement.headerRows) {
        const [first, last] = placement.headerRows;
        expect(last - first + 1).toBe(table.header.length);
        for (const cell of placeHeader(table.header, table.columnCount)) {
          const target = sheet.getCell(first + cell.row, cell.column + 1);
          expect(target.value ?? '').toBe(cell.text);
          if (cell.rowSpan > 1 || cell.colSpan > 1) {
            const corner = sheet.getCell(first + cell.row + cell.rowSpan - 1, cell.column + cell.colSpan);
            expect(corner.isMerged).toBe(true);
            expect(corner.master.address).toBe(target.address);
          }
        }
        expect(sheet.pageSetup.printTitlesRow).toBe(`${first}:${last}`);
      }
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.orientation).toBe(placement.orientation);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.headerFooter.oddFooter).toContain('&P');
      expect(sheet.headerFooter.oddFooter).toContain('&N');
      if (!money.trimZeros && money.plainBelow === undefined && money.separators === template.money.separators) {
        const numeric = table.rows.flatMap((row, rowIndex) =>
          row.cells.flatMap((cell, column) => (cellNumber(cell, money) ? [sheet.getCell(placement.bodyStartRow + rowIndex, column + 1)] : [])),
        );
        for (const cell of numeric) expect(cell.numFmt).toMatch(new RegExp(`^${grouped.replace(/[.#]/g, '\\$&')}`));
      }
    });
  });
});

describe('LibreOffice opens our xlsx', () => {
  it('converts every exported workbook to PDF without error', () => {
    const soffice = ['libreoffice', 'soffice'].map((name) => spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim()).find((path) => path !== '');
    if (!soffice) {
      throw new Error('LibreOffice is not installed: install the Debian package libreoffice-calc (apt-get install -y libreoffice-calc) and add it to .ci/run');
    }
    const outDir = join(root, 'libreoffice');
    mkdirSync(outDir, { recursive: true });
    const files = seeds.map((seed) => written.get(seed)!.xlsx);
    const result = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${join(root, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 50_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/Error:/);
    for (const seed of seeds) {
      const pdf = join(outDir, `${basename(written.get(seed)!.xlsx, '.xlsx')}.pdf`);
      expect(existsSync(pdf), pdf).toBe(true);
      const text = normalize(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
      const first = written.get(seed)!.tables.find(({ table }) => table.title !== '')!.table.title;
      expect(text).toContain(normalize(first));
    }
  }, 55_000);
});

describe.each(seeds)('%s PDF package', (seed) => {
  // Page footers ("- 7 -") fall inside paragraphs that cross a page; leave them out of the text.
  const pdfText = () => normalize(execFileSync('pdftotext', [written.get(seed)!.pdf, '-'], { encoding: 'utf8' }).replace(/^\s*-\s*\d+\s*-\s*$/gm, ''));

  it('contains every table title and every section heading', () => {
    const text = pdfText();
    const workbook = loadSeedWorkbook(seed);
    const { tables } = written.get(seed)!;
    const pkg = buildDisclosurePackage({ workbook, template: findTemplate(seed)!, tables, narrative: packageNarrative(workbook, findTemplate(seed)!) });
    for (const { table } of tables) if (table.title) expect(text, table.id).toContain(normalize(table.title));
    for (const entry of packageOutline(pkg)) expect(text, entry.id).toContain(normalize(entry.label));
  });

  it('holds the generated 情况说明, every paragraph of it', () => {
    const text = pdfText();
    const narrative = generateNarrative(loadSeedWorkbook(seed), seed);
    const paragraphs = narrative.sections.flatMap((section) => section.paragraphs);
    expect(paragraphs.length).toBeGreaterThan(5);
    for (const paragraph of paragraphs) expect(text).toContain(normalize(paragraph));
  });

  it('reads the seed’s key narrative sentences with the seed’s figures', () => {
    const text = pdfText();
    for (const sentence of KEY_SENTENCES[seed]) expect(text).toContain(normalize(sentence));
  });

  it('embeds every font and uses no Type 3 font', () => {
    const lines = execFileSync('pdffonts', [written.get(seed)!.pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toMatch(/Type 3/);
      // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object id, generation.
      const [emb] = line.trim().split(/\s+/).slice(-5);
      expect(emb, line).toBe('yes');
    }
    expect(lines.some((line) => line.includes('NotoSansSC'))).toBe(true);
    expect(lines.some((line) => line.includes('NotoSerifSC'))).toBe(true);
  });

  it('numbers the contents with the pages poppler finds for each heading', () => {
    const { pdf, pdfResult } = written.get(seed)!;
    const dests = new Map(
      execFileSync('pdfinfo', ['-dests', pdf], { encoding: 'utf8' })
        .split('\n')
        .flatMap((line) => {
          const match = /^\s*(\d+)\s+\[.*\]\s+"([^"]+)"\s*$/.exec(line);
          return match ? [[match[2]!, Number(match[1])] as const] : [];
        }),
    );
    expect(Object.keys(pdfResult.contentsPages).length).toBeGreaterThan(5);
    for (const [id, page] of Object.entries(pdfResult.contentsPages)) expect(dests.get(id), id).toBe(page);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pdfResult.pageCount).toBe(pages);
    // The contents pages print those numbers: "一、部门收支预算表 ………… 8". They follow the cover (where there is one)
    // and end before the first page a contents line points to.
    const workbook = loadSeedWorkbook(seed);
    const pkg = buildDisclosurePackage({ workbook, template: findTemplate(seed)!, tables: written.get(seed)!.tables, narrative: packageNarrative(workbook, findTemplate(seed)!) });
    const firstContentsPage = pkg.cover.lines.length > 0 ? '2' : '1';
    const lastContentsPage = String(Math.min(...Object.values(pdfResult.contentsPages)) - 1);
    const printed: [string, number][] = [];
    let pending = '';
    for (const line of execFileSync('pdftotext', ['-layout', '-f', firstContentsPage, '-l', lastContentsPage, pdf, '-'], { encoding: 'utf8' }).split('\n')) {
      const match = /^\s*(.*?)\s+(\d+)\s*$/.exec(line);
      if (match) {
        printed.push([normalize(pending + match[1]!), Number(match[2])]);
        pending = '';
      } else if (line.trim() !== '' && normalize(line) !== normalize(pkg.contents!.title) && !/^\f?\s*-\s*\d+\s*-\s*$/.test(line)) pending += line;
    }
    expect(printed).toEqual(packageOutline(pkg).map((entry) => [normalize(entry.label), pdfResult.contentsPages[entry.id]]));
  });

  it('repeats a long table’s header rows on its continued pages', () => {
    const { pdf, pdfResult, tables } = written.get(seed)!;
    // Where each table starts: the contents say for the tables they list; the others are found by the page they open.
    const pageTexts = Array.from({ length: pdfResult.pageCount }, (_, page) =>
      normalize(execFileSync('pdftotext', ['-f', String(page + 1), '-l', String(page + 1), pdf, '-'], { encoding: 'utf8' })),
    );
    const starts: number[] = [];
    tables.forEach(({ table }, index) => {
      // After the contents, and after the table before it (copies of a per-project table share their title).
      const after = starts[index - 1] ?? Math.min(...Object.values(pdfResult.contentsPages)) - 1;
      // A table on a page of its own opens the page: its label ("表4"), then its title.
      const opens = (text: string) => table.title !== '' && text.replace(/^表\d+/, '').startsWith(normalize(table.title));
      const found = pdfResult.contentsPages[`table-${index + 1}`] ?? pageTexts.findIndex((text, page) => page + 1 > after && opens(text)) + 1;
      starts.push(found > 0 ? found : after);
    });
    // Tables on pages of their own (those of `tables` sections; the others print inside the text).
    const workbook = loadSeedWorkbook(seed);
    const pkg = buildDisclosurePackage({ workbook, template: findTemplate(seed)!, tables, narrative: packageNarrative(workbook, findTemplate(seed)!) });
    const ownPage = new Set(pkg.sections.flatMap((section) => (section.kind === 'tables' ? section.tables.map(({ anchor }) => anchor) : [])));
    const paged = (index: number) => index >= tables.length || ownPage.has(`table-${index + 1}`);
    const spanning = starts.findIndex((start, index) => paged(index) && paged(index + 1) && (starts[index + 1] ?? pdfResult.pageCount + 1) - start > 1);
    if (spanning < 0) return;
    const { table } = tables[spanning]!;
    const firstHeader = table.header[0]?.[0]?.text;
    if (!firstHeader) return;
    const page = String(starts[spanning]! + 1);
    const continued = normalize(execFileSync('pdftotext', ['-f', page, '-l', page, pdf, '-'], { encoding: 'utf8' }));
    // The page opens with the header (before any body row), and the title is not repeated.
    const leaves = placeHeader(table.header, table.columnCount).filter((cell) => cell.row + cell.rowSpan === table.header.length && cell.text);
    const headerEnd = Math.max(...leaves.map((cell) => continued.indexOf(normalize(cell.text))));
    expect(continued.indexOf(normalize(firstHeader))).toBeGreaterThanOrEqual(0);
    expect(headerEnd).toBeGreaterThanOrEqual(0);
    expect(headerEnd).toBeLessThan(normalize(table.header.flat().map((cell) => cell.text).join('')).length + 40);
    expect(continued).not.toContain(normalize(table.title));
  });
});
