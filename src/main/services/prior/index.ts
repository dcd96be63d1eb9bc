/**
 * Starting from last year (docs/prior-year.md): next year's workbook from this year's, and last
 * year's figures from last year's workbook or its published Excel.
 */
export { createNewYear, previewNewYear, type NewYearRequest, type NewYearResult } from './new-year';
export { importPrior, previewPrior, previewPriorForNewYear, type PriorSource } from './import';
export { readWorkbookReadOnly } from './read-workbook';
export { readXlsxGrids } from './read-xlsx';
