import type { Indicator } from '../../model';
import { asMoneyCell, renderCells, type Context, type EvaluatedRow } from '../render';
import type { IndicatorRows, TaskRows } from '../spec';

/** The attributes an indicator row's cells may show. */
export function indicatorAttributes(indicator: Indicator): Record<string, string> {
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    level3: indicator.level3,
    description: indicator.description,
    value: indicator.value,
    valueNote: indicator.valueNote,
  };
}

export function evaluateIndicatorRows(part: IndicatorRows, context: Context): EvaluatedRow[] {
  const indicators = part.source === 'project' ? (context.project?.performance.indicators ?? []) : context.workbook.departmentPerformance.indicators;
  let previous: Indicator | undefined;
  return indicators.map((indicator) => {
    const attributes = indicatorAttributes(indicator);
    if (previous && part.collapse?.includes('level1') && previous.level1 === indicator.level1) {
      attributes.level1 = '';
      if (part.collapse.includes('level2') && previous.level2 === indicator.level2) attributes.level2 = '';
    } else if (previous && part.collapse?.includes('level2') && !part.collapse.includes('level1') && previous.level2 === indicator.level2) {
      attributes.level2 = '';
    }
    previous = indicator;
    return { style: 'leaf', cells: renderCells(part.cells, [], {}, context, attributes, { indicator }) };
  });
}

/** A task's amount is shown through { attribute: 'amount' }; it renders as money. */
export function evaluateTaskRows(part: TaskRows, context: Context): EvaluatedRow[] {
  return context.workbook.departmentPerformance.tasks.map((task, index) => {
    const amounts = part.cells.map((cell) => (typeof cell === 'object' && 'attribute' in cell && cell.attribute === 'amount' ? task.amount : undefined));
    const attributes = { name: task.name, content: task.content, number: String(index + 1) };
    const cells = part.cells.map((cell) => (typeof cell === 'object' && 'attribute' in cell && cell.attribute === 'amount' ? asMoneyCell(cell) : cell));
    return { style: 'leaf', cells: renderCells(cells, amounts, {}, context, attributes, { task }) };
  });
}
