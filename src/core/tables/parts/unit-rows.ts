import type { Unit } from '../../model';
import { renderCells, unitFields, type Context, type EvaluatedRow } from '../render';
import type { UnitRows } from '../spec';
import { sumUnitLines } from './fixed';

/** One row per unit, in workbook order: its attributes and measures over its own lines. */
export function evaluateUnitRows(part: UnitRows, context: Context): EvaluatedRow[] {
  return context.workbook.units.map((unit) => {
    const amounts = part.cells.map((cell) => (typeof cell === 'object' && 'measure' in cell ? sumUnitLines(cell.measure, undefined, unit, context) : undefined));
    return { style: 'unit', cells: renderCells(part.cells, amounts, unitFields(unit), context, unitAttributes(unit, part), { unit }) };
  });
}

function unitAttributes(unit: Unit, part: UnitRows): Record<string, string> {
  return {
    code: unit.code,
    name: unit.name,
    kind: part.kindNames[unit.kind],
    authorizedStaff: String(unit.authorizedStaff),
    actualStaff: String(unit.actualStaff),
    retiredStaff: String(unit.retiredStaff),
    grade: unit.grade ?? '',
    fundingForm: unit.fundingForm ?? '',
  };
}
