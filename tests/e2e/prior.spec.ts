import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fromInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { e2eApi as api, e2eDataDir as dataDir, e2eUrl } from './support';

/**
 * Starting from last year in the app (issue 13, item 5): last year's workbook (the Henan seed, 2024) is on disk,
 * with its package published as Excel. On the start screen the clerk names last year's file, sees its projects,
 * leaves one behind and creates 2025; the new workbook opens with last year's figures. On the units screen the clerk
 * imports the figures again from the published Excel: the preview says what was read from which sheet before
 * anything is written; 导入 saves them, and 撤销 takes them back.
 */
test.describe.configure({ mode: 'serial' });

const LAST = 'prior-last-2024';
const NEXT = 'prior-next-2025';
const PUBLISHED = `${LAST}-published.xlsx`;
let page: Page;

function henanWorkbook(): Workbook {
  const parsed = fromInterchange(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/seeds/henan-2024/workbook.json'), 'utf8')));
  if (!parsed.ok) throw new Error('henan-2024/workbook.json does not parse');
  return parsed.workbook;
}

async function fileWorkbook(): Promise<Workbook> {
  return ((await api('workbook.get', {})) as { workbook: Workbook }).workbook;
}

test.beforeAll(async ({ browser }) => {
  const workbook = henanWorkbook();
  const { code, name, year } = workbook.department;
  await api('workbook.create', { path: LAST, department: { code, name, year } });
  await api('workbook.edit', {
    edits: [
      { op: 'set', key: 'settings', value: workbook.settings },
      { op: 'set', key: 'department', value: workbook.department },
      { op: 'set', key: 'catalogEntries', value: workbook.catalogEntries },
      ...workbook.units.map((record) => ({ op: 'put', collection: 'units', record })),
      ...workbook.projects.map((record) => ({ op: 'put', collection: 'projects', record })),
      ...workbook.incomeLines.map((record) => ({ op: 'put', collection: 'incomeLines', record })),
      ...workbook.budgetLines.map((record) => ({ op: 'put', collection: 'budgetLines', record })),
      { op: 'set', key: 'departmentPerformance', value: workbook.departmentPerformance },
      { op: 'set', key: 'texts', value: workbook.texts },
    ],
  });
  await api('export.xlsx', { path: PUBLISHED });
  await api('workbook.close', {});
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page.close();
  await api('workbook.close', {});
  for (const name of readdirSync(dataDir())) if (name.startsWith(LAST) || name.startsWith(NEXT)) rmSync(join(dataDir(), name), { force: true });
});

test('starts 2025 from last year’s file on the start screen, leaving one project behind', async () => {
  const projects = henanWorkbook().projects;
  await page.goto(e2eUrl());
  const card = page.getByTestId('new-year-card');
  await card.getByLabel('上年的预算文件').fill(LAST);
  await card.getByRole('button', { name: '读取' }).click();
  const preview = card.getByTestId('new-year-preview');
  await expect(preview).toContainText(`2024 年度预算，共 ${projects.length} 个项目。将新建 2025 年度的工作簿。`);
  const boxes = preview.getByRole('checkbox');
  await expect(boxes).toHaveCount(projects.length);
  await boxes.first().setChecked(false);
  const ticked = await boxes.evaluateAll((list) => list.filter((box) => (box as HTMLInputElement).checked).length);
  expect(ticked).toBeLessThan(projects.length);
  await preview.getByLabel('新文件名').fill(NEXT);
  await preview.getByRole('button', { name: '新建 2025 年度工作簿' }).click();

  await expect(page.getByText(/· 2025年度预算/)).toBeVisible();
  const created = await fileWorkbook();
  expect(created.department.year).toBe(2025);
  expect(created.projects.length).toBe(ticked);
  expect(created.priorYear.year).toBe(2024);
  expect(Object.keys(created.priorYear.figures).length).toBeGreaterThan(10);
});

test('imports last year’s figures from the published Excel after a preview, and undo takes them back', async () => {
  const before = (await fileWorkbook()).priorYear;
  const card = page.getByTestId('prior-year-card');
  await expect(card).toContainText(`已导入 2024 年的上年数 ${Object.keys(before.figures).length} 项`);
  await card.getByLabel('选择文件…').setInputFiles({
    name: PUBLISHED,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(join(dataDir(), PUBLISHED)),
  });
  const preview = card.getByTestId('prior-preview');
  await expect(preview).toContainText(new RegExp(`“${PUBLISHED}”：2024 年，读出 \\d+ 个上年数。`));
  await expect(preview.locator('table.prior-sheets tbody tr').first()).toContainText('已识别');
  // Nothing is written before 导入.
  expect((await fileWorkbook()).priorYear.source).toBe(before.source);

  await preview.getByRole('button', { name: /^导入 \d+ 个上年数$/ }).click();
  await expect(card.getByTestId('prior-done')).toContainText('已导入 2024 年的上年数');
  await expect.poll(async () => (await fileWorkbook()).priorYear.source).toBe(PUBLISHED);

  await page.getByRole('button', { name: '撤销' }).click();
  await expect.poll(async () => (await fileWorkbook()).priorYear.source).toBe(before.source);
});
