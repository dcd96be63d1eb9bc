import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assets, Workbook } from '../../core/model';
import { applyToList, parseCount, vehicleCodec, withIds, withoutIds, type VehicleRow } from '../../core/workbench';
import { listSuggestions, useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import type { EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { LineField, Section } from './parts';
import { ScreenHeading } from './ScreenHeading';

const NO_DEFAULTS = {};
const VEHICLE_KINDS = ['一般公务用车', '执法执勤用车', '特种专业技术用车', '应急保障用车', '其他用车'];

/** State assets the disclosure reports: vehicles by kind, large equipment, the date they describe. */
export function AssetsScreen({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const assets = workbook.assets;
  const save = useCallback((value: Assets) => void edit([{ op: 'set', key: 'assets', value }]), [edit]);
  const rows = useMemo<VehicleRow[]>(() => withIds(assets.vehicles, 'v'), [assets.vehicles]);
  const persist = useCallback((puts: VehicleRow[], deletes: string[]) => save({ ...assets, vehicles: withoutIds(applyToList(rows, puts, deletes)) }), [assets, rows, save]);
  const columns = useMemo<EntryColumn[]>(
    () => [
      { id: 'kind', header: t('assets.vehicleKind'), width: 260 },
      { id: 'count', header: t('assets.vehicleCount'), width: 120 },
    ],
    [t],
  );
  const suggest = useCallback(
    (_row: unknown, column: string, text: string) => (column === 'kind' ? listSuggestions(VEHICLE_KINDS.map((kind) => ({ value: kind, label: kind })), text) : []),
    [],
  );
  const count = (field: 'generalEquipmentOver500k' | 'specialEquipmentOver1m') => (text: string) => {
    const parsed = parseCount(text);
    if (!parsed.ok) return t('cellProblem', { row: 1, field: t(`assets.${field}`), message: t(parsed.problem.key, parsed.problem.params) });
    save({ ...assets, [field]: parsed.value });
    return null;
  };

  return (
    <main className="screen grid-screen">
      <ScreenHeading title={t('assets.title')} hint={t('assets.hint')} />
      <div className="field-row assets-fields">
        <LineField label={t('assets.asOf')} field="asOf" value={assets.asOf} onCommit={(asOf) => (save({ ...assets, asOf: asOf.trim() }), null)} />
        <LineField label={t('assets.generalEquipmentOver500k')} field="generalEquipmentOver500k" inputMode="numeric" value={String(assets.generalEquipmentOver500k)} onCommit={count('generalEquipmentOver500k')} />
        <LineField label={t('assets.specialEquipmentOver1m')} field="specialEquipmentOver1m" inputMode="numeric" value={String(assets.specialEquipmentOver1m)} onCommit={count('specialEquipmentOver1m')} />
      </div>
      <Section title={t('assets.vehicles')}>
        <EntryGrid id="vehicles" label={t('assets.vehicles')} records={rows} codec={vehicleCodec} columns={columns} ctx={ctx} defaults={NO_DEFAULTS} persist={persist} suggest={suggest} />
      </Section>
    </main>
  );
}
