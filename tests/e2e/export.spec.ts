import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { fromInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { e2eApi as api, e2eDataDir as dataDir, e2eUrl, screenshotsDir } from './support';

/**
 * A clerk publishes the Henan budget from browser mode: the workbook is seeded through the API
 * (workbook.create, then one workbook.edit with the Henan fixture's records), opened from the
 * recent list; on the export screen the clerk exports the Excel tables and the PDF package, sees the
 * progress and the paths written; cancels a PDF export mid-way and finds no file; prints the package
 * from the page. The seed has errors and warnings: the screen shows them, and export and
 * print ask first; a second export to the same files asks before replacing them. Steps build on each other, so
 * they run in order.
 */
test.describe.configure({ mode: 'serial' });

const screenshots = screenshotsDir;

const STEM = '济源产城融合示范区医疗保障局-2024-部门预算公开';

function henanWorkbook(): Workbook {
  const path = resolve(import.meta.dirname, '../fixtures/seeds/henan-2024/workbook.json');
  const parsed = fromInterchange(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error('henan-2024/workbook.json does not parse');
  return parsed.workbook;
}

/** Raw i18n keys look like "output.browse" or "export:busy"; none may reach the screen. */
async function expectNoRawKeys(): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b(app|errors|export|workbench):[a-zA-Z]/);
  expect(text).not.toMatch(/\b(screen|template|outputs?|kind|actions|validation|progress|result|print|stage)\.[a-zA-Z]+\b/);
}

let page: Page;
const cspViolations: string[] = [];

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  mkdirSync(screenshots, { recursive: true });
});

// The server run is shared with the other specs, which expect an empty recent list: close the
// workbook and remove what this spec wrote (a vanished file drops out of the list when it is read).
test.afterAll(async () => {
  await page.close();
  await api('workbook.close', {});
  for (const name of readdirSync(dataDir())) {
    if (name.startsWith('henan-export.budget') || name.startsWith(STEM)) rmSync(join(dataDir(), name), { recursive: true, force: true });
  }
});

test('seeds the Henan workbook through the API and opens it from the recent list', async () => {
  const workbook = henanWorkbook();
  const { code, name, year } = workbook.department;
  await api('workbook.create', { path: 'henan-export', department: { code, name, year } });
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
      { op: 'set', key: 'priorYear', value: workbook.priorYear },
    ],
  });

  await page.goto(e2eUrl());
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: /济源产城融合示范区医疗保障局 · 2024年度/ }).click();
  await expect(page.getByText('济源产城融合示范区医疗保障局 · 2024年度预算')).toBeVisible();
});

test('opens the export screen with the workbook’s template and names in the data folder', async () => {
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '公开与打印', exact: true }).click();
  await expect(page.getByRole('heading', { name: '公开与打印' })).toBeVisible();
  const template = page.getByLabel('公开模板');
  await expect(template).toHaveValue('henan-2024');
  await expect(template.locator('option:checked')).toHaveText('河南省部门预算公开（2024）');
  await expect(page.getByText('工作簿设置的模板。')).toBeVisible();

  await expect(page.getByLabel('Excel 公开表保存位置')).toHaveValue(`${STEM}.xlsx`);
  await expect(page.getByLabel('PDF 公开材料保存位置')).toHaveValue(`${STEM}.pdf`);
  await expect(page.getByLabel('开放数据保存位置')).toHaveValue(`${STEM}数据`);
  await expect(page.getByLabel('开放数据保存位置')).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: /Excel 公开表/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /PDF 公开材料/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /开放数据/ })).not.toBeChecked();
  await expect(page.getByText(`只写文件名时保存在数据文件夹 ${dataDir()} 中`)).toBeVisible();
  // Browser mode has no native dialog: no "choose location" buttons.
  await expect(page.getByRole('button', { name: '选择位置…' })).toHaveCount(0);
  // What stands before publishing, the same counts as the status bar's.
  const standing = page.getByTestId('export-standing');
  const [errors, warnings] = ((await page.getByTestId('status-checks').innerText()).match(/\d+/g) ?? []).map(Number);
  expect(errors).toBeGreaterThan(0);
  await expect(standing).toContainText(`${errors} 个错误`);
  await expect(standing).toContainText(`${warnings} 个警告`);
  await expectNoRawKeys();
});

