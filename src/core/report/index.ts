export { displayWidth } from './text-width';
export { placeHeader, type PlacedHeaderCell } from './header-grid';
export { cellNumber, evaluateReportTables, moneyUnitLabel, type CellNumber, type NumberStyle, type ReportTable } from './report-tables';
export { CONTENT_WIDTH_MM, contentWidths, tableLayout, type ContentWidths, type LayoutOptions, type TableLayout } from './table-layout';
export { renderTableHtml, renderTablesDocument } from './table-html';
export {
  buildDisclosurePackage,
  chineseDate,
  chineseNumeral,
  sectionNumber,
  tableAnchor,
  tableLabel,
  type DisclosurePackage,
  type PackageInput,
  type PackageTable,
  type PrintedCoverLine,
  type PrintedHeading,
  type PrintedSection,
  type PrintedTable,
  type UnitLine,
} from './package';
export { packageNarrative, type NarrativeSection } from './narrative-source';
export { packageOutline, renderPackageHtml, type OutlineEntry, type PackageHtmlOptions } from './package-html';
export { footerCss, packageCss, packageFonts, tableCss, type PackageFonts, type TableFonts } from './styles';
export type { CoverLine, CoverSpec, Margins, NumberingStyle, PackageSection, PackageSpec, PageSetup } from './package-spec';
