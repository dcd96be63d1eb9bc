import { join } from 'node:path';
import { fundNode } from '../../../core/funds';
import { fenToYuanString, formatMoney } from '../../../core/money';
import type { Workbook } from '../../../core/model';
import { cellNumber, moneyUnitLabel, placeHeader, type ReportTable } from '../../../core/report';
import { catalogNames } from '../../../core/tables/names';
import type { TemplateSpec } from '../../../core/tables/spec';
import { toCsv } from './csv';
import { reportTables } from './evaluate';
import { mkdirOrFail, writeFileAtomic } from './files';
import { progressSlice, type ExportControl } from './progress';

/** A field of a resource's Table Schema, with the Fiscal Data Package's columnType where one applies. */
export interface SchemaField {
  name: string;
  title: string;
  type: 'string' | 'number' | 'integer';
  columnType?: string;
  /** Money fields: the unit the numbers are in. */
  unit?: string;
  currency?: string;
  /** How many 元 one unit of the number is (1 for 元, 10000 for 万元). */
  factor?: number;
  constraints?: { enum?: string[] };
}

export interface DataResource {
  name: string;
  title: string;
  path: string;
  rows: string[][];
  fields: SchemaField[];
  /** A displayed table (pivoted, with subtotals), not a fact table. */
  display?: boolean;
}

const MONEY = (unit: '元' | '万元'): Partial<SchemaField> => ({ unit, currency: 'CNY', factor: unit === '元' ? 1 : 10000 });

const NATURE_NAMES: Record<string, string> = {
  basic: '基本支出',
  project: '项目支出',
  operating: '事业单位经营支出',
  remitUpward: '上缴上级支出',
  subsidyAffiliates: '对附属单位补助支出',
};

/** Every budget line with its classifications named, amounts exact in 元. */
export function budgetLinesResource(workbook: Workbook): DataResource {
  const names = catalogNames(workbook);
  const units = new Map(workbook.units.map((unit) => [unit.id, unit]));
  const projects = new Map(workbook.projects.map((project) => [project.id, project]));
  const fields: SchemaField[] = [
    { name: 'fiscal_year', title: '预算年度', type: 'integer', columnType: 'date:fiscal-year' },
    { name: 'unit_code', title: '单位编码', type: 'string', columnType: 'administrative-classification:generic:level1:code' },
    { name: 'unit_name', title: '单位名称', type: 'string', columnType: 'administrative-classification:generic:level1:label' },
    { name: 'function_code', title: '支出功能分类科目编码', type: 'string', columnType: 'functional-classification:generic:level3:code' },
    { name: 'function_name', title: '支出功能分类科目名称', type: 'string', columnType: 'functional-classification:generic:level3:label' },
    { name: 'dept_econ_code', title: '部门预算支出经济分类编码', type: 'string', columnType: 'economic-classification:generic:level2:code' },
    { name: 'dept_econ_name', title: '部门预算支出经济分类名称', type: 'string', columnType: 'economic-classification:generic:level2:label' },
    { name: 'gov_econ_code', title: '政府预算支出经济分类编码', type: 'string' },
    { name: 'gov_econ_name', title: '政府预算支出经济分类名称', type: 'string' },
    { name: 'nature', title: '支出性质', type: 'string' },
    { name: 'project_code', title: '项目编码', type: 'string', columnType: 'activity:generic:project:code' },
    { name: 'project_name', title: '项目名称', type: 'string', columnType: 'activity:generic:project:label' },
    { name: 'fund_code', title: '资金来源编码', type: 'string' },
    { name: 'fund_name', title: '资金来源', type: 'string' },
    { name: 'amount', title: '金额（元）', type: 'number', columnType: 'value', ...MONEY('元') },
  ];
  const rows = workbook.budgetLines.map((line) => {
    const unit = units.get(line.unitId);
    const project = line.projectId ? projects.get(line.projectId) : undefined;
    return [
      String(workbook.department.year),
      unit?.code ?? '',
      unit?.name ?? '',
      line.functionCode,
      names.functionName(line.functionCode) ?? '',
      line.deptEconCode,
      names.deptEconName(line.deptEconCode) ?? '',
      line.govEconCode,
      names.govEconName(line.govEconCode) ?? '',
      NATURE_NAMES[line.nature] ?? line.nature,
      project?.code ?? '',
      project?.name ?? '',
      line.fund,
      fundNode(line.fund)?.name ?? '',
      fenToYuanString(line.amount),
    ];
  });
  return { name: 'budget-lines', title: '预算支出明细（预算行）', path: 'budget-lines.csv', rows, fields };
}

