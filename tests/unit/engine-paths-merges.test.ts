import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromInterchange, serializeInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { renderTableHtml } from '../../src/core/report';
import { displayRows, evaluateTable, evaluateTemplate, type EvaluatedTable } from '../../src/core/tables/evaluate';
import { catalogNames } from '../../src/core/tables/names';
import { describePath, formatCalendarDate, parseCalendarDate } from '../../src/core/tables/paths';
import type { BodyPart, TableSpec, TemplateSpec } from '../../src/core/tables/spec';
import { builtinLookup, loadTemplate } from '../../src/core/templates';
import { createI18n } from '../../src/shared/i18n';
import enTemplate from '../../src/shared/locales/en/template.json';
import zhTemplate from '../../src/shared/locales/zh-CN/template.json';
import { loadSeedWorkbook } from '../support/seeds';
import { shippedTemplate } from '../support/templates';

/**
 * Layouts as data, item 4: path cells read any fact of the model (validated against the model's schemas),
 * `rows` groupings nest (a unit's function rows), and body cells merge (rowSpan / colSpan) while the grid
 * stays one cell per column for displayRows and the seed comparisons.
 */

const henanFile = new URL('../../resources/templates/henan-2024.json', import.meta.url);

/** The Henan template file with one table replaced, loaded as a clerk's file would be. */
function loadWith(table: Record<string, unknown>) {
  const document = JSON.parse(readFileSync(henanFile, 'utf8'));
  document.id = 'henan-test';
  document.tables = [table];
  document.package.sections = document.package.sections.filter((section: { kind: string }) => section.kind !== 'table' && section.kind !== 'tables');
  return loadTemplate(document, builtinLookup);
}

function table(body: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 't', number: '1', title: 'T', meta: [], columns: ['a', 'b', 'c', 'd'], header: [], columnCount: 4, body, notes: [], ...extra };
}

/** Evaluates one table spec over a workbook with the Henan template's money format. */
function evaluate(workbook: Workbook, spec: TableSpec, repeat?: { project: Workbook['projects'][number]; index: number }): EvaluatedTable {
  const template: TemplateSpec = { ...shippedTemplate('henan-2024'), tables: [spec] };
  return evaluateTable(workbook, template, spec, catalogNames(workbook), repeat);
}

function spec(body: BodyPart[], extra: Partial<TableSpec> = {}): TableSpec {
  return { id: 't', number: '1', title: 'T', meta: [], columns: ['a', 'b', 'c', 'd'], header: [], columnCount: 4, body, notes: [], ...extra };
}

describe('paths into the model', () => {
  it('are read off the model’s schemas: fields, amounts, dates, records with dotted keys', () => {
    expect(describePath('project.code')).toMatchObject({ ok: true, root: 'project', leaf: 'text' });
    expect(describePath('project.manager')).toMatchObject({ ok: true, leaf: 'text' });
    expect(describePath('project.plannedStart')).toMatchObject({ ok: true, leaf: 'date' });
    expect(describePath('project.spendingPlan.june')).toMatchObject({ ok: true, leaf: 'number' });
    expect(describePath('project.type')).toMatchObject({ ok: true, leaf: 'enum', values: ['operation', 'specificGoal', 'general', 'special'] });
    expect(describePath('task.amount')).toMatchObject({ ok: true, leaf: 'money' });
    expect(describePath('priorYear.figures.sanGong.reception')).toMatchObject({ ok: true, leaf: 'money' });
    expect(describePath('texts.blocks.workTasks')).toMatchObject({ ok: true, leaf: 'text' });
    expect(describePath('unit.grade')).toMatchObject({ ok: true, leaf: 'text' });
    expect(describePath('department.name')).toMatchObject({ ok: true, root: 'department' });
  });

  it('name what may follow where they go wrong', () => {
    const wrong = describePath('project.managr');
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.at).toBe('project');
    expect(wrong.fields).toEqual(expect.arrayContaining(['code', 'name', 'manager', 'phone', 'plannedStart', 'spendingPlan', 'performance']));
    // Lists are not single values, an object is not a value either.
    expect(wrong.fields).not.toContain('procurement');
    expect(describePath('project.spendingPlan')).toMatchObject({ ok: false, at: 'project.spendingPlan', fields: ['march', 'june', 'october', 'december'] });
    expect(describePath('project.procurement.0')).toMatchObject({ ok: false });
    expect(describePath('nothing.here')).toMatchObject({ ok: false, at: '' });
  });

  it('print months and dates the Chinese way, and read them as clerks type them', () => {
    expect(formatCalendarDate('2024-01')).toBe('2024年1月');
    expect(formatCalendarDate('2024-03-15')).toBe('2024年3月15日');
    expect(['2024-01', '2024-1', '2024.1', '2024/01', '2024年1月', ' 2024 年 1 月 '].map(parseCalendarDate)).toEqual(Array(6).fill('2024-01'));
    expect(['2024-03-15', '2024年3月15日', '2024.3.15'].map(parseCalendarDate)).toEqual(Array(3).fill('2024-03-15'));
    expect(parseCalendarDate('')).toBe('');
    expect(['2024-13', '2024-02-30', '三月', '2024'].map(parseCalendarDate)).toEqual([null, null, null, null]);
  });
});

