import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { screenshotsDir, e2eUrl } from './support';

/**
 * A clerk compiles a budget in the workbench, as they would in Excel: creates the 2025 workbook,
 * adds the department's two units, types the income, pastes a block of expenditure lines from a
 * spreadsheet (two cells are wrong and get marked while the rest is kept), watches the status bar
 * balance, adds a project with its lines and target, undoes and redoes, fixes every finding by
 * clicking through the check panel, previews the Henan tables, switches language, and reopens
 * the file. Steps build on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const screenshots = screenshotsDir;
const pageUrl = e2eUrl;

let page: Page;

const grid = (id: string) => page.locator(`[data-grid="${id}"]`);
const cell = (id: string, row: number, column: string): Locator => grid(id).locator(`[data-row="${row}"] [data-col="${column}"]`);
const editor = (id: string) => grid(id).locator('textarea.grid-editor');
const nav = (name: string) => page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name, exact: true });

/** What Excel puts on the clipboard, delivered as a real paste event to the grid's editor. */
async function pasteText(id: string, text: string): Promise<void> {
  await editor(id).evaluate((element, clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Raw i18n keys look like "grid.deleteRows" or "workbench:problem"; none may reach the screen. */
async function expectNoRawKeys(): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b(app|errors|store|catalog|workbench|checks):[a-zA-Z]/);
  expect(text).not.toMatch(/\b(grid|nav|status|column|problem|checks|expenditure|income)\.[a-zA-Z]+\b/);
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  mkdirSync(screenshots, { recursive: true });
});

test.afterAll(async () => {
  await page.close();
});

test('creates the 2025 workbook with the department and two units', async () => {
  await page.goto(pageUrl());
  const form = page.getByRole('region', { name: '新建预算文件' });
  await form.getByLabel('部门编码').fill('037');
  await form.getByLabel('部门名称').fill('示范市医疗保障局');
  await form.getByLabel('预算年度').fill('2025');
  await form.getByRole('button', { name: '新建' }).click();
  await expect(page.getByText('示范市医疗保障局 · 2025年度预算')).toBeVisible();

  for (const [code, name, kind, grade, fundingForm] of [
    ['037001', '示范市医疗保障局（本级）', '行政单位', '正处（县）级', '财政拨款'],
    ['037002', '示范市医疗保障服务中心', '事业单位', '', ''],
  ] as const) {
    await page.getByRole('button', { name: '添加单位' }).click();
    const unitForm = page.getByRole('form', { name: '添加单位' });
    await unitForm.getByLabel('单位编码').fill(code);
    await unitForm.getByLabel('单位名称').fill(name);
    await unitForm.getByLabel('单位类型').selectOption({ label: kind });
    // 单位规格 and 经费保障形式 are free text; an empty one is not stored.
    await unitForm.getByLabel('单位规格').fill(grade);
    await unitForm.getByLabel('经费保障形式').fill(fundingForm);
    await unitForm.getByRole('button', { name: '保存单位' }).click();
    await expect(page.getByTestId(`unit-row-${code}`)).toBeVisible();
  }
  await expect(page.getByTestId('unit-row-037001').getByRole('cell').nth(2)).toHaveText('行政单位单位规格：正处（县）级；经费保障形式：财政拨款');
  await expect(page.getByTestId('unit-row-037002').getByRole('cell').nth(2)).toHaveText('事业单位');
  await expect(page.getByTestId('status-balance')).toHaveText('收支平衡 ✓');
});