/** Income by unit and fund source, exact in 元. */
export function incomeLinesResource(workbook: Workbook): DataResource {
  const units = new Map(workbook.units.map((unit) => [unit.id, unit]));
  const fields: SchemaField[] = [
    { name: 'fiscal_year', title: '预算年度', type: 'integer', columnType: 'date:fiscal-year' },
    { name: 'unit_code', title: '单位编码', type: 'string', columnType: 'administrative-classification:generic:level1:code' },
    { name: 'unit_name', title: '单位名称', type: 'string', columnType: 'administrative-classification:generic:level1:label' },
    { name: 'fund_code', title: '资金来源编码', type: 'string' },
    { name: 'fund_name', title: '资金来源', type: 'string' },
    { name: 'function_code', title: '支出功能分类科目编码', type: 'string' },
    { name: 'amount', title: '金额（元）', type: 'number', columnType: 'value', ...MONEY('元') },
  ];
  const rows = workbook.incomeLines.map((line) => [
    String(workbook.department.year),
    units.get(line.unitId)?.code ?? '',
    units.get(line.unitId)?.name ?? '',
    line.fund,
    fundNode(line.fund)?.name ?? '',
    line.functionCode ?? '',
    fenToYuanString(line.amount),
  ]);
  return { name: 'income-lines', title: '预算收入明细', path: 'income-lines.csv', rows, fields };
}

/** How each row of a displayed table stands: a total or subtotal sums rows below it, so a tool must not add it up. */
const ROW_TYPES: Record<string, string> = { total: 'total', department: 'subtotal', unit: 'subtotal', group: 'subtotal', leaf: 'detail' };

/**
 * One evaluated table as data, as displayed: a `row_type` column (total, subtotal, detail) and then one column
 * per body column, named by its header path ("本年收入/一般公共预算/小计"); money as plain decimals in the
 * table's unit (zero as 0.00, never blank), everything else as printed. A column is a number column when all
 * its non-blank cells are money. Display tables pivot and subtotal the budget lines, so their numbers carry no
 * Fiscal Data Package `value` annotation: budget-lines.csv is the one fact table.
 */
export function tableResource({ table, money }: ReportTable, index: number): DataResource {
  const columns = Math.max(1, table.columnCount);
  const paths = Array.from({ length: columns }, () => [] as string[]);
  for (const cell of placeHeader(table.header, columns)) {
    for (let across = 0; across < cell.colSpan; across += 1) {
      const path = paths[cell.column + across];
      if (path && cell.text.trim() !== '' && path.at(-1) !== cell.text.trim()) path.push(cell.text.trim());
    }
  }
  const titles = uniqueNames(['row_type', ...paths.map((path, column) => path.join('/') || `第${column + 1}列`)]).slice(1);
  const moneyColumn = titles.map((_, column) => {
    const cells = table.rows.map((row) => row.cells[column]).filter((cell) => cell !== undefined);
    return cells.some((cell) => cell.fen !== undefined) && cells.every((cell) => cell.fen !== undefined || cell.text === '');
  });
  const unit = moneyUnitLabel(money) as '元' | '万元';
  const fields: SchemaField[] = [
    { name: 'row_type', title: '行类型', type: 'string', constraints: { enum: [...new Set(Object.values(ROW_TYPES))] } },
    ...titles.map((title, column): SchemaField => (moneyColumn[column] ? { name: title, title, type: 'number', ...MONEY(unit) } : { name: title, title, type: 'string' })),
  ];
  const rows = table.rows.map((row) => [
    ROW_TYPES[row.style] ?? 'detail',
    ...Array.from({ length: columns }, (_, column) => {
      const cell = row.cells[column];
      if (!cell) return '';
      if (cell.fen === undefined) return cell.text;
      const number = cellNumber({ ...cell, text: cell.text || '0' }, money);
      return formatMoney(cell.fen, money.unit, { separators: false, decimals: number?.decimals ?? 2, trimZeros: number?.style === 'general' });
    }),
  ]);
  const slug = `${String(index + 1).padStart(2, '0')}-${table.id.replace(/[^A-Za-z0-9._-]+/g, '-').toLowerCase()}`;
  return { name: `table-${slug}`, title: table.title || table.id, path: `tables/${slug}.csv`, rows, fields, display: true };
}

