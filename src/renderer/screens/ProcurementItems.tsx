import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcurementItem, Workbook } from '../../core/model';
import { applyToList, procurementCodec } from '../../core/workbench';
import { useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import type { EntryColumn } from '../grid/useEntryGrid';

const NO_DEFAULTS = {};

/**
 * 政府采购 items as a grid, wherever a list of them lives: a project's, or a group paid from basic
 * expenditure. `onSave` gets the whole new list (one edit, one undo step).
 */
export function ProcurementItemsGrid({
  id,
  findingsFrom,
  draftKey,
  label,
  workbook,
  items,
  onSave,
}: {
  /** Grid id: focus requests name it. */
  id: string;
  /** The finding table whose marks the grid shows, when it differs from `id`. */
  findingsFrom?: string;
  /** Drafts are kept per list: one place per project or group. */
  draftKey: string;
  label: string;
  workbook: Workbook;
  items: readonly ProcurementItem[];
  onSave(items: ProcurementItem[]): void;
}) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const unitName = t(`moneyUnit.${ctx.entryUnit}`);
  const columns = useMemo<EntryColumn[]>(
    () => [
      { id: 'name', header: t('procurement.name'), width: 220 },
      { id: 'catalogCode', header: t('procurement.catalogCode'), width: 120 },
      { id: 'measureUnit', header: t('procurement.measureUnit'), width: 90 },
      { id: 'quantity', header: t('procurement.quantity'), width: 90 },
      { id: 'unitPrice', header: t('procurement.unitPrice', { unit: unitName }), width: 130 },
      { id: 'amount', header: t('column.amount', { unit: unitName }), width: 130 },
      { id: 'smallFirmShare', header: t('procurement.smallFirmShare'), width: 140 },
    ],
    [t, unitName],
  );
  const persist = useCallback((puts: ProcurementItem[], deletes: string[]) => onSave(applyToList(items, puts, deletes)), [items, onSave]);
  return (
    <EntryGrid
      id={id}
      findingsFrom={findingsFrom}
      draftKey={draftKey}
      label={label}
      records={items}
      codec={procurementCodec}
      columns={columns}
      ctx={ctx}
      defaults={NO_DEFAULTS}
      persist={persist}
    />
  );
}
