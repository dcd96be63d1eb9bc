import { catalogFor, type Catalog } from '../catalog';
import type { UnitKind, Workbook } from '../model';
import type { CheckCatalog } from './types';

/** The checks' view of the catalogue (core/catalog.ts): built-in lists plus the workbook's imports. */
export function checkCatalogFrom(catalog: Catalog): CheckCatalog {
  // A catalogue never changes once built, so answers that cost a walk are memoised: a full run
  // asks them once per line.
  const legal = new Map<UnitKind, Map<string, string[]>>();
  const fundFunctions = new Map<string, boolean>();
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
  };
}

/** The catalogue a workbook's codes are checked against (cached per imported list by catalogFor). */
export function checkCatalogForWorkbook(workbook: Workbook): CheckCatalog {
  const catalog = catalogFor(workbook.catalogEntries);
  let adapter = adapters.get(catalog);
  if (!adapter) {
    adapter = checkCatalogFrom(catalog);
    adapters.set(catalog, adapter);
  }
  return adapter;
}

const adapters = new WeakMap<Catalog, CheckCatalog>();