describe('template validation of paths, merges and nested groupings', () => {
  it('accepts the three built-in templates with their merged forms', () => {
    for (const id of ['henan-2024', 'hebei-2024', 'shaanxi-2024']) {
      const result = loadTemplate(readFileSync(new URL(`../../resources/templates/${id}.json`, import.meta.url), 'utf8'), builtinLookup);
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });

  it('reports a wrong path by its JSON path, naming the valid fields', () => {
    const result = loadWith(table([{ id: 'r', kind: 'projectRow', cells: ['项目', { path: 'project.managr' }] }], { perProject: {} }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ path: 'tables[0].body[0].cells[1].path', messageKey: 'template:unknownPath', params: { path: 'project.managr', at: 'project' } });
    expect(String(problem?.params.fields)).toContain('manager');
    const i18n = createI18n('en');
    expect(i18n.t(problem!.messageKey, problem!.params)).toMatch(/^The model has no "project\.managr": below project there are id, code, name, unitId, type, purpose, manager, phone/);
  });

  it('reports a path that starts from an object the row does not stand for, and checks paths in text', () => {
    const result = loadWith(table([{ id: 'r', kind: 'row', cells: [{ path: 'unit.name' }, '{project.name}', '{department.nam}', { path: 'department.name' }] }]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.path, problem.messageKey])).toEqual([
      ['tables[0].body[0].cells[0].path', 'template:pathRoot'],
      ['tables[0].body[0].cells[1]', 'template:pathRoot'],
      ['tables[0].body[0].cells[2]', 'template:unknownPath'],
    ]);
  });

  it('reports merges that leave the table, cover a filled cell or span through a part that is not below', () => {
    const result = loadWith(
      table([
        { id: 'a', kind: 'row', cells: ['x', '', { text: 'y', colSpan: 3 }] },
        { id: 'b', kind: 'row', cells: [{ text: 'z', colSpan: 2 }, 'filled', { text: 'w', rowSpan: { through: 'a' } }] },
        { id: 'c', kind: 'rows', group: { dim: 'unit', then: { dim: 'unit' } }, cells: { leaf: [{ field: 'unitCode' }] } },
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.path, problem.messageKey])).toEqual([
      ['tables[0].body[0].cells[2].colSpan', 'template:spanTooWide'],
      ['tables[0].body[1].cells[0].colSpan', 'template:spanCoversCell'],
      ['tables[0].body[1].cells[2].rowSpan.through', 'template:unknownSpanPart'],
      ['tables[0].body[2].group.then.dim', 'template:groupRepeats'],
    ]);
  });

  it('words every new problem in both languages with the same keys', () => {
    const keys = ['unknownPath', 'pathRoot', 'spanTooWide', 'spanCoversCell', 'unknownSpanPart', 'groupRepeats'];
    for (const key of keys) {
      expect(enTemplate).toHaveProperty(key);
      expect(zhTemplate).toHaveProperty(key);
    }
    expect(Object.keys(enTemplate).sort()).toEqual(Object.keys(zhTemplate).sort());
  });
});

