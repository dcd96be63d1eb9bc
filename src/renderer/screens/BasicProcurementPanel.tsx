import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasicProcurement, ProcurementItem, Workbook } from '../../core/model';
import { applyToList, basicProcurementCodec, nextGroupName, parseUnit } from '../../core/workbench';
import { listSuggestions, useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import type { Suggestion } from '../grid/types';
import type { EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { Section } from './parts';
import { ProcurementItemsGrid } from './ProcurementItems';

/** Grid ids of this panel; check findings name "basicProcurement" for groups and their items alike. */
export const BASIC_PROCUREMENT_GRIDS = ['basicProcurement', 'basicProcurementItems'] as const;

/** The group a focus request (a group's row or one of its items) points into. */
function groupOf(groups: readonly BasicProcurement[], rowKey: string): string | undefined {
  return groups.find((group) => group.id === rowKey || group.items.some((item) => item.id === rowKey))?.id;
}

/**
 * 政府采购 paid from basic expenditure: the groups (公用类项目1 …) in one grid, the items of the group
 * whose row is active in a second grid below it.
 */
export function BasicProcurementPanel({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const focus = useWorkbench((state) => state.focus);
  const groups = workbook.basicProcurement;
  const [selected, setSelected] = useState<string | undefined>(() => (focus ? groupOf(groups, focus.rowKey) : undefined));

  // A finding about an item or a group shows that group's items.
  useEffect(() => {
    if (!focus || !(BASIC_PROCUREMENT_GRIDS as readonly string[]).includes(focus.tableId)) return;
    const group = groupOf(groups, focus.rowKey);
    if (group) setSelected(group);
  }, [focus, groups]);

  const save = useCallback((value: BasicProcurement[]) => void edit([{ op: 'set', key: 'basicProcurement', value }]), [edit]);
  const persist = useCallback((puts: BasicProcurement[], deletes: string[]) => save(applyToList(groups, puts, deletes)), [groups, save]);
  const onlyUnit = workbook.units.length === 1 ? workbook.units[0]?.id : undefined;
  const defaults = useMemo<Partial<BasicProcurement>>(() => (onlyUnit ? { unitId: onlyUnit } : {}), [onlyUnit]);
  const unitName = t(`moneyUnit.${ctx.entryUnit}`);
  const columns = useMemo<EntryColumn[]>(
    () => [
      { id: 'unitId', header: t('column.unit'), width: 200 },
      { id: 'name', header: t('basicProcurement.name'), width: 180 },
      { id: 'budget', header: t('basicProcurement.budget', { unit: unitName }), width: 150 },
      { id: 'listedAfter', header: t('basicProcurement.listedAfter'), width: 240 },
      { id: 'itemCount', header: t('basicProcurement.itemCount'), width: 90 },
      { id: 'itemsAmount', header: t('basicProcurement.itemsAmount', { unit: unitName }), width: 150 },
    ],
    [t, unitName],
  );
  const suggest = useCallback(
    (row: { record: BasicProcurement | null; texts: Record<string, string> }, column: string, text: string): Suggestion[] => {
      const typedUnit = row.texts.unitId !== undefined ? parseUnit(row.texts.unitId, ctx.units) : null;
      const unitId = typedUnit?.ok ? typedUnit.value : (row.record?.unitId ?? onlyUnit);
      switch (column) {
        case 'unitId':
          return listSuggestions(ctx.units.map((unit) => ({ value: unit.name, label: unit.name, detail: unit.code })), text);
        case 'name': {
          const name = nextGroupName(groups, unitId);
          return listSuggestions([{ value: name, label: name }], text);
        }
        case 'listedAfter':
          return listSuggestions(
            ctx.projects.filter((project) => unitId === undefined || project.unitId === unitId).map((project) => ({ value: project.name, label: project.name, detail: project.code })),
            text,
          );
        default:
          return [];
      }
    },
    [ctx, groups, onlyUnit],
  );
  const onActiveRowChange = useCallback((rowKey: string) => {
    // Only saved groups have items; a new row being typed leaves the items shown as they were.
    if (groups.some((group) => group.id === rowKey)) setSelected(rowKey);
  }, [groups]);
  const active = groups.find((group) => group.id === selected) ?? groups[0];
  const saveItems = useCallback(
    (items: ProcurementItem[]) => {
      if (active) save(groups.map((group) => (group.id === active.id ? { ...group, items } : group)));
    },
    [active, groups, save],
  );

  return (
    <div className="basic-procurement">
      <p className="muted">{t('basicProcurement.hint')}</p>
      <Section title={t('basicProcurement.groups')} className="procurement-groups">
        <EntryGrid
          id="basicProcurement"
          label={t('basicProcurement.groups')}
          records={groups}
          codec={basicProcurementCodec}
          columns={columns}
          ctx={ctx}
          defaults={defaults}
          persist={persist}
          suggest={suggest}
          onActiveRowChange={onActiveRowChange}
        />
      </Section>
      {active ? (
        <Section title={t('basicProcurement.itemsOf', { name: active.name })}>
          <ProcurementItemsGrid
            key={active.id}
            id="basicProcurementItems"
            findingsFrom="basicProcurement"
            draftKey={`basicProcurementItems:${active.id}`}
            label={t('basicProcurement.itemsOf', { name: active.name })}
            workbook={workbook}
            items={active.items}
            onSave={saveItems}
          />
        </Section>
      ) : (
        <p className="muted empty-note">{t('basicProcurement.empty')}</p>
      )}
    </div>
  );
}
