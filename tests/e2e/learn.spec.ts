import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fromInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { e2eApi as api, e2eDataDir as dataDir, e2eUrl } from './support';

/**
 * A clerk learns the county's layout from last year's published Excel on the templates screen (issue 12,
 * item 3): the Henan seed's package, exported with zeros as 0.00 and a reworded title, is chosen as a file;
 * each table shows beside the sheet as published, with the proof against the workbook's own .budget; a column's
 * meaning is changed (the proof falls) and set back; nothing is in the templates folder until the clerk
 * accepts; then the workbook publishes with the learned template and the preview shows its 0.00 zeros.
 */
test.describe.configure({ mode: 'serial' });

const FILE = 'henan-learn';
let page: Page;
let folder = '';

function henanWorkbook(): Workbook {
  const parsed = fromInterchange(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/seeds/henan-2024/workbook.json'), 'utf8')));
  if (!parsed.ok) throw new Error('henan-2024/workbook.json does not parse');
  return parsed.workbook;
}

const learnedFiles = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.includes('learned')) : []);

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page.close();
  await api('workbook.close', {});
  for (const name of readdirSync(dataDir())) if (name.startsWith(`${FILE}.budget`)) rmSync(join(dataDir(), name), { force: true });
  for (const name of learnedFiles()) rmSync(join(folder, name), { force: true });
});

test('learns a layout from the published Excel, corrects a column, accepts, previews', async () => {
  const workbook = henanWorkbook();
  const { code, name, year } = workbook.department;
  await api('workbook.create', { path: FILE, department: { code, name, year } });
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
      { op: 'set', key: 'assets', value: workbook.assets },
      { op: 'set', key: 'texts', value: workbook.texts },
    ],
  });
  folder = ((await api('templates.list', {})) as { folder: string }).folder;
  for (const name of learnedFiles()) rmSync(join(folder, name), { force: true });
  // Last year's package as the app exports it with a county's variant (zeros printed 0.00), then the plain built-in again.
  await api('templates.use', { text: JSON.stringify({ format: 'budget-desk-template', formatVersion: 1, id: 'henan-2024-zeros', version: 1, name: '零值 0.00', extends: 'henan-2024', money: { zero: '0.00' } }) });
  const exported = (await api('export.xlsx', { path: join(dataDir(), `${FILE}-published.xlsx`) })) as { path: string };
  const published = readFileSync(exported.path);
  rmSync(exported.path, { force: true });
  rmSync(join(folder, 'henan-2024-zeros.json'), { force: true });
  await api('templates.use', { id: 'henan-2024' });

  await page.goto(e2eUrl());
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: /济源产城融合示范区医疗保障局 · 2024年度/ }).first().click();
  await page.getByRole('navigation', { name: /编制内容|Budget sections/ }).getByRole('button', { name: '模板', exact: true }).click();
  const panel = page.getByTestId('learn-panel');
  await expect(panel.getByRole('heading', { name: '从上年公开的 Excel 学习版式' })).toBeVisible();
  await panel.getByLabel('上年的 .budget 文件（可选，用于逐格核对）').fill(`${FILE}.budget`);
  await panel.getByLabel('选择上年公开的 Excel…').setInputFiles({ name: '济源医保局2024年部门预算公开.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(published) });

  const proof = panel.getByTestId('learn-proof');
  await expect(proof).toContainText(/核对：\d+ \/ \d+ 个数字与公开表一致/);
  const [reproduced, cells] = ((await proof.innerText()).match(/\d+/g) ?? []).map(Number);
  expect(cells).toBeGreaterThan(50);
  expect(reproduced).toBe(cells);
  // Side by side: the published sheet's own cells are shown.
  const expenditure = panel.getByTestId('learned-expenditure');
  await expect(expenditure.locator('table.learn-published')).toContainText('0.00');
  expect(learnedFiles()).toEqual([]);

  // The clerk says the 合计 column holds what 基本支出 holds: the numbers no longer agree.
  const meaning = expenditure.getByLabel(/列的含义/).first();
  const options = await meaning.locator('option').evaluateAll((list) => list.map((option) => (option as HTMLOptionElement).value));
  await meaning.selectOption(options[2] as string);
  await expect(proof).not.toHaveText(`核对：${cells} / ${cells} 个数字与公开表一致。`);
  await meaning.selectOption('');
  await expect(proof).toHaveText(`核对：${cells} / ${cells} 个数字与公开表一致。`);
  expect(learnedFiles()).toEqual([]);

  await panel.getByRole('button', { name: '采用此版式' }).click();
  await expect(page.getByTestId('template-notice')).toContainText('据公开表学习');
  expect(learnedFiles().length).toBe(1);
  const info = (await api('workbook.get', {})) as { workbook: Workbook };
  expect(info.workbook.settings.template).toBe('henan-2024-learned');

  // The preview publishes with what was learned: last year's zeros printed as 0.00 (Henan's built-in leaves them blank).
  await page.getByRole('button', { name: '预览公开表' }).click();
  await expect(page.getByRole('combobox', { name: '模板' })).toHaveValue('henan-2024-learned');
  const summary = page.getByTestId('preview').locator('section[data-table="income-expenditure-summary"]');
  await expect(summary.locator('td', { hasText: /^0\.00$/ }).first()).toBeVisible();
});
