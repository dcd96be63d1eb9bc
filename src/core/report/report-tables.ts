import { FEN_PER, moneyToNumber } from '../money';
import type { Workbook } from '../model';
import { evaluateTemplateBySpec, type EvaluatedCell, type EvaluatedTable, type NameResolver } from '../tables/evaluate';
import type { MoneyFormat, TableSpec, TemplateSpec } from '../tables/spec';

/** An evaluated table with what an export needs beyond its text: its spec and its money format. */
export interface ReportTable {
  table: EvaluatedTable;
  spec: TableSpec;
  money: MoneyFormat;
}

/**
 * The template's tables in order (a per-project table once per project), like evaluateTemplate, but
 * each keeps its spec so exports know the money format the numbers were printed in.
 */
export function evaluateReportTables(workbook: Workbook, template: TemplateSpec, names: NameResolver): ReportTable[] {
  return evaluateTemplateBySpec(workbook, template, names).flatMap(({ spec, tables }) => {
    const money: MoneyFormat = { ...template.money, ...spec.money };
    return tables.map((table) => ({ table, spec, money }));
  });
}

/** How a money cell's number is shown: grouped "#,##0.00", plain "0.00", or as few decimals as it needs. */
export type NumberStyle = 'grouped' | 'plain' | 'general';

export interface CellNumber {
  /** The amount in the table's unit, rounded as printed. */
  value: number;
  decimals: number;
  style: NumberStyle;
}

/**
 * The number a money cell holds in a spreadsheet or CSV, rounded exactly as the table prints it (the
 * same rules as the engine's renderCells); null for text cells and for blank zeros.
 */
export function cellNumber(cell: EvaluatedCell, money: MoneyFormat): CellNumber | null {
  if (cell.fen === undefined || cell.text === '') return null;
  const plain = money.plainBelow !== undefined && Math.abs(cell.fen) < money.plainBelow * FEN_PER[money.unit];
  const trim = money.trimZeros === true || plain;
  const decimals = trim ? Math.round(Math.log10(FEN_PER[money.unit])) : 2;
  const style: NumberStyle = trim ? 'general' : money.separators ? 'grouped' : 'plain';
  return { value: moneyToNumber(cell.fen, money.unit, decimals), decimals, style };
}

/** The unit's name as tables print it. */
export function moneyUnitLabel(money: MoneyFormat): string {
  return money.unit === 'wan' ? '万元' : '元';
}
