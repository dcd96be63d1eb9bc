import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eApi as api, e2eDataDir as dataDir, e2eUrl } from './support';

/**
 * Entry the clerk can trust (issue 13, item 2), in a department with one unit: a row left as a draft (a mistyped
 * function code) stays where it is while the clerk types a new line under it; the new line is saved as soon as it
 * is complete and moves above the draft (saved lines come first), and the cursor moves with it, so the amount typed
 * next lands in the new line, not in the draft. Deleting the draft and pressing Ctrl+Z brings back exactly that
 * draft; the saved line is untouched, Ctrl+Y deletes the draft again, and undo then walks back through the
 * clerk's steps in order, drafts and file alike.
 */
test.describe.configure({ mode: 'serial' });

const FILE = 'entry-trust';
const DEPARTMENT = { code: '039', name: '录入测试局', year: 2025 };
let page: Page;

const grid = () => page.locator('[data-grid="budgetLines"]');
const cell = (row: number, column: string): Locator => grid().locator(`[data-row="${row}"] [data-col="${column}"]`);

async function linesInFile(): Promise<{ functionCode: string; deptEconCode: string; amount: number }[]> {
  const { workbook } = (await api('workbook.get', {})) as { workbook: { budgetLines: { functionCode: string; deptEconCode: string; amount: number }[] } };
  return workbook.budgetLines;
}

test.beforeAll(async ({ browser }) => {
  await api('workbook.create', { path: FILE, department: DEPARTMENT });
  await api('workbook.edit', {
    edits: [{ op: 'put', collection: 'units', record: { id: 'u1', code: '039001', name: '录入测试局（本级）', kind: 'admin', authorizedStaff: 1, actualStaff: 1, retiredStaff: 0 } }],
  });
  page = await browser.newPage();
  await page.goto(e2eUrl());
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: new RegExp(`${DEPARTMENT.name} · 2025年度`) }).first().click();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '基本支出', exact: true }).click();
});

test.afterAll(async () => {
  await page.close();
  await api('workbook.close', {});
  for (const name of readdirSync(dataDir())) if (name.startsWith(`${FILE}.budget`)) rmSync(join(dataDir(), name), { force: true });
});

test('a line typed under a draft row gets every value the clerk typed into it', async () => {
  // A draft: the function code has a letter O for a zero, so the row cannot be saved.
  await cell(0, 'functionCode').click();
  await page.keyboard.type('21O1501');
  await page.keyboard.press('Enter');
  await expect(grid().locator('[data-kind="draft"]')).toHaveCount(1);

  // The new line under it: complete once its 部门经济 code is typed (unit, nature and fund have defaults).
  await cell(1, 'functionCode').click();
  await page.keyboard.type('2101501');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30201');
  await page.keyboard.press('Tab');
  await expect(grid().locator('[data-kind="record"]')).toHaveCount(1);
  // Saved lines come first: the new line is row 1 now, the draft row 2; the cursor went with the line.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('7');
  await page.keyboard.press('Tab');
  await page.keyboard.type('办公用品');
  await page.keyboard.press('Enter');

  await expect(cell(0, 'amount')).toHaveText('7.00');
  await expect(cell(0, 'note')).toHaveText('办公用品');
  await expect(cell(1, 'functionCode')).toHaveText('21O1501');
  await expect(cell(1, 'amount')).toHaveText('');
  await expect(cell(1, 'note')).toHaveText('');
  await expect.poll(linesInFile).toEqual([expect.objectContaining({ functionCode: '2101501', deptEconCode: '30201', amount: 7_000_000 })]);
});

test('Ctrl+Z after deleting a draft row restores exactly that draft, and Ctrl+Y deletes it again', async () => {
  await grid().locator('[data-row="1"] [role="rowheader"]').click();
  await page.keyboard.press('Control+-');
  await page.getByRole('alertdialog', { name: '删除行' }).getByRole('button', { name: /删除 1 行/ }).click();
  await expect(grid().locator('[data-kind="draft"]')).toHaveCount(0);
  await expect(page.getByTestId('status-unsaved')).toBeHidden();

  await page.keyboard.press('Control+z');
  await expect(grid().locator('[data-kind="draft"]')).toHaveCount(1);
  await expect(cell(1, 'functionCode')).toHaveText('21O1501');
  // The saved line is untouched: undo acted on the draft, not on the file's last step.
  await expect(grid().locator('[data-kind="record"]')).toHaveCount(1);
  await expect(cell(0, 'amount')).toHaveText('7.00');
  expect(await linesInFile()).toHaveLength(1);

  await page.keyboard.press('Control+y');
  await expect(grid().locator('[data-kind="draft"]')).toHaveCount(0);
  expect(await linesInFile()).toHaveLength(1);

  // The history runs in the order the clerk acted: the draft's deletion first, then the file's last step (the note).
  await page.keyboard.press('Control+z');
  await expect(grid().locator('[data-kind="draft"]')).toHaveCount(1);
  await expect(cell(0, 'note')).toHaveText('办公用品');
  await page.keyboard.press('Control+z');
  await expect(cell(0, 'note')).toHaveText('');
  await expect(cell(1, 'functionCode')).toHaveText('21O1501');
  await expect(cell(0, 'amount')).toHaveText('7.00');
});