export interface OpenDataResult {
  folder: string;
  files: string[];
}

/**
 * Writes the open-data set into `folder`: budget-lines.csv, income-lines.csv, tables/NN-<id>.csv (UTF-8, no
 * BOM) and datapackage.json, a Tabular Data Package (Frictionless v1) whose fact table carries Fiscal Data
 * Package column annotations.
 */
export async function exportOpenData(workbook: Workbook, template: TemplateSpec, folder: string, control: ExportControl = {}): Promise<OpenDataResult> {
  const report = progressSlice(control, 0, 1);
  report(0, 'evaluate');
  const resources = [budgetLinesResource(workbook), incomeLinesResource(workbook), ...reportTables(workbook, template).map(tableResource)];
  mkdirOrFail(join(folder, 'tables'));
  const files: string[] = [];
  for (const [index, resource] of resources.entries()) {
    report(0.1 + (0.85 * index) / resources.length, 'csv');
    const path = join(folder, resource.path);
    writeFileAtomic(path, toCsv([resource.fields.map((field) => field.name), ...resource.rows]));
    files.push(path);
  }
  const descriptorPath = join(folder, 'datapackage.json');
  writeFileAtomic(descriptorPath, `${JSON.stringify(dataPackage(workbook, template, resources), null, 2)}\n`);
  files.push(descriptorPath);
  report(1, 'done');
  return { folder, files };
}

/**
 * The datapackage.json: a Tabular Data Package (Frictionless Data v1), every resource a Tabular Data Resource
 * with its Table Schema. budget-lines is the fact table: its fields carry Fiscal Data Package v1 `columnType`
 * annotations (classification codes and labels, fiscal year, value); display tables are marked as such.
 */
export function dataPackage(workbook: Workbook, template: TemplateSpec, resources: DataResource[]) {
  const { department } = workbook;
  return {
    profile: 'tabular-data-package',
    name: `budget-${department.code}-${department.year}`.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
    title: `${department.name}${department.year}年度部门预算`,
    description:
      `${department.name}${department.year}年度部门预算公开数据（模板 ${template.id}）。CSV 为 UTF-8 编码（无 BOM）；金额字段的单位见各字段的 unit。` +
      'budget-lines 为预算支出明细（事实表，字段带 Fiscal Data Package 的 columnType 标注）；tables/ 下为公开表格的展示形式，含合计与小计行（row_type），不可直接相加。',
    keywords: ['部门预算', '预算公开', department.name],
    countryCode: 'CN',
    fiscalPeriod: { start: `${department.year}-01-01`, end: `${department.year}-12-31` },
    licenses: [{ name: 'other-open', title: '依《中华人民共和国政府信息公开条例》主动公开的政府信息' }],
    ...(department.publishedOn ? { created: `${department.publishedOn}T00:00:00+08:00` } : {}),
    resources: resources.map((resource) => ({
      profile: 'tabular-data-resource',
      name: resource.name,
      title: resource.title,
      path: resource.path,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
      ...(resource.display ? { description: '公开表格的展示形式：含合计、小计行，按 row_type 区分，汇总时只取 detail 行。' } : {}),
      schema: { fields: resource.fields.map((field) => (field.type === 'number' ? { ...field, decimalChar: '.', groupChar: '' } : field)) },
    })),
  };
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}(${count})`;
  });
}
