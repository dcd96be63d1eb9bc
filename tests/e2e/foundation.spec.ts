import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { screenshotsDir, e2eUrl } from './support';

/**
 * A clerk's first session in browser mode: create the 2025 workbook, add the organ as a unit,
 * rename the department, undo/redo, come back through the recent list after a reload, switch
 * the language, and meet a translated error. Steps build on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const screenshots = screenshotsDir;
const pageUrl = e2eUrl;

/** Raw i18n keys look like "units.add" or "app:title"; none may reach the screen. */
async function expectNoRawKeys(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b(app|errors|store|catalog):[a-zA-Z]/);
  expect(text).not.toMatch(/\b(start|units|unit|workbook|department|validation|error|language)\.[a-zA-Z]+\b/);
}

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  mkdirSync(screenshots, { recursive: true });
});

test.afterAll(async () => {
  await page.close();
});

test('opens on the start screen in Chinese', async () => {
  await page.goto(pageUrl());
  await expect(page.getByRole('heading', { name: '部门预算编制助手' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '新建预算文件' })).toBeVisible();
  await expect(page.getByText('还没有打开过的文件。')).toBeVisible();
  // The token left the address bar once the page had stored it.
  expect(page.url()).not.toContain('token=');
  await expectNoRawKeys(page);
});

