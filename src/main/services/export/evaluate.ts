import type { Workbook } from '../../../core/model';
import { evaluateReportTables, type ReportTable } from '../../../core/report';
import { catalogNames } from '../../../core/tables/names';
import type { TemplateSpec } from '../../../core/tables/spec';
import { findTemplate, TEMPLATE_IDS } from '../../../core/templates';
import { UserError } from '../../../shared/api';

/** The template asked for, or the workbook's own; a clear error when there is none. */
export function resolveTemplate(workbook: Workbook, templateId?: string | null): TemplateSpec {
  const id = templateId || workbook.settings.template || '';
  if (!id) throw new UserError('export:noTemplate', { ids: TEMPLATE_IDS.join(', ') });
  const template = findTemplate(id);
  if (!template) throw new UserError('export:unknownTemplate', { id, ids: TEMPLATE_IDS.join(', ') });
  return template;
}

export function reportTables(workbook: Workbook, template: TemplateSpec): ReportTable[] {
  return evaluateReportTables(workbook, template, catalogNames(workbook));
}