test('types income into the grid, cell by cell, with Tab and Enter', async () => {
  await nav('收入').click();
  await expect(page.getByRole('heading', { name: '收入' })).toBeVisible();
  await cell('incomeLines', 0, 'unitId').click();
  await page.keyboard.type('037001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('财政拨款');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('300');
  await page.keyboard.press('Enter');
  // Enter after a row typed with Tab returns to the row's first column, as in Excel.
  await page.keyboard.type('示范市医疗保障服务中心');
  await page.keyboard.press('Tab');
  await page.keyboard.type('事业收入');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('50.5');
  await page.keyboard.press('Enter');

  await expect(cell('incomeLines', 0, 'unitId')).toHaveText('示范市医疗保障局（本级）');
  await expect(cell('incomeLines', 0, 'fund')).toHaveText('财政拨款');
  await expect(cell('incomeLines', 0, 'amount')).toHaveText('300.00');
  await expect(cell('incomeLines', 1, 'fund')).toHaveText('事业收入');
  await expect(cell('incomeLines', 1, 'amount')).toHaveText('50.50');
  await expect(page.getByTestId('status-income')).toHaveText('350.50');
  await expect(page.getByTestId('status-balance')).toHaveText('收入减支出 350.50');
});

/**
 * Twenty expenditure lines as a clerk's spreadsheet holds them. Row 5 has a letter O in its code and
 * row 19 reads "6.5万": the grid refuses both cells. Row 12 pairs 公务接待费 with 办公经费, which
 * parses but the checks report.
 */
const EXPENDITURE_ROWS = [
  ['037001', '2101501 行政运行', '30101 基本工资', '50101', '基本支出', '财政拨款', '80', '含2025年调资\n（暂估）'],
  ['037001', '2101501 行政运行', '30102', '50101', '基本支出', '财政拨款', '40', ''],
  ['037001', '2101501', '30103', '50101', '基本支出', '财政拨款', '10', ''],
  ['037001', '2080505', '30108', '50102', '基本支出', '财政拨款', '25', ''],
  ['037001', '21O1101', '30110', '50102', '基本支出', '财政拨款', '8', ''],
  ['037001', '2210201', '30113', '50103', '基本支出', '财政拨款', '12', ''],
  ['037001', '2101501', '30201 办公费', '50201', '基本支出', '财政拨款', '6', ''],
  ['037001', '2101501', '30205', '50201', '基本支出', '财政拨款', '3', ''],
  ['037001', '2101501', '30206', '50201', '基本支出', '财政拨款', '4', ''],
  ['037001', '2101501', '30207', '50201', '基本支出', '财政拨款', '2', ''],
  ['037001', '2101501', '30211', '50201', '基本支出', '财政拨款', '5', '他说"够用"'],
  ['037001', '2101501', '30217', '50201', '基本支出', '财政拨款', '1.5', ''],
  ['037001', '2101501', '30231', '50208', '基本支出', '财政拨款', '3.5', ''],
  ['037001', '2101501', '30228', '50201', '基本支出', '财政拨款', '2', ''],
  ['037001', '2101501', '30229', '50201', '基本支出', '财政拨款', '3', ''],
  ['037001', '2080501', '30302', '50905', '基本支出', '财政拨款', '95', ''],
  ['示范市医疗保障服务中心', '2101550', '30101', '', '基本支出', '事业收入', '30', ''],
  ['示范市医疗保障服务中心', '2101550', '30102', '', '基本支出', '事业收入', '10', ''],
  ['示范市医疗保障服务中心', '2101550', '30201', '', '基本支出', '事业收入', '6.5万', ''],
  ['示范市医疗保障服务中心', '2101550', '30211', '', '基本支出', '事业收入', '4', ''],
];

/** The block as Excel copies it: tabs, CRLF, quoted cells where they hold a line break or a quote, a final CRLF. */
function excelClipboard(rows: string[][]): string {
  const quote = (value: string) => (/[\t\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `${rows.map((row) => row.map(quote).join('\t')).join('\r\n')}\r\n`;
}

test('pastes twenty lines from a spreadsheet: two bad cells are marked, the rest is saved as one step', async () => {
  await nav('基本支出').click();
  await expect(page.getByRole('heading', { name: '基本支出及其他非项目支出' })).toBeVisible();
  await cell('budgetLines', 0, 'unitId').click();
  await pasteText('budgetLines', excelClipboard(EXPENDITURE_ROWS));

  // 18 rows saved, in the pasted order; the two with a bad cell stay below as drafts.
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(18);
  await expect(grid('budgetLines').locator('[data-kind="draft"]')).toHaveCount(2);
  await expect(cell('budgetLines', 0, 'functionCode')).toHaveText('2101501 行政运行');
  await expect(cell('budgetLines', 0, 'note')).toHaveText('含2025年调资 …');
  await expect(cell('budgetLines', 9, 'note')).toHaveText('他说"够用"');
  // The 政府经济 code a public institution's 30101 must have was filled in.
  await expect(cell('budgetLines', 15, 'govEconCode')).toHaveText('50501 工资福利支出');

  const badCode = cell('budgetLines', 18, 'functionCode');
  await expect(badCode).toHaveText('21O1101');
  await expect(badCode).toHaveAttribute('aria-invalid', 'true');
  await expect(badCode).toHaveAttribute('title', '第19行“功能分类科目”：“21O1101”不是功能分类科目编码（以 2 开头的数字，项为 7 位）');
  await expect(cell('budgetLines', 18, 'amount')).toHaveText('8');
  const badAmount = cell('budgetLines', 19, 'amount');
  await expect(badAmount).toHaveText('6.5万');
  await expect(badAmount).toHaveAttribute('title', '第20行“金额（万元）”：“6.5万”不是金额');
  await expect(page.getByTestId('status-unsaved')).toHaveText('2 行有未保存的输入');
  await expect(page.getByTestId('status-expenditure')).toHaveText('336.00');
  await expect(page.getByTestId('status-balance')).toHaveText('收入减支出 14.50');
  // One paste is one undo step.
  await expect(page.getByRole('button', { name: '撤销' })).toBeEnabled();
});

test('fixes the two bad cells; the lines are saved and the status bar balances', async () => {
  await cell('budgetLines', 18, 'functionCode').click();
  await page.keyboard.type('2101101');
  await page.keyboard.press('Enter');
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(19);
  await expect(cell('budgetLines', 18, 'functionCode')).toHaveText('2101101 行政单位医疗');
  await expect(cell('budgetLines', 18, 'govEconCode')).toHaveText('50102 社会保障缴费');

  await cell('budgetLines', 19, 'amount').dblclick();
  await expect(editor('budgetLines')).toHaveValue('6.5万');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(20);
  await expect(cell('budgetLines', 19, 'amount')).toHaveText('6.50');
  await expect(page.getByTestId('status-expenditure')).toHaveText('350.50');
  await expect(page.getByTestId('status-balance')).toHaveText('收支平衡 ✓');
  await expect(page.getByTestId('status-unsaved')).toBeHidden();
  await expectNoRawKeys();
  await page.screenshot({ path: join(screenshots, 'workbench-expenditure.png') });
});

test('types Chinese through an IME: the first pinyin letter is kept, Enter inside the composition does not commit', async () => {
  const cdp = await page.context().newCDPSession(page);
  await cell('budgetLines', 2, 'note').click();
  // The IME's first key arrives as keyCode 229 ("Process"); the grid leaves it to the IME.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyB', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.imeSetComposition', { text: 'b', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code: 'KeyB', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await expect(editor('budgetLines')).toHaveAttribute('data-editing', 'enter');
  await cdp.send('Input.imeSetComposition', { text: 'bu', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: "bu'c", selectionStart: 4, selectionEnd: 4 });
  await expect(editor('budgetLines')).toHaveValue("bu'c");
  // Enter while composing picks the IME's candidate; it must not commit the cell.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.insertText', { text: '补充' });
  await expect(editor('budgetLines')).toHaveAttribute('data-editing', 'enter');
  await expect(editor('budgetLines')).toHaveValue('补充');
  await cdp.send('Input.imeSetComposition', { text: 'shuo', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.insertText', { text: '说明' });
  await expect(editor('budgetLines')).toHaveValue('补充说明');
  await page.keyboard.press('Enter');
  await expect(cell('budgetLines', 2, 'note')).toHaveText('补充说明');
  await expect(editor('budgetLines')).toHaveAttribute('data-editing', 'no');
  await cdp.detach();
});

test('edits with the keyboard: F2, Esc, arrows, type to replace, Ctrl+D, undo and redo', async () => {
  await cell('budgetLines', 0, 'amount').click();
  await page.keyboard.press('F2');
  await expect(editor('budgetLines')).toHaveValue('80');
  await page.keyboard.type('.25');
  await page.keyboard.press('Escape');
  await expect(cell('budgetLines', 0, 'amount')).toHaveText('80.00');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('41');
  // In Excel's enter mode an arrow key commits and moves.
  await page.keyboard.press('ArrowDown');
  await expect(cell('budgetLines', 1, 'amount')).toHaveText('41.00');
  await expect(cell('budgetLines', 2, 'amount')).toHaveClass(/active/);
  await expect(page.getByTestId('status-balance')).toHaveText('收入减支出 -1.00');

  await page.keyboard.press('Control+z');
  await expect(cell('budgetLines', 1, 'amount')).toHaveText('40.00');
  await page.keyboard.press('Control+y');
  await expect(cell('budgetLines', 1, 'amount')).toHaveText('41.00');
  await page.keyboard.press('Control+z');
  await expect(cell('budgetLines', 1, 'amount')).toHaveText('40.00');

  // Ctrl+D fills the first row of a selection down: one undo step for all of it.
  await cell('budgetLines', 6, 'note').click();
  await page.keyboard.type('同上');
  await page.keyboard.press('Enter');
  await cell('budgetLines', 6, 'note').click();
  await cell('budgetLines', 8, 'note').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+d');
  await expect(cell('budgetLines', 7, 'note')).toHaveText('同上');
  await expect(cell('budgetLines', 8, 'note')).toHaveText('同上');
  await page.keyboard.press('Control+z');
  await expect(cell('budgetLines', 7, 'note')).toHaveText('');
  await expect(cell('budgetLines', 8, 'note')).toHaveText('');
  await expect(cell('budgetLines', 6, 'note')).toHaveText('同上');
});

test('copies a block out as Excel reads it', async () => {
  await cell('budgetLines', 0, 'functionCode').click();
  await cell('budgetLines', 1, 'amount').click({ modifiers: ['Shift'] });
  const copied = await editor('budgetLines').evaluate((element) => {
    const data = new DataTransfer();
    element.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  expect(copied).toBe(
    ['2101501 行政运行\t30101 基本工资\t50101 工资奖金津补贴\t基本支出\t财政拨款\t80', '2101501 行政运行\t30102 津贴补贴\t50101 工资奖金津补贴\t基本支出\t财政拨款\t40'].join('\r\n'),
  );
});

test('sorts and filters', async () => {
  await grid('budgetLines').getByRole('button', { name: '金额（万元）' }).click();
  await expect(cell('budgetLines', 0, 'amount')).toHaveText('1.50');
  await grid('budgetLines').getByRole('button', { name: '金额（万元）' }).click();
  await expect(cell('budgetLines', 0, 'amount')).toHaveText('95.00');
  await grid('budgetLines').getByRole('button', { name: '金额（万元）' }).click();
  await expect(cell('budgetLines', 0, 'amount')).toHaveText('80.00');

  const fundFilter = grid('budgetLines').getByRole('searchbox', { name: '筛选“资金来源”' });
  await fundFilter.fill('事业收入');
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(4);
  await expect(page.getByText('共 4 行')).toBeVisible();
  await fundFilter.fill('');
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(20);
});

test('deletes selected rows after asking, and undo brings them back', async () => {
  await grid('budgetLines').locator('[data-row="16"] [role="rowheader"]').click();
  await grid('budgetLines').locator('[data-row="17"] [role="rowheader"]').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+-');
  const dialog = page.getByRole('alertdialog', { name: '删除行' });
  await expect(dialog).toContainText('确定删除选中的 2 行（第 17–18 行）吗？');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(20);

  await grid('budgetLines').getByRole('button', { name: '删除所选行' }).click();
  await page.getByRole('alertdialog', { name: '删除行' }).getByRole('button', { name: '删除 2 行' }).click();
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(18);
  await expect(page.getByTestId('status-expenditure')).toHaveText('336.50');
  await page.keyboard.press('Control+z');
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(20);
  await expect(cell('budgetLines', 16, 'amount')).toHaveText('10.00');
  await expect(page.getByTestId('status-balance')).toHaveText('收支平衡 ✓');
});

test('adds a project with its lines, balancing the income', async () => {
  await nav('项目').click();
  await cell('projects', 0, 'code').click();
  await page.keyboard.type('419001250000000001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('医保基金监管');
  await page.keyboard.press('Tab');
  await page.keyboard.type('037001');
  await page.keyboard.press('Enter');
  await expect(cell('projects', 0, 'type')).toHaveText('特定目标类');
  await cell('projects', 0, 'name').click();
  await page.getByRole('button', { name: '打开项目：医保基金监管' }).click();
  await expect(page.getByRole('heading', { name: '医保基金监管' })).toBeVisible();

  await cell('projectLines', 0, 'functionCode').click();
  await pasteText('projectLines', '2101501\t30227\t50205\t财政拨款\t30\t委托第三方检查\r\n2101501\t31002\t\t财政拨款\t10\t\r\n');
  await expect(grid('projectLines').locator('[data-kind="record"]')).toHaveCount(2);
  await expect(cell('projectLines', 1, 'govEconCode')).toHaveText('50306 设备购置');
  await expect(page.getByTestId('status-balance')).toHaveText('收入减支出 -40.00');

  await nav('收入').click();
  await cell('incomeLines', 0, 'amount').click();
  await page.keyboard.type('340');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-balance')).toHaveText('收支平衡 ✓');
});

test('lists procurement paid from basic expenditure: a group of the unit and its item', async () => {
  await nav('基本支出').click();
  await page.getByRole('button', { name: /公用经费政府采购/ }).click();
  await expect(page.getByText('还没有采购分组', { exact: false })).toBeVisible();
  await cell('basicProcurement', 0, 'unitId').click();
  await page.keyboard.type('037001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('公用类项目1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6');
  await page.keyboard.press('Tab');
  await page.keyboard.type('医保基金监管');
  await page.keyboard.press('Enter');
  await expect(grid('basicProcurement').locator('[data-kind="record"]')).toHaveCount(1);
  await expect(cell('basicProcurement', 0, 'unitId')).toHaveText('示范市医疗保障局（本级）');
  await expect(cell('basicProcurement', 0, 'budget')).toHaveText('6.00');
  await expect(cell('basicProcurement', 0, 'listedAfter')).toHaveText('医保基金监管');

  const items = page.getByRole('region', { name: '“公用类项目1”的采购品目' });
  await expect(items).toBeVisible();
  await cell('basicProcurementItems', 0, 'name').click();
  await pasteText('basicProcurementItems', '复印纸\tA05040101\t箱\t20\t0.02\t0.4\t100%\r\n');
  await expect(cell('basicProcurementItems', 0, 'amount')).toHaveText('0.40');
  await expect(cell('basicProcurementItems', 0, 'smallFirmShare')).toHaveText('100%');
  await expect(cell('basicProcurement', 0, 'itemCount')).toHaveText('1');
  await expect(cell('basicProcurement', 0, 'itemsAmount')).toHaveText('0.40');
  // Procurement is not spending: the balance is as it was.
  await expect(page.getByTestId('status-balance')).toHaveText('收支平衡 ✓');
  await expectNoRawKeys();
  await page.getByRole('button', { name: '← 基本支出明细' }).click();
  await expect(page.getByRole('button', { name: '公用经费政府采购（1 组）' })).toBeVisible();
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(20);
});

test('gives the project a complete performance target, a procurement item and a spending plan', async () => {
  await nav('项目').click();
  await cell('projects', 0, 'name').click();
  await page.getByRole('button', { name: '打开项目：医保基金监管' }).click();
  await page.getByRole('tab', { name: /绩效目标/ }).click();
  const goal = page.getByLabel('项目总体绩效目标');
  await goal.fill('加强医保基金监管，全年检查定点医药机构不少于200家，确保基金安全。');
  await goal.press('Tab');
  await cell('projectIndicators', 0, 'level1').click();
  await pasteText(
    'projectIndicators',
    [
      ['产出指标', '数量指标', '检查定点医药机构数量', '', '≥200家', '年度监管计划'],
      ['产出指标', '质量指标', '问题整改率', '', '≥95%', ''],
      ['产出指标', '时效指标', '检查完成时间', '', '≤12个月', ''],
      ['产出指标', '成本指标', '项目成本', '', '≤40万元', '项目预算'],
      ['效益指标', '社会效益指标', '医保基金安全水平', '', '有所提升', ''],
      ['满意度指标', '服务对象满意度指标', '参保群众满意度', '', '≥90%', ''],
    ]
      .map((row) => row.join('\t'))
      .join('\r\n'),
  );
  await expect(grid('projectIndicators').locator('[data-kind="record"]')).toHaveCount(6);

  await page.getByRole('tab', { name: /政府采购/ }).click();
  await cell('procurement', 0, 'name').click();
  await pasteText('procurement', '便携式计算机\tA02010108\t台\t5\t0.6\t3\t100%\r\n');
  await expect(cell('procurement', 0, 'amount')).toHaveText('3.00');
  await expect(cell('procurement', 0, 'smallFirmShare')).toHaveText('100%');

  await page.getByRole('tab', { name: '用款计划' }).click();
  for (const [label, value] of [
    ['3月底', '25'],
    ['6月底', '50'],
    ['10月底', '80'],
    ['12月底', '90'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(label, { exact: true }).press('Tab');
  }
  await expect(page.getByLabel('12月底', { exact: true })).toHaveValue('90');
  await page.screenshot({ path: join(screenshots, 'workbench-project.png') });
});

test('fixes every error the check panel lists by clicking through it', async () => {
  await page.getByTestId('status-checks').click();
  const panel = page.getByRole('complementary', { name: '检查结果' });
  await expect(panel.getByRole('region', { name: '错误（2）' })).toBeVisible();
  await expect(page.getByTestId('status-checks')).toContainText('错误 2');
  await page.screenshot({ path: join(screenshots, 'workbench-checks.png') });

  // The wrong 政府经济 code: the finding leads to its cell, which carries the finding as a mark.
  await panel.getByRole('button', { name: /第 11 行支出明细：政府经济分类 50201 不适用/ }).click();
  await expect(page.getByRole('heading', { name: '基本支出及其他非项目支出' })).toBeVisible();
  const wrong = cell('budgetLines', 10, 'govEconCode');
  await expect(wrong).toHaveClass(/active/);
  await expect(wrong).toHaveClass(/mark-error/);
  await expect(wrong).toHaveAttribute('title', /应为 50206/);
  await page.keyboard.type('5020');
  // The picker offers only the code legal for an administrative unit's 30217.
  await expect(grid('budgetLines').getByRole('option')).toHaveText(['50206 公务接待费机关商品和服务支出']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(wrong).toHaveText('50206 公务接待费');
  await expect(wrong).not.toHaveClass(/mark-error/);

  // No 公开日期 yet: the warning leads to the department's date field; the clerk writes it as they would on paper.
  await panel.getByRole('button', { name: /公开日期：未填写 2025 年度/ }).click();
  const publishedOn = page.getByLabel('公开日期', { exact: true });
  await expect(publishedOn).toBeFocused();
  await publishedOn.fill('2025年1月20日');
  await publishedOn.press('Tab');
  await expect(publishedOn).toHaveValue('2025-01-20');
  await expect(panel.getByRole('region', { name: /警告/ })).toBeHidden();

  // The spending plan: the finding opens the project at its plan, on the field.
  await expect(panel.getByRole('region', { name: '错误（1）' })).toBeVisible();
  await panel.getByRole('button', { name: /资金支出计划到12月底为 90%/ }).click();
  const december = page.getByLabel('12月底', { exact: true });
  await expect(december).toBeFocused();
  await december.fill('100');
  await december.press('Tab');
  // What stays is the notice that no 2025 catalogue is built in (codes are checked against 2024's): information, no problem.
  await expect(panel.getByRole('region', { name: /错误/ })).toBeHidden();
  await expect(panel.getByRole('region', { name: /警告/ })).toBeHidden();
  await expect(panel.getByRole('region', { name: '提示（1）' })).toContainText('暂按 2024 年版核对科目');
  await expect(page.getByTestId('status-checks')).toContainText('错误 0');
  await expect(page.getByTestId('status-checks')).toContainText('警告 0');
});

test('undoes and redoes from the toolbar across screens', async () => {
  const december = page.getByLabel('12月底', { exact: true });
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(december).toHaveValue('90');
  await expect(page.getByTestId('status-checks')).toContainText('错误 1');
  await page.getByRole('button', { name: '重做' }).click();
  await expect(december).toHaveValue('100');
  await expect(page.getByTestId('status-checks')).toContainText('错误 0');
});

test('previews the Henan tables with the typed figures, in 万元', async () => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await nav('公开表预览').click();
  await expect(page.getByRole('combobox', { name: '模板' })).toHaveValue('henan-2024');
  const preview = page.getByTestId('preview');
  const summary = preview.locator('section[data-table]').first();
  await expect(summary.locator('.table-title')).toHaveText('2025年部门收支预算表');
  // 收入总计 and 支出总计 are both 390.50 万元.
  await expect(summary).toContainText('390.50');
  await expect(preview.locator('section[data-table]')).toHaveCount(13);
  await page.getByRole('navigation', { name: '表目录' }).getByRole('button').nth(1).click();
  await page.screenshot({ path: join(screenshots, 'workbench-preview.png') });
  expect(violations).toEqual([]);
});

test('writes the department target, the texts and the assets', async () => {
  await nav('部门绩效目标').click();
  const annualGoal = page.getByLabel('年度履职目标', { exact: true });
  await annualGoal.fill('保障参保群众基本医疗需求，确保医保基金安全平稳运行。');
  await annualGoal.press('Tab');
  await page.getByRole('tab', { name: /重点工作任务/ }).click();
  await cell('departmentTasks', 0, 'name').click();
  await pasteText('departmentTasks', '医保基金监管\t开展定点医药机构检查\t40\r\n机关运行\t保障机关正常运转\t350.5\r\n');
  await expect(grid('departmentTasks').locator('[data-kind="record"]')).toHaveCount(2);
  await page.getByRole('tab', { name: /绩效指标/ }).click();
  await cell('departmentIndicators', 0, 'level1').click();
  await pasteText(
    'departmentIndicators',
    ['产出指标\t数量指标\t检查定点医药机构数量\t\t≥200家\t', '效益指标\t社会效益指标\t基金运行平稳\t\t有所提升\t', '满意度指标\t服务对象满意度指标\t参保群众满意度\t\t≥90%\t'].join('\r\n'),
  );
  await expect(grid('departmentIndicators').locator('[data-kind="record"]')).toHaveCount(3);

  await nav('文字说明').click();
  const duties = page.getByLabel('主要职责', { exact: true });
  await duties.fill('负责全市医疗保障基金监督管理，组织制定医疗保障待遇政策。');
  await duties.press('Tab');
  await page.getByRole('tab', { name: /名词解释/ }).click();
  await cell('glossary', 0, 'term').click();
  await pasteText('glossary', '财政拨款收入\t指本级财政当年拨付的资金。\r\n"三公"经费\t指因公出国（境）费、公务用车购置及运行维护费和公务接待费。\r\n');
  await expect(cell('glossary', 1, 'term')).toHaveText('"三公"经费');
  // No template chosen yet: the texts screen offers every province's prose sections, each headed as printed.
  await page.getByRole('tab', { name: /专题段落/ }).click();
  await expect(page.getByText('尚未选择模板', { exact: false })).toBeVisible();
  await expect(page.getByLabel('（三）工作保障措施（河北）', { exact: true })).toBeVisible();
  const evaluation = page.getByLabel('（四）重点项目绩效评价情况（河南）', { exact: true });
  await evaluation.fill('# 一、评价范围\n对医保基金监管项目开展绩效自评。');
  await evaluation.press('Tab');
  await expect(page.getByRole('tab', { name: /专题段落/ })).toContainText('1');

  await nav('国有资产').click();
  await cell('vehicles', 0, 'kind').click();
  await page.keyboard.type('一般公务用车');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(cell('vehicles', 0, 'count')).toHaveText('2');

  // The fixed assets held: money in 万元, areas and counts beside it; the vehicle count is the list's.
  const value = (name: string) => page.getByLabel(`${name}价值（万元）`, { exact: true });
  const quantity = (name: string, measure: string) => page.getByLabel(`${name}数量（${measure}）`, { exact: true });
  await value('资产总额').fill('12O.5');
  await value('资产总额').press('Enter');
  await expect(page.getByText('“资产总额价值（万元）”：“12O.5”不是金额')).toBeVisible();
  await value('资产总额').fill('120.5');
  await value('资产总额').press('Tab');
  await expect(page.getByText('“资产总额价值（万元）”', { exact: false })).toBeHidden();
  for (const [field, text] of [
    [value('房屋'), '80'],
    [quantity('房屋', '平方米'), '1200.5'],
    [value('其中：办公用房'), '60'],
    [quantity('其中：办公用房', '平方米'), '900'],
    [value('车辆'), '25.5'],
    [value('单价 20 万元以上的设备'), '10'],
    [quantity('单价 20 万元以上的设备', '台（套）'), '1'],
    [value('其他固定资产'), '5'],
    [quantity('其他固定资产', '件'), '30'],
  ] as const) {
    await field.fill(text);
    await field.press('Tab');
  }
  await expect(page.getByTestId('asset-vehicles')).toContainText('2 辆');
  await expect(quantity('其他固定资产', '件')).toHaveValue('30');
  await expect(page.getByTestId('status-checks')).toContainText('错误 0');
});

test('shows the summary charts with Chinese labels, drawn as SVG', async () => {
  const violations: string[] = [];
  const listener = (message: { text(): string }) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  };
  page.on('console', listener);
  await nav('汇总图表').click();
  const income = page.getByTestId('chart-income');
  await expect(income.locator('svg')).toBeVisible();
  await expect(income.locator('svg text', { hasText: '一般公共预算拨款' }).first()).toBeVisible();
  await expect(page.getByTestId('chart-function').locator('svg text', { hasText: '210 卫生健康支出' })).toBeVisible();
  await expect(page.getByTestId('chart-nature').locator('svg text', { hasText: '人员经费' }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: '与上年比较' })).toContainText('还没有上年数据');
  page.off('console', listener);
  expect(violations).toEqual([]);
});

test('switches to English and back: screens, grids, status bar and findings follow', async () => {
  await page.getByRole('complementary', { name: '检查结果' }).getByRole('button', { name: '收起' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  const english = page.getByRole('navigation', { name: 'Budget sections' });
  await english.getByRole('button', { name: 'Basic expenditure', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Basic and other non-project expenditure' })).toBeVisible();
  await expect(grid('budgetLines').getByRole('button', { name: 'Amount (10k yuan)' })).toBeVisible();
  await expect(cell('budgetLines', 0, 'fund')).toHaveText('Fiscal appropriation');
  await expect(cell('budgetLines', 0, 'nature')).toHaveText('Basic expenditure');
  await expect(page.getByTestId('status-balance')).toHaveText('Balanced ✓');
  await expect(page.getByTestId('status-checks')).toContainText('0 errors');
  // A bad cell is worded in English, naming the row and the column.
  await cell('budgetLines', 0, 'amount').click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(cell('budgetLines', 0, 'amount')).toHaveAttribute('title', 'Row 1, “Amount (10k yuan)”: “abc” is not an amount');
  await cell('budgetLines', 0, 'amount').click();
  await page.keyboard.type('80');
  await page.keyboard.press('Enter');
  await expect(cell('budgetLines', 0, 'amount')).not.toHaveAttribute('title', /abc/);
  await expectNoRawKeys();
  await cell('budgetLines', 0, 'unitId').click();
  const text = await page.locator('.workbench').innerText();
  expect(text).not.toMatch(/收入总计|基本支出及其他/);
  await page.screenshot({ path: join(screenshots, 'workbench-expenditure-en.png') });
  // The screens added for the remaining facts speak English too.
  await page.getByRole('button', { name: 'Procurement from basic expenditure (1 group)' }).click();
  await expect(page.getByRole('region', { name: 'Items of “公用类项目1”' })).toBeVisible();
  await expectNoRawKeys();
  await english.getByRole('button', { name: 'State assets', exact: true }).click();
  await expect(page.getByLabel('Buildings, quantity (m²)', { exact: true })).toHaveValue('1200.5');
  await expect(page.getByTestId('asset-vehicles')).toContainText('2 vehicles');
  await expectNoRawKeys();
  await page.screenshot({ path: join(screenshots, 'workbench-assets-en.png') });
  await english.getByRole('button', { name: 'Texts', exact: true }).click();
  await page.getByRole('tab', { name: /Prose sections/ }).click();
  await expect(page.getByLabel('（四）重点项目绩效评价情况 (henan-2024)', { exact: true })).toHaveValue(/评价范围/);
  await expectNoRawKeys();
  await english.getByRole('button', { name: 'Basic expenditure', exact: true }).click();

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '基本支出及其他非项目支出' })).toBeVisible();
  await expect(cell('budgetLines', 0, 'fund')).toHaveText('财政拨款');
});

test('takes a picture of every screen at 1366×768', async () => {
  const shoot = async (name: string) => {
    await expectNoRawKeys();
    await page.screenshot({ path: join(screenshots, `workbench-${name}.png`) });
  };
  await expect(page.getByRole('complementary', { name: '检查结果' })).toBeHidden();
  for (const [label, name] of [
    ['部门与单位', 'units'],
    ['收入', 'income'],
    ['基本支出', 'expenditure'],
    ['项目', 'projects'],
    ['部门绩效目标', 'performance'],
    ['文字说明', 'texts'],
    ['国有资产', 'assets'],
    ['公开表预览', 'preview'],
    ['汇总图表', 'summary'],
  ] as const) {
    await nav(label).click();
    await expect(nav(label)).toHaveAttribute('aria-current', 'page');
    if (name === 'preview') await expect(page.getByTestId('preview').locator('section[data-table]').first()).toBeVisible();
    if (name === 'summary') await expect(page.getByTestId('chart-change').locator('svg')).toBeVisible();
    await shoot(name);
  }
  await nav('部门绩效目标').click();
  await page.getByRole('tab', { name: /绩效指标/ }).click();
  await shoot('performance-indicators');
  await nav('项目').click();
  await cell('projects', 0, 'name').click();
  await page.getByRole('button', { name: '打开项目：医保基金监管' }).click();
  await shoot('project-lines');
  await page.getByRole('tab', { name: /绩效目标/ }).click();
  await shoot('project-performance');
  await page.getByRole('tab', { name: '基本信息' }).click();
  await shoot('project-basics');
  await nav('基本支出').click();
  await page.getByRole('button', { name: /公用经费政府采购/ }).click();
  await expect(cell('basicProcurementItems', 0, 'name')).toHaveText('复印纸');
  await shoot('expenditure-procurement');
  await nav('文字说明').click();
  await page.getByRole('tab', { name: /专题段落/ }).click();
  await shoot('texts-blocks');
  await nav('部门与单位').click();
  await page.getByRole('button', { name: '编辑 示范市医疗保障局（本级）' }).click();
  const unitForm = page.getByRole('form', { name: '编辑单位：示范市医疗保障局（本级）' });
  await expect(unitForm.getByLabel('单位规格')).toHaveValue('正处（县）级');
  await expect(unitForm.getByLabel('经费保障形式')).toHaveValue('财政拨款');
  await shoot('units-edit');
  await unitForm.getByRole('button', { name: '取消' }).click();
});

test('reopens the file and finds everything there', async () => {
  await page.getByRole('button', { name: '关闭文件' }).click();
  await page.getByRole('list', { name: '最近打开' }).getByRole('button', { name: /示范市医疗保障局 · 2025年度/ }).click();
  await expect(page.getByTestId('status-balance')).toHaveText('收支平衡 ✓');
  await expect(page.getByTestId('status-income')).toHaveText('390.50');
  await expect(page.getByTestId('status-checks')).toContainText('错误 0');
  await nav('基本支出').click();
  await expect(grid('budgetLines').locator('[data-kind="record"]')).toHaveCount(20);
  await expect(cell('budgetLines', 0, 'note')).toHaveText('含2025年调资 …');
  await expect(cell('budgetLines', 2, 'note')).toHaveText('补充说明');
  await expect(cell('budgetLines', 10, 'govEconCode')).toHaveText('50206 公务接待费');
  await nav('项目').click();
  await expect(cell('projects', 0, 'amount')).toHaveText('40.00');
  await expect(cell('projects', 0, 'indicators')).toHaveText('6');
  await cell('projects', 0, 'name').click();
  await page.getByRole('button', { name: '打开项目：医保基金监管' }).click();
  await page.getByRole('tab', { name: '用款计划' }).click();
  await expect(page.getByLabel('12月底', { exact: true })).toHaveValue('100');
  await nav('文字说明').click();
  await expect(page.getByLabel('主要职责', { exact: true })).toHaveValue('负责全市医疗保障基金监督管理，组织制定医疗保障待遇政策。');
  await page.getByRole('tab', { name: /专题段落/ }).click();
  await expect(page.getByLabel('（四）重点项目绩效评价情况（河南）', { exact: true })).toHaveValue('# 一、评价范围\n对医保基金监管项目开展绩效自评。');
  await nav('国有资产').click();
  await expect(cell('vehicles', 0, 'kind')).toHaveText('一般公务用车');
  await expect(page.getByLabel('资产总额价值（万元）', { exact: true })).toHaveValue('120.5');
  await expect(page.getByLabel('房屋数量（平方米）', { exact: true })).toHaveValue('1200.5');
  await expect(page.getByLabel('其中：办公用房价值（万元）', { exact: true })).toHaveValue('60');
  await expect(page.getByLabel('单价 20 万元以上的设备数量（台（套））', { exact: true })).toHaveValue('1');
  await nav('基本支出').click();
  await page.getByRole('button', { name: /公用经费政府采购/ }).click();
  await expect(cell('basicProcurement', 0, 'name')).toHaveText('公用类项目1');
  await expect(cell('basicProcurement', 0, 'listedAfter')).toHaveText('医保基金监管');
  await expect(cell('basicProcurementItems', 0, 'name')).toHaveText('复印纸');
  await expect(cell('basicProcurementItems', 0, 'amount')).toHaveText('0.40');
  await nav('部门与单位').click();
  await expect(page.getByTestId('unit-row-037001')).toContainText('单位规格：正处（县）级；经费保障形式：财政拨款');
});