describe('path cells in rows', () => {
  const workbook = loadSeedWorkbook('hebei-2024');
  const [first] = workbook.projects;
  const project = { ...first!, manager: '张三', phone: '0319-1234567', plannedStart: '2024-01', plannedEnd: '2024-12-31' };
  const withFacts: Workbook = { ...workbook, projects: [project, ...workbook.projects.slice(1)] };

  it('read the table’s project and its unit, amounts as money, the workbook’s objects anywhere', () => {
    const form = spec(
      [
        { id: 'people', kind: 'row', skipWhenEmpty: true, cells: ['项目负责人', { path: 'project.manager' }, '联系电话', { path: 'project.phone' }] },
        { id: 'period', kind: 'row', cells: ['实施期限', '{project.plannedStart}至{project.plannedEnd}', { path: 'unit.name' }, { path: 'project.type', names: { specificGoal: '专项' } }] },
        { id: 'dept', kind: 'row', cells: [{ path: 'department.name' }, { path: 'priorYear.figures.total' }, { path: 'project.spendingPlan.june' }, { path: 'project.continuing' }] },
      ],
      { perProject: {} },
    );
    const table = evaluate(withFacts, form, { project, index: 0 });
    const unit = workbook.units.find((candidate) => candidate.id === project.unitId)!;
    expect(displayRows(table)).toEqual([
      ['项目负责人', '张三', '联系电话', '0319-1234567'],
      ['实施期限', '2024年1月至2024年12月31日', unit.name, project.type === 'specificGoal' ? '专项' : '其他运转类'],
      [workbook.department.name, table.rows[2]!.cells[1]!.text, project.spendingPlan ? table.rows[2]!.cells[2]!.text : '', project.continuing ? '是' : '否'],
    ]);
    expect(table.rows[2]!.cells[1]!.fen).toBe(workbook.priorYear.figures.total ?? 0);
    // A row whose facts are all empty is left out where it says so.
    const bare = evaluate(workbook, form, { project: first!, index: 0 });
    expect(displayRows(bare)[0]?.[0]).toBe('实施期限');
  });

  it('read a task’s amount as money and an indicator’s fields', () => {
    const henan = loadSeedWorkbook('henan-2024');
    const task = henan.departmentPerformance.tasks[0]!;
    const form = spec([
      { id: 'tasks', kind: 'taskRows', cells: [{ path: 'task.name' }, { path: 'task.amount' }, { path: 'task.content' }, ''] },
      { id: 'indicators', kind: 'indicatorRows', source: 'department', cells: [{ path: 'indicator.level1' }, { path: 'indicator.level3' }, { path: 'indicator.value' }, ''] },
    ]);
    const table = evaluate(henan, form);
    expect(table.rows[0]!.cells.map((cell) => cell.text)).toEqual([task.name, '', task.content, '']);
    expect(table.rows[0]!.cells[1]!.fen).toBe(task.amount);
    const indicator = henan.departmentPerformance.indicators[0]!;
    expect(displayRows(table)[henan.departmentPerformance.tasks.length]).toEqual([indicator.level1, indicator.level3, indicator.value, '']);
  });
});

