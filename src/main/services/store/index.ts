/**
 * The workbook file store: one SQLite file per department-year. See docs/workbook-file.md.
 */
export { SCHEMA_VERSION, APPLICATION_ID } from './schema';
export { MAX_UNDO_STEPS, MAX_UNDO_BYTES } from './undo-log';
export { WorkbookStore, type StoreOptions } from './workbook-store';
