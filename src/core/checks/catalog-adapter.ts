import { catalogForWorkbook, levelOf, parentCodes, type Catalog } from '../catalog';
import type { UnitKind, Workbook } from '../model';
import type { CheckCatalog } from './types';

/** The checks' view of the catalogue (core/catalog.ts): built-in lists plus the workbook's imports. */
export function checkCatalogFrom(catalog: Catalog): CheckCatalog {
  // A catalogue never changes once built, so answers that cost a walk are memoised: a full run
  // asks them once per line.
  const legal = new Map<UnitKind, Map<string, string[]>>();
  const fundFunctions = new Map<string, boolean>();
  const fundKnown = new Map<string, boolean>();
  const unitKinds = new Map<string, FunctionUnitKind | undefined>();
  const legalGovEcon = (kind: UnitKind, deptEcon: string): string[] => {
    let byDept = legal.get(kind);
    if (!byDept) {
      byDept = new Map();
      legal.set(kind, byDept);
    }
    let codes = byDept.get(deptEcon);
    if (!codes) {
      codes = catalog.legalGovEconCodes(kind, deptEcon);
      byDept.set(deptEcon, codes);
    }
    return codes;
  };
  return {
    hasFunction: (code) => catalog.lookupFunction(code) !== undefined,
    hasDeptEcon: (code) => catalog.lookupDeptEcon(code) !== undefined,
    hasGovEcon: (code) => catalog.lookupGovEcon(code) !== undefined,
    isLegalPair: (kind, deptEcon, govEcon) => legalGovEcon(kind, deptEcon).includes(govEcon),
    legalGovEcon: (kind, deptEcon) => [...legalGovEcon(kind, deptEcon)],
    isGovernmentFund: (functionCode) => {
      let answer = fundFunctions.get(functionCode);
      if (answer === undefined) {
        answer = catalog.isGovernmentFundFunction(functionCode);
        fundFunctions.set(functionCode, answer);
      }
      return answer;
    },
    functionUnitKind: (functionCode) => {
      if (!unitKinds.has(functionCode)) unitKinds.set(functionCode, functionUnitKindOf(catalog, functionCode));
      return unitKinds.get(functionCode);
    },
    knowsFunctionFund: (functionCode) => {
      let answer = fundKnown.get(functionCode);
      if (answer === undefined) {
        answer = functionFundKnown(catalog, functionCode);
        fundKnown.set(functionCode, answer);
      }
      return answer;
    },
  };
}

type FunctionUnitKind = { kind: 'admin' | 'institution'; counterpart: string | null };

const ADMIN_NAME = /^行政(运行|单位)/;
const INSTITUTION_NAME = /^事业(运行|单位)/;

/** 行政运行 ↔ 事业运行, 行政单位医疗 ↔ 事业单位医疗: the kind a 项's name speaks for, and its twin in the same 款. */
function functionUnitKindOf(catalog: Catalog, code: string): FunctionUnitKind | undefined {
  if (code.length !== 7) return undefined;
  const name = catalog.lookupFunction(code)?.name ?? '';
  const kind = ADMIN_NAME.test(name) ? 'admin' : INSTITUTION_NAME.test(name) ? 'institution' : undefined;
  if (!kind) return undefined;
  const twinName = kind === 'admin' ? name.replace(/^行政/, '事业') : name.replace(/^事业/, '行政');
  let counterpart: string | null = null;
  for (let item = 1; item <= 99 && counterpart === null; item += 1) {
    const candidate = `${code.slice(0, 5)}${String(item).padStart(2, '0')}`;
    if (catalog.lookupFunction(candidate)?.name === twinName) counterpart = candidate;
  }
  return { kind, counterpart };
}

/** The code or its 款 is listed, or a code above it carries a fund hint (234 抗疫特别国债 …). */
function functionFundKnown(catalog: Catalog, code: string): boolean {
  if (catalog.lookupFunction(code)) return true;
  if (catalog.functionFundHint(code) !== null) return true;
  const level = levelOf('function', code);
  if (level === undefined) return false;
  return parentCodes('function', code).some((parent) => levelOf('function', parent) === 2 && catalog.lookupFunction(parent) !== undefined);
}

/**
 * The catalogue a workbook's codes are checked against: the built-in edition of its catalogue year
 * (settings.catalogEdition) and its imported list (cached per both by catalogFor).
 */
export function checkCatalogForWorkbook(workbook: Workbook): CheckCatalog {
  const catalog = catalogForWorkbook(workbook);
  let adapter = adapters.get(catalog);
  if (!adapter) {
    adapter = checkCatalogFrom(catalog);
    adapters.set(catalog, adapter);
  }
  return adapter;
}

const adapters = new WeakMap<Catalog, CheckCatalog>();