describe('nested groupings', () => {
  const workbook = loadSeedWorkbook('shaanxi-2024');
  const units = workbook.units;
  const nested = spec([
    {
      id: 'rows',
      kind: 'rows',
      group: { dim: 'unit', then: { dim: 'function', levels: ['class', 'section', 'item'] } },
      where: { funds: ['gen'] },
      cells: {
        unit: [{ field: 'unitCode' }, { field: 'unitName' }, '', { measure: { source: 'budget' } }],
        leaf: [{ field: 'unitCode' }, { field: 'code' }, { path: 'unit.name' }, { measure: { source: 'budget' } }],
      },
    },
  ]);

  it('prints each unit’s function rows below it, each row carrying its unit', () => {
    expect(units.length).toBeGreaterThan(1);
    const table = evaluate(workbook, nested);
    const rows = displayRows(table);
    const unitRows = table.rows.map((row, index) => (row.style === 'unit' ? index : -1)).filter((index) => index >= 0);
    expect(unitRows.map((index) => rows[index]![0])).toEqual(units.map((unit) => unit.code));
    unitRows.forEach((start, position) => {
      const end = unitRows[position + 1] ?? rows.length;
      const unit = units[position]!;
      const below = rows.slice(start + 1, end);
      expect(below.length).toBeGreaterThan(0);
      for (const row of below) {
        expect(row[0]).toBe(unit.code);
        expect(row[2]).toBe(unit.name);
      }
      // 类 rows (3 digits) sum to the unit's row; each unit's rows count only its lines.
      const classTotal = table.rows.slice(start + 1, end).filter((row) => displayRows({ ...table, rows: [row] })[0]![1]!.length === 3);
      const sum = classTotal.reduce((total, row) => total + (row.cells[3]!.fen ?? 0), 0);
      expect(sum).toBe(table.rows[start]!.cells[3]!.fen);
    });
  });

  it('adds up, over the units, to the department’s function rows', () => {
    const flat = evaluate(workbook, spec([{ id: 'rows', kind: 'rows', group: { dim: 'function', levels: ['item'] }, where: { funds: ['gen'] }, cells: { leaf: [{ field: 'code' }, '', '', { measure: { source: 'budget' } }] } }]));
    const byCode = new Map<string, number>();
    const table = evaluate(workbook, nested);
    for (const [index, row] of displayRows(table).entries()) {
      if (row[1]?.length === 7) byCode.set(row[1], (byCode.get(row[1]) ?? 0) + (table.rows[index]!.cells[3]!.fen ?? 0));
    }
    expect(Object.fromEntries(byCode)).toEqual(Object.fromEntries(flat.rows.map((row) => [row.cells[0]!.text, row.cells[3]!.fen])));
  });
});

describe('merged body cells', () => {
  const henan = loadSeedWorkbook('henan-2024');
  const henanTables = evaluateTemplate(henan, shippedTemplate('henan-2024'), catalogNames(henan));
  const form = henanTables.find((candidate) => candidate.id === 'department-performance')!;

  it('merge the department form as the province prints it, the grid staying rectangular', () => {
    const rows = displayRows(form);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    const [name, goal, tasks] = form.rows;
    expect(name!.cells.map((cell) => [cell.colSpan ?? 1, cell.covered ?? false])).toEqual([
      [2, false],
      [1, true],
      [3, false],
      [1, true],
      [1, true],
    ]);
    expect(goal!.cells[1]).toMatchObject({ colSpan: 4 });
    // 年度主要任务 spans its own row and the task rows; 预算情况 its six rows.
    expect(tasks!.cells[0]).toMatchObject({ text: '年度主要任务', rowSpan: 1 + henan.departmentPerformance.tasks.length });
    expect(form.rows.find((row) => row.cells[0]?.text === '预算情况')?.cells[0]).toMatchObject({ rowSpan: 6 });
    // 一级 over its indicators, 二级 within its 一级.
    const level1 = form.rows.flatMap((row) => (row.cells[0]?.rowSpan && row.cells[0].text.endsWith('指标') ? [[row.cells[0].text, row.cells[0].rowSpan]] : []));
    expect(level1).toEqual([
      ['投入管理指标', 20],
      ['产出指标', 5],
      ['效益指标', 2],
    ]);
  });

  it('span a Henan project’s code, name and amounts over its block of indicator rows', () => {
    const grid = henanTables.find((candidate) => candidate.id === 'project-performance')!;
    const project = grid.rows.find((row) => row.cells[0]?.text === '419001240000000004004')!;
    expect(project.cells.slice(0, 6).map((cell) => cell.rowSpan)).toEqual([4, 4, 4, 4, 4, 4]);
    const index = grid.rows.indexOf(project);
    expect(grid.rows[index + 1]!.cells.slice(0, 6).every((cell) => cell.covered)).toBe(true);
  });

  it('print in HTML with rowspan and colspan, the covered cells left out', () => {
    const html = renderTableHtml(form);
    expect(html).toContain('<td colspan="2">部门(单位)名称</td>');
    expect(html).toContain(`<td rowspan="${1 + henan.departmentPerformance.tasks.length}">年度主要任务</td>`);
    expect(html).toContain('<td rowspan="20">投入管理指标</td>');
    // Each printed row fills the 5 columns once the spans from above are counted.
    const rows = [...html.matchAll(/<tr class="row-[a-z]+">(.*?)<\/tr>/g)].map((match) => match[1]!);
    expect(rows).toHaveLength(form.rows.length);
    const open = new Array<number>(5).fill(0);
    for (const row of rows) {
      let column = 0;
      for (const cell of row.matchAll(/<td( colspan="(\d+)")?( rowspan="(\d+)")?/g)) {
        while (open[column]! > 0) column += 1;
        const colSpan = Number(cell[2] ?? 1);
        const rowSpan = Number(cell[4] ?? 1);
        for (let k = 0; k < colSpan; k += 1) open[column + k] = rowSpan;
        column += colSpan;
      }
      while (column < 5 && open[column]! > 0) column += 1;
      expect(column).toBe(5);
      for (let k = 0; k < 5; k += 1) open[k] = Math.max(0, open[k]! - 1);
    }
  });

  it('stop a counted span at a cell that prints something, and merge "same" only within its part', () => {
    const table = evaluate(
      henan,
      spec([
        { id: 'a', kind: 'row', cells: [{ text: 'label', rowSpan: 3 }, 'x', 'x', ''] },
        { id: 'b', kind: 'row', cells: ['', 'x', 'x', ''] },
        { id: 'c', kind: 'row', cells: ['stop', 'x', 'x', ''] },
        { id: 'd', kind: 'row', cells: ['', { text: 'x', rowSpan: 'same' }, { text: 'x', rowSpan: 'same' }, ''] },
        { id: 'e', kind: 'row', cells: ['', { text: 'x', rowSpan: 'same' }, 'x', ''] },
      ]),
    );
    expect(table.rows.map((row) => row.cells[0]!.rowSpan ?? 1)).toEqual([2, 1, 1, 1, 1]);
    expect(table.rows[1]!.cells[0]!.covered).toBe(true);
    // "same" does not reach into the next part.
    expect(table.rows[3]!.cells[1]!.rowSpan).toBeUndefined();
    expect(displayRows(table)).toEqual([
      ['label', 'x', 'x', ''],
      ['', 'x', 'x', ''],
      ['stop', 'x', 'x', ''],
      ['', 'x', 'x', ''],
      ['', 'x', 'x', ''],
    ]);
  });
});

