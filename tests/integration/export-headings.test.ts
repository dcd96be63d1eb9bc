import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate } from '../../src/core/report';
import { findTemplate } from '../../src/core/templates';
import { ChromiumPdfPrinter, exportPdf, type PdfResult } from '../../src/main/services/export';
import { pdfHeadings, pdfLines, squeeze, type PdfLine } from '../support/pdf-headings';
import { loadSeedWorkbook, SEED_IDS, seedPath, type SeedId } from '../support/seeds';

/**
 * Each province's package in its published structure: the seed's headings (tests/fixtures/seeds/<seed>/headings.json,
 * transcribed once from the published text) against the headings of our PDF as pdftotext reads them — the same
 * sequence, each once, in the seed's order; the 目录 lists what the seed's 目录 lists; the cover prints the
 * template's lines and no date but the workbook's. Every difference is listed in the fixture with its reason.
 */
interface Entry {
  text: string;
  line: number | null;
  ours?: string;
  why?: string;
  note?: string;
  seedOnly?: boolean;
  oursOnly?: boolean;
}

interface Headings {
  source: string;
  cover: Entry[];
  contentsTitle: Entry;
  contents: Entry[];
  headings: Entry[];
}

const fixture = (seed: SeedId): Headings => JSON.parse(readFileSync(seedPath(seed, 'headings.json'), 'utf8'));
/** What our PDF must print for the fixture's entries: the seed's text, or ours where they differ for a stated reason. */
const expected = (entries: Entry[]) => entries.filter((entry) => !entry.seedOnly).map((entry) => squeeze(entry.ours ?? entry.text));

/** The export's date, never a 公开日期 of any seed: a cover showing it took the date from the clock. */
const EXPORT_DATE = '2026-01-01';
const DATE = /\d{4}年\d{1,2}月\d{1,2}日/g;

let root: string;
let printer: ChromiumPdfPrinter;
const printed = new Map<SeedId, { path: string; result: PdfResult; lines: PdfLine[] }>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-headings-'));
  printer = await ChromiumPdfPrinter.launch();
  for (const seed of SEED_IDS) {
    const path = join(root, `${seed}.pdf`);
    const result = await exportPdf(loadSeedWorkbook(seed), findTemplate(seed)!, path, { printer, date: EXPORT_DATE });
    printed.set(seed, { path, result, lines: pdfLines(path) });
  }
}, 120_000);

afterAll(async () => {
  await printer?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The first page after cover and contents: where the first contents line points. */
const bodyStart = (seed: SeedId) => Math.min(...Object.values(printed.get(seed)!.result.contentsPages));
const hasCover = (seed: SeedId) => fixture(seed).cover.length > 0;

describe('the fixtures', () => {
  it.each(SEED_IDS)('%s: every difference from the seed says why, and every seed line is where it says', (seed) => {
    const { cover, contentsTitle, contents, headings } = fixture(seed);
    // The published text, where the other seed tests read it (../shared/seeds).
    const source = readFileSync(resolve(process.cwd(), '..', 'shared', 'seeds', basename(fixture(seed).source)), 'utf8').split('\n');
    for (const entry of [...cover, contentsTitle, ...contents, ...headings]) {
      if (entry.ours !== undefined || entry.seedOnly || entry.oursOnly) expect(entry.why, entry.text).toBeTruthy();
      // The line holds the text (a heading the extraction wrapped starts there; a 目录 line may carry its page number).
      if (entry.line !== null && !entry.oursOnly) expect(squeeze(source[entry.line - 1] ?? '').replace(/^-/, ''), `${entry.text} at ${entry.line}`).toContain(squeeze(entry.text).slice(0, 6));
    }
  });
});

describe.each(SEED_IDS)('%s package', (seed) => {
  it('prints the seed’s headings once each, in the seed’s order', () => {
    const { lines } = printed.get(seed)!;
    const ours = pdfHeadings(lines, bodyStart(seed)).map((line) => squeeze(line.text));
    expect(ours).toEqual(expected(fixture(seed).headings));
  });

  it('lists in its 目录 what the seed’s 目录 lists, under the seed’s title', () => {
    const { lines } = printed.get(seed)!;
    const first = hasCover(seed) ? 2 : 1;
    const toc = lines.filter((line) => line.page >= first && line.page < bodyStart(seed));
    expect(squeeze(toc[0]!.text)).toBe(squeeze(fixture(seed).contentsTitle.text));
    const entries = toc
      .slice(1)
      .map((line) => squeeze(line.text))
      // The page footer ("- 2 -"), the page numbers, the dots (a border, not text).
      .filter((text) => !/^-\d+-$/.test(text))
      .map((text) => text.replace(/\d+$/, ''))
      .filter((text) => text !== '');
    expect(entries).toEqual(expected(fixture(seed).contents));
  });

  it('prints the template’s cover lines, and no date that is not the workbook’s', () => {
    const { path, lines } = printed.get(seed)!;
    const cover = fixture(seed).cover;
    if (cover.length === 0) {
      // No cover: the first page is the 目录.
      expect(squeeze(lines[0]!.text)).toBe(squeeze(fixture(seed).contentsTitle.text));
    } else {
      const page = squeeze(lines.filter((line) => line.page === 1).map((line) => line.text).join('')).replace(/^-1-|-1-$/, '');
      expect(page).toBe(cover.map((entry) => squeeze(entry.text)).join(''));
    }
    const publishedOn = loadSeedWorkbook(seed).department.publishedOn;
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    const dates = new Set(text.match(DATE) ?? []);
    expect(dates).not.toContain(chineseDate(EXPORT_DATE));
    // Any full date the package prints outside the clerk's texts is the 公开日期 (Henan's annex title page).
    if (publishedOn) expect(text).toContain(chineseDate(publishedOn));
    for (const date of dates) expect(date, `${seed}: ${date}`).toBe(chineseDate(publishedOn));
  });
});

describe('a workbook without 公开日期', () => {
  it('prints no date at all, although the export knows its own day', async () => {
    const workbook = loadSeedWorkbook('henan-2024');
    const path = join(root, 'henan-unpublished.pdf');
    await exportPdf({ ...workbook, department: { ...workbook.department, publishedOn: '' } }, findTemplate('henan-2024')!, path, { printer, date: EXPORT_DATE });
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(text.match(DATE) ?? []).toEqual([]);
    // The annex's title page still prints its title.
    expect(squeeze(text)).toContain('附件：济源产城融合示范区医疗保障局2024年度部门预算表');
  }, 30_000);
});
