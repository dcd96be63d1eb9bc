import type { Workbook } from '../../core/model';
import type { TemplateSpec } from '../../core/tables/spec';
import { templateForWorkbook } from '../../core/templates';

export type ExportKind = 'xlsx' | 'pdf' | 'openData';
export const EXPORT_KINDS: readonly ExportKind[] = ['xlsx', 'pdf', 'openData'];

/**
 * Prefecture-level cities of the provinces we have templates for, so that a department named after
 * its city ("济源…", "邢台市…") finds its province. A county-level department names its province or
 * city rarely; the clerk picks the template then (or sets it once in the workbook).
 */
const CITIES: Record<string, readonly string[]> = {
  河南: ['郑州', '开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河', '三门峡', '南阳', '商丘', '信阳', '周口', '驻马店', '济源'],
  河北: ['石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '雄安'],
  陕西: ['西安', '铜川', '宝鸡', '咸阳', '渭南', '延安', '汉中', '榆林', '安康', '商洛', '杨凌'],
};

export type TemplateReason = 'setting' | 'unusable' | 'province' | 'none';

/**
 * The template an export uses: the workbook's own (its copy, so a custom or folder template counts too);
 * a setting that does not resolve is reported as unusable, never replaced by another template. With none
 * set, the template of the province the department's name points to (its province or one of its cities),
 * the one for the workbook's year first; else none (the clerk must choose).
 */
export function defaultTemplate(workbook: Workbook, templates: readonly TemplateSpec[]): { id: string | null; reason: TemplateReason } {
  const setting = workbook.settings.template;
  if (setting) return { id: setting, reason: templateForWorkbook(workbook) ? 'setting' : 'unusable' };
  const name = workbook.department.name;
  const matching = templates.filter((template) => name.includes(template.province) || (CITIES[template.province] ?? []).some((city) => name.startsWith(city)));
  const best = matching.find((template) => template.year === workbook.department.year) ?? [...matching].sort((a, b) => b.year - a.year)[0];
  return best ? { id: best.id, reason: 'province' } : { id: null, reason: 'none' };
}

/** Characters no file system takes in a name, replaced by their full-width forms. */
export function safeFileName(text: string): string {
  return text
    .trim()
    .replace(/[\\/:*?"<>|]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
    .replace(/\s+/g, ' ');
}

/** "<部门名称>-<年度>-部门预算公开.xlsx" and its siblings; relative, so they land in the data folder. */
export function defaultExportNames(workbook: Workbook): Record<ExportKind, string> {
  const stem = safeFileName(`${workbook.department.name}-${workbook.department.year}-部门预算公开`);
  return { xlsx: `${stem}.xlsx`, pdf: `${stem}.pdf`, openData: `${stem}数据` };
}

/** What the native save dialog offers for each output. */
export const SAVE_FILTERS: Record<ExportKind, { name: string; extensions: string[] }[]> = {
  xlsx: [{ name: 'Excel (*.xlsx)', extensions: ['xlsx'] }],
  pdf: [{ name: 'PDF (*.pdf)', extensions: ['pdf'] }],
  openData: [],
};