describe('project facts of the performance forms', () => {
  it('round-trip through the interchange format, written only when given', () => {
    const workbook = loadSeedWorkbook('shaanxi-2024');
    const [first, ...rest] = workbook.projects;
    const changed: Workbook = { ...workbook, projects: [{ ...first!, manager: '李四', phone: '0916-6212345', plannedStart: '2024-01', plannedEnd: '2024-12' }, ...rest] };
    const text = serializeInterchange(changed);
    const parsed = fromInterchange(JSON.parse(text));
    expect(parsed.ok && parsed.workbook).toEqual(changed);
    const document = JSON.parse(text);
    expect(document.projects[0]).toMatchObject({ manager: '李四', plannedEnd: '2024-12' });
    expect(document.projects[1]).not.toHaveProperty('manager');
  });

  it('refuse a planned date that is no month or day', () => {
    const document = JSON.parse(serializeInterchange(loadSeedWorkbook('shaanxi-2024')));
    document.projects[0].plannedStart = '2024年1月';
    const parsed = fromInterchange(document);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.path).toBe('projects[0].plannedStart');
  });

  it('print in the Hebei and Shaanxi project forms only where the clerk gave them', () => {
    for (const id of ['hebei-2024', 'shaanxi-2024'] as const) {
      const workbook = loadSeedWorkbook(id);
      const [first, ...rest] = workbook.projects;
      const changed: Workbook = { ...workbook, projects: [{ ...first!, manager: '王五', phone: '123', plannedStart: '2024-01', plannedEnd: '2024-12' }, ...rest] };
      const tables = evaluateTemplate(changed, shippedTemplate(id), catalogNames(changed)).filter((table) => table.id.startsWith('project-performance-'));
      const [own, other] = tables;
      const texts = (table: EvaluatedTable | undefined) => displayRows(table!).flat();
      expect(texts(own)).toContain('王五');
      expect(texts(own).join('|')).toMatch(/2024年1月/);
      expect(texts(other)).not.toContain('项目负责人');
    }
  });
});
