import type { Finding } from '../../core/checks';
import type { Workbook } from '../../core/model';
import type { FocusTarget, SectionId } from '../state/workbench-store';

export interface FindingTarget {
  section: SectionId;
  projectId: string | null;
  focus: Omit<FocusTarget, 'seq'> | null;
}

/**
 * Where a finding leads: the screen that edits what it names and the cell or field to focus.
 * Findings about a unit's balance lead to the unit's first income line.
 */
export function targetOf(finding: Finding, workbook: Workbook): FindingTarget | null {
  const { location } = finding;
  const table = location.tables?.find((candidate) => candidate.rowKey !== undefined) ?? location.tables?.[0];
  const column = table?.column ?? location.field ?? '';
  switch (table?.tableId) {
    case 'budgetLines': {
      const line = workbook.budgetLines.find((candidate) => candidate.id === table.rowKey);
      if (line?.projectId && workbook.projects.some((project) => project.id === line.projectId)) {
        return { section: 'projects', projectId: line.projectId, focus: { tableId: 'projectLines', rowKey: line.id, column } };
      }
      if (table.rowKey) return { section: 'expenditure', projectId: null, focus: { tableId: 'budgetLines', rowKey: table.rowKey, column } };
      break;
    }
    case 'incomeLines':
      if (table.rowKey) return { section: 'income', projectId: null, focus: { tableId: 'incomeLines', rowKey: table.rowKey, column } };
      break;
    case 'projects':
      if (table.rowKey) return { section: 'projects', projectId: table.rowKey, focus: { tableId: 'project', rowKey: table.rowKey, column } };
      break;
    case 'procurement':
    case 'projectIndicators':
      if (location.parentId && table.rowKey) return { section: 'projects', projectId: location.parentId, focus: { tableId: table.tableId, rowKey: table.rowKey, column } };
      break;
    case 'basicProcurement':
      // Items of a group paid from basic expenditure name their group as parent; the group's own budget has none.
      if (table.rowKey) {
        const tableId = location.parentId ? 'basicProcurementItems' : 'basicProcurement';
        return { section: 'expenditure', projectId: null, focus: { tableId, rowKey: table.rowKey, column } };
      }
      break;
    case 'departmentIndicators':
      if (table.rowKey) return { section: 'performance', projectId: null, focus: { tableId: 'departmentIndicators', rowKey: table.rowKey, column } };
      break;
    case 'texts':
      return { section: 'texts', projectId: null, focus: { tableId: 'texts', rowKey: table.rowKey ?? '', column } };
    default:
  }
  switch (location.entity) {
    case 'unit': {
      const line = workbook.incomeLines.find((candidate) => candidate.unitId === location.id);
      return { section: 'income', projectId: null, focus: line ? { tableId: 'incomeLines', rowKey: line.id, column: 'amount' } : null };
    }
    case 'workbook':
      return { section: 'income', projectId: null, focus: null };
    case 'project':
      return location.id ? { section: 'projects', projectId: location.id, focus: { tableId: 'project', rowKey: location.id, column: location.field ?? '' } } : null;
    case 'indicator':
    case 'procurement':
      if (location.parentId === 'department') return { section: 'performance', projectId: null, focus: { tableId: 'departmentIndicators', rowKey: location.id ?? '', column } };
      return location.parentId ? { section: 'projects', projectId: location.parentId, focus: null } : null;
    case 'department':
      if (location.field === 'publishedOn') return { section: 'units', projectId: null, focus: { tableId: 'department', rowKey: 'department', column: 'publishedOn' } };
      return { section: 'performance', projectId: null, focus: { tableId: 'performance', rowKey: 'department', column: location.field ?? '' } };
    case 'text':
      return { section: 'texts', projectId: null, focus: { tableId: 'texts', rowKey: location.id ?? '', column: location.field ?? '' } };
    default:
      return null;
  }
}
