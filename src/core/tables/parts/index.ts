import type { Context, EvaluatedRow } from '../render';
import type { BodyPart } from '../spec';
import { evaluateFixedRow } from './fixed';
import { evaluateGroupRows } from './group';
import { evaluateIndicatorRows, evaluateTaskRows } from './indicators';
import { evaluateProjectIndicatorGrid } from './project-indicator-grid';
import { evaluateAssetRow } from './asset-row';
import { evaluateNumberedRows } from './numbered';
import { evaluateProcurementRows } from './procurement';
import { evaluateProjectRow } from './project-row';
import { evaluateUnitRows } from './unit-rows';
import { evaluateProjectTree } from './project-tree';
import { evaluateTableCatalogue } from './table-catalogue';
import { evaluateTaskFundRows } from './task-fund-rows';

/**
 * One evaluator per kind of body part. A new kind of part is a new file in this folder, a new
 * member of BodyPart in spec.ts and one line here.
 */
type Evaluators = { [K in BodyPart['kind']]: (part: Extract<BodyPart, { kind: K }>, context: Context) => EvaluatedRow[] };

const EVALUATORS: Evaluators = {
  row: evaluateFixedRow,
  rows: evaluateGroupRows,
  indicatorRows: evaluateIndicatorRows,
  taskRows: evaluateTaskRows,
  projectIndicatorGrid: evaluateProjectIndicatorGrid,
  numbered: (part, context) => evaluateNumberedRows(part, context, evaluatePart),
  projectRow: evaluateProjectRow,
  unitRows: evaluateUnitRows,
  assetRow: evaluateAssetRow,
  procurementRows: evaluateProcurementRows,
  taskFundRows: evaluateTaskFundRows,
  projectTree: evaluateProjectTree,
  tableCatalogue: evaluateTableCatalogue,
};

export function evaluatePart(part: BodyPart, context: Context): EvaluatedRow[] {
  const evaluate = EVALUATORS[part.kind] as (part: BodyPart, context: Context) => EvaluatedRow[];
  return evaluate(part, context);
}
