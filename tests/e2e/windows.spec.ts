import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eApi as api, e2eDataDir as dataDir, e2eUrl } from './support';

/**
 * The same workbook open in two browser tabs (issue 15, item 2): both show 300.00 (万元); the first tab types 111,
 * the second, still showing 300.00, types 222 into the same cell. The second tab's edit was made on content
 * the first has since changed: it is refused with a message saying so, the tab shows what the file holds
 * (111.00), and the file was not overwritten. Typed again there, on the fresh content, it is saved.
 */
const FILE = 'two-windows';
const DEPARTMENT = { code: '038', name: '双窗口测试局', year: 2025 };

const grid = (page: Page, id: string) => page.locator(`[data-grid="${id}"]`);
const cell = (page: Page, id: string, row: number, column: string): Locator => grid(page, id).locator(`[data-row="${row}"] [data-col="${column}"]`);

async function openIncome(page: Page): Promise<void> {
  await page.goto(e2eUrl());
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: new RegExp(`${DEPARTMENT.name} · 2025年度`) }).first().click();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '收入', exact: true }).click();
  await expect(cell(page, 'incomeLines', 0, 'amount')).toHaveText('300.00');
}

async function typeAmount(page: Page, value: string): Promise<void> {
  await cell(page, 'incomeLines', 0, 'amount').click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

async function amountInFile(): Promise<number | undefined> {
  const { workbook } = (await api('workbook.get', {})) as { workbook: { incomeLines: { amount: number }[] } };
  return workbook.incomeLines[0]?.amount;
}

test.afterAll(async () => {
  await api('workbook.close', {});
  for (const name of readdirSync(dataDir())) if (name.startsWith(`${FILE}.budget`)) rmSync(join(dataDir(), name), { force: true });
});

test('a stale edit from a second tab is refused, said so, and never applied over the first tab’s', async ({ browser }) => {
  await api('workbook.create', { path: FILE, department: DEPARTMENT });
  await api('workbook.edit', {
    edits: [
      { op: 'put', collection: 'units', record: { id: 'u1', code: '038001', name: '双窗口测试局（本级）', kind: 'admin', authorizedStaff: 1, actualStaff: 1, retiredStaff: 0 } },
      { op: 'put', collection: 'incomeLines', record: { id: 'i1', unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 300_000_000 } },
    ],
  });
  const first = await browser.newPage();
  const second = await browser.newPage();
  await openIncome(first);
  await openIncome(second);

  await typeAmount(first, '111');
  await expect(cell(first, 'incomeLines', 0, 'amount')).toHaveText('111.00');
  await expect.poll(amountInFile).toBe(111_000_000);

  await typeAmount(second, '222');
  const banner = second.getByTestId('error-banner');
  await expect(banner).toContainText('已被另一个窗口修改过 1 次');
  await expect(banner).toContainText('没有保存');
  await expect(cell(second, 'incomeLines', 0, 'amount')).toHaveText('111.00');
  expect(await amountInFile()).toBe(111_000_000);

  // On the fresh content the same edit is an ordinary one.
  await typeAmount(second, '222');
  await expect.poll(amountInFile).toBe(222_000_000);
  await expect(cell(second, 'incomeLines', 0, 'amount')).toHaveText('222.00');
  await first.close();
  await second.close();
});
