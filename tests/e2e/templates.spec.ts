import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fromInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { e2eApi as api, e2eDataDir as dataDir, e2eUrl, screenshotsDir } from './support';

/**
 * A clerk sets up the layout a county publishes with, on the templates screen: the Henan workbook is seeded
 * through the API; a colleague's broken file already sits in the templates folder and is listed apart; the
 * clerk imports a broken copy of the county's variant (an unknown fund and an unknown table) and sees it
 * refused with its problems, nothing changed; imports the good variant and switches the workbook to it; the
 * preview shows its titles and 0.00 zeros; a simple change (a renamed table, one left out) is saved as a
 * variant of it, previewed, undone and redone; the template is exported to share; the export screen shows
 * the same template. Steps build on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const FILE = 'henan-templates';
const COUNTY = resolve(import.meta.dirname, '../fixtures/templates/henan-county-variant.json');
const COUNTY_NAME = '河南某县部门预算公开（2024）';
const CUSTOM_NAME = `${COUNTY_NAME}（自定义）`;
/** The edition a built-in ships with, as its file in resources/ says. */
const builtinVersion = (id: string) =>
  (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/templates', `${id}.json`), 'utf8')) as { version: number }).version;

let page: Page;
let folder = '';
const cspViolations: string[] = [];

const nav = (name: string) => page.getByRole('navigation', { name: /编制内容|Budget sections/ }).getByRole('button', { name, exact: true });
const preview = () => page.getByTestId('preview');
const previewTable = (id: string) => preview().locator(`section[data-table="${id}"]`);

function henanWorkbook(): Workbook {
  const parsed = fromInterchange(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/seeds/henan-2024/workbook.json'), 'utf8')));
  if (!parsed.ok) throw new Error('henan-2024/workbook.json does not parse');
  return parsed.workbook;
}

/** The county's variant with two mistakes: a fund the catalogue lacks, and the package printing a table no one defines. */
function brokenVariant(): string {
  const variant = JSON.parse(readFileSync(COUNTY, 'utf8'));
  variant.id = 'henan-2024-county-broken';
  variant.tables.change.expenditure.columns.replace['公用经费'][0].cell.measure.funds = ['no-such-fund'];
  variant.package = { sections: { add: [{ after: 'glossary', item: { id: 'extra', kind: 'table', table: 'no-such-table' } }] } };
  return JSON.stringify(variant, null, 2);
}

/** Raw i18n keys look like "templates.current.title" or "template:unknownFund"; none may reach the screen. */
async function expectNoRawKeys(): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b(app|errors|export|workbench|template):[a-zA-Z]/);
  // Every key of this screen starts with "templates." (file names such as "broken.json" may show).
  expect(text).not.toMatch(/\b(templates|preview)\.[a-zA-Z]+\b/);
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  mkdirSync(screenshotsDir, { recursive: true });
});

// The server run is shared with the other specs: close the workbook, remove its file and the templates this
// spec put in the folder (a vanished file drops out of the recent list when it is read).
test.afterAll(async () => {
  await page.close();
  await api('workbook.close', {});
  for (const name of readdirSync(dataDir())) if (name.startsWith(`${FILE}.budget`)) rmSync(join(dataDir(), name), { force: true });
  if (folder) for (const name of ['colleague.json', 'henan-2024-county.json', 'henan-2024-county-broken.json']) rmSync(join(folder, name), { force: true });
});

test('seeds the Henan workbook, a colleague’s broken file in the templates folder, and opens the templates screen', async () => {
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
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'colleague.json'), JSON.stringify({ format: 'budget-desk-template', formatVersion: 1, id: 'colleague-county', version: 1, name: '同事的模板', extends: 'henan-2023' }));

  await page.goto(e2eUrl());
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: /济源产城融合示范区医疗保障局 · 2024年度/ }).click();
  await expect(page.getByText('济源产城融合示范区医疗保障局 · 2024年度预算')).toBeVisible();
  await nav('模板').click();
  await expect(page.getByRole('heading', { name: '模板', exact: true })).toBeVisible();

  const current = page.getByTestId('template-current');
  await expect(current).toContainText('河南省部门预算公开（2024）');
  await expect(current).toContainText(`第 ${builtinVersion('henan-2024')} 版`);
  await expect(page.getByTestId('template-source')).toHaveText('内置模板。');
  await expect(page.getByTestId('template-row-henan-2024')).toContainText('正在使用');
  await expect(page.getByTestId('template-row-hebei-2024').getByRole('button', { name: '使用“河北省部门预算公开（2024）”' })).toBeVisible();

  const broken = page.getByTestId('template-broken');
  await expect(broken).toContainText(join(folder, 'colleague.json'));
  await expect(broken).toContainText('找不到所继承的模板“henan-2023”');
  await expectNoRawKeys();
  await page.screenshot({ path: join(screenshotsDir, 'templates-screen.png') });
});

