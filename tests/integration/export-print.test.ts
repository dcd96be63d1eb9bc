import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '../../src/core/templates';
import { ChromiumPdfPrinter, disclosurePackage, exportPdf, readNamedDestinations, type PdfResult } from '../../src/main/services/export';
import { documentTitle } from '../../src/main/services/export/pdf';
import { loadSeedWorkbook, SEED_IDS, type SeedId } from '../support/seeds';

/**
 * How the PDF prints, read back from real PDFs with poppler: its document properties (pdfinfo),
 * its pagination (pdftotext page by page) and its fonts (pdffonts).
 */
let root: string;
let printer: ChromiumPdfPrinter;
const printed = new Map<SeedId, { path: string; result: PdfResult }>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-print-'));
  printer = await ChromiumPdfPrinter.launch();
  for (const seed of SEED_IDS) {
    const path = join(root, `${seed}.pdf`);
    printed.set(seed, { path, result: await exportPdf(loadSeedWorkbook(seed), findTemplate(seed)!, path, { printer, date: '2026-01-01' }) });
  }
}, 120_000);

afterAll(async () => {
  await printer?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const info = (path: string) =>
  Object.fromEntries(
    execFileSync('pdfinfo', [path], { encoding: 'utf8' })
      .split('\n')
      .flatMap((line) => {
        const match = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
        return match ? [[match[1]!, match[2]!.trim()]] : [];
      }),
  ) as Record<string, string>;

describe.each(SEED_IDS)('%s document properties', (seed) => {
  it('name the package and Budget Desk, not the browser that laid it out', () => {
    const { path } = printed.get(seed)!;
    const properties = info(path);
    const pkg = disclosurePackage(loadSeedWorkbook(seed), findTemplate(seed)!, { date: '2026-01-01' });
    expect(properties.Title).toBe(documentTitle(pkg));
    expect(properties.Title).toContain(pkg.departmentName);
    for (const key of ['Author', 'Creator', 'Producer']) {
      expect(properties[key], key).toContain('Budget Desk');
      expect(properties[key], key).toContain('部门预算编制助手');
      expect(properties[key], key).not.toMatch(/Chrom|Skia|Mozilla/);
    }
    expect(properties.CreationDate).toMatch(/\d{4}/);
  });

  it('keep every page and named destination after the update', () => {
    const { path, result } = printed.get(seed)!;
    expect(Number(info(path).Pages)).toBe(result.pageCount);
    const destinations = readNamedDestinations(readFileSync(path));
    expect(destinations.pageCount).toBe(result.pageCount);
    for (const [id, page] of Object.entries(result.contentsPages)) expect(destinations.pages.get(id), id).toBe(page);
    // poppler reads the file without complaint (a broken cross-reference section is reported on stderr).
    for (const tool of ['pdfinfo', 'pdftotext']) {
      const run = spawnSync(tool, [path, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(run.status, tool).toBe(0);
      expect(run.stderr, tool).toBe('');
    }
  });
});
