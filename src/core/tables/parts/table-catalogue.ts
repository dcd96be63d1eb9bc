import { fill, renderCells, type Context, type EvaluatedRow } from '../render';
import type { TableCatalogue } from '../spec';

/**
 * The package's list of tables (Shaanxi's 目录): per entry its label, title (the table's own unless the
 * entry gives the catalogue's wording), whether the table is empty as evaluated, and the reason for an
 * empty one.
 */
export function evaluateTableCatalogue(part: TableCatalogue, context: Context): EvaluatedRow[] {
  const { tableIsEmpty } = context;
  if (!tableIsEmpty) throw new Error('tableCatalogue needs a context that can evaluate other tables');
  return part.entries.map((entry) => {
    const table = context.template.tables.find((candidate) => candidate.id === entry.table);
    if (!table) throw new Error(`tableCatalogue: no table "${entry.table}" in template ${context.template.id}`);
    const empty = tableIsEmpty(entry.table);
    const attributes = {
      label: entry.label,
      title: fill(entry.title ?? table.title, context.placeholders),
      empty: empty ? part.emptyText.yes : part.emptyText.no,
      reason: empty ? (entry.emptyReason ?? part.emptyReason) : '',
    };
    return { style: 'leaf', cells: renderCells(part.cells, [], {}, context, attributes) };
  });
}
