import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { callServer, startServer, type ServerProcess } from './serve-process';

/**
 * The browser-mode service dies under an open page (issue 13, item 2): its own server, started as a clerk starts
 * it (no --port), is killed; the clerk types on; the page says at once that the edit is not saved and keeps it;
 * the service is started again, on the same address with the same token it remembered, and the page sends the
 * edit by itself. F5 then brings back the open workbook, with the edit, without going through the start screen.
 */
test.describe.configure({ mode: 'serial' });

const DEPARTMENT = { code: '040', name: '重启测试局', year: 2025 };
let root = '';
let args: string[] = [];
let server: ServerProcess;
let page: Page;

const cell = (row: number, column: string): Locator => page.locator(`[data-grid="incomeLines"] [data-row="${row}"] [data-col="${column}"]`);

async function amountInFile(): Promise<number | undefined> {
  const { workbook } = (await callServer(server.ready, 'workbook.get', {})) as { workbook: { incomeLines: { amount: number }[] } };
  return workbook.incomeLines[0]?.amount;
}

test.beforeAll(async ({ browser }) => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-restart-'));
  args = ['--data-dir', join(root, 'data'), '--config-dir', join(root, 'config')];
  server = await startServer(args);
  await callServer(server.ready, 'workbook.create', { path: 'restart', department: DEPARTMENT });
  await callServer(server.ready, 'workbook.edit', {
    edits: [
      { op: 'put', collection: 'units', record: { id: 'u1', code: '040001', name: '重启测试局（本级）', kind: 'admin', authorizedStaff: 1, actualStaff: 1, retiredStaff: 0 } },
      { op: 'put', collection: 'incomeLines', record: { id: 'i1', unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 300_000_000 } },
    ],
  });
  page = await browser.newPage();
  await page.goto(server.ready.url);
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: new RegExp(`${DEPARTMENT.name} · 2025年度`) }).first().click();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '收入', exact: true }).click();
  await expect(cell(0, 'amount')).toHaveText('300.00');
});

test.afterAll(async () => {
  await page.close();
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

test('an edit typed while the service is down is kept, said to be unsaved, and saved once it is back', async () => {
  await server.stop('SIGKILL');
  await cell(0, 'amount').click();
  await page.keyboard.type('111');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('save-state')).toHaveText('未保存：连接已断开，1 项修改等待保存');
  await expect(page.getByTestId('error-banner')).toContainText('连接断开了');
  await expect(cell(0, 'amount')).toHaveText('111.00');

  const before = server.ready;
  server = await startServer(args);
  expect(server.ready.port).toBe(before.port);
  expect(server.ready.token).toBe(before.token);
  await expect(page.getByTestId('save-state')).toHaveText('已自动保存', { timeout: 15_000 });
  await expect(page.getByTestId('error-banner')).toBeHidden();
  expect(await amountInFile()).toBe(111_000_000);
});

test('F5 reopens the workbook the tab had open', async () => {
  await page.reload();
  await expect(page.getByText(`${DEPARTMENT.name} · 2025年度预算`)).toBeVisible();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '收入', exact: true }).click();
  await expect(cell(0, 'amount')).toHaveText('111.00');
});
