import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseMoney } from '../../src/core/money';
import type { Workbook } from '../../src/core/model';
import type { SheetGrid } from '../../src/core/prior/grid';
import { WorkbookStore } from '../../src/main/services/store';

/** Files for the prior-year tests: workbooks of a given year, hand-made Excel files, damaged ones. */

export function writeWorkbookFile(dir: string, name: string, workbook: Workbook): string {
  const path = join(dir, name);
  const store = WorkbookStore.create(path, { department: workbook.department, entryUnit: workbook.settings.entryUnit });
  try {
    store.replaceAll(workbook);
  } finally {
    store.close();
  }
  return path;
}

/** Everything that would show a file was touched: its bytes, its time and its neighbours (-wal, -shm, .lock, .bak). */
export function fileState(path: string) {
  return { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs, folder: readdirSync(dirname(path)).sort() };
}

/**
 * An .xlsx typed by hand from grids: merged cells as given, amounts as numbers (a clerk's sheet
 * holds numbers; `textAmounts` keeps every other amount as text, "1,234.00").
 */
export async function handMadeXlsx(grids: SheetGrid[], options: { textAmounts?: boolean } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = book.addWorksheet(grid.name);
    grid.rows.forEach((row, r) => {
      row.forEach((text, c) => {
        if (text === '') return;
        const amount = /^-?[\d,]+(\.\d+)?$/.test(text) && text.replace(/,/g, '').length > 2 ? parseMoney(text, 'yuan') : null;
        const asText = options.textAmounts && (r + c) % 2 === 0;
        sheet.getCell(r + 1, c + 1).value = amount?.ok && !asText ? Number(text.replace(/,/g, '')) : text;
      });
    });
    for (const merge of grid.merges) sheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

export function writeBytes(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * A minimal OLE compound file (version 3, 512-byte sectors) holding empty streams of the given
 * names: with "EncryptionInfo" and "EncryptedPackage" it is laid out as Excel saves a
 * password-protected workbook; with "Workbook" as an Excel 97–2003 .xls.
 */
export function compoundFile(streams: string[]): Uint8Array {
  const sector = 512;
  const bytes = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.writeUInt16LE(0x003e, 24);
  bytes.writeUInt16LE(0x0003, 26);
  bytes.writeUInt16LE(0xfffe, 28);
  bytes.writeUInt16LE(9, 30);
  bytes.writeUInt16LE(6, 32);
  bytes.writeUInt32LE(1, 44);
  bytes.writeUInt32LE(1, 48);
  bytes.writeUInt32LE(0x1000, 56);
  bytes.writeUInt32LE(END_OF_CHAIN, 60);
  bytes.writeUInt32LE(END_OF_CHAIN, 68);
  bytes.writeUInt32LE(0, 76);
  for (let index = 1; index < 109; index += 1) bytes.writeUInt32LE(FREE, 76 + index * 4);
  const fat = sector;
  for (let index = 0; index < 128; index += 1) bytes.writeUInt32LE(index === 0 ? FAT_SECTOR : index === 1 ? END_OF_CHAIN : FREE, fat + index * 4);
  const directory = sector * 2;
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = directory + index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(bytes, at);
    bytes.writeUInt16LE(encoded.length, at + 64);
    bytes[at + 66] = type;
    bytes[at + 67] = 1;
    bytes.writeUInt32LE(FREE, at + 68);
    bytes.writeUInt32LE(right, at + 72);
    bytes.writeUInt32LE(child, at + 76);
    bytes.writeUInt32LE(END_OF_CHAIN, at + 116);
  };
  entry(0, 'Root Entry', 5, streams.length > 0 ? 1 : FREE, FREE);
  streams.forEach((name, index) => entry(index + 1, name, 2, FREE, index + 1 < streams.length ? index + 2 : FREE));
  return new Uint8Array(bytes);
}
