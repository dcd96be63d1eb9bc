import type { Context, EvaluatedRow } from '../render';
import type { BodyPart, NumberedRows } from '../spec';

type PartEvaluator = (part: BodyPart, context: Context) => EvaluatedRow[];

/**
 * Hebei's 序号 column: every row the inner parts yield, led by its running number ("1", "2" …).
 * The registry passes its own evaluator in, so this file does not import the registry back.
 */
export function evaluateNumberedRows(part: NumberedRows, context: Context, evaluate: PartEvaluator): EvaluatedRow[] {
  const rows = part.parts.flatMap((inner) => evaluate(inner, context));
  return rows.map((row, index) => ({ ...row, cells: [{ text: String(index + 1) }, ...row.cells] }));
}
