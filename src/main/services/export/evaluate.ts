import type { Workbook } from '../../../core/model';
import { evaluateReportTables, type ReportTable } from '../../../core/report';
import { catalogNames } from '../../../core/tables/names';
import type { TemplateSpec } from '../../../core/tables/spec';

export function reportTables(workbook: Workbook, template: TemplateSpec): ReportTable[] {
  return evaluateReportTables(workbook, template, catalogNames(workbook));
}