test('creates the 2025 workbook', async () => {
  const form = page.getByRole('region', { name: '新建预算文件' });
  await form.getByLabel('部门编码').fill('036');
  await form.getByLabel('部门名称').fill('济源市医疗保障局');
  await form.getByLabel('预算年度').fill('2025');
  await expect(form.getByLabel('文件名')).toHaveValue('036-2025');
  await form.getByRole('button', { name: '新建' }).click();

  await expect(page.getByText('济源市医疗保障局 · 2025年度预算')).toBeVisible();
  await expect(page.getByRole('heading', { name: '部门信息' })).toBeVisible();
  await expect(page.getByText('还没有单位。', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销' })).toBeDisabled();
});

test('refuses a unit with missing fields, naming them', async () => {
  await page.getByRole('button', { name: '添加单位' }).click();
  const form = page.getByRole('form', { name: '添加单位' });
  await form.getByLabel('编制数').fill('二十');
  await form.getByRole('button', { name: '保存单位' }).click();
  await expect(form.getByText('请填写“单位编码”。')).toBeVisible();
  await expect(form.getByText('请填写“单位名称”。')).toBeVisible();
  await expect(form.getByText('“编制数”应为不小于 0 的整数。')).toBeVisible();
});

test('adds a unit', async () => {
  const form = page.getByRole('form', { name: '添加单位' });
  await form.getByLabel('单位编码').fill('036001');
  await form.getByLabel('单位名称').fill('济源市医疗保障局（本级）');
  await form.getByLabel('单位类型').selectOption({ label: '行政单位' });
  await form.getByLabel('编制数').fill('２０');
  await form.getByLabel('实有人数').fill('18');
  await form.getByLabel('离退休人数').fill('5');
  await form.getByRole('button', { name: '保存单位' }).click();

  await expect(form).toBeHidden();
  const row = page.getByTestId('unit-row-036001');
  await expect(row).toContainText('济源市医疗保障局（本级）');
  await expect(row).toContainText('行政单位');
  await expect(row.getByRole('cell')).toHaveText(['036001', '济源市医疗保障局（本级）', '行政单位', '20', '18', '5', /编辑/]);
  await expect(page.getByText('共 1 个单位')).toBeVisible();
});

test('edits the unit and the department name; undo and redo', async () => {
  await page.getByRole('button', { name: '编辑 济源市医疗保障局（本级）' }).click();
  const unitForm = page.getByRole('form', { name: '编辑单位：济源市医疗保障局（本级）' });
  await unitForm.getByLabel('实有人数').fill('19');
  await unitForm.getByRole('button', { name: '保存单位' }).click();
  await expect(page.getByTestId('unit-row-036001').getByRole('cell').nth(4)).toHaveText('19');

  const name = page.getByRole('region', { name: '部门信息' }).getByLabel('部门名称');
  await name.fill('济源示范区医疗保障局');
  await name.press('Tab');
  await expect(page.getByText('济源示范区医疗保障局 · 2025年度预算')).toBeVisible();

  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('济源市医疗保障局 · 2025年度预算')).toBeVisible();
  await expect(name).toHaveValue('济源市医疗保障局');
  await page.getByRole('button', { name: '重做' }).click();
  await expect(name).toHaveValue('济源示范区医疗保障局');

  // Keyboard: Ctrl+Z outside a text field undoes the name change, Ctrl+Y brings it back.
  await page.getByRole('heading', { name: '单位', exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(name).toHaveValue('济源市医疗保障局');
  await page.keyboard.press('Control+y');
  await expect(name).toHaveValue('济源示范区医疗保障局');
  await expect(page.getByRole('button', { name: '重做' })).toBeDisabled();
});

test('a reload (F5) brings back the open workbook; after closing, the recent list reopens it', async () => {
  await page.reload();
  await expect(page.getByTestId('unit-row-036001')).toContainText('济源市医疗保障局（本级）');
  await page.getByRole('button', { name: '关闭文件' }).click();
  await expect(page.getByRole('heading', { name: '最近打开' })).toBeVisible();
  // Closed, it stays closed across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: '最近打开' })).toBeVisible();
  const recent = page.getByRole('list', { name: '最近打开' });
  const entry = recent.getByRole('button', { name: /济源示范区医疗保障局 · 2025年度/ });
  await expect(entry).toContainText(join(process.env.BUDGET_DESK_E2E_DATA_DIR ?? '', '036-2025.budget'));
  await page.screenshot({ path: join(screenshots, 'start-screen.png') });
  await entry.click();

  const row = page.getByTestId('unit-row-036001');
  await expect(row).toContainText('济源市医疗保障局（本级）');
  await expect(row.getByRole('cell').nth(4)).toHaveText('19');
  await expect(page.getByRole('region', { name: '部门信息' }).getByLabel('部门名称')).toHaveValue('济源示范区医疗保障局');
  await page.screenshot({ path: join(screenshots, 'units-screen.png') });
  await expectNoRawKeys(page);
});

test('switches to English and back, remembering the choice across a reload', async () => {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Units', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Department', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add unit' })).toBeVisible();
  await expect(page.getByTestId('unit-row-036001')).toContainText('Administrative unit');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoRawKeys(page);
  await page.screenshot({ path: join(screenshots, 'units-screen-en.png') });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Units', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '单位', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '关闭文件' }).click();
  await expect(page.getByRole('heading', { name: '最近打开' })).toBeVisible();
});

test('shows translated errors: a missing file and an existing file name', async () => {
  const open = page.getByRole('region', { name: '打开预算文件' });
  await open.getByLabel('文件名或路径').fill('不存在的文件');
  await open.getByRole('button', { name: '打开' }).click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(join(process.env.BUDGET_DESK_E2E_DATA_DIR ?? '', '不存在的文件.budget'));
  const missingPath = join(process.env.BUDGET_DESK_E2E_DATA_DIR ?? '', '不存在的文件.budget');
  const words = async () => (await banner.locator('p').innerText()).replace(missingPath, '');
  expect(await words()).toMatch(/[\u4e00-\u9fff]/);
  await expectNoRawKeys(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(banner).toContainText('不存在的文件.budget');
  await expect(banner.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  expect(await words()).not.toMatch(/[\u4e00-\u9fff]/);
  await expectNoRawKeys(page);
  await page.getByRole('button', { name: '中文' }).click();
  await banner.getByRole('button', { name: '知道了' }).click();
  await expect(banner).toBeHidden();

  const create = page.getByRole('region', { name: '新建预算文件' });
  await create.getByLabel('部门编码').fill('036');
  await create.getByLabel('部门名称').fill('济源市医疗保障局');
  await create.getByLabel('预算年度').fill('2025');
  await create.getByRole('button', { name: '新建' }).click();
  await expect(banner).toContainText('已存在');
  await expect(banner).toContainText('036-2025.budget');
});
