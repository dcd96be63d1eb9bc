/**
 * Starting from last year (docs/prior-year.md), pure: next year's workbook from this year's
 * (carry-forward.ts), the prior-year figures and what their keys mean (figures.ts, keys.ts), and
 * recognition of last year's published Excel tables from a grid of cell text (recognize/).
 */
export { carryForward, projectChoices, resolveProjects, type CarryForwardOptions, type CarryForwardResult, type CarryReport, type ProjectChoice } from './carry-forward';
export { workbookFigures, type OperatingCostUnits } from './figures';
export { CODE_FAMILIES, CODE_KEY_PATTERN, KEY_ALIASES, KEY_DEFINITIONS, operatingCostDefinition, type Combination, type KeyDefinition, type Scope } from './keys';
export { figureLabel } from './labels';
export { judgeIdentity, type IdentityVerdict, type PriorMessage, type SourceIdentity } from './identity';
export { previewFromExcel, previewFromWorkbook, priorYearOf, type PreviewFigure, type PriorPreview } from './preview';
export { recognizeExcel, type ChosenFigure, type ExcelRecognition, type RecognizeOptions, type SheetResult } from './recognize';
export { cellAddress, fillMerges, type CellRange, type SheetGrid } from './grid';
