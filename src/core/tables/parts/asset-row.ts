import type { Fen } from '../../money';
import { asMoneyCell, renderCells, type Context, type EvaluatedRow } from '../render';
import type { AssetRow, CellSpec } from '../spec';

const FIGURE_PREFIX = 'figure.';
const QUANTITY_PREFIX = 'quantity.';

/**
 * A row of a fixed-assets table. { attribute: 'figure.<key>' } is money from assets.figures (absent = 0);
 * 'vehicleCount', 'generalEquipmentOver500k', 'specialEquipmentOver1m' and 'quantity.<key>' (assets.quantities)
 * are counts, printed empty when 0.
 */
export function evaluateAssetRow(part: AssetRow, context: Context): EvaluatedRow[] {
  const { assets } = context.workbook;
  const counts: Record<string, number> = {
    vehicleCount: assets.vehicles.reduce((total, vehicle) => total + vehicle.count, 0),
    generalEquipmentOver500k: assets.generalEquipmentOver500k,
    specialEquipmentOver1m: assets.specialEquipmentOver1m,
  };
  for (const [key, quantity] of Object.entries(assets.quantities ?? {})) counts[`${QUANTITY_PREFIX}${key}`] = quantity;
  const attributes = Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, count === 0 ? '' : String(count)]));
  const amounts: (Fen | undefined)[] = [];
  const cells = part.cells.map((cell, index): CellSpec => {
    const key = figureKey(cell);
    if (key === null) return cell;
    amounts[index] = assets.figures[key] ?? 0;
    return asMoneyCell(cell);
  });
  return [{ style: 'leaf', cells: renderCells(cells, amounts, {}, context, attributes) }];
}

function figureKey(cell: CellSpec): string | null {
  if (typeof cell !== 'object' || !('attribute' in cell) || !cell.attribute.startsWith(FIGURE_PREFIX)) return null;
  return cell.attribute.slice(FIGURE_PREFIX.length);
}
