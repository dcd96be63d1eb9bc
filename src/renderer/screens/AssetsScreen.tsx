import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assets, Workbook } from '../../core/model';
import {
  amountEditText,
  applyToList,
  ASSET_FIGURES,
  assetQuantity,
  parseAssetFigure,
  parseAssetQuantity,
  parseCount,
  vehicleCodec,
  withAssetFigure,
  withAssetQuantity,
  withIds,
  withoutIds,
  type AssetFigureSpec,
  type CellProblem,
  type VehicleRow,
} from '../../core/workbench';
import { listSuggestions, useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import type { EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { LineField, Section } from './parts';
import { ScreenHeading } from './ScreenHeading';

const NO_DEFAULTS = {};
const VEHICLE_KINDS = ['一般公务用车', '执法执勤用车', '特种专业技术用车', '应急保障用车', '其他用车'];

/**
 * State assets the disclosure reports: the date they describe, large equipment, the fixed assets held
 * (money and counts or areas, Hebei's 固定资产占用 table) and vehicles by kind.
 */
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
      { id: 'kind', header: t('assets.vehicleKind'), width: 220 },
      { id: 'count', header: t('assets.vehicleCount'), width: 110 },
    ],
    [t],
  );
  const suggest = useCallback(
    (_row: unknown, column: string, text: string) => (column === 'kind' ? listSuggestions(VEHICLE_KINDS.map((kind) => ({ value: kind, label: kind })), text) : []),
    [],
  );
  const worded = (field: string, problem: CellProblem) => t('fieldProblem', { field, message: t(problem.key, problem.params) });
  const count = (field: 'generalEquipmentOver500k' | 'specialEquipmentOver1m') => (text: string) => {
    const parsed = parseCount(text);
    if (!parsed.ok) return worded(t(`assets.${field}`), parsed.problem);
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
      <div className="assets-body">
        <Section title={t('assets.fixedAssets')} className="fixed-assets">
          <FixedAssetsTable workbook={workbook} onSave={save} worded={worded} />
          <p className="field-hint">{t('assets.fixedAssetsHint', { unit: t(`moneyUnit.${workbook.settings.entryUnit}`) })}</p>
        </Section>
        <Section title={t('assets.vehicles')} className="vehicles">
          <EntryGrid id="vehicles" label={t('assets.vehicles')} records={rows} codec={vehicleCodec} columns={columns} ctx={ctx} defaults={NO_DEFAULTS} persist={persist} suggest={suggest} />
        </Section>
      </div>
    </main>
  );
}

/** One row per asset figure (ASSET_FIGURES): its count or area where it has one, and its value in the entry unit. */
function FixedAssetsTable({ workbook, onSave, worded }: { workbook: Workbook; onSave(assets: Assets): void; worded(field: string, problem: CellProblem): string }) {
  const { t } = useTranslation('workbench');
  const { assets } = workbook;
  const unit = workbook.settings.entryUnit;
  const unitName = t(`moneyUnit.${unit}`);
  const own = (spec: AssetFigureSpec) => t(`assets.figure.${spec.key}`);
  // "其中：办公用房": a part of a part of the total is named as such.
  const name = (spec: AssetFigureSpec) => (spec.partOf && spec.partOf !== 'total' ? t('assets.partOf', { name: own(spec) }) : own(spec));

  const commitFigure = (spec: AssetFigureSpec) => (text: string) => {
    const label = t('assets.valueOf', { name: name(spec), unit: unitName });
    const parsed = parseAssetFigure(text, unit);
    if (!parsed.ok) return worded(label, parsed.problem);
    onSave(withAssetFigure(assets, spec.key, parsed.value));
    return null;
  };
  const commitQuantity = (spec: AssetFigureSpec) => (text: string) => {
    if (!spec.quantity) return null;
    const label = t('assets.quantityOf', { name: name(spec), measure: t(`assets.measure.${spec.quantity.measure}`) });
    const parsed = parseAssetQuantity(text, spec.quantity);
    if (!parsed.ok) return worded(label, parsed.problem);
    onSave(withAssetQuantity(assets, spec.key, parsed.value));
    return null;
  };

  return (
    <table className="fixed-assets-table">
      <thead>
        <tr>
          <th scope="col">{t('assets.item')}</th>
          <th scope="col">{t('assets.quantity')}</th>
          <th scope="col">{t('assets.value', { unit: unitName })}</th>
        </tr>
      </thead>
      <tbody>
        {ASSET_FIGURES.map((spec) => {
          const quantity = assetQuantity(assets, spec);
          const figure = assets.figures[spec.key];
          const measure = spec.quantity ? t(`assets.measure.${spec.quantity.measure}`) : '';
          return (
            <tr key={spec.key} data-testid={`asset-${spec.key}`}>
              <th scope="row" className={spec.partOf && spec.partOf !== 'total' ? 'part' : undefined}>
                {name(spec)}
              </th>
              <td>
                {spec.quantity?.source === 'typed' && (
                  <LineField
                    label={t('assets.quantityOf', { name: name(spec), measure })}
                    labelHidden
                    field={`quantity.${spec.key}`}
                    inputMode={spec.quantity.whole ? 'numeric' : 'decimal'}
                    value={quantity === undefined ? '' : String(quantity)}
                    suffix={measure}
                    onCommit={commitQuantity(spec)}
                  />
                )}
                {spec.quantity?.source === 'vehicleList' && (
                  <span className="derived-quantity" title={t('assets.fromVehicleList')}>
                    {quantity} {measure}
                    <span className="muted"> · {t('assets.fromVehicleList')}</span>
                  </span>
                )}
              </td>
              <td>
                <LineField
                  label={t('assets.valueOf', { name: name(spec), unit: unitName })}
                  labelHidden
                  field={`figure.${spec.key}`}
                  inputMode="decimal"
                  value={figure === undefined ? '' : amountEditText(figure, unit)}
                  onCommit={commitFigure(spec)}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