test('export first shows what stands: going back opens the findings and exports nothing', async () => {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: '公开前请核对' });
  await expect(ask).toContainText(/\d+ 个错误/);
  await expect(ask).toContainText(/\d+ 个警告/);
  await ask.getByRole('button', { name: '返回修改' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { name: '检查结果' })).toBeVisible();
  await expect(page.getByTestId('export-progress')).toBeHidden();
  expect(existsSync(join(dataDir(), `${STEM}.xlsx`))).toBe(false);
  await page.locator('.check-panel').getByRole('button', { name: '收起' }).click();
});

test('exports the Excel tables and the PDF package, showing progress and the paths written', async () => {
  test.setTimeout(180_000);
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('alertdialog', { name: '公开前请核对' }).getByRole('button', { name: '仍然导出' }).click();

  const progress = page.getByTestId('export-progress');
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByRole('heading', { name: '正在导出' })).toBeVisible();
  await expect(progress.getByText(/第 2\/2 项：PDF 公开材料/)).toBeVisible({ timeout: 60_000 });
  await expect(progress.getByRole('status')).toHaveText(/正在(计算公开表|生成 PDF|排版|编制目录页码)…/);
  await expect(progress.getByRole('button', { name: '取消' })).toBeEnabled();
  await page.screenshot({ path: join(screenshots, 'export-progress.png') });

  const xlsxResult = page.getByTestId('export-result-xlsx');
  const pdfResult = page.getByTestId('export-result-pdf');
  await expect(pdfResult).toBeVisible({ timeout: 150_000 });
  await expect(progress).toBeHidden();
  const xlsxPath = join(dataDir(), `${STEM}.xlsx`);
  const pdfPath = join(dataDir(), `${STEM}.pdf`);
  await expect(xlsxResult).toContainText('已导出，共 13 张表');
  await expect(xlsxResult.locator('code')).toHaveText(xlsxPath);
  await expect(pdfResult).toContainText(/已导出，共 \d+ 页/);
  await expect(pdfResult.locator('code')).toHaveText(pdfPath);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxPath);
  expect(book.worksheets).toHaveLength(13);
  expect(book.worksheets[0]?.getCell('A1').text).toContain('收支');
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

  await expectNoRawKeys();
  await page.screenshot({ path: join(screenshots, 'export-screen.png') });
});

test('cancels a PDF export mid-way: it says so and leaves no file', async () => {
  test.setTimeout(120_000);
  await page.getByRole('checkbox', { name: /Excel 公开表/ }).uncheck();
  await page.getByLabel('PDF 公开材料保存位置').fill('取消的导出.pdf');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('alertdialog', { name: '公开前请核对' }).getByRole('button', { name: '仍然导出' }).click();

  const progress = page.getByTestId('export-progress');
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByText('第 1/1 项：PDF 公开材料')).toBeVisible();
  await expect(progress.getByRole('status')).toHaveText('正在生成 PDF…', { timeout: 60_000 });
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(progress.getByRole('button', { name: '正在取消…' })).toBeDisabled();

  const pdfResult = page.getByTestId('export-result-pdf');
  await expect(pdfResult).toContainText('已取消，未写入文件', { timeout: 60_000 });
  await expect(pdfResult.locator('code')).toHaveCount(0);
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('export-result-xlsx')).toHaveCount(0);
  expect(existsSync(join(dataDir(), '取消的导出.pdf'))).toBe(false);
  await expectNoRawKeys();
});

