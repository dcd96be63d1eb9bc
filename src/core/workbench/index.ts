/**
 * Pure helpers of the entry grids (docs/grid.md): clipboard TSV, cell parsing per column, turning
 * typed text into records and drafts, fill-down and paste geometry, sorting and filtering.
 */
export { parseTsv, toTsv, rectangular } from './tsv';
export * from './cells';
export { field, fieldOf, planCommit, buildRecord, applyToList, type FieldCodec, type RowCodec, type RowDraft, type RowChange, type CommitPlan } from './rows';
export { budgetLineCodec, completeBudgetLine, BUDGET_LINE_COLUMNS, type BudgetLineColumn, type BudgetLineCodecOptions } from './budget-lines';
export { incomeLineCodec, INCOME_LINE_COLUMNS } from './income-lines';
export { fillDown, pasteWrites, tileOver, type CellRange, type CellWrite } from './fill';
export { viewOrder, nextSort, isPlainView, NO_VIEW, type SortSpec, type SortDirection, type ViewSpec, type ViewAccess } from './view';
export { changedBetween } from './diff';
export {
  projectCodec,
  procurementCodec,
  indicatorCodec,
  taskCodec,
  glossaryCodec,
  vehicleCodec,
  reasonCodec,
  textField,
  moneyField,
  withIds,
  withoutIds,
  type Task,
  type GlossaryRow,
  type VehicleRow,
  type ReasonRow,
} from './projects';
export { summaryFigures, CHANGE_KEYS, type SummaryFigures } from './summary';
export { UNIT_GRADES, FUNDING_FORMS, unitProfile, withUnitProfile, type UnitProfile } from './units';
export {
  ASSET_FIGURES,
  parseAssetFigure,
  parseAssetQuantity,
  assetQuantity,
  withAssetFigure,
  withAssetQuantity,
  type AssetFigureSpec,
  type AssetQuantitySpec,
  type AssetMeasure,
} from './assets';
export { basicProcurementCodec, itemsAmount, nextGroupName } from './basic-procurement';
export { textBlocksFor, type TextBlockEntry, type TextBlockHeading, type TextBlockList } from './text-blocks';