test('refuses a broken template file with its problems, worded and placed, and changes nothing', async () => {
  await page.getByLabel('选择模板文件…').setInputFiles({ name: 'henan-county-broken.json', mimeType: 'application/json', buffer: Buffer.from(brokenVariant()) });
  const problems = page.getByTestId('template-import-problems');
  await expect(problems).toContainText('“henan-county-broken.json”有 4 处问题，未导入：');
  await expect(problems).toContainText('没有资金来源“no-such-fund”；可用：gen, gen.appropriation');
  await expect(problems.getByRole('listitem').filter({ hasText: 'tables[2].body[0].cells[9].measure.funds[0]' })).toBeVisible();
  await expect(problems.getByRole('listitem').filter({ hasText: /package\.sections\[\d+\]\.table/ })).toContainText('模板中没有 id 为“no-such-table”的表。');
  await problems.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotsDir, 'templates-import-refused.png') });

  // Nothing kept, nothing chosen.
  await expect(page.getByTestId('template-row-henan-2024-county-broken')).toHaveCount(0);
  expect(readdirSync(folder).sort()).toEqual(['colleague.json']);
  await expect(page.getByTestId('template-row-henan-2024')).toContainText('正在使用');
});

test('imports the county’s variant and makes it the workbook’s template', async () => {
  await page.getByLabel('选择模板文件…').setInputFiles(COUNTY);
  await expect(page.getByTestId('template-import-done')).toContainText(`已导入“${COUNTY_NAME}”（henan-2024-county），存入模板文件夹。`);
  await expect(page.getByTestId('template-import-problems')).toHaveCount(0);
  const row = page.getByTestId('template-row-henan-2024-county');
  await expect(row).toContainText('模板文件夹');
  await expect(row).toContainText('基于 henan-2024');
  await row.getByRole('button', { name: `使用“${COUNTY_NAME}”` }).click();

  await expect(page.getByTestId('template-notice')).toHaveText(`工作簿已改用模板“${COUNTY_NAME}”。可以撤销。`);
  await expect(page.getByTestId('template-current')).toContainText(COUNTY_NAME);
  await expect(page.getByTestId('template-source')).toHaveText('来自模板文件夹。 工作簿中保存了它的完整副本，换一台电脑打开也按同样的版式公开。');
  await expect(row).toContainText('正在使用');
});

let countyTables = 0;

test('previews the package with the county’s titles and 0.00 zeros', async () => {
  await page.getByRole('button', { name: '预览公开表' }).click();
  await expect(page.getByRole('combobox', { name: '模板' })).toHaveValue('henan-2024-county');
  await expect(page.getByRole('combobox', { name: '模板' }).locator('option:checked')).toHaveText(COUNTY_NAME);
  const summary = previewTable('income-expenditure-summary');
  await expect(summary.locator('.table-title')).toHaveText('2024年部门收支预算总表');
  await expect(previewTable('income').locator('.table-title')).toHaveText('2024年部门收入预算总表');
  // Zeros print as 0.00 (Henan's own template leaves them blank).
  await expect(summary.locator('td', { hasText: /^0\.00$/ }).first()).toBeVisible();
  await expect(previewTable('state-capital')).toHaveCount(0);
  await expect(previewTable('expenditure')).toContainText('商品和服务支出');
  countyTables = await preview().locator('section[data-table]').count();
  expect(countyTables).toBeGreaterThan(5);
  await page.screenshot({ path: join(screenshotsDir, 'templates-preview.png') });
});

test('renames a table and leaves one out with the simple-change form, saved as a variant of the county’s', async () => {
  await page.getByRole('button', { name: '管理模板…' }).click();
  await page.getByRole('button', { name: '修改表的标题、注释和零值…' }).click();
  const form = page.getByRole('form', { name: '修改表的标题、注释和零值' });
  await expect(form.getByLabel('新模板标识')).toHaveValue('henan-2024-county-custom');
  await expect(form.getByLabel('新模板名称')).toHaveValue(CUSTOM_NAME);
  await expect(form.getByLabel('“2024年部门收支预算总表”的零值显示')).toHaveValue('0.00');
  await form.getByLabel('“2024年财政拨款收支总体情况表”的标题').fill('{year}年财政拨款收支总表');
  await form.getByLabel('“2024年财政拨款收支总体情况表”的零值显示').selectOption('-');
  await form.getByLabel('公开“2024年政府性基金预算支出预算表”').uncheck();
  await expect(form.getByLabel('“2024年政府性基金预算支出预算表”的标题')).toBeDisabled();
  await form.getByLabel('“2024年部门收入预算总表”的注释').fill('注：报表金额单位转换时可能存在四舍五入尾数误差。\n本表含上年结转。');
  await expectNoRawKeys();
  await page.screenshot({ path: join(screenshotsDir, 'templates-custom.png') });

  // The same id as the current template's is refused before anything is sent.
  await form.getByLabel('新模板标识').fill('henan-2024-county');
  await form.getByRole('button', { name: '保存并使用' }).click();
  await expect(form.getByRole('alert')).toContainText('新模板的标识不能与当前模板相同。');
  await form.getByLabel('新模板标识').fill('henan-2024-county-custom');
  await form.getByRole('button', { name: '保存并使用' }).click();

  await expect(page.getByTestId('template-notice')).toHaveText(`工作簿已改用模板“${CUSTOM_NAME}”。可以撤销。`);
  await expect(form).toHaveCount(0);
  const current = page.getByTestId('template-current');
  await expect(current).toContainText(CUSTOM_NAME);
  await expect(current).toContainText('henan-2024-county-custom');
  // A template made here is kept in the templates folder as well, so switching away never loses it.
  await expect(page.getByTestId('template-source')).toContainText('来自模板文件夹');
  await expect(page.getByTestId('template-row-henan-2024-county-custom')).toContainText('模板文件夹');
});

