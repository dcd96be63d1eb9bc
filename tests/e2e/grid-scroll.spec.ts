import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseMoney } from '../../src/core/money';
import { generateWorkbook } from '../../bench/generate';
import { e2eApi as api, e2eDataDir as dataDir, e2eUrl } from './support';

/**
 * The expenditure grid over 3,000 lines. Rows reuse their DOM as they scroll (docs/grid.md), so
 * after jumps and a fast scroll every rendered row must still show its own record, the rows must
 * cover the viewport, and the row headers must stay at the left edge when the grid scrolls sideways.
 */
test.describe.configure({ mode: 'serial' });

const workbook = generateWorkbook({ units: 6, linesPerUnit: 500, projects: 0, seed: 7 });
const lineById = new Map(workbook.budgetLines.map((line) => [line.id, line]));
const STEM = 'grid-scroll';
const scroller = '[data-grid="budgetLines"] .grid-scroll';

let page: Page;
/** The status bar's findings count as the worker reported it. */
let workerFindings = '';

interface RenderedRow {
  row: number;
  key: string;
  unit: string;
  amount: string;
  top: number;
}

/** What the grid has in the DOM now: each row's index, record key, unit and amount cells, and place. */
async function renderedRows(): Promise<RenderedRow[]> {
  return page.locator('[data-grid="budgetLines"] [data-kind="record"]').evaluateAll((rows) =>
    rows.map((row) => ({
      row: Number(row.getAttribute('data-row')),
      key: row.getAttribute('data-key') ?? '',
      unit: row.querySelector('[data-col="unitId"]')?.textContent ?? '',
      amount: row.querySelector('[data-col="amount"]')?.textContent ?? '',
      top: row.getBoundingClientRect().top,
    })),
  );
}

/** Every rendered row shows its own record, rows are contiguous, in place, and cover the viewport. */
async function expectRowsIntact(): Promise<void> {
  const rows = (await renderedRows()).sort((a, b) => a.row - b.row);
  expect(rows.length).toBeGreaterThan(10);
  for (const rendered of rows) {
    const line = lineById.get(rendered.key);
    expect(line, `row ${rendered.row}`).toBeDefined();
    expect(rendered.unit).toBe(workbook.units.find((unit) => unit.id === line!.unitId)?.name);
    const shown = parseMoney(rendered.amount.replaceAll(',', ''), workbook.settings.entryUnit);
    expect(shown.ok && shown.fen, `row ${rendered.row} amount`).toBe(line!.amount);
  }
  const indices = rows.map((rendered) => rendered.row);
  expect(indices).toEqual(Array.from({ length: indices.length }, (_, index) => indices[0]! + index));
  for (const [index, rendered] of rows.entries()) expect(rendered.top - rows[0]!.top).toBe(index * 28);
  const view = await page.locator(scroller).evaluate((element) => ({ top: element.scrollTop, height: element.clientHeight }));
  const firstVisible = Math.floor(view.top / 28);
  const lastVisible = Math.floor((view.top + view.height - 66) / 28);
  expect(indices[0]).toBeLessThanOrEqual(firstVisible);
  expect(indices[indices.length - 1]).toBeGreaterThanOrEqual(Math.min(lastVisible, workbook.budgetLines.length - 1));
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  const { code, name, year } = workbook.department;
  await api('workbook.create', { path: STEM, department: { code, name, year } });
  await api('workbook.edit', {
    edits: [
      { op: 'set', key: 'settings', value: workbook.settings },
      ...workbook.units.map((record) => ({ op: 'put', collection: 'units', record })),
      ...workbook.incomeLines.map((record) => ({ op: 'put', collection: 'incomeLines', record })),
      ...workbook.budgetLines.map((record) => ({ op: 'put', collection: 'budgetLines', record })),
    ],
  });
});

// The server is shared with the other specs, which expect an empty recent list.
test.afterAll(async () => {
  await page.close();
  await api('workbook.close', {});
  for (const name of readdirSync(dataDir())) if (name.startsWith(`${STEM}.budget`)) rmSync(join(dataDir(), name), { force: true });
});

test('opens 3,000 lines in the expenditure grid with only the rows in view in the DOM', async () => {
  await page.goto(e2eUrl());
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: /基准测试部门 · 2025年度/ }).click();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '基本支出', exact: true }).click();
  await expect(page.locator('[data-grid="budgetLines"] .grid-count')).toHaveText('共 3000 行');
  await expectRowsIntact();
  expect((await renderedRows()).length).toBeLessThan(40);
});

