export { displayWidth } from './text-width';
export { placeHeader, type PlacedHeaderCell } from './header-grid';
export { cellNumber, evaluateReportTables, moneyUnitLabel, type CellNumber, type NumberStyle, type ReportTable } from './report-tables';
export { tableLayout, type TableLayout } from './table-layout';
export { renderTableHtml, renderTablesDocument } from './table-html';
export { buildDisclosurePackage, chineseDate, tableLabel, type DisclosurePackage, type PackageInput } from './package';
export { packageNarrative, type NarrativeSection } from './narrative-source';
export { packageOutline, renderPackageHtml, tableAnchor, type OutlineEntry, type PackageHtmlOptions } from './package-html';
