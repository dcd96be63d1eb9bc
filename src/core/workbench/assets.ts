import type { Fen, MoneyUnit } from '../money';
import type { Assets } from '../model';
import { clean, ok, parseAmount, parseCount, parseQuantity, type CellResult } from './cells';

/** What a quantity beside an asset figure counts: 平方米, 台（辆）, 台（套）, 件. */
export type AssetMeasure = 'squareMetre' | 'vehicle' | 'equipment' | 'item';

export interface AssetQuantitySpec {
  measure: AssetMeasure;
  /** Whole numbers only (counts); areas take up to 4 decimals. */
  whole: boolean;
  /**
   * Where the quantity comes from: typed into assets.quantities[key], or the total of the vehicle list
   * (assets.vehicles), which the 固定资产占用 table prints as its vehicle count.
   */
  source: 'typed' | 'vehicleList';
}

export interface AssetFigureSpec {
  /** Key of assets.figures (and assets.quantities), read by templates as figure.<key> / quantity.<key>. */
  key: string;
  /** The figure this one is part of ("其中：办公用房" is part of 房屋); null for the total. */
  partOf: string | null;
  /** The count or area beside the money, or null when the table prints none. */
  quantity: AssetQuantitySpec | null;
}

/**
 * The asset figures a template's fixed-assets table prints (Hebei's 部门固定资产占用情况表), in its row
 * order: money in assets.figures, counts and areas in assets.quantities. The workbench's assets screen and
 * any check read this one list.
 */
export const ASSET_FIGURES: readonly AssetFigureSpec[] = [
  { key: 'total', partOf: null, quantity: null },
  { key: 'buildings', partOf: 'total', quantity: { measure: 'squareMetre', whole: false, source: 'typed' } },
  { key: 'officeBuildings', partOf: 'buildings', quantity: { measure: 'squareMetre', whole: false, source: 'typed' } },
  { key: 'vehicles', partOf: 'total', quantity: { measure: 'vehicle', whole: true, source: 'vehicleList' } },
  { key: 'equipmentOver200k', partOf: 'total', quantity: { measure: 'equipment', whole: true, source: 'typed' } },
  { key: 'otherFixedAssets', partOf: 'total', quantity: { measure: 'item', whole: true, source: 'typed' } },
];

/** An asset figure as typed in the entry unit; empty means not given (null). */
export function parseAssetFigure(text: string, unit: MoneyUnit): CellResult<Fen | null> {
  return clean(text) === '' ? ok(null) : parseAmount(text, unit);
}

/** A count (whole) or an area (up to 4 decimals); empty means not given (null), while "0" is an entered zero. */
export function parseAssetQuantity(text: string, spec: AssetQuantitySpec): CellResult<number | null> {
  if (clean(text) === '') return ok(null);
  return spec.whole ? parseCount(text) : parseQuantity(text);
}

/** The quantity beside figure `key`: typed, or the vehicle list's total; undefined when not given. */
export function assetQuantity(assets: Assets, spec: AssetFigureSpec): number | undefined {
  if (!spec.quantity) return undefined;
  if (spec.quantity.source === 'vehicleList') return assets.vehicles.reduce((total, vehicle) => total + vehicle.count, 0);
  return assets.quantities?.[spec.key];
}

/** `assets` with figure `key` set, or removed for null (absent is unknown, not zero). */
export function withAssetFigure(assets: Assets, key: string, fen: Fen | null): Assets {
  const { [key]: _old, ...figures } = assets.figures;
  return { ...assets, figures: fen === null ? figures : { ...figures, [key]: fen } };
}

/** `assets` with quantity `key` set, or removed for null; no quantities at all leaves the field out. */
export function withAssetQuantity(assets: Assets, key: string, quantity: number | null): Assets {
  const { quantities: current, ...rest } = assets;
  const { [key]: _old, ...others } = current ?? {};
  const quantities = quantity === null ? others : { ...others, [key]: quantity };
  return Object.keys(quantities).length > 0 ? { ...rest, quantities } : rest;
}
