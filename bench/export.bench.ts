import '../src/main/runtime/require-script-node';
/**
 * Export benchmark (prints JSON): time to write the province's xlsx and the PDF package for the Henan
 * seed and for a generated 50,000-line workbook (100 units × 500 lines, 1,000 projects), and in the
 * same run the peer — LibreOffice converting our own xlsx to PDF (what a clerk does today with an
 * office suite). LibreOffice's first start (profile creation) is excluded; Chromium is launched once.
 * The peer's PDF holds the tables only, ours adds cover, contents (two layout passes) and narrative,
 * so the ratio is conservative. Run: npm exec -- tsx bench/export.bench.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Workbook } from '../src/core/model';
import { findTemplate } from '../src/core/templates';
import { ChromiumPdfPrinter, exportPdf, exportXlsx } from '../src/main/services/export';
import { loadSeedWorkbook } from '../tests/support/seeds';
import { generateWorkbook } from './generate';

const round = (value: number) => Math.round(value);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed<T>(action: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await action();
  return [performance.now() - start, result];
}

const work = mkdtempSync(join(tmpdir(), 'budget-desk-export-bench-'));
const profile = `-env:UserInstallation=file://${join(work, 'lo-profile')}`;
const soffice = spawnSync('which', ['soffice'], { encoding: 'utf8' }).stdout.trim() || null;

function libreOfficeToPdf(xlsx: string): number {
  if (!soffice) return Number.NaN;
  const start = performance.now();
  execFileSync(soffice, [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(work, 'lo'), xlsx], { stdio: 'ignore' });
  return performance.now() - start;
}

function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1] ?? Number.NaN);
}

async function measure(name: string, workbook: Workbook, runs: number, printer: ChromiumPdfPrinter) {
  const template = findTemplate('henan-2024')!;
  const xlsx = join(work, `${name}.xlsx`);
  const pdf = join(work, `${name}.pdf`);
  const xlsxTimes: number[] = [];
  const pdfTimes: number[] = [];
  let passes = 0;
  for (let run = 0; run < runs; run += 1) {
    xlsxTimes.push((await timed(() => exportXlsx(workbook, template, xlsx)))[0]);
    const [time, result] = await timed(() => exportPdf(workbook, template, pdf, { printer, date: '2025-01-01' }));
    pdfTimes.push(time);
    passes = result.passes;
  }
  const peerTimes = Array.from({ length: runs }, () => libreOfficeToPdf(xlsx));
  const ours = median(pdfTimes);
  const peer = median(peerTimes);
  return {
    budgetLines: workbook.budgetLines.length,
    projects: workbook.projects.length,
    runs,
    xlsxMs: round(median(xlsxTimes)),
    pdfMs: round(ours),
    pdfPages: pdfPages(pdf),
    pdfLayoutPasses: passes,
    peer: soffice ? { libreOfficeXlsxToPdfMs: round(peer), libreOfficePages: pdfPages(join(work, 'lo', `${name}.pdf`)) } : 'libreoffice not installed',
    ratioPeerToOurPdf: soffice ? Math.round((peer / ours) * 100) / 100 : null,
  };
}

const started = performance.now();
const printer = await ChromiumPdfPrinter.launch();
try {
  const henan = loadSeedWorkbook('henan-2024');
  // Warm-up: LibreOffice's first start creates its profile; Chromium's first page loads its fonts.
  await exportXlsx(henan, findTemplate('henan-2024')!, join(work, 'warm.xlsx'));
  libreOfficeToPdf(join(work, 'warm.xlsx'));
  const result = {
    henan: await measure('henan', henan, 3, printer),
    generated: await measure('generated', generateWorkbook({ units: 100, linesPerUnit: 500, projects: 1000 }), 1, printer),
    totalSeconds: 0,
  };
  result.totalSeconds = Math.round((performance.now() - started) / 1000);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await printer.close();
  rmSync(work, { recursive: true, force: true });
}