test('never replaces the files of an earlier export without asking', async () => {
  test.setTimeout(120_000);
  const pdfPath = join(dataDir(), `${STEM}.pdf`);
  const before = statSync(pdfPath).mtimeMs;
  await page.getByLabel('PDF 公开材料保存位置').fill(`${STEM}.pdf`);
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('alertdialog', { name: '公开前请核对' }).getByRole('button', { name: '仍然导出' }).click();
  const replace = page.getByRole('alertdialog', { name: '替换已有文件？' });
  await expect(replace).toContainText('下面 1 个文件已经存在');
  await expect(replace).toContainText(pdfPath);
  await replace.getByRole('button', { name: '取消' }).click();
  await expect(replace).toBeHidden();
  expect(statSync(pdfPath).mtimeMs).toBe(before);

  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('alertdialog', { name: '公开前请核对' }).getByRole('button', { name: '仍然导出' }).click();
  await page.getByRole('alertdialog', { name: '替换已有文件？' }).getByRole('button', { name: '替换并导出' }).click();
  await expect(page.getByTestId('export-result-pdf')).toContainText(/已导出，共 \d+ 页/, { timeout: 90_000 });
  expect(statSync(pdfPath).mtimeMs).toBeGreaterThan(before);
});

test('prints the package from the page: fonts, styles and the contents’ page numbers in place', async () => {
  test.setTimeout(120_000);
  cspViolations.length = 0;
  await page.getByRole('button', { name: '打印…' }).click();
  await page.getByRole('alertdialog', { name: '公开前请核对' }).getByRole('button', { name: '仍然打印' }).click();
  const status = page.getByTestId('print-status');
  await expect(status).toHaveText(/正在准备打印/);
  await expect(status).toHaveText('已打开打印对话框。', { timeout: 90_000 });

  const frame = page.frameLocator('iframe.print-frame');
  await expect(frame.getByRole('heading', { name: '目　录' })).toBeAttached();
  const numbers = await frame.locator('.toc-page').allInnerTexts();
  expect(numbers.length).toBeGreaterThan(10);
  expect(numbers.every((number) => /^\d+$/.test(number))).toBe(true);
  const looks = await page.locator('iframe.print-frame').evaluate((element: HTMLIFrameElement) => {
    const document = element.contentDocument as Document;
    const view = element.contentWindow as Window;
    const section = document.querySelector('.report-table') as HTMLElement;
    const column = document.querySelector('.report-table col') as HTMLElement;
    return {
      sans: document.fonts.check('12px "Noto Sans SC"', '部门预算'),
      serif: document.fonts.check('bold 12px "Noto Serif SC"', '目录'),
      tableFont: section.style.getPropertyValue('--table-font'),
      columnWidth: column.style.width,
      border: view.getComputedStyle(document.querySelector('.report-table td') as Element).borderTopStyle,
      pageRules: [...document.adoptedStyleSheets[0]!.cssRules].filter((rule) => rule.constructor.name === 'CSSPageRule').length,
    };
  });
  expect(looks.sans).toBe(true);
  expect(looks.serif).toBe(true);
  expect(looks.tableFont).toMatch(/^\d+(\.\d+)?pt$/);
  expect(looks.columnWidth).toMatch(/%$/);
  expect(looks.border).toBe('solid');
  expect(looks.pageRules).toBeGreaterThanOrEqual(2);
  expect(cspViolations).toEqual([]);
});

test('speaks English on the export screen', async () => {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Publish and print' })).toBeVisible();
  await expect(page.getByLabel('Save Excel tables to')).toHaveValue(`${STEM}.xlsx`);
  await expect(page.getByTestId('export-result-pdf')).toContainText(/Written, \d+ pages/);
  await expect(page.getByTestId('export-standing')).toContainText(/\d+ errors/);
  await expect(page.getByTestId('print-status')).toHaveText('The print dialog was opened.');
  await expectNoRawKeys();
  await page.screenshot({ path: join(screenshots, 'export-screen-en.png') });
  await page.getByRole('button', { name: '中文' }).click();
});
