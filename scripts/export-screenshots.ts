import '../src/main/runtime/require-script-node';
/**
 * Renders the Henan seed's PDF package to PNG pages for review: docs/screenshots/export-henan-NN.png
 * (60 dpi, greyscale). Run: npm exec -- tsx scripts/export-screenshots.ts
 * Needs /usr/bin/chromium (or BUDGET_DESK_CHROMIUM) and poppler's pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTemplate } from '../src/core/templates';
import { ChromiumPdfPrinter, exportPdf } from '../src/main/services/export';
import { loadSeedWorkbook } from '../tests/support/seeds';

const outDir = new URL('../docs/screenshots/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'budget-desk-screens-'));
const printer = await ChromiumPdfPrinter.launch();
try {
  const workbook = loadSeedWorkbook('henan-2024');
  const pdf = join(work, 'henan.pdf');
  const result = await exportPdf(workbook, findTemplate('henan-2024')!, pdf, { printer });
  for (const old of readdirSync(outDir).filter((name) => /^export-henan-\d+\.png$/.test(name))) rmSync(join(outDir, old));
  execFileSync('pdftoppm', ['-r', '60', '-gray', '-png', pdf, join(outDir, 'export-henan')]);
  const pages = readdirSync(outDir).filter((name) => name.startsWith('export-henan-'));
  process.stdout.write(`${JSON.stringify({ pages: result.pageCount, contents: result.contentsPages, files: pages.length, folder: outDir })}\n`);
} finally {
  await printer.close();
  rmSync(work, { recursive: true, force: true });
}
