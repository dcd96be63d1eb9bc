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