test('previews the changed package; undo brings back the county’s, redo the change', async () => {
  await nav('公开表预览').click();
  await expect(page.getByRole('combobox', { name: '模板' })).toHaveValue('henan-2024-county-custom');
  await expect(previewTable('fiscal-summary').locator('.table-title')).toHaveText('2024年财政拨款收支总表');
  await expect(previewTable('government-fund')).toHaveCount(0);
  await expect(preview().locator('section[data-table]')).toHaveCount(countyTables - 1);
  await expect(previewTable('income')).toContainText('本表含上年结转。');
  await expect(previewTable('income-expenditure-summary').locator('.table-title')).toHaveText('2024年部门收支预算总表');

  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('combobox', { name: '模板' })).toHaveValue('henan-2024-county');
  await expect(previewTable('government-fund')).toHaveCount(1);
  await expect(previewTable('fiscal-summary').locator('.table-title')).toHaveText('2024年财政拨款收支总体情况表');
  await page.getByRole('button', { name: '重做' }).click();
  await expect(page.getByRole('combobox', { name: '模板' })).toHaveValue('henan-2024-county-custom');
  await expect(previewTable('government-fund')).toHaveCount(0);
  await page.screenshot({ path: join(screenshotsDir, 'templates-preview-custom.png') });
});

test('exports the workbook’s template as a whole file to share', async () => {
  await nav('模板').click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出模板文件' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('henan-2024-county-custom.json');
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file).toMatchObject({ format: 'budget-desk-template', formatVersion: 1, id: 'henan-2024-county-custom', name: CUSTOM_NAME, money: { zero: '0.00' } });
  // Resolved: it needs no base on the other computer.
  expect(file.extends).toBeUndefined();
  expect(file.tables.map((table: { id: string }) => table.id)).not.toContain('government-fund');
  await expect(page.getByTestId('template-notice')).toHaveText('已导出模板文件“henan-2024-county-custom.json”。');
});

test('the export screen publishes with the same template', async () => {
  await nav('公开与打印').click();
  const template = page.getByLabel('公开模板');
  await expect(template).toHaveValue('henan-2024-county-custom');
  await expect(template.locator('option:checked')).toHaveText(CUSTOM_NAME);
  await expect(page.getByText('工作簿设置的模板。')).toBeVisible();
  // The texts screen names it too.
  await nav('文字说明').click();
  await page.getByRole('tab', { name: /专题段落/ }).click();
  await expect(page.getByText(`${CUSTOM_NAME}说明文本中由您撰写的段落`, { exact: false })).toBeVisible();
});

test('speaks English on the templates screen', async () => {
  await page.getByRole('button', { name: 'English' }).click();
  await nav('Templates').click();
  await expect(page.getByRole('heading', { name: 'Templates', exact: true })).toBeVisible();
  await expect(page.getByTestId('template-current')).toContainText('version 1');
  await expect(page.getByTestId('template-source')).toContainText('From the templates folder');
  await expect(page.getByTestId('template-row-henan-2024-county')).toContainText('Templates folder');
  await expect(page.getByTestId('template-broken')).toContainText('The template it extends, "henan-2023", was not found');
  await page.getByLabel('Choose template file…').setInputFiles({ name: 'henan-county-broken.json', mimeType: 'application/json', buffer: Buffer.from(brokenVariant()) });
  await expect(page.getByTestId('template-import-problems')).toContainText('“henan-county-broken.json” has 4 problems and was not imported:');
  await expectNoRawKeys();
  await page.getByTestId('template-current').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotsDir, 'templates-screen-en.png') });
  await page.getByRole('button', { name: 'Change table titles, notes and zeros…' }).click();
  await expect(page.getByLabel('Title of “2024年部门收支预算总表”')).toHaveValue('{year}年部门收支预算总表');
  await expectNoRawKeys();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '模板', exact: true })).toBeVisible();
  expect(cspViolations).toEqual([]);
});