test('checks the workbook in a worker, and re-checks an edit there', async () => {
  await expect(page.locator('.status-running')).toBeHidden();
  expect(page.workers().map((worker) => worker.url()).some((url) => /checks\.worker/.test(url))).toBe(true);
  const before = (await page.getByTestId('status-checks').textContent()) ?? '';
  // An amount on a line of the first unit's basic spending with no income behind it unbalances the unit.
  await page.locator(scroller).evaluate((element) => (element.scrollTop = 0));
  await page.locator('[data-grid="budgetLines"] [data-row="0"] [data-col="amount"]').click();
  await page.keyboard.type('99999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-checks')).not.toHaveText(before);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-checks')).toHaveText(before);
  workerFindings = before;
});

test('falls back to checking in the page when the worker cannot start, with the same findings', async ({ browser }) => {
  const fallback = await browser.newPage();
  await fallback.route(/checks\.worker/, (route) => route.abort());
  await fallback.goto(e2eUrl());
  await fallback.getByRole('list', { name: '最近打开' }).getByRole('button', { name: /基准测试部门 · 2025年度/ }).click();
  await expect(fallback.getByTestId('status-checks')).toHaveText(workerFindings);
  await expect(fallback.locator('.status-running')).toBeHidden();
  expect(fallback.workers()).toHaveLength(0);
  await fallback.close();
  // Back to the first page, which holds the workbook open.
  // A reload brings back the workbook the tab had open.
  await page.reload();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '基本支出', exact: true }).click();
});

test('jumps to the middle and the end: every row shows its own record', async () => {
  for (const row of [1500, 2999, 40]) {
    await page.locator(scroller).evaluate((element, top) => (element.scrollTop = top), row * 28);
    await expect(page.locator(`[data-grid="budgetLines"] [data-row="${row}"]`)).toBeVisible();
    await expectRowsIntact();
  }
});

test('scrolls a screen per frame for a second, then stops on intact rows', async () => {
  await page.locator(scroller).evaluate(
    (element) =>
      new Promise<void>((done) => {
        let frames = 0;
        const tick = () => {
          element.scrollTop += 1400;
          frames += 1;
          if (frames < 60) requestAnimationFrame(tick);
          else requestAnimationFrame(() => requestAnimationFrame(() => done()));
        };
        requestAnimationFrame(tick);
      }),
  );
  await expectRowsIntact();
});

test('keeps the row numbers at the left edge while the grid scrolls sideways', async () => {
  await page.setViewportSize({ width: 800, height: 700 });
  const grid = page.locator(scroller);
  const scrolled = await grid.evaluate((element) => {
    element.scrollLeft = 300;
    return element.scrollLeft;
  });
  expect(scrolled).toBeGreaterThan(100);
  await expect(grid).toHaveClass(/scrolled-x/);
  const gridBox = (await grid.boundingBox())!;
  const first = (await renderedRows()).sort((a, b) => a.row - b.row)[0]!.row;
  const header = page.locator(`[data-grid="budgetLines"] [data-rowheader="${first + 2}"]`);
  expect(Math.abs((await header.boundingBox())!.x - gridBox.x)).toBeLessThanOrEqual(1);
  await grid.evaluate((element) => (element.scrollLeft = 0));
  await expect(grid).not.toHaveClass(/scrolled-x/);
  expect(Math.abs((await header.boundingBox())!.x - gridBox.x)).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('keeps what was typed but is not valid yet — a bad code, a new row still missing cells — across a reload', async () => {
  const cellAt = (row: number, column: string) => page.locator(`[data-grid="budgetLines"] [data-row="${row}"] [data-col="${column}"]`);
  await page.locator(scroller).evaluate((element) => (element.scrollTop = 0));
  await cellAt(3, 'functionCode').click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(cellAt(3, 'functionCode')).toHaveClass(/mark-draft/);
  // The blank row after the last line: an amount alone is a new row that still lacks its codes.
  await page.locator(scroller).evaluate((element) => (element.scrollTop = element.scrollHeight));
  await cellAt(3000, 'amount').click();
  await page.keyboard.type('12.5');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-grid="budgetLines"] [data-row="3000"]')).toHaveAttribute('data-kind', 'draft');
  await expect(page.getByTestId('status-unsaved')).toBeVisible();
  const unsaved = (await page.getByTestId('status-unsaved').textContent()) ?? '';

  // A reload brings back the workbook the tab had open.
  await page.reload();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '基本支出', exact: true }).click();
  await expect(page.getByTestId('status-unsaved')).toHaveText(unsaved);
  await expect(cellAt(3, 'functionCode')).toHaveText('999');
  await expect(cellAt(3, 'functionCode')).toHaveClass(/mark-draft/);
  await page.locator(scroller).evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(page.locator('[data-grid="budgetLines"] [data-row="3000"]')).toHaveAttribute('data-kind', 'draft');
  await expect(cellAt(3000, 'amount')).toHaveText('12.5');
});
